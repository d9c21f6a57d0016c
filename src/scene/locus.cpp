// The locus: what the story is about (the place --focus names, the disputes
// it names, the cluster of its most specific places, or the border its two
// main countries share), from which the frame is built.
#include "scene/plan.hpp"

#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/scene.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

namespace borderline::scene_plan {

namespace {

/// An admin-1 unit's box from its layer, or an empty box.
Box admin1_box(const GeoData& data, const Entry& e) {
    const Layer& layer = data.layer("admin1");
    const int code = layer.field("iso_3166_2");
    if (code < 0) return {};
    for (const std::size_t i : layer.query(Box{e.lon, e.lat, e.lon, e.lat})) {
        const Feature& f = layer.features()[i];
        if (f.values[static_cast<std::size_t>(code)] != e.admin1) continue;
        // A unit across the antimeridian (Alaska, Chukotka) spans the whole
        // world as one box: take the part that holds its label point.
        if (f.bbox.width() > 180) {
            for (const Box& part : f.part_boxes) {
                if (part.contains(e.lon, e.lat)) return part;
            }
        }
        return f.bbox;
    }
    return {};
}

/// Groups boxes that lie within `gap_km` of each other: each group is a
/// separate locus drawn readably on its own.
std::vector<Box> group_boxes(std::vector<Box> boxes, double gap_km) {
    bool merged = true;
    while (merged) {
        merged = false;
        for (std::size_t i = 0; i < boxes.size() && !merged; ++i) {
            for (std::size_t j = i + 1; j < boxes.size() && !merged; ++j) {
                const Box& a = boxes[i];
                const Box& b = boxes[j];
                const double gx = std::max(0.0, std::max(a.west - b.east, b.west - a.east));
                const double gy = std::max(0.0, std::max(a.south - b.north, b.south - a.north));
                const double lat = std::cos(std::clamp((a.south + a.north) / 2, -89.0, 89.0) * kPi / 180);
                if (std::hypot(gx * lat, gy) * kKmPerDegree <= gap_km) {
                    boxes[i].expand(b);
                    boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(j));
                    merged = true;
                }
            }
        }
    }
    return boxes;
}

/// Land area of a multipolygon in km², by the shoelace formula on each
/// ring scaled by the cosine of its latitude (holes subtract).
double area_km2(const MultiPolygon& mp) {
    double total = 0;
    for (const Polygon& poly : mp) {
        for (std::size_t r = 0; r < poly.size(); ++r) {
            const Points& ring = poly[r];
            double a = 0;
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                const double k = std::cos((ring[i].lat + ring[j].lat) / 2 * kPi / 180);
                a += (ring[j].lon * k) * ring[i].lat - (ring[i].lon * k) * ring[j].lat;
            }
            total += (r == 0 ? 1 : -1) * std::abs(a) / 2 * kKmPerDegree * kKmPerDegree;
        }
    }
    return total;
}

Locus dispute_locus(const std::vector<const Dispute*>& disputes, const std::string& why) {
    Locus l;
    std::vector<Box> boxes;
    for (const Dispute* d : disputes) {
        l.ids.push_back("dispute:" + d->id);
        l.bbox.expand(d->bbox);
        boxes.push_back(d->bbox);
    }
    l.why = why;
    l.parts = group_boxes(boxes, 600);
    const auto [w, h] = km_size(l.bbox);
    // Islets spread over a hundred km are specks at the map's scale: they
    // get the locator ring of a point.
    double land_km2 = 0;
    for (const Dispute* d : disputes) land_km2 += d->polygon ? area_km2(*d->polygon) : 0;
    l.point = std::max(w, h) < 20 || land_km2 < 100;
    return l;
}

Locus place_locus(const GeoData& data, const std::vector<Entry>& entries, const std::string& why) {
    Locus l;
    std::vector<Box> boxes;
    for (const Entry& e : entries) {
        l.ids.emplace_back(e.id);
        const Box b = e.kind == PlaceKind::admin1 ? admin1_box(data, e) : Box{};
        boxes.push_back(b.empty() ? Box{e.lon, e.lat, e.lon, e.lat} : b);
        l.bbox.expand(boxes.back());
    }
    // Places on both sides of the antimeridian (Anadyr and Nome): the box
    // runs on past 180 east instead of round the world.
    if (l.bbox.width() > 180) {
        Box east;
        for (Box b : boxes) {
            if (b.east < 0) b = {b.west + 360, b.south, b.east + 360, b.north};
            east.expand(b);
        }
        if (east.width() < l.bbox.width()) l.bbox = east;
    }
    l.why = why;
    l.parts = {l.bbox};
    const auto [w, h] = km_size(l.bbox);
    l.point = std::max(w, h) < 20;
    return l;
}

/// How much the article makes of each dispute: its mentions (by the
/// dispute's entry or any of its names), the headline's counting 2, the
/// lead's (the two sentences after it) 1.5, any other 1; and the plain count.
struct DisputeWeight {
    double weight = 0;
    int count = 0;
};

std::vector<DisputeWeight> dispute_weights(const Story& story, const std::vector<const Dispute*>& d) {
    const auto& sentences = story.doc.sentences;
    const std::size_t lead_end =
        sentences.size() > 1 ? sentences[std::min<std::size_t>(2, sentences.size() - 1)].end : 0;
    std::vector<DisputeWeight> weight(d.size());
    for (std::size_t i = 0; i < story.places.size(); ++i) {
        const std::string_view id = story.entries[i].id;
        for (const auto& m : story.places[i].mentions) {
            const std::string folded = fold(m.text);
            const double w = m.span.start < story.headline_end ? 2.0 : m.span.start < lead_end ? 1.5 : 1.0;
            for (std::size_t k = 0; k < d.size(); ++k) {
                const bool by_entry =
                    id.size() == 8 + d[k]->id.size() && id.rfind("dispute:", 0) == 0 && id.substr(8) == d[k]->id;
                const auto& names = d[k]->folded_names;
                if (by_entry || std::find(names.begin(), names.end(), folded) != names.end()) {
                    weight[k].weight += w;
                    ++weight[k].count;
                }
            }
        }
    }
    return weight;
}

/// Of the disputes the headline (or else the article) names, those the
/// story is about. A settled one named beside an open one is the
/// comparison ("After Hans Island, ... the Beaufort Sea"). Of those the
/// article names, one named as a claimant of another (Taiwan beside the
/// Senkakus) or in passing (under half the weight of the most-named: "like
/// the Falklands", a roundup's list) is context, not locus; so is one that
/// holds another named one (Kashmir around Azad Kashmir), the setting.
std::vector<const Dispute*> story_disputes(const Story& story, std::vector<const Dispute*> d, bool in_headline) {
    if (std::any_of(d.begin(), d.end(), [](const Dispute* x) { return !x->settled(); })) {
        std::erase_if(d, [](const Dispute* x) { return x->settled(); });
    }
    if (!in_headline) {
        const std::vector<DisputeWeight> weight = dispute_weights(story, d);
        double most = 0;
        int most_count = 0;
        for (const DisputeWeight& w : weight) {
            most = std::max(most, w.weight);
            most_count = std::max(most_count, w.count);
        }
        std::vector<const Dispute*> kept;
        for (std::size_t k = 0; k < d.size(); ++k) {
            const bool claimant_of_other = std::any_of(d.begin(), d.end(), [&](const Dispute* other) {
                return other != d[k] && std::find(other->parties.begin(), other->parties.end(),
                                                  d[k]->administered_by) != other->parties.end();
            });
            if (claimant_of_other && weight[k].count < most_count) continue;
            if (weight[k].weight < 0.5 * most) continue;
            kept.push_back(d[k]);
        }
        d = kept;
        std::erase_if(d, [&](const Dispute* big) {
            return std::any_of(d.begin(), d.end(), [&](const Dispute* small) {
                return small != big && big->bbox.west <= small->bbox.west && big->bbox.east >= small->bbox.east &&
                       big->bbox.south <= small->bbox.south && big->bbox.north >= small->bbox.north &&
                       big->bbox.width() * big->bbox.height() > small->bbox.width() * small->bbox.height();
            });
        });
    }
    return d;
}

/// The dispute or place that --focus names; a usage error with the nearest
/// name when it names none.
Locus focus_locus(const Story& story, const std::string& focus) {
    const DisputeRegistry& registry = story.data.disputes();
    const std::string folded = fold(focus);
    std::string id = focus;
    if (id.rfind("dispute:", 0) == 0) id = id.substr(8);
    if (const Dispute* d = registry.find(id)) return dispute_locus({d}, "--focus " + focus);
    for (const std::size_t i : registry.named_by(folded)) {
        return dispute_locus({&registry.all()[i]}, "--focus " + focus);
    }
    std::int64_t entry = story.gaz.by_id(focus);
    if (entry < 0) {
        const auto found = story.gaz.lookup(focus);
        if (!found.empty()) entry = found.front();
    }
    if (entry >= 0) {
        const Entry e = story.gaz.entry(static_cast<std::uint32_t>(entry));
        if (e.kind == PlaceKind::dispute && e.id.rfind("dispute:", 0) == 0) {
            if (const Dispute* d = registry.find(std::string(e.id.substr(8)))) {
                return dispute_locus({d}, "--focus " + focus);
            }
        }
        if (e.kind == PlaceKind::country) {
            const Feature* f = story.data.country_feature(e.country);
            Locus l;
            l.ids.emplace_back(e.id);
            l.bbox = f ? story.data.territory(*f) : Box{e.lon, e.lat, e.lon, e.lat};
            l.why = "--focus " + focus;
            l.parts = {l.bbox};
            return l;
        }
        return place_locus(story.data, {e}, "--focus " + focus);
    }
    // Nothing: suggest the dispute whose id or name is nearest in spelling.
    std::string best;
    std::size_t best_d = std::string::npos;
    for (const Dispute& d : registry.all()) {
        for (const std::string& name : d.folded_names) {
            const std::size_t dist = edit_distance(folded, name);
            if (dist < best_d) {
                best_d = dist;
                best = d.id;
            }
        }
        const std::size_t dist = edit_distance(folded, d.id);
        if (dist < best_d) {
            best_d = dist;
            best = d.id;
        }
    }
    throw UsageError("focus " + focus + " matches no dispute or place; did you mean " + best + "?", "focus");
}

}  // namespace

/// What the story is about, in order: the place --focus names; the disputes
/// the headline names, else those the article names; the cluster of its most
/// specific places in the main countries (capitals and countries that only
/// comment are context); the border the two main countries share; their
/// territories.
Locus find_locus(Story& story, const NamedDisputes& named, const std::vector<Weighed>& ranked,
                 const std::string& focus) {
    if (!focus.empty()) return focus_locus(story, focus);
    const DisputeRegistry& registry = story.data.disputes();
    auto disputes_of = [&](const std::vector<std::string>& ids) {
        std::vector<const Dispute*> out;
        for (const auto& id : ids) {
            if (const Dispute* d = registry.find(id)) out.push_back(d);
        }
        return out;
    };
    if (auto d = disputes_of(named.in_headline); !d.empty()) {
        return dispute_locus(story_disputes(story, d, true), "dispute named in the headline");
    }
    if (auto d = disputes_of(named.all); !d.empty()) {
        return dispute_locus(story_disputes(story, d, false), "dispute named in the article");
    }
    // The story's own countries: those weighed at 40% of the heaviest or more.
    std::vector<std::string> main;
    for (const Weighed& c : ranked) {
        if (c.weight >= 0.4 * ranked.front().weight) main.push_back(c.iso);
    }
    auto is_main = [&](std::string_view iso) { return std::find(main.begin(), main.end(), iso) != main.end(); };
    // Specific places weighed by mentions (headline double); provinces only
    // when no town, island or feature is named.
    struct Candidate {
        std::size_t index;
        double weight;
        std::size_t first;
    };
    std::vector<Candidate> specific, provinces;
    for (std::size_t i = 0; i < story.places.size(); ++i) {
        const Entry& e = story.entries[i];
        if (e.capital || !is_main(e.country)) continue;
        const bool point = e.kind == PlaceKind::place || e.kind == PlaceKind::water || e.kind == PlaceKind::feature;
        if (!point && e.kind != PlaceKind::admin1) continue;
        double w = 0;
        for (const auto& m : story.places[i].mentions) w += m.span.start < story.headline_end ? 2.0 : 1.0;
        // A border feature named once in passing (the river a border
        // follows, a settlement near the fishery) is not the story; one in
        // the headline or named twice is (Big Diomede, a reef).
        if (e.kind == PlaceKind::feature && w < 2) continue;
        (point ? specific : provinces).push_back({i, w, story.places[i].mentions.front().span.start});
    }
    std::vector<Candidate>& pool = specific.empty() ? provinces : specific;
    if (!pool.empty()) {
        std::sort(pool.begin(), pool.end(), [](const Candidate& a, const Candidate& b) {
            if (a.weight != b.weight) return a.weight > b.weight;
            return a.first < b.first;
        });
        const Entry& seed = story.entries[pool.front().index];
        // The cluster: the places within a day's drive of the heaviest.
        std::vector<Entry> cluster;
        for (const Candidate& c : pool) {
            const Entry& e = story.entries[c.index];
            if (km_between(seed.lon, seed.lat, e.lon, e.lat) <= 250) cluster.push_back(e);
        }
        return place_locus(story.data, cluster, specific.empty() ? "provinces named" : "places named");
    }
    // A story about a border between two countries it names.
    if (main.size() >= 2) {
        const Layer& b = story.data.layer("boundaries");
        const int left = b.field("adm0_a3_l"), right = b.field("adm0_a3_r");
        Locus l;
        if (left >= 0 && right >= 0) {
            for (std::size_t k = 0; k < b.size(); ++k) {
                const auto& values = b.features()[k].values;
                const auto& x = values[static_cast<std::size_t>(left)];
                const auto& y = values[static_cast<std::size_t>(right)];
                if ((x == main[0] && y == main[1]) || (x == main[1] && y == main[0]))
                    l.bbox.expand(b.features()[k].bbox);
            }
        }
        if (!l.bbox.empty()) {
            l.ids = {"country:" + main[0], "country:" + main[1]};
            l.why = "border of the two countries named most";
            l.parts = {l.bbox};
            return l;
        }
    }
    return {};
}

}  // namespace borderline::scene_plan
