// The pipeline end to end, and its public JSON (schema borderline/extract/1).
#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/scene_json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>

namespace borderline {

namespace {

/// A name as the article writes it in running text: a capital first letter
/// (or a letter outside ASCII), and not a headline in capitals.
bool written_as_a_name(const std::string& t) {
    if (t.empty()) return false;
    const auto first = static_cast<unsigned char>(t[0]);
    const bool lower_case = std::any_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return (std::isupper(first) != 0 || first >= 0x80) && lower_case;
}

/// Each place the article names is labelled as the article spells it
/// ("Lachin", not GeoNames' "Laçın"), so that the map agrees with the words
/// the legend quotes; a names file then gives the house spelling.
void spell_as_the_article(Scene& scene, const std::vector<Place>& places, const Gazetteer& gaz) {
    for (Marker& m : scene.markers) {
        for (const Place& p : places) {
            if (gaz.entry(p.entry).id != m.place_id) continue;
            for (const Mention& mention : p.mentions) {
                if (mention.role == NameRole::name && written_as_a_name(mention.text)) {
                    m.name = mention.text;
                    break;
                }
            }
            break;
        }
    }
}

}  // namespace

Extraction extract(Document doc, const Gazetteer& gaz, const GeoData& data, const SceneOptions& options) {
    return extract(std::move(doc), gaz, data, options, {});
}

Extraction extract(Document doc, const Gazetteer& gaz, const GeoData& data, const SceneOptions& options,
                   const std::vector<std::string>& drop) {
    return extract(std::move(doc), gaz, data, options, drop, nullptr);
}

Extraction extract(Document doc, const Gazetteer& gaz, const GeoData& data, const SceneOptions& options,
                   const std::vector<std::string>& drop, StageTimes* times) {
    using clock = std::chrono::steady_clock;
    auto lap = [last = clock::now()](double StageTimes::*field, StageTimes* t) mutable {
        const auto now = clock::now();
        if (t) t->*field = std::chrono::duration<double, std::milli>(now - last).count();
        last = now;
    };
    Extraction x;
    x.doc = std::move(doc);
    // A news article names places tens or hundreds of times; millions is a
    // list or generated text, and would take minutes and gigabytes (about
    // 2 KB a mention through claims and JSON) for no useful map. The search
    // stops one past the limit, so a 20 MB list is refused in a second.
    constexpr std::size_t kMaxMentions = 200000;
    const auto mentions = find_mentions(x.doc, gaz, kMaxMentions);
    if (mentions.size() > kMaxMentions) {
        throw InputError(x.doc.source_name + ": the text names places more than " + std::to_string(kMaxMentions) +
                         " times, the limit for an article; it looks like a list or generated text: split it");
    }
    x.places = resolve_places(x.doc, gaz, mentions);
    if (!drop.empty()) {
        std::erase_if(x.places, [&](const Place& p) {
            return std::find(drop.begin(), drop.end(), gaz.entry(p.entry).id) != drop.end();
        });
    }
    lap(&StageTimes::geoparse_ms, times);
    x.claims = find_claims(x.doc, gaz, x.places, mentions);
    lap(&StageTimes::claims_ms, times);
    if (x.places.empty() && !options.bbox) {
        throw NothingToMapError(x.doc.source_name +
                                    ": no place found in the article, so there is nothing to map; check that it names "
                                    "countries or places, or give a bounding box to draw a base map",
                                "bbox");
    }
    x.scene = plan_scene(x.doc, gaz, data, x.places, x.claims, options);
    spell_as_the_article(x.scene, x.places, gaz);
    lap(&StageTimes::scene_ms, times);
    return x;
}

namespace {
double round6(double v) { return std::round(v * 1e6) / 1e6; }
}  // namespace

nlohmann::json to_json(const Extraction& x, const Gazetteer& gaz) {
    using nlohmann::json;
    json j;
    j["schema"] = "borderline/extract/1";
    j["source"] = x.doc.source_name;
    j["title"] = x.doc.title;
    if (!x.doc.date.empty()) j["date"] = x.doc.date;
    j["shape"] = to_string(x.doc.shape.kind);
    if (x.doc.format == InputFormat::json) {
        // Offsets of JSON input refer to this text (title, blank line, body).
        j["text"] = x.doc.text;
    }
    json places = json::array();
    for (const auto& p : x.places) {
        const Entry& e = gaz.entry(p.entry);
        json mentions = json::array();
        for (const auto& m : p.mentions) {
            mentions.push_back({{"start", m.span.start},
                                {"end", m.span.end},
                                {"text", m.text},
                                {"role", m.role == NameRole::demonym   ? "demonym"
                                         : m.role == NameRole::metonym ? "metonym"
                                                                       : "name"}});
        }
        json pj = {
            {"id", e.id},           {"name", e.name},       {"kind", to_string(e.kind)},  {"country", e.country},
            {"lon", round6(e.lon)}, {"lat", round6(e.lat)}, {"confidence", p.confidence}, {"mentions", mentions}};
        if (!e.admin1.empty()) pj["admin1"] = e.admin1;
        if (e.population > 0) pj["population"] = e.population;
        if (!e.feature_kind.empty()) pj["feature_kind"] = e.feature_kind;
        places.push_back(pj);
    }
    j["places"] = places;
    json disputes = json::array();
    for (const auto& d : x.scene.disputes) {
        if (!d.mentioned && !d.involves_party) continue;
        json dj = {{"id", d.id},
                   {"name", d.name},
                   {"status", d.status},
                   {"parties", d.parties},
                   {"administered_by", d.administered_by},
                   {"mentioned", d.mentioned}};
        if (d.settled != 0) {  // additive: only settled disputes carry these
            dj["settled"] = {{"year", d.settled}, {"how", d.settled_how}};
            dj["history"] = d.history;
        }
        if (d.passing) dj["passing"] = true;  // additive: only disputes named in passing
        disputes.push_back(dj);
    }
    j["disputes"] = disputes;
    json claims = json::array();
    for (const auto& c : x.claims) {
        claims.push_back({{"actor", {{"text", c.actor.text}, {"country", c.actor.country}}},
                          {"stance", to_string(c.stance)},
                          {"text", c.text},
                          {"start", c.span.start},
                          {"end", c.span.end},
                          {"places", c.places},
                          {"disputes", c.disputes},
                          {"geographic", c.geographic}});
    }
    j["claims"] = claims;
    const Scene& s = x.scene;
    json parties = json::array();
    for (const auto& p : s.parties) parties.push_back({{"country", p.country}, {"name", p.name}});
    json mentioned = json::array();
    for (const auto& p : s.mentioned) mentioned.push_back({{"country", p.country}, {"name", p.name}});
    j["scene"] = {{"bbox", {round6(s.bbox.west), round6(s.bbox.south), round6(s.bbox.east), round6(s.bbox.north)}},
                  {"projection", s.projection},
                  {"focus", s.focus},
                  {"parties", parties},
                  {"mentioned", mentioned},
                  {"size", {s.size.width, s.size.height}},
                  {"alt_text", s.alt_text}};
    if (!s.worldview.empty()) j["scene"]["worldview"] = s.worldview;
    if (!s.locus.ids.empty() || !s.locus.bbox.empty()) {
        const Box& lb = s.locus.bbox;
        j["scene"]["locus"] = {{"ids", s.locus.ids},
                               {"bbox", {round6(lb.west), round6(lb.south), round6(lb.east), round6(lb.north)}},
                               {"why", s.locus.why},
                               {"point", s.locus.point}};
    }
    json callouts = json::array();
    for (const auto& c : s.callouts) {
        json cj = {{"number", c.number}, {"claim", c.claim}};
        if (c.anchored) cj["anchor"] = {round6(c.anchor.lon), round6(c.anchor.lat)};
        callouts.push_back(cj);
    }
    j["scene"]["callouts"] = callouts;
    json borders = json::array();
    for (const auto& [a, b] : s.borders) borders.push_back({a, b});
    j["scene"]["borders"] = borders;
    // The whole scene, so that `render --scene` can draw this document (after
    // a person edited it) without the article.
    j["scene_document"] = scene_to_json(s);
    return j;
}

}  // namespace borderline

namespace borderline {

nlohmann::json to_json(const Entry& e) {
    nlohmann::json j = {
        {"id", e.id},   {"name", e.name}, {"kind", to_string(e.kind)}, {"country", e.country}, {"admin1", e.admin1},
        {"lon", e.lon}, {"lat", e.lat},   {"population", e.population}};
    if (!e.feature_kind.empty()) j["feature_kind"] = e.feature_kind;
    return j;
}

nlohmann::json to_json(const Dispute& d, const GeoData& data) {
    // A line's "disputes" field lists its disputes' ids, comma-separated.
    nlohmann::json lines = nlohmann::json::array();
    const Layer& claim_lines = data.layer("claim_lines");
    for (std::size_t i = 0; i < claim_lines.size(); ++i) {
        const std::string list = "," + claim_lines.value(i, "disputes") + ",";
        if (list.find("," + d.id + ",") != std::string::npos) lines.push_back(claim_lines.value(i, "id"));
    }
    return {
        {"id", d.id},
        {"name", d.name},
        {"aliases", d.aliases},
        {"parties", d.parties},
        {"administered_by", d.administered_by},
        {"status", d.status},
        {"kind", d.kind},
        {"settled", d.settled() ? nlohmann::json{{"year", d.settled_year}, {"how", d.settled_how}} : nlohmann::json()},
        {"bbox", {d.bbox.west, d.bbox.south, d.bbox.east, d.bbox.north}},
        {"claim_lines", lines}};
}

}  // namespace borderline
