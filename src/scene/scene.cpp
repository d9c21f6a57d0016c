// Scene planning: which countries frame the map, which are parties, what
// gets a marker. Countries named only in passing far from the story (the
// United States quoted on the Caucasus) stay out of the frame and appear in
// the legend instead.
#include "scene/plan.hpp"

#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/scene.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

namespace borderline {

namespace scene_plan {

NamedDisputes find_named_disputes(const Story& story) {
    NamedDisputes out;
    for (std::size_t i = 0; i < story.places.size(); ++i) {
        const Place& p = story.places[i];
        const Entry& e = story.entries[i];
        const auto key = PlaceId::dispute_key(e.id);
        if (e.kind != PlaceKind::dispute || !key) continue;
        out.all.emplace_back(*key);
        if (p.mentions.front().span.start < story.headline_end) out.in_headline.emplace_back(*key);
    }
    // A name the geoparser resolved to something else of the same name (the
    // province "Crimea") still names the dispute.
    std::unordered_map<std::string, std::size_t> first_mention;  // folded text -> first byte
    for (const auto& p : story.places) {
        // A place's mentions mostly repeat one spelling: that is folded once.
        const std::string* last_text = nullptr;
        std::unordered_map<std::string, std::size_t>::iterator it;
        for (const auto& m : p.mentions) {
            if (!last_text || m.text != *last_text) {
                bool added = false;
                std::tie(it, added) = first_mention.try_emplace(fold(m.text), m.span.start);
                last_text = &m.text;
                if (added) continue;
            }
            it->second = std::min(it->second, m.span.start);
        }
    }
    // The registry's index gives the disputes each text names; they are
    // added in registry order, as a walk over the registry would.
    const auto& registry = story.data.disputes();
    const auto& all = registry.all();
    std::vector<char> named(all.size(), 0), in_headline(all.size(), 0);
    for (const auto& [text, first] : first_mention) {
        for (const std::size_t i : registry.named_by(text)) {
            named[i] = 1;
            if (first < story.headline_end) in_headline[i] = 1;
        }
    }
    auto add_once = [](std::vector<std::string>& v, const std::string& id) {
        if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
    };
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (named[i]) add_once(out.all, all[i].id);
        if (in_headline[i]) add_once(out.in_headline, all[i].id);
    }
    return out;
}

/// "The disputed triangle", "the contested waters", "the territorial
/// dispute": a dispute the article refers to without its name. Such a phrase
/// names the one registry dispute the article's two main countries are both
/// parties to and it has not named; with several (Armenia and Azerbaijan's
/// enclaves) or none it names nothing. Once the article has named one,
/// "the disputed area" most likely points back at it, and only a
/// territorial or border dispute, claim or case names another (a story on
/// the Sapodilla Cayes about Guatemala's claim to half of Belize).
void add_described_dispute(const Story& story, const std::vector<Weighed>& ranked, NamedDisputes& named) {
    if (ranked.size() < 2 || ranked[1].weight < 0.4 * ranked[0].weight) return;
    static constexpr std::string_view kWhat[] = {
        "area",  "areas", "territory", "territories", "triangle", "zone",    "waters",   "region",
        "land",  "lands", "strip",     "island",      "islands",  "islets",  "enclave",  "exclave",
        "shoal", "reef",  "sea",       "seas",        "valley",   "village", "villages", "frontier"};
    static constexpr std::string_view kQuarrel[] = {"dispute", "disputes", "claim",    "claims",
                                                    "case",    "row",      "conflict", "quarrel"};
    const auto has = [](const auto& words, std::string_view w) {
        return std::find(std::begin(words), std::end(words), w) != std::end(words);
    };
    const auto& tokens = story.doc.tokens;
    std::size_t at = tokens.size();  // the first such phrase's byte
    for (std::size_t i = 0; i + 1 < tokens.size() && at == tokens.size(); ++i) {
        const std::string_view w = tokens[i].folded;
        const bool described = named.all.empty() && (w == "disputed" || w == "contested");
        const bool quarrel = w == "territorial" || w == "border";
        if (!described && !quarrel) continue;
        // The noun, or one word before it: "the disputed maritime triangle".
        for (std::size_t j = i + 1; j < std::min(tokens.size(), i + 3) && tokens[j].is_word; ++j) {
            if (described ? has(kWhat, tokens[j].folded) : has(kQuarrel, tokens[j].folded)) {
                at = i;
                break;
            }
        }
    }
    if (at == tokens.size()) return;
    const Dispute* only = nullptr;
    for (const Dispute& d : story.data.disputes().all()) {
        const auto party = [&](const std::string& iso) {
            return std::find(d.parties.begin(), d.parties.end(), iso) != d.parties.end();
        };
        if (!party(ranked[0].iso) || !party(ranked[1].iso) || has(named.all, d.id)) continue;
        if (only) return;  // several: the words do not say which
        only = &d;
    }
    if (!only) return;
    named.all.push_back(only->id);
    if (tokens[at].span.start < story.headline_end) named.in_headline.push_back(only->id);
}

/// Countries by how often the article refers to them, heaviest first; the
/// headline counts double, a place inside a country half a naming of it.
std::vector<Weighed> rank_countries(const Story& story) {
    // An article names a handful of countries: a vector searched in place
    // serves better than maps keyed by strings.
    std::vector<Weighed> ranked;
    for (std::size_t i = 0; i < story.places.size(); ++i) {
        const Entry& e = story.entries[i];
        for (const auto& m : story.places[i].mentions) {
            const double w =
                (e.kind == PlaceKind::country ? 1.0 : 0.5) * (m.span.start < story.headline_end ? 2.0 : 1.0);
            auto it = std::find_if(ranked.begin(), ranked.end(), [&](const Weighed& c) { return c.iso == e.country; });
            if (it == ranked.end()) it = ranked.insert(it, {std::string(e.country), 0.0, m.span.start});
            it->weight += w;
        }
    }
    // In ISO order first: the sort below is not stable, and its ties came
    // out of a map keyed by ISO code.
    std::sort(ranked.begin(), ranked.end(), [](const Weighed& a, const Weighed& b) { return a.iso < b.iso; });
    std::sort(ranked.begin(), ranked.end(), [](const Weighed& a, const Weighed& b) {
        if (a.weight != b.weight) return a.weight > b.weight;
        return a.first_seen < b.first_seen;
    });
    return ranked;
}

}  // namespace scene_plan

namespace {

using namespace scene_plan;

/// The parties in their colours, the other countries named (for the
/// legend), and the places in the frame as markers.
void add_parties_and_markers(Scene& s, const Story& story, const std::vector<Weighed>& ranked, const Parties& parties) {
    const Gazetteer& gaz = story.gaz;
    int colour = 0;
    for (const auto& iso : parties.framed) {
        const auto id = gaz.by_id(PlaceId::country(iso));
        s.parties.push_back(
            {iso, std::string(id >= 0 ? gaz.entry(static_cast<std::uint32_t>(id)).name : iso), colour++});
        s.focus.push_back(PlaceId::country(iso).str());
    }
    for (const Weighed& c : ranked) {
        const std::string& iso = c.iso;
        if (std::find(parties.framed.begin(), parties.framed.end(), iso) != parties.framed.end()) continue;
        if (std::find(parties.stand_ins.begin(), parties.stand_ins.end(), iso) != parties.stand_ins.end()) {
            continue;  // drawn as the area
        }
        const auto id = gaz.by_id(PlaceId::country(iso));
        if (id >= 0) s.mentioned.push_back({iso, std::string(gaz.entry(static_cast<std::uint32_t>(id)).name), -1});
    }
    for (const Entry& e : story.entries) {
        if (e.kind == PlaceKind::place || e.kind == PlaceKind::admin1 || e.kind == PlaceKind::feature) {
            if (in_frame(s.bbox, e.lon, e.lat)) {
                s.markers.push_back({std::string(e.id),
                                     std::string(e.name),
                                     {e.lon, e.lat},
                                     e.capital,
                                     e.kind == PlaceKind::admin1,
                                     std::string(e.feature_kind)});
                s.focus.emplace_back(e.id);
            }
        }
    }
}

/// Capitals of the parties in the frame, for orientation.
void add_capitals(Scene& s, const Gazetteer& gaz) {
    for (const auto& party : s.parties) {
        for (const auto idx : gaz.capitals_of(party.country)) {
            const Entry& e = gaz.entry(idx);
            if (in_frame(s.bbox, e.lon, e.lat)) {
                const bool have = std::any_of(s.markers.begin(), s.markers.end(),
                                              [&](const Marker& m) { return m.place_id == e.id; });
                if (!have)
                    s.markers.push_back({std::string(e.id), std::string(e.name), {e.lon, e.lat}, true, false, {}});
            }
        }
    }
}

}  // namespace

using namespace scene_plan;

Scene plan_base_scene(const Box& bbox, const SceneOptions& options, const GeoData& data) {
    Scene s;
    s.bbox = bbox;
    s.size = options.size;
    s.worldview = options.worldview;
    s.dpi = options.dpi;
    s.projection = choose_projection(bbox);
    add_disputes(s, data, {});
    char buf[160];
    std::snprintf(buf, sizeof buf, "%.2f\u00b0, %.2f\u00b0 to %.2f\u00b0, %.2f\u00b0", bbox.west, bbox.south, bbox.east,
                  bbox.north);
    s.title = "Base map";
    s.subtitle = buf;
    s.alt_text = describe(s);
    return s;
}

Scene plan_scene(const Document& doc, const Gazetteer& gaz, const GeoData& data, const std::vector<Place>& places,
                 const std::vector<Claim>& claims, const SceneOptions& options) {
    Scene s;
    s.size = options.size;
    s.worldview = options.worldview;
    s.dpi = options.dpi;
    s.title = doc.title;
    s.subtitle = doc.date;
    Story story(doc, gaz, data, places);
    NamedDisputes named = find_named_disputes(story);
    const std::vector<Weighed> ranked = rank_countries(story);
    add_described_dispute(story, ranked, named);
    s.locus = find_locus(story, named, ranked, options.focus);
    const Parties parties = choose_parties(story, ranked, named, s.locus);
    if (options.bbox || s.locus.bbox.empty()) {
        s.bbox = frame_story(story, named, parties, options);
    } else {
        s.bbox = frame_locus(story, s.locus, parties, options);
    }
    s.projection = choose_projection(s.bbox);
    add_parties_and_markers(s, story, ranked, parties);
    add_disputes(s, data, named.all, &doc);
    drop_repeated_area_labels(s, data.disputes());
    add_capitals(s, gaz);
    add_callouts(s, gaz, data, claims);
    add_borders(s, doc, data);
    s.alt_text = describe(s);
    return s;
}

}  // namespace borderline
