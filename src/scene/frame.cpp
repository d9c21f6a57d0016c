// The parties and the extent: which countries are drawn in party colours,
// and the frame around the locus (or, with none, around the story's
// disputes and parties), in the canvas's proportions.
#include "scene/plan.hpp"

#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/scene.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <span>
#include <unordered_map>

namespace borderline::scene_plan {

namespace {

Box pad(Box b, double fraction, double min_span) {
    const double cx = (b.west + b.east) / 2, cy = (b.south + b.north) / 2;
    double w = std::max(b.width() * (1 + 2 * fraction), min_span);
    double h = std::max(b.height() * (1 + 2 * fraction), min_span * 0.6);
    Box out{cx - w / 2, std::max(-85.0, cy - h / 2), cx + w / 2, std::min(85.0, cy + h / 2)};
    return out;
}

/// Whether some part of the country lies within `km` of the box: the gap
/// between the boxes along the parallel at the box's middle and along the
/// meridian (a country of islands has hundreds of parts; boxes are enough).
bool within_km(const Feature& f, const Box& box, double km) {
    const std::span<const Box> parts =
        f.part_boxes.empty() ? std::span<const Box>(&f.bbox, 1) : std::span<const Box>(f.part_boxes);
    const double k = std::cos(std::clamp((box.south + box.north) / 2, -89.0, 89.0) * kPi / 180);
    return std::any_of(parts.begin(), parts.end(), [&](const Box& b) {
        const double gx = std::max(0.0, std::max(b.west - box.east, box.west - b.east));
        const double gy = std::max(0.0, std::max(b.south - box.north, box.south - b.north));
        return std::hypot(gx * k, gy) * kKmPerDegree < km;
    });
}

}  // namespace

namespace {

/// The parties of a story told through places: the countries of its places,
/// the ranked countries with land within 300 km of them, and the claimants
/// of a registry dispute that holds one of its features.
std::vector<std::string> parties_of_places(Story& story, const std::vector<Weighed>& ranked, const Locus& locus) {
    const DisputeRegistry& registry = story.data.disputes();
    const double lx = (locus.bbox.west + locus.bbox.east) / 2, ly = (locus.bbox.south + locus.bbox.north) / 2;
    std::vector<std::string> near;
    for (const auto& id : locus.ids) {
        const auto idx = story.gaz.by_id(id);
        if (idx < 0) continue;
        const std::string iso(story.gaz.country_of(static_cast<std::uint32_t>(idx)));
        if (story.data.country_feature(iso) && std::find(near.begin(), near.end(), iso) == near.end()) {
            near.push_back(iso);
        }
    }
    for (const Weighed& c : ranked) {
        const std::string& iso = c.iso;
        if (std::find(near.begin(), near.end(), iso) != near.end()) continue;
        // Named in passing ("the line drawn in 1893 between British
        // India and the emir", of a story at Torkham): near, but not a
        // side of the story, by the same measure as above.
        if (c.weight < 0.4 * ranked.front().weight) continue;
        const Feature* f = story.data.country_feature(iso);
        if (!f) continue;
        // Some part within 300 km: the first found decides, and a part
        // three degrees of latitude away or more is farther (333 km)
        // without the great-circle formula (a country of islands has
        // hundreds of parts).
        const std::span<const Box> parts =
            f->part_boxes.empty() ? std::span<const Box>(&f->bbox, 1) : std::span<const Box>(f->part_boxes);
        const bool within = std::any_of(parts.begin(), parts.end(), [&](const Box& b) {
            const double by = std::clamp(ly, b.south, b.north);
            return std::abs(by - ly) < 3 && km_between(lx, ly, std::clamp(lx, b.west, b.east), by) < 300;
        });
        if (within) near.push_back(iso);
    }
    // A feature that belongs to a registry dispute (Second Thomas Shoal
    // in the Spratlys; rank 1 in the gazetteer): that dispute's claimants
    // are parties too, though their coasts are far from it (issue 16
    // item 3). The gazetteer keeps no dispute id for a feature, so it is
    // the open dispute whose polygon holds the point, else the one whose
    // extent is nearest, within 50 km (an island group's polygons are its
    // islands, and its reefs lie around them).
    for (const auto& id : locus.ids) {
        const auto idx = story.gaz.by_id(id);
        if (idx < 0) continue;
        const Entry& e = story.gaz.entry(static_cast<std::uint32_t>(idx));
        if (e.kind != PlaceKind::feature || e.rank != 1) continue;
        const Dispute* holder = nullptr;
        double holder_km = 50;
        for (const Dispute& d : registry.all()) {
            if (d.settled() || d.bbox.empty()) continue;
            const double km = d.polygon && d.bbox.contains(e.lon, e.lat) && contains(*d.polygon, {e.lon, e.lat})
                                  ? -1
                                  : km_between(e.lon, e.lat, std::clamp(e.lon, d.bbox.west, d.bbox.east),
                                               std::clamp(e.lat, d.bbox.south, d.bbox.north));
            if (km < holder_km) {
                holder = &d;
                holder_km = km;
            }
        }
        if (!holder) continue;
        for (const auto& p : holder->parties) {
            if (story.data.country_feature(p) && std::find(near.begin(), near.end(), p) == near.end()) {
                near.push_back(p);
            }
        }
    }
    return near;
}

}  // namespace

Parties choose_parties(Story& story, const std::vector<Weighed>& ranked, const NamedDisputes& named,
                       const Locus& locus) {
    Parties out;
    std::vector<std::string>& framed = out.framed;
    const DisputeRegistry& registry = story.data.disputes();
    if (!ranked.empty()) {
        const std::string& top = ranked.front().iso;
        const auto top_id = story.gaz.by_id(PlaceId::country(top));
        const Box top_box = story.territory(top);
        for (const Weighed& c : ranked) {
            const std::string& iso = c.iso;
            if (c.weight < 0.4 * ranked.front().weight) continue;
            const Feature* f = story.data.country_feature(iso);
            if (!f) continue;
            const Box b = story.territory(*f);
            if (iso != top) {
                // Only countries next to the main one share its frame; a far
                // or very large country would shrink the story to a speck.
                const double gap_lon = std::max(0.0, std::max(b.west - top_box.east, top_box.west - b.east));
                const double gap_lat = std::max(0.0, std::max(b.south - top_box.north, top_box.south - b.north));
                const double area_ratio = (b.width() * b.height()) / std::max(1e-6, top_box.width() * top_box.height());
                if (gap_lon > 3 || gap_lat > 3 || (area_ratio > 25 && top_id >= 0)) continue;
            }
            framed.push_back(iso);
        }
    }
    // A story about a dispute: a country the article weighs but that claims
    // none of it and lies far from it (Washington funding a survey of Lake
    // Victoria) comments; only the claimants and countries near it are
    // drawn as parties.
    const bool dispute_locus = !locus.ids.empty() && locus.ids.front().rfind("dispute:", 0) == 0;
    if (dispute_locus && !locus.bbox.empty()) {
        std::erase_if(framed, [&](const std::string& iso) {
            for (const auto& id : locus.ids) {
                const Dispute* d = id.rfind("dispute:", 0) == 0 ? registry.find(id.substr(8)) : nullptr;
                if (d && std::find(d->parties.begin(), d->parties.end(), iso) != d->parties.end()) return false;
            }
            const Feature* f = story.data.country_feature(iso);
            return !f || !within_km(*f, locus.bbox, 300);
        });
    }
    // The claimants of the story's disputes are parties, even when the
    // article names one of them only in passing.
    for (const auto& id : locus.ids) {
        if (id.rfind("dispute:", 0) != 0) continue;
        const Dispute* d = registry.find(id.substr(8));
        if (!d) continue;
        for (const auto& p : d->parties) {
            if (story.data.country_feature(p) && std::find(framed.begin(), framed.end(), p) == framed.end()) {
                framed.push_back(p);
            }
        }
    }
    // A story told through places: their countries are the parties, and a
    // country far from them (Washington on the Caucasus) only comments.
    if (!locus.ids.empty() && locus.ids.front().rfind("dispute:", 0) != 0 && !locus.bbox.empty()) {
        framed = parties_of_places(story, ranked, locus);
    }
    // With no country to go by, a named dispute's claimants are the parties.
    if (framed.empty()) {
        for (const auto& id : named.all) {
            if (const Dispute* d = registry.find(id)) {
                for (const auto& p : d->parties) framed.push_back(p);
                break;
            }
        }
    }
    // A territory that is itself the disputed area (the Falkland Islands,
    // Northern Cyprus) is not a party to its dispute: the registry's
    // claimants are, whether or not the article names them.
    for (const auto& id : named.all) {
        const Dispute* d = registry.find(id);
        if (!d) continue;
        const Box& a = d->bbox;
        const Box area{a.west - 0.25, a.south - 0.25, a.east + 0.25, a.north + 0.25};
        std::vector<std::string> own;
        for (const auto& iso : framed) {
            if (std::find(d->parties.begin(), d->parties.end(), iso) != d->parties.end()) continue;
            const Box b = story.territory(iso);
            if (!b.empty() && area.contains(b.west, b.south) && area.contains(b.east, b.north)) own.push_back(iso);
        }
        if (own.empty()) continue;
        std::erase_if(framed,
                      [&](const std::string& iso) { return std::find(own.begin(), own.end(), iso) != own.end(); });
        for (const auto& p : d->parties) {
            if (std::find(framed.begin(), framed.end(), p) == framed.end()) framed.push_back(p);
        }
        out.stand_ins.insert(out.stand_ins.end(), own.begin(), own.end());
    }
    return out;
}

/// The extent of the map: the core of the story (the named disputes, only
/// those of the headline when it names any, and the parties of modest size),
/// the parties' land near it and the places named near it, padded. A party
/// much larger than the core (Russia in a Crimea story, India in a Kashmir
/// one) contributes only its part near the core.
Box frame_story(Story& story, const NamedDisputes& named, const Parties& parties, const SceneOptions& options) {
    const DisputeRegistry& registry = story.data.disputes();
    const std::vector<std::string>& framed = parties.framed;
    Box core;
    bool headline_dispute = false;
    for (const auto& id : named.in_headline) {
        if (const Dispute* d = registry.find(id)) {
            core.expand(d->bbox);
            headline_dispute = true;
        }
    }
    if (!headline_dispute) {
        for (const auto& id : named.all) {
            if (const Dispute* d = registry.find(id)) core.expand(d->bbox);
        }
    }
    std::vector<Box> party_boxes;
    double smallest = 1e18;
    for (const auto& iso : framed) {
        party_boxes.push_back(story.territory(iso));
        if (!party_boxes.back().empty())
            smallest = std::min(smallest, party_boxes.back().width() * party_boxes.back().height());
    }
    if (!headline_dispute) {
        for (const Box& b : party_boxes) {
            if (!b.empty() && (framed.size() == 1 || b.width() * b.height() <= 6 * smallest)) core.expand(b);
        }
    }
    if (core.empty()) {
        for (const Box& b : party_boxes) core.expand(b);
    }
    Box near = core;
    if (!core.empty()) {
        const double margin = std::max(3.0, 0.5 * std::max(core.width(), core.height()));
        near = {core.west - margin, core.south - margin, core.east + margin, core.north + margin};
    }
    Box frame = core;
    for (const Box& b : party_boxes) {
        if (b.empty() || !b.intersects(near)) continue;
        frame.expand(Box{std::max(b.west, near.west), std::max(b.south, near.south), std::min(b.east, near.east),
                         std::min(b.north, near.north)});
    }
    if (headline_dispute) frame = core;  // the parties still show around it through the padding
    // Places near the core pull the frame out to include them.
    for (const Entry& e : story.entries) {
        if (e.kind == PlaceKind::country || e.kind == PlaceKind::dispute) continue;
        const bool in_party = std::find(framed.begin(), framed.end(), e.country) != framed.end();
        if ((frame.empty() || in_party) && (near.empty() || near.contains(e.lon, e.lat))) frame.expand(e.lon, e.lat);
    }
    if (options.bbox) return *options.bbox;
    if (frame.empty()) return {-180, -60, 180, 80};
    // A story about one disputed area needs its surroundings for context.
    return pad(frame, headline_dispute ? 0.45 : 0.12, 3.0);
}

/// The frame around the locus: the locus filling a good part of the map,
/// with enough of each party's nearest land that the reader sees whose side
/// is whose, in the canvas's proportions. A point-sized locus gets a map of a
/// couple of hundred km; separate loci far apart share one map, each marked.
Box frame_locus(Story& story, const Locus& locus, const Parties& parties, const SceneOptions& options) {
    const Box& l = locus.bbox;
    const auto [lw, lh] = km_size(l);
    const double extent = std::max(lw, lh);
    const double cx = (l.west + l.east) / 2, cy = (l.south + l.north) / 2;
    // The locus fills at least a quarter of the shorter side: the shorter side
    // is at most four times its extent; a point gets 150-400 km.
    const bool point = extent < 20;
    const double max_short = point ? 260.0 : std::max(4.0 * extent, 160.0);
    // Separate loci far apart already spread over the map: less margin.
    const double grow = locus.parts.size() > 1 ? 1.2 : extent > 300 ? 1.5 : 1.8;
    const double w = std::max(point ? 180.0 : grow * lw, 150.0), h = std::max(point ? 180.0 : grow * lh, 150.0);
    Box frame = box_around(cx, cy, w, h);
    if (point || locus.parts.size() <= 1) {
        // Each party's land nearest the locus, as long as the locus stays big.
        for (const auto& iso : parties.framed) {
            const Feature* f = story.data.country_feature(iso);
            if (!f) continue;
            const auto& parts = f->part_boxes.empty() ? std::vector<Box>{f->bbox} : f->part_boxes;
            // Seen when some part reaches the middle of the frame, not just a
            // corner (a box is coarser than the land in it).
            const double iw = frame.width() * 0.3, ih = frame.height() * 0.3;
            const Box inner{frame.west + iw, frame.south + ih, frame.east - iw, frame.north - ih};
            if (std::any_of(parts.begin(), parts.end(), [&](const Box& b) { return b.intersects(inner); })) continue;
            double best = 1e18;
            LonLat nearest;
            for (const Box& b : parts) {
                const double nx = std::clamp(cx, b.west, b.east), ny = std::clamp(cy, b.south, b.north);
                const double d = km_between(cx, cy, nx, ny);
                if (d < best) {
                    best = d;
                    nearest = {nx, ny};
                }
            }
            // The nearest corner of a box is often sea: take some land past it.
            Box grown = frame;
            grown.expand(box_around(nearest.lon, nearest.lat, 120, 120));
            // The shorter side once the frame takes the canvas's proportions.
            const auto [gw, gh] = km_size(grown);
            const double aspect = static_cast<double>(options.size.width) / std::max(1, options.size.height);
            const double shorter = aspect >= 1 ? std::max(gh, gw / aspect) : std::max(gw, gh * aspect);
            if (shorter * 1.1 <= max_short) frame = grown;
        }
    }
    // Margins, then the canvas's proportions: the map fills the canvas, so
    // the frame is what the reader sees.
    auto [fw, fh] = km_size(frame);
    fw *= 1.1;
    fh *= 1.1;
    const double aspect = static_cast<double>(options.size.width) / std::max(1, options.size.height);
    if (fw / fh < aspect) {
        fw = fh * aspect;
    } else {
        fh = fw / aspect;
    }
    return box_around((frame.west + frame.east) / 2, (frame.south + frame.north) / 2, fw, fh);
}

}  // namespace borderline::scene_plan
