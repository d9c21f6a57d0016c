// The scene's annotations once the frame is set: the disputed areas in view
// (and which of them are history), province labels a dispute's repeats, the
// claims as numbered callouts, the border in question, and the alt text.
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

/// Whether point (lon, lat) lies in admin-1 unit `e` (its polygon in the
/// admin1 layer).
bool in_admin1(const GeoData& data, const Entry& e, double lon, double lat) {
    const Layer& layer = data.layer("admin1");
    const int code = layer.field("iso_3166_2");
    if (code < 0 || e.admin1.empty()) return false;
    for (const std::size_t i : layer.query(Box{lon, lat, lon, lat})) {
        const Feature& f = layer.features()[i];
        if (f.values[static_cast<std::size_t>(code)] == e.admin1) return contains(f.polygons, {lon, lat});
    }
    return false;
}

/// Whether an article that names a settled dispute is about its settlement:
/// it gives the year of the settlement or speaks of a ruling, award or treaty.
bool about_settlement(const Document& doc, const Dispute& d) {
    static constexpr std::string_view kWords[] = {"ruling",   "ruled",  "verdict",  "award",      "arbitration",
                                                  "arbitral", "treaty", "handover", "settlement", "icj"};
    const std::string year = std::to_string(d.settled_year);
    return std::any_of(doc.tokens.begin(), doc.tokens.end(), [&](const Token& t) {
        return t.is_word &&
               (t.folded == year || std::find(std::begin(kWords), std::end(kWords), t.folded) != std::end(kWords));
    });
}

/// Appends the names of `items` to `out` as "a, b and c", each written by
/// `append_name(out, item)`: straight into the text, with no copy of each
/// name and no joined string in between.
template <class Items, class AppendName>
void append_joined(std::string& out, const Items& items, AppendName append_name) {
    const std::size_t n = std::size(items);
    std::size_t i = 0;
    for (const auto& item : items) {
        if (i > 0) out += i + 1 == n ? " and " : ", ";
        append_name(out, item);
        ++i;
    }
}

/// The claim's words cut at a word boundary to fit a legend line.
std::string shorten(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    const auto space = text.rfind(' ', cut);
    if (space != std::string::npos && space > max_bytes / 2) cut = space;
    return text.substr(0, cut) + "\u2026";
}

}  // namespace

/// Disputed territories in the frame, flagged when the article names them
/// or one of the parties claims them. When the story's locus is made of
/// disputes, a named one that is not among them and lies apart from them
/// (no overlap of extents), or is recalled as history, was named in
/// passing: context, drawn as a dispute the article does not name. A
/// settled one is history unless it is
/// the story's (its locus, or named when the locus holds no dispute) and the
/// article (when there is one) is about the settlement.
void add_disputes(Scene& s, const GeoData& data, const std::vector<std::string>& mentioned_ids, const Document* doc) {
    const DisputeRegistry& registry = data.disputes();
    std::vector<const Dispute*> locus;
    for (const auto& id : s.locus.ids) {
        if (const auto key = PlaceId::dispute_key(id)) {
            if (const Dispute* d = registry.find(std::string(*key))) locus.push_back(d);
        }
    }
    // The registry is sorted by id: the named ones are marked by position
    // once, not looked for among the ids for each of its disputes.
    const auto& all = registry.all();
    std::vector<char> named_at(all.size(), 0);
    for (const std::string& id : mentioned_ids) {
        const auto [from, to] = std::ranges::equal_range(all, id, std::ranges::less{}, &Dispute::id);
        for (auto it = from; it != to; ++it) named_at[static_cast<std::size_t>(it - all.begin())] = 1;
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Dispute& d = all[i];
        const bool named = named_at[i] != 0;
        if (!named && !d.bbox.intersects(s.bbox)) continue;
        SceneDispute& sd = s.disputes.emplace_back();
        sd.id = d.id;
        sd.name = d.name;
        sd.parties = d.parties;
        sd.administered_by = d.administered_by;
        sd.status = d.status;
        sd.mentioned = named;
        sd.settled = d.settled_year;
        sd.settled_how = d.settled_how;
        const bool in_locus = std::find(locus.begin(), locus.end(), &d) != locus.end();
        const bool story = locus.empty() ? named : in_locus;
        sd.history = d.settled() && !(story && doc && about_settlement(*doc, d));
        const bool apart =
            std::none_of(locus.begin(), locus.end(), [&](const Dispute* l) { return l->bbox.intersects(d.bbox); });
        sd.passing = named && !locus.empty() && !in_locus && (apart || sd.history);
        for (const auto& p : s.parties) {
            if (std::find(d.parties.begin(), d.parties.end(), p.country) != d.parties.end()) sd.involves_party = true;
        }
    }
}

/// An area's label (or a water feature's, or a border feature's) that a
/// dispute's label repeats goes: "Jammu and Kashmir"
/// beside "Jammu and Kashmir (Indian-administered)", "Autonomous Republic of
/// Crimea" beside "Crimea". Only disputes that get a label count (those the
/// article names, or when it names none, those of its parties), as the
/// renderer decides.
void drop_repeated_area_labels(Scene& s, const DisputeRegistry& registry) {
    const bool any_named =
        std::any_of(s.disputes.begin(), s.disputes.end(), [](const SceneDispute& d) { return d.mentioned; });
    std::vector<std::string_view> labels;
    std::vector<const Dispute*> labelled;
    for (const auto& d : s.disputes) {
        if (!(any_named ? d.mentioned : d.involves_party)) continue;
        // The registry has the name folded already (the first of folded_names).
        const Dispute* entry = registry.find(d.id);
        labels.push_back(entry->folded_names.front());
        labelled.push_back(entry);
    }
    static constexpr std::string_view kWater[] = {"bay",    "canal", "channel", "fjord", "gulf",  "inlet",
                                                  "lagoon", "lake",  "river",   "sea",   "sound", "strait"};
    auto water = [&](const Marker& m) {
        return std::find(std::begin(kWater), std::end(kWater), m.feature_kind) != std::end(kWater);
    };
    // A border feature named as a labelled dispute is that dispute: its dot
    // and name beside the dispute's own label said the same thing twice
    // ("Scarborough Shoal" in red over the reef, and again in black beside
    // it; "Fashaga" a few kilometres from the hatched al-Fashaga). By the
    // dispute's other names too when the feature is the area itself (an
    // island, reef or region), not a place in it: the Kerch Strait is one of
    // the Sea of Azov's names, the village of Hala'ib one of its triangle's.
    static constexpr std::string_view kAreas[] = {"archipelago", "atoll", "bank",    "cay",   "enclave",
                                                  "island",      "islet", "plateau", "reef",  "region",
                                                  "rock",        "shoal", "spit",    "valley"};
    auto area = [&](const Marker& m) {
        return std::find(std::begin(kAreas), std::end(kAreas), m.feature_kind) != std::end(kAreas);
    };
    std::erase_if(s.markers, [&](const Marker& m) {
        if (m.feature_kind.empty()) return false;
        const std::string name = fold(m.name);
        return std::any_of(labelled.begin(), labelled.end(), [&](const Dispute* d) {
            const auto& names = d->folded_names;
            return names.front() == name || (area(m) && std::find(names.begin(), names.end(), name) != names.end());
        });
    });
    // A water feature's point (a strait, a sea) is a dot somewhere in the
    // water the dispute's label already names: "Khor Abdullah" as a point
    // on Bubiyan, "Beaufort Sea" beside "Beaufort Sea boundary".
    std::erase_if(s.markers, [&](const Marker& m) {
        if (!m.area && !water(m)) return false;
        const std::string name = fold(m.name);
        return std::any_of(labels.begin(), labels.end(), [&](std::string_view label) {
            const bool leads = label.size() >= name.size() && label.compare(0, name.size(), name) == 0 &&
                               (label.size() == name.size() || label[name.size()] == ' ');
            const bool trails = name.size() > label.size() &&
                                name.compare(name.size() - label.size(), label.size(), label) == 0 &&
                                name[name.size() - label.size() - 1] == ' ';
            return leads || trails;
        });
    });
}

/// Claims become numbered callouts: the geographic ones (all of them when
/// none is), tied to the first place they concern that lies in the frame.
void add_callouts(Scene& s, const Gazetteer& gaz, const GeoData& data, const std::vector<Claim>& claims) {
    const bool any_geographic = std::any_of(claims.begin(), claims.end(), [](const Claim& c) { return c.geographic; });
    // Every actor gets a say before any gets a second one: take claims
    // round-robin by actor, at most kMaxCallouts, then number them in text order.
    constexpr std::size_t kMaxCallouts = 7;
    std::vector<std::string> actors;
    std::map<std::string, std::vector<std::size_t>> by_actor;
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& c = claims[i];
        if (any_geographic && !c.geographic) continue;
        const std::string key = c.actor.country + "|" + to_string(c.stance) + "|" + c.text;
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        if (!by_actor.count(c.actor.country)) actors.push_back(c.actor.country);
        by_actor[c.actor.country].push_back(i);
    }
    std::vector<std::size_t> chosen;
    for (std::size_t round = 0; chosen.size() < kMaxCallouts; ++round) {
        bool any = false;
        for (const auto& a : actors) {
            if (round < by_actor[a].size() && chosen.size() < kMaxCallouts) {
                chosen.push_back(by_actor[a][round]);
                any = true;
            }
        }
        if (!any) break;
    }
    std::sort(chosen.begin(), chosen.end());
    // The dispute the story is about: the locus's when it is one, else the
    // first open one the article names, else the first open one a party claims.
    // A settled dispute the article recalls as history ("the two fought
    // over Preah Vihear in 2008-2011") is the story's only when no open one is.
    const Dispute* story_dispute = nullptr;
    const auto is_history = [&](const std::string& id) {
        return std::any_of(s.disputes.begin(), s.disputes.end(),
                           [&](const SceneDispute& sd) { return sd.id == id && sd.history; });
    };
    for (const bool history : {false, true}) {
        for (const auto& id : s.locus.ids) {
            const auto key = PlaceId::dispute_key(id);
            if (story_dispute || !key || is_history(std::string(*key)) != history) continue;
            story_dispute = data.disputes().find(std::string(*key));
        }
    }
    // A dispute the article never names is the story's only when the story
    // has no place of its own: a corridor story whose parties also share
    // the Karki exclave is about the corridor, not Karki.
    for (const bool named : {true, false}) {
        if (!named && !s.locus.bbox.empty()) break;
        for (const SceneDispute& sd : s.disputes) {
            if (story_dispute || sd.history || (named ? !sd.mentioned || sd.passing : !sd.involves_party)) continue;
            story_dispute = data.disputes().find(sd.id);
        }
    }
    for (const std::size_t i : chosen) {
        const Claim& c = claims[i];
        Callout co;
        co.number = static_cast<int>(s.callouts.size()) + 1;
        co.claim = i;
        co.actor_country = c.actor.country;
        const auto actor = gaz.by_id(PlaceId::country(c.actor.country));
        co.actor_name = actor >= 0 ? gaz.entry(static_cast<std::uint32_t>(actor)).name : c.actor.text;
        co.stance = to_string(c.stance);
        co.quote = shorten(c.text, 100);
        auto anchor_at = [&](double lon, double lat) {
            if (co.anchored || !in_frame(s.bbox, lon, lat)) return;
            co.anchor = {lon, lat};
            co.anchored = true;
        };
        for (int pass = 0; pass < 2 && !co.anchored; ++pass) {
            // Places and areas first; a whole country only when nothing smaller is named.
            for (const auto& id : c.places) {
                const auto idx = gaz.by_id(id);
                if (idx < 0) continue;
                const Entry& e = gaz.entry(static_cast<std::uint32_t>(idx));
                if ((e.kind == PlaceKind::country) != (pass == 1)) continue;
                // "the site lay within Surin province": a claim that names
                // the province the story's place lies in puts that place
                // there; it is about the place, not the province's middle.
                // Not a province that is the disputed area itself
                // ("Abkhazia", "Crimea"), whose own point is as good.
                const auto same_area = [&] {
                    const std::string name = fold(e.name);
                    return std::find(story_dispute->folded_names.begin(), story_dispute->folded_names.end(), name) !=
                           story_dispute->folded_names.end();
                };
                if (e.kind == PlaceKind::admin1 && story_dispute && !same_area() &&
                    in_admin1(data, e, story_dispute->label.lon, story_dispute->label.lat))
                    anchor_at(story_dispute->label.lon, story_dispute->label.lat);
                anchor_at(e.lon, e.lat);
            }
            if (pass == 0) {
                for (const auto& id : c.disputes) {
                    if (const Dispute* d = data.disputes().find(id)) anchor_at(d->label.lon, d->label.lat);
                }
                // A claim whose sentence names only countries ("Azerbaijan
                // accused Armenia of shelling") is about the story's dispute,
                // not about the middle of a country that may lie far from it.
                // Else (no dispute, or its label out of view) the story's
                // place is its locus (a shoal, a village): a claim naming
                // only a capital far off the map ("Beijing said the boat
                // intruded") is about it.
                if (story_dispute) anchor_at(story_dispute->label.lon, story_dispute->label.lat);
                // A locus of several places (a crossing and the towns on
                // either side) is about its first: the middle of their box
                // is a point of nothing, and a badge led there points at
                // empty land.
                if (!s.locus.ids.empty()) {
                    if (const auto idx = gaz.by_id(s.locus.ids.front()); idx >= 0) {
                        const Entry& e = gaz.entry(static_cast<std::uint32_t>(idx));
                        if (e.kind != PlaceKind::country) anchor_at(e.lon, e.lat);
                    }
                }
                if (!s.locus.bbox.empty()) {
                    anchor_at((s.locus.bbox.west + s.locus.bbox.east) / 2,
                              (s.locus.bbox.south + s.locus.bbox.north) / 2);
                }
            }
        }
        s.callouts.push_back(std::move(co));
    }
}

/// When the article is about a border (it says border, frontier or
/// boundary) and two parties share one, that boundary is the one in question.
void add_borders(Scene& s, const Document& doc, const GeoData& data) {
    // The cheap test first: string_view compares sizes before bytes, so most
    // tokens are rejected without touching their text.
    if (s.parties.size() < 2) return;
    const bool about_border = std::any_of(doc.tokens.begin(), doc.tokens.end(), [](const Token& t) {
        using namespace std::string_view_literals;
        const std::string_view f = t.folded;
        return t.is_word && (f == "border"sv || f == "borders"sv || f == "frontier"sv || f == "boundary"sv ||
                             f == "line of control"sv);
    });
    if (!about_border) return;
    const Layer& b = data.layer("boundaries");
    // Field positions looked up once, not per feature.
    const int left = b.field("adm0_a3_l"), right = b.field("adm0_a3_r");
    if (left < 0 || right < 0) return;
    for (std::size_t i = 0; i < s.parties.size(); ++i) {
        for (std::size_t j = i + 1; j < s.parties.size(); ++j) {
            const std::string& x = s.parties[i].country;
            const std::string& y = s.parties[j].country;
            bool shared = false;
            for (std::size_t k = 0; k < b.size() && !shared; ++k) {
                const auto& values = b.features()[k].values;
                const auto& l = values[static_cast<std::size_t>(left)];
                const auto& r = values[static_cast<std::size_t>(right)];
                shared = (l == x && r == y) || (l == y && r == x);
            }
            if (shared) s.borders.emplace_back(x, y);
        }
    }
}

/// One paragraph for screen readers and the SVG <desc>.
std::string describe(const Scene& s) {
    const auto name = [](std::string& out, const auto& item) { out += item.name; };
    std::vector<const SceneDispute*> disputes;
    for (const auto& d : s.disputes) {
        if (d.mentioned || d.involves_party) disputes.push_back(&d);
    }
    std::string t = "Map";
    if (!s.parties.empty()) {
        t += " of ";
        append_joined(t, s.parties, name);
        t += s.parties.size() > 1 ? ", each in its own colour" : ", in its own colour";
    }
    t += ", ";
    t += extent_text(s.bbox);
    t += ".";
    if (!disputes.empty()) {
        t += " Disputed areas, hatched in the claimants' colours: ";
        append_joined(t, disputes, [](std::string& out, const SceneDispute* d) {
            out += d->name;
            out += " (";
            out += d->status;
            out += ')';
        });
        t += '.';
    }
    if (!s.mentioned.empty()) {
        t += " Also named in the article: ";
        append_joined(t, s.mentioned, name);
        t += '.';
    }
    if (!s.markers.empty()) {
        t += " Places marked: ";
        append_joined(t, s.markers, name);
        t += '.';
    }
    for (const auto& c : s.callouts) {
        t += " Claim ";
        t += std::to_string(c.number);
        t += ": ";
        t += c.actor_name;
        t += ' ';
        t += c.stance;
        t += ", \u201C";
        t += c.quote;
        t += "\u201D.";
    }
    for (const auto& [a, b] : s.borders) {
        t += " The ";
        t += a;
        t += "\u2013";
        t += b;
        t += " border is emphasised.";
    }
    if (!s.worldview.empty()) {
        t += " Drawn as ";
        t += s.worldview;
        t += " sees its claims.";
    }
    t += " Boundaries shown are not endorsed.";
    return t;
}

}  // namespace borderline::scene_plan
