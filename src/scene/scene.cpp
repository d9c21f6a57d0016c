// Scene planning: which countries frame the map, which are parties, what
// gets a marker. Countries named only in passing far from the story (the
// United States quoted on the Caucasus) stay out of the frame and appear in
// the legend instead.
#include <borderline/scene.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace borderline {

namespace {

constexpr double kPi = 3.14159265358979323846;

/// Box of a country's main territory: its parts near its largest part, so
/// that overseas islands do not stretch the frame.
Box main_territory(const Feature& f) {
    std::size_t largest = 0;
    double largest_area = -1;
    for (std::size_t i = 0; i < f.polygons.size(); ++i) {
        Box b;
        for (const auto& p : f.polygons[i].front()) b.expand(p.lon, p.lat);
        const double a = b.width() * b.height();
        if (a > largest_area) {
            largest_area = a;
            largest = i;
        }
    }
    Box core;
    if (f.polygons.empty()) return core;
    for (const auto& p : f.polygons[largest].front()) core.expand(p.lon, p.lat);
    Box out = core;
    const double margin = std::max(2.0, std::max(core.width(), core.height()) * 0.3);
    Box near{core.west - margin, core.south - margin, core.east + margin, core.north + margin};
    for (const auto& poly : f.polygons) {
        Box b;
        for (const auto& p : poly.front()) b.expand(p.lon, p.lat);
        if (near.intersects(b)) out.expand(b);
    }
    return out;
}

Box pad(Box b, double fraction, double min_span) {
    const double cx = (b.west + b.east) / 2, cy = (b.south + b.north) / 2;
    double w = std::max(b.width() * (1 + 2 * fraction), min_span);
    double h = std::max(b.height() * (1 + 2 * fraction), min_span * 0.6);
    Box out{cx - w / 2, std::max(-85.0, cy - h / 2), cx + w / 2, std::min(85.0, cy + h / 2)};
    return out;
}

}  // namespace

Scene plan_base_scene(const Box& bbox, const SceneOptions& options) {
    Scene s;
    s.bbox = bbox;
    s.size = options.size;
    s.projection = choose_projection(bbox);
    char buf[160];
    std::snprintf(buf, sizeof buf, "%.2f\u00b0, %.2f\u00b0 to %.2f\u00b0, %.2f\u00b0", bbox.west, bbox.south, bbox.east,
                  bbox.north);
    s.title = "Base map";
    s.subtitle = buf;
    return s;
}

Scene plan_scene(const Document& doc, const Gazetteer& gaz, const GeoData& data, const std::vector<Place>& places,
                 const std::vector<Claim>&, const SceneOptions& options) {
    Scene s;
    s.size = options.size;
    s.title = doc.title;
    s.subtitle = doc.date;

    // Weight each country by how often the article refers to it; the headline counts double.
    const std::size_t headline_end = doc.sentences.empty() ? 0 : doc.sentences.front().end;
    std::map<std::string, double> weight;
    std::map<std::string, std::size_t> first_seen;
    for (const auto& p : places) {
        const Entry& e = gaz.entry(p.entry);
        for (const auto& m : p.mentions) {
            const double w = (e.kind == PlaceKind::country ? 1.0 : 0.5) * (m.span.start < headline_end ? 2.0 : 1.0);
            weight[e.country] += w;
            if (!first_seen.count(e.country)) first_seen[e.country] = m.span.start;
        }
    }
    std::vector<std::pair<std::string, double>> ranked(weight.begin(), weight.end());
    std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        return first_seen[a.first] < first_seen[b.first];
    });

    const Layer& countries = data.layer("countries");
    auto country_feature = [&](const std::string& iso3) -> const Feature* {
        for (std::size_t i = 0; i < countries.size(); ++i) {
            if (countries.value(i, "iso_a3") == iso3) return &countries.features()[i];
        }
        return nullptr;
    };

    Box frame;
    std::vector<std::string> framed;
    if (!ranked.empty()) {
        const std::string top = ranked.front().first;
        const auto top_id = gaz.by_id("country:" + top);
        const Feature* top_f = country_feature(top);
        Box top_box = top_f ? main_territory(*top_f) : Box{};
        for (const auto& [iso, w] : ranked) {
            if (w < 0.4 * ranked.front().second) continue;
            const Feature* f = country_feature(iso);
            if (!f) continue;
            Box b = main_territory(*f);
            if (iso != top) {
                // Only countries next to the main one share its frame; a far
                // or very large country would shrink the story to a speck.
                const double gap_lon = std::max(0.0, std::max(b.west - top_box.east, top_box.west - b.east));
                const double gap_lat = std::max(0.0, std::max(b.south - top_box.north, top_box.south - b.north));
                const double area_ratio = (b.width() * b.height()) / std::max(1e-6, top_box.width() * top_box.height());
                if (gap_lon > 3 || gap_lat > 3 || (area_ratio > 25 && top_id >= 0)) continue;
            }
            frame.expand(b);
            framed.push_back(iso);
        }
    }
    // Places inside or near the frame pull it out to include them.
    for (const auto& p : places) {
        const Entry& e = gaz.entry(p.entry);
        if (e.kind == PlaceKind::country) continue;
        if (frame.empty() || std::find(framed.begin(), framed.end(), e.country) != framed.end()) {
            frame.expand(e.lon, e.lat);
        }
    }
    if (options.bbox) frame = *options.bbox;
    if (frame.empty()) {
        frame = {-180, -60, 180, 80};
    } else if (!options.bbox) {
        frame = pad(frame, 0.12, 3.0);
    }
    s.bbox = frame;
    s.projection = choose_projection(frame);

    int colour = 0;
    for (const auto& iso : framed) {
        const auto id = gaz.by_id("country:" + iso);
        s.parties.push_back({iso, id >= 0 ? gaz.entry(static_cast<std::uint32_t>(id)).name : iso, colour++});
        s.focus.push_back("country:" + iso);
    }
    for (const auto& [iso, w] : ranked) {
        if (std::find(framed.begin(), framed.end(), iso) != framed.end()) continue;
        const auto id = gaz.by_id("country:" + iso);
        if (id >= 0) s.mentioned.push_back({iso, gaz.entry(static_cast<std::uint32_t>(id)).name, -1});
    }
    for (const auto& p : places) {
        const Entry& e = gaz.entry(p.entry);
        if (e.kind == PlaceKind::place || e.kind == PlaceKind::admin1) {
            if (frame.contains(e.lon, e.lat)) {
                s.markers.push_back({e.id, e.name, {e.lon, e.lat}, e.capital, e.kind == PlaceKind::admin1});
                s.focus.push_back(e.id);
            }
        }
    }
    // Capitals of the parties, for orientation.
    for (const auto& party : s.parties) {
        for (const auto& e : gaz.entries()) {
            if (e.capital && e.country == party.country && frame.contains(e.lon, e.lat)) {
                const bool have = std::any_of(s.markers.begin(), s.markers.end(),
                                              [&](const Marker& m) { return m.place_id == e.id; });
                if (!have) s.markers.push_back({e.id, e.name, {e.lon, e.lat}, true, false});
            }
        }
    }
    return s;
}

}  // namespace borderline
