// Scene planning: which countries frame the map, which are parties, what
// gets a marker. Countries named only in passing far from the story (the
// United States quoted on the Caucasus) stay out of the frame and appear in
// the legend instead.
#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/scene.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

namespace borderline {

namespace {

constexpr double kPi = 3.14159265358979323846;

/// Whether the frame holds the point; a frame across the antimeridian runs
/// past 180 east, where a point west of it is 360 degrees further on.
bool in_frame(const Box& frame, double lon, double lat) {
    return frame.contains(lon, lat) || frame.contains(lon + 360, lat) || frame.contains(lon - 360, lat);
}

/// Box of a country's main territory: its parts near its largest part, so
/// that overseas islands do not stretch the frame.
Box main_territory(const Feature& f) {
    const auto& parts = f.part_boxes;
    if (parts.empty()) return f.bbox;
    std::size_t largest = 0;
    double largest_area = -1;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const double a = parts[i].width() * parts[i].height();
        if (a > largest_area) {
            largest_area = a;
            largest = i;
        }
    }
    const Box& core = parts[largest];
    Box out = core;
    const double margin = std::max(2.0, std::max(core.width(), core.height()) * 0.3);
    const Box near{core.west - margin, core.south - margin, core.east + margin, core.north + margin};
    for (const Box& b : parts) {
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

/// Disputed territories in the frame, flagged when the article names them
/// or one of the parties claims them. A settled one is history unless the
/// article (when there is one) names it and is about the settlement.
void add_disputes(Scene& s, const GeoData& data, const std::vector<std::string>& mentioned_ids,
                  const Document* doc = nullptr) {
    for (const Dispute& d : data.disputes().all()) {
        const bool named = std::find(mentioned_ids.begin(), mentioned_ids.end(), d.id) != mentioned_ids.end();
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
        sd.history = d.settled() && !(named && doc && about_settlement(*doc, d));
        for (const auto& p : s.parties) {
            if (std::find(d.parties.begin(), d.parties.end(), p.country) != d.parties.end()) sd.involves_party = true;
        }
    }
}

/// An area's label that a dispute's label repeats goes: "Jammu and Kashmir"
/// beside "Jammu and Kashmir (Indian-administered)", "Autonomous Republic of
/// Crimea" beside "Crimea". Only disputes that get a label count (those the
/// article names, or when it names none, those of its parties), as the
/// renderer decides.
void drop_repeated_area_labels(Scene& s, const DisputeRegistry& registry) {
    const bool any_named =
        std::any_of(s.disputes.begin(), s.disputes.end(), [](const SceneDispute& d) { return d.mentioned; });
    std::vector<std::string_view> labels;
    for (const auto& d : s.disputes) {
        if (!(any_named ? d.mentioned : d.involves_party)) continue;
        // The registry has the name folded already (the first of folded_names).
        const Dispute* entry = registry.find(d.id);
        labels.push_back(entry->folded_names.front());
    }
    std::erase_if(s.markers, [&](const Marker& m) {
        if (!m.area) return false;
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
    const Dispute* story_dispute = nullptr;
    for (const auto& id : s.locus.ids) {
        const auto key = PlaceId::dispute_key(id);
        if (!story_dispute && key) story_dispute = data.disputes().find(std::string(*key));
    }
    for (const bool named : {true, false}) {
        for (const SceneDispute& sd : s.disputes) {
            if (story_dispute || sd.history || (named ? !sd.mentioned : !sd.involves_party)) continue;
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
                if ((e.kind == PlaceKind::country) == (pass == 1)) anchor_at(e.lon, e.lat);
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

/// `v` with `decimals` digits after the point, as printf's "%.*f" writes it
/// (std::to_chars with a precision is specified to), appended to `out`
/// without the cost of parsing a format.
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

// ---- The steps of plan_scene -------------------------------------------------
// Each step reads what the article gave (the Story) and what the steps
// before it decided, so the framing can be changed one step at a time.

/// What plan_scene reads from the article, decoded once for every step.
struct Story {
    const Document& doc;
    const Gazetteer& gaz;
    const GeoData& data;
    const std::vector<Place>& places;
    std::vector<Entry> entries;    ///< each place's gazetteer entry
    std::size_t headline_end = 0;  ///< end byte of the first sentence

    Story(const Document& d, const Gazetteer& g, const GeoData& gd, const std::vector<Place>& p)
        : doc(d), gaz(g), data(gd), places(p) {
        entries.reserve(places.size());
        for (const auto& place : places) entries.push_back(gaz.entry(place.entry));
        headline_end = doc.sentences.empty() ? 0 : doc.sentences.front().end;
    }

    /// Each country's main territory, computed once for the several steps
    /// that ask.
    Box territory(const Feature& f) {
        const auto [it, added] = territory_of.try_emplace(&f);
        if (added) it->second = main_territory(f);
        return it->second;
    }
    /// A country's main territory by ISO code; empty when it has no polygon.
    Box territory(const std::string& iso) {
        const Feature* f = data.country_feature(iso);
        return f ? territory(*f) : Box{};
    }

private:
    std::map<const Feature*, Box> territory_of;
};

/// Disputes the article names (registry ids, in order of first naming), and
/// those among them named in the headline.
struct NamedDisputes {
    std::vector<std::string> all;
    std::vector<std::string> in_headline;
};

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
        for (const auto& m : p.mentions) {
            const auto [it, added] = first_mention.try_emplace(fold(m.text), m.span.start);
            if (!added && m.span.start < it->second) it->second = m.span.start;
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

/// A country and how much the article refers to it.
struct Weighed {
    std::string iso;
    double weight = 0;
    std::size_t first_seen = 0;
};

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

// ---- The locus ----------------------------------------------------------------

constexpr double kKmPerDegree = 111.32;

/// Width and height of a lon/lat box in km, at its middle latitude.
std::pair<double, double> km_size(const Box& b) {
    const double lat = std::clamp((b.south + b.north) / 2, -89.0, 89.0);
    return {b.width() * kKmPerDegree * std::cos(lat * kPi / 180), b.height() * kKmPerDegree};
}

/// The box of `w_km` by `h_km` centred on (lon, lat), kept off the poles.
Box box_around(double lon, double lat, double w_km, double h_km) {
    const double dlat = h_km / kKmPerDegree / 2;
    const double south = std::max(-89.9, lat - dlat), north = std::min(89.9, lat + dlat);
    const double mid = std::clamp((south + north) / 2, -88.0, 88.0);
    const double dlon = std::min(180.0, w_km / (kKmPerDegree * std::cos(mid * kPi / 180)) / 2);
    return {lon - dlon, south, lon + dlon, north};
}

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
            l.bbox = f ? main_territory(*f) : Box{e.lon, e.lat, e.lon, e.lat};
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
    if (auto d = disputes_of(named.in_headline); !d.empty()) return dispute_locus(d, "dispute named in the headline");
    if (auto d = disputes_of(named.all); !d.empty()) {
        // A dispute named as a claimant of another (Taiwan, which also
        // claims the Senkakus) is not the story unless named as often.
        std::vector<int> count(d.size(), 0);
        for (std::size_t i = 0; i < story.places.size(); ++i) {
            for (const auto& m : story.places[i].mentions) {
                const std::string folded = fold(m.text);
                for (std::size_t k = 0; k < d.size(); ++k) {
                    const bool by_entry = story.entries[i].id.size() == 8 + d[k]->id.size() &&
                                          story.entries[i].id.rfind("dispute:", 0) == 0 &&
                                          story.entries[i].id.substr(8) == d[k]->id;
                    const auto& names = d[k]->folded_names;
                    if (by_entry || std::find(names.begin(), names.end(), folded) != names.end()) ++count[k];
                }
            }
        }
        const int most = *std::max_element(count.begin(), count.end());
        std::vector<const Dispute*> kept;
        for (std::size_t k = 0; k < d.size(); ++k) {
            const bool claimant_of_other = std::any_of(d.begin(), d.end(), [&](const Dispute* other) {
                return other != d[k] && std::find(other->parties.begin(), other->parties.end(),
                                                  d[k]->administered_by) != other->parties.end();
            });
            if (!(claimant_of_other && count[k] < most)) kept.push_back(d[k]);
        }
        d = kept;
        // A dispute that holds another named one (Kashmir around Azad
        // Kashmir) is the setting, not the locus, when the smaller is named.
        std::erase_if(d, [&](const Dispute* big) {
            return std::any_of(d.begin(), d.end(), [&](const Dispute* small) {
                return small != big && big->bbox.west <= small->bbox.west && big->bbox.east >= small->bbox.east &&
                       big->bbox.south <= small->bbox.south && big->bbox.north >= small->bbox.north &&
                       big->bbox.width() * big->bbox.height() > small->bbox.width() * small->bbox.height();
            });
        });
        return dispute_locus(d, "dispute named in the article");
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

/// The countries drawn in party colours, and the territories that stand in
/// for a dispute (drawn as the disputed area, not listed as countries).
struct Parties {
    std::vector<std::string> framed;
    std::vector<std::string> stand_ins;
};

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
            const Feature* f = story.data.country_feature(iso);
            if (!f) continue;
            double best = 1e18;
            for (const Box& b : f->part_boxes.empty() ? std::vector<Box>{f->bbox} : f->part_boxes) {
                best = std::min(best,
                                km_between(lx, ly, std::clamp(lx, b.west, b.east), std::clamp(ly, b.south, b.north)));
            }
            if (best < 300) near.push_back(iso);
        }
        framed = near;
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
    const NamedDisputes named = find_named_disputes(story);
    const std::vector<Weighed> ranked = rank_countries(story);
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
