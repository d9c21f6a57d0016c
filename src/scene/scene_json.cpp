// The scene document: Scene <-> JSON, with errors that name the field, since
// the document may come from a person or a web page, not only from us.
#include <borderline/error.hpp>
#include <borderline/map_language.hpp>
#include <borderline/scene_json.hpp>

#include <algorithm>
#include <cmath>

namespace borderline {

using nlohmann::json;

namespace {

json lonlat(LonLat p) { return {p.lon, p.lat}; }

/// A box as [west, south, east, north]; null when empty (a locus of nothing).
json box(const Box& b) { return b.empty() ? json(nullptr) : json{b.west, b.south, b.east, b.north}; }

json party(const Party& p) { return {{"country", p.country}, {"name", p.name}, {"colour_index", p.colour_index}}; }

}  // namespace

json scene_to_json(const Scene& s) {
    json j;
    j["schema"] = "borderline/scene/1";
    j["title"] = s.title;
    j["subtitle"] = s.subtitle;
    j["bbox"] = {s.bbox.west, s.bbox.south, s.bbox.east, s.bbox.north};
    j["projection"] = s.projection;
    j["size"] = {s.size.width, s.size.height};
    j["focus"] = s.focus;
    // The locus too: the renderer rings a point-sized one.
    j["locus"] = {{"ids", s.locus.ids},
                  {"bbox", box(s.locus.bbox)},
                  {"why", s.locus.why},
                  {"point", s.locus.point},
                  {"parts", json::array()}};
    for (const auto& part : s.locus.parts) j["locus"]["parts"].push_back(box(part));
    j["parties"] = json::array();
    for (const auto& p : s.parties) j["parties"].push_back(party(p));
    j["mentioned"] = json::array();
    for (const auto& p : s.mentioned) j["mentioned"].push_back(party(p));
    j["markers"] = json::array();
    for (const auto& m : s.markers) {
        json mj = {{"place_id", m.place_id},
                   {"name", m.name},
                   {"where", lonlat(m.where)},
                   {"capital", m.capital},
                   {"area", m.area}};
        // Only on features, so scenes without one keep their bytes.
        if (!m.feature_kind.empty()) mj["feature_kind"] = m.feature_kind;
        j["markers"].push_back(std::move(mj));
    }
    j["disputes"] = json::array();
    for (const auto& d : s.disputes) {
        json dj = {{"id", d.id},
                   {"name", d.name},
                   {"parties", d.parties},
                   {"administered_by", d.administered_by},
                   {"status", d.status},
                   {"mentioned", d.mentioned},
                   {"involves_party", d.involves_party}};
        if (d.settled != 0) {  // only settled disputes carry these
            dj["settled"] = d.settled;
            dj["settled_how"] = d.settled_how;
            dj["history"] = d.history;
        }
        if (d.passing) dj["passing"] = true;  // only those named in passing carry it
        j["disputes"].push_back(dj);
    }
    j["callouts"] = json::array();
    for (const auto& c : s.callouts) {
        j["callouts"].push_back({{"number", c.number},
                                 {"actor_country", c.actor_country},
                                 {"actor_name", c.actor_name},
                                 {"stance", c.stance},
                                 {"quote", c.quote},
                                 {"anchor", lonlat(c.anchor)},
                                 {"anchored", c.anchored},
                                 {"claim", c.claim}});
    }
    j["borders"] = json::array();
    for (const auto& [a, b] : s.borders) j["borders"].push_back({a, b});
    j["worldview"] = s.worldview;
    j["alt_text"] = s.alt_text;
    j["dpi"] = s.dpi;
    j["source"] = s.source;
    j["note"] = s.note;
    j["inset"] = s.inset;
    j["units"] = s.units;
    j["lang"] = s.lang;
    j["country_names"] = s.country_names;
    return j;
}

namespace {

/// Reads fields of one JSON object, naming `path.key` in every error.
class Fields {
public:
    Fields(const json& j, std::string path) : j_(j), path_(std::move(path)) {
        if (!j_.is_object()) fail(path_, "must be an object");
    }
    [[noreturn]] static void fail(const std::string& where, const std::string& what) {
        throw InputError(where + ": " + what);
    }
    [[nodiscard]] std::string at(const std::string& key) const { return path_ + "." + key; }
    [[nodiscard]] const json* find(const std::string& key, bool required) const {
        const auto it = j_.find(key);
        if (it == j_.end() || it->is_null()) {
            if (required) fail(at(key), "is required");
            return nullptr;
        }
        return &*it;
    }
    void text(const std::string& key, std::string& out, bool required = false) const {
        if (const json* v = find(key, required)) {
            if (!v->is_string()) fail(at(key), "must be a string");
            out = v->get<std::string>();
        }
    }
    void flag(const std::string& key, bool& out) const {
        if (const json* v = find(key, false)) {
            if (!v->is_boolean()) fail(at(key), "must be true or false");
            out = v->get<bool>();
        }
    }
    void number(const std::string& key, double& out, double lo, double hi, bool required = false) const {
        if (const json* v = find(key, required)) out = number_of(*v, at(key), lo, hi);
    }
    static double number_of(const json& v, const std::string& where, double lo, double hi) {
        if (!v.is_number()) fail(where, "must be a number");
        const double d = v.get<double>();
        if (!std::isfinite(d) || d < lo || d > hi) {
            fail(where, "must be between " + json(lo).dump() + " and " + json(hi).dump());
        }
        return d;
    }
    void lonlat(const std::string& key, LonLat& out) const {
        if (const json* v = find(key, false)) {
            if (!v->is_array() || v->size() != 2) fail(at(key), "must be [lon, lat]");
            out.lon = number_of((*v)[0], at(key) + "[0]", -180, 180);
            out.lat = number_of((*v)[1], at(key) + "[1]", -90, 90);
        }
    }
    void strings(const std::string& key, std::vector<std::string>& out) const {
        if (const json* v = find(key, false)) {
            if (!v->is_array()) fail(at(key), "must be an array of strings");
            out.clear();
            for (std::size_t i = 0; i < v->size(); ++i) {
                if (!(*v)[i].is_string()) fail(at(key) + "[" + std::to_string(i) + "]", "must be a string");
                out.push_back((*v)[i].get<std::string>());
            }
        }
    }
    /// Calls each(element, "path.key[i]") for each element of an array.
    template <class F>
    void each(const std::string& key, std::size_t max, F&& each_item) const {
        if (const json* v = find(key, false)) {
            if (!v->is_array()) fail(at(key), "must be an array");
            if (v->size() > max) fail(at(key), "has more than " + std::to_string(max) + " entries");
            for (std::size_t i = 0; i < v->size(); ++i) each_item((*v)[i], at(key) + "[" + std::to_string(i) + "]");
        }
    }

private:
    const json& j_;
    std::string path_;
};

Party party_from(const json& j, const std::string& path) {
    const Fields f(j, path);
    Party p;
    f.text("country", p.country, true);
    f.text("name", p.name);
    double colour = 0;
    f.number("colour_index", colour, -1, 1000);  // -1: tinted, not a party colour
    p.colour_index = static_cast<int>(colour);
    return p;
}

}  // namespace

Scene scene_from_json(const json& doc) {
    const Fields f(doc, "scene");
    if (const json* schema = f.find("schema", false); schema && *schema != "borderline/scene/1") {
        Fields::fail("scene.schema", "must be \"borderline/scene/1\"");
    }
    // Enough for any map a person reads; bounds the work one document asks for.
    constexpr std::size_t kMax = 2000;
    Scene s;
    f.text("title", s.title, true);
    f.text("subtitle", s.subtitle);
    {
        const json* b = f.find("bbox", true);
        if (!b->is_array() || b->size() != 4) Fields::fail("scene.bbox", "must be [west, south, east, north]");
        s.bbox.west = Fields::number_of((*b)[0], "scene.bbox[0]", -180, 180);
        s.bbox.south = Fields::number_of((*b)[1], "scene.bbox[1]", -90, 90);
        s.bbox.east = Fields::number_of((*b)[2], "scene.bbox[2]", -180, 180);
        s.bbox.north = Fields::number_of((*b)[3], "scene.bbox[3]", -90, 90);
        if (s.bbox.west >= s.bbox.east || s.bbox.south >= s.bbox.north) {
            Fields::fail("scene.bbox", "must have west < east and south < north");
        }
    }
    f.text("projection", s.projection, true);
    if (const json* size = f.find("size", false)) {
        if (!size->is_array() || size->size() != 2) Fields::fail("scene.size", "must be [width, height]");
        s.size.width = static_cast<int>(Fields::number_of((*size)[0], "scene.size[0]", 200, 20000));
        s.size.height = static_cast<int>(Fields::number_of((*size)[1], "scene.size[1]", 150, 20000));
    }
    f.strings("focus", s.focus);
    if (const json* locus = f.find("locus", false)) {
        const Fields l(*locus, "scene.locus");
        l.strings("ids", s.locus.ids);
        // A locus may be a point (west == east) and, across the antimeridian, run past 180.
        const auto read_box = [](const json& b, const std::string& where) {
            Box out;
            if (b.is_null()) return out;
            if (!b.is_array() || b.size() != 4) Fields::fail(where, "must be [west, south, east, north] or null");
            out.west = Fields::number_of(b[0], where + "[0]", -360, 360);
            out.south = Fields::number_of(b[1], where + "[1]", -90, 90);
            out.east = Fields::number_of(b[2], where + "[2]", -360, 360);
            out.north = Fields::number_of(b[3], where + "[3]", -90, 90);
            if (out.empty()) Fields::fail(where, "must have west <= east and south <= north");
            return out;
        };
        if (const json* b = l.find("bbox", false)) s.locus.bbox = read_box(*b, "scene.locus.bbox");
        l.text("why", s.locus.why);
        l.flag("point", s.locus.point);
        l.each("parts", kMax, [&](const json& j, const std::string& p) { s.locus.parts.push_back(read_box(j, p)); });
    }
    f.each("parties", kMax, [&](const json& j, const std::string& p) { s.parties.push_back(party_from(j, p)); });
    f.each("mentioned", kMax, [&](const json& j, const std::string& p) { s.mentioned.push_back(party_from(j, p)); });
    f.each("markers", kMax, [&](const json& j, const std::string& p) {
        const Fields m(j, p);
        Marker mk;
        m.text("place_id", mk.place_id);
        m.text("name", mk.name, true);
        if (!m.find("where", true)->is_null()) m.lonlat("where", mk.where);
        m.flag("capital", mk.capital);
        m.flag("area", mk.area);
        m.text("feature_kind", mk.feature_kind);
        s.markers.push_back(std::move(mk));
    });
    f.each("disputes", kMax, [&](const json& j, const std::string& p) {
        const Fields d(j, p);
        SceneDispute sd;
        d.text("id", sd.id, true);
        d.text("name", sd.name);
        d.strings("parties", sd.parties);
        d.text("administered_by", sd.administered_by);
        d.text("status", sd.status);
        d.flag("mentioned", sd.mentioned);
        d.flag("involves_party", sd.involves_party);
        double settled = 0;
        d.number("settled", settled, 0, 3000);
        sd.settled = static_cast<int>(settled);
        d.text("settled_how", sd.settled_how);
        d.flag("history", sd.history);
        d.flag("passing", sd.passing);
        s.disputes.push_back(std::move(sd));
    });
    f.each("callouts", kMax, [&](const json& j, const std::string& p) {
        const Fields c(j, p);
        Callout co;
        double number = 0, claim = 0;
        c.number("number", number, 0, 1e6, true);
        co.number = static_cast<int>(number);
        c.text("actor_country", co.actor_country);
        c.text("actor_name", co.actor_name);
        c.text("stance", co.stance);
        c.text("quote", co.quote);
        c.lonlat("anchor", co.anchor);
        c.flag("anchored", co.anchored);
        c.number("claim", claim, 0, 1e9);
        co.claim = static_cast<std::size_t>(claim);
        s.callouts.push_back(std::move(co));
    });
    f.each("borders", kMax, [&](const json& j, const std::string& p) {
        if (!j.is_array() || j.size() != 2 || !j[0].is_string() || !j[1].is_string()) {
            Fields::fail(p, "must be [ISO3, ISO3]");
        }
        s.borders.emplace_back(j[0].get<std::string>(), j[1].get<std::string>());
    });
    f.text("worldview", s.worldview);
    f.text("alt_text", s.alt_text);
    f.number("dpi", s.dpi, 24, 2400);
    f.text("source", s.source);
    f.text("note", s.note);
    f.flag("inset", s.inset);
    f.text("units", s.units);
    if (s.units != "km" && s.units != "mi") Fields::fail("scene.units", "must be \"km\" or \"mi\"");
    f.text("lang", s.lang);
    if (!is_map_language(s.lang)) Fields::fail("scene.lang", "must be one of " + map_language_list());
    if (const json* names = f.find("country_names", false)) {
        if (!names->is_object()) Fields::fail("scene.country_names", "must be an object of ISO3: name");
        if (names->size() > kMax)
            Fields::fail("scene.country_names", "has more than " + std::to_string(kMax) + " entries");
        for (const auto& [iso, name] : names->items()) {
            if (!name.is_string()) Fields::fail("scene.country_names." + iso, "must be a string");
            s.country_names[iso] = name.get<std::string>();
        }
    }
    return s;
}

std::vector<std::string> scene_unknown_keys(const json& doc) {
    // The keys scene_to_json writes, per object: the same list scene_from_json reads.
    static const std::vector<std::string> kTop{
        "schema",    "title",   "subtitle", "bbox",     "projection", "size",          "focus",    "parties",
        "mentioned", "markers", "disputes", "callouts", "borders",    "worldview",     "alt_text", "dpi",
        "source",    "note",    "inset",    "units",    "lang",       "country_names", "locus"};
    static const std::vector<std::string> kLocus{"ids", "bbox", "why", "point", "parts"};
    static const std::vector<std::string> kParty{"country", "name", "colour_index"};
    static const std::vector<std::string> kMarker{"place_id", "name", "where", "capital", "area", "feature_kind"};
    static const std::vector<std::string> kDispute{"id",          "name",      "parties",        "administered_by",
                                                   "status",      "mentioned", "involves_party", "settled",
                                                   "settled_how", "history",   "passing"};
    static const std::vector<std::string> kCallout{"number", "actor_country", "actor_name", "stance",
                                                   "quote",  "anchor",        "anchored",   "claim"};
    std::vector<std::string> unknown;
    const auto check = [&](const json& j, const std::vector<std::string>& known, const std::string& path) {
        if (!j.is_object()) return;
        for (const auto& [key, value] : j.items()) {
            if (std::find(known.begin(), known.end(), key) == known.end()) unknown.push_back(path + "." + key);
        }
    };
    check(doc, kTop, "scene");
    if (doc.is_object() && doc.contains("locus")) check(doc["locus"], kLocus, "scene.locus");
    const std::pair<const char*, const std::vector<std::string>*> lists[] = {{"parties", &kParty},
                                                                             {"mentioned", &kParty},
                                                                             {"markers", &kMarker},
                                                                             {"disputes", &kDispute},
                                                                             {"callouts", &kCallout}};
    for (const auto& [key, known] : lists) {
        const auto it = doc.is_object() ? doc.find(key) : doc.end();
        if (it == doc.end() || !it->is_array()) continue;
        for (std::size_t i = 0; i < it->size(); ++i) {
            check((*it)[i], *known, "scene." + std::string(key) + "[" + std::to_string(i) + "]");
        }
    }
    return unknown;
}

}  // namespace borderline
