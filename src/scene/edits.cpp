// Editorial edits of a scene (render's overrides, batch manifest keys) and
// names files. They change the Scene after planning, as the desk does, except
// --exclude, which re-runs extract without the excluded places so that the
// framing follows.
#include <borderline/edits.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/input.hpp>
#include <borderline/map_language.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>
#include <string_view>

namespace borderline {

namespace {

std::string lower(std::string_view v) {
    std::string s(v);
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// Names and ids as a person types them: ASCII case does not matter.
bool same(std::string_view a, std::string_view b) { return !a.empty() && lower(a) == lower(b); }

/// The ISO3 codes of the countries `what` names on this map (by code or name).
std::set<std::string> countries_named(const Scene& scene, const std::string& what) {
    std::set<std::string> out;
    for (const auto* list : {&scene.parties, &scene.mentioned}) {
        for (const auto& p : *list) {
            if (same(p.country, what) || same(p.name, what)) out.insert(p.country);
        }
    }
    return out;
}

/// Drops what --exclude names from a scene: markers, countries (their tint,
/// legend entry and the claims they make), disputed areas. Returns how many
/// things it dropped.
std::size_t exclude_from_scene(Scene& scene, const std::string& what, const std::set<std::string>& countries) {
    std::size_t dropped = 0;
    const auto erase = [&](auto& v, auto pred) {
        const auto before = v.size();
        v.erase(std::remove_if(v.begin(), v.end(), pred), v.end());
        dropped += before - v.size();
    };
    erase(scene.markers, [&](const Marker& m) { return same(m.place_id, what) || same(m.name, what); });
    erase(scene.parties, [&](const Party& p) { return countries.count(p.country) > 0; });
    erase(scene.mentioned, [&](const Party& p) { return countries.count(p.country) > 0; });
    erase(scene.disputes, [&](const SceneDispute& d) { return same(d.id, what) || same(d.name, what); });
    return dropped;
}

void renumber(std::vector<Callout>& callouts) {
    int n = 0;
    for (auto& c : callouts) c.number = ++n;
}

/// --label ID=TEXT: renames a place, country or dispute on the map and in the legend.
void apply_label(Scene& scene, const std::string& arg) {
    const auto eq = arg.find('=');
    const std::string id = arg.substr(0, eq), text = arg.substr(eq + 1);
    bool found = false;
    for (auto& m : scene.markers) {
        if (same(m.place_id, id)) m.name = text, found = true;
    }
    for (auto* list : {&scene.parties, &scene.mentioned}) {
        for (auto& p : *list) {
            if (same(p.country, id)) p.name = text, found = true;
        }
    }
    for (auto& c : scene.callouts) {
        if (same(c.actor_country, id)) c.actor_name = text;
    }
    for (auto& d : scene.disputes) {
        if (same(d.id, id)) d.name = text, found = true;
    }
    if (!found) {
        throw UsageError("label " + arg + ": no place, country or dispute on this map has the id " + id +
                             "; see the ids in the output of render --json",
                         "label");
    }
}

/// The overrides that only change the scene (not which places are read).
void apply_overrides(Scene& scene, const SceneEdits& e) {
    if (!e.title.empty()) scene.title = e.title;
    if (!e.subtitle.empty()) scene.subtitle = e.subtitle;
    if (!e.source.empty()) scene.source = e.source;
    if (!e.note.empty()) scene.note = e.note;
    if (e.no_inset) scene.inset = false;
    if (!e.units.empty()) scene.units = e.units;
    if (e.no_claims) scene.callouts.clear();
    for (const auto& l : e.labels) apply_label(scene, l);
    for (const auto& m : e.markers) scene.markers.push_back(parse_marker(m));
}

[[noreturn]] void exclude_matches_nothing(const std::string& what) {
    throw UsageError(
        "exclude " + what + " matches no place, country or dispute on this map; see the ids and names in render --json",
        "exclude");
}

/// A claim's words and place as a key that survives a second extraction
/// (the claim's index may change when places are left out).
std::string claim_key(const Claim& c) { return std::to_string(c.span.start) + ":" + c.text; }

/// A name-keyed or id-keyed spelling for something on the map, if any.
const std::string* spelling(const NameTable& names, std::initializer_list<std::string_view> ids,
                            std::string_view name) {
    for (const auto id : ids) {
        if (id.empty()) continue;
        if (const auto it = names.by_id.find(lower(id)); it != names.by_id.end()) return &it->second;
    }
    if (const auto it = names.by_name.find(fold(name)); !name.empty() && it != names.by_name.end()) {
        return &it->second;
    }
    return nullptr;
}

}  // namespace

std::string SceneEdits::key() const {
    std::ostringstream k;
    const auto add = [&](const char* name, const std::string& v) {
        if (!v.empty()) k << name << '=' << v << '\n';
    };
    add("title", title);
    add("subtitle", subtitle);
    add("source", source);
    add("note", note);
    for (const auto& v : exclude) add("exclude", v);
    for (const auto& v : markers) add("marker", v);
    for (const auto& v : labels) add("label", v);
    if (no_claims) k << "no_claims\n";
    if (no_inset) k << "no_inset\n";
    add("units", units);
    add("names", names);
    add("lang", lang);
    return k.str();
}

Marker parse_marker(const std::string& s) {
    const auto bad = [&] {
        return UsageError("marker " + s + " is not valid; use LON,LAT[,LABEL] in degrees, e.g. 46.4,39.5,Goris",
                          "marker");
    };
    const auto c1 = s.find(',');
    if (c1 == std::string::npos) throw bad();
    const auto c2 = s.find(',', c1 + 1);
    Marker m;
    try {
        std::size_t a = 0, b = 0;
        const std::string lon = s.substr(0, c1);
        const std::string lat = s.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1);
        m.where.lon = std::stod(lon, &a);
        m.where.lat = std::stod(lat, &b);
        if (a != lon.size() || b != lat.size()) throw bad();
    } catch (const std::exception&) {
        throw bad();
    }
    if (!std::isfinite(m.where.lon) || !std::isfinite(m.where.lat) || std::abs(m.where.lon) > 180 ||
        std::abs(m.where.lat) > 90) {
        throw bad();
    }
    if (c2 != std::string::npos) m.name = s.substr(c2 + 1);
    return m;
}

void check_edits(const SceneEdits& e) {
    for (const auto& m : e.markers) parse_marker(m);
    for (const auto& l : e.labels) {
        const auto eq = l.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == l.size()) {
            throw UsageError("label " + l + " is not valid; use ID=TEXT, e.g. ARM=Armenia (ids: render --json)",
                             "label");
        }
    }
    if (!e.units.empty() && e.units != "km" && e.units != "mi") {
        throw UsageError("units " + e.units + " is not valid; use km or mi", "units");
    }
    if (!e.lang.empty()) check_map_language(e.lang);
}

void read_names(const std::filesystem::path& file, NameTable& table) {
    InputBounds bounds;
    bounds.max_bytes = 4u * 1024u * 1024u;
    bounds.over_limit_hint = "a names file holds spellings, not a gazetteer; keep it under 4 MiB";
    const std::string text = read_bounded(file.string(), bounds);
    const auto fail = [&](std::size_t line, const std::string& what) {
        throw InputError("names " + file.string() + ":" + std::to_string(line) + ": " + what);
    };
    if (!valid_utf8(text)) fail(1, "is not UTF-8; save it as UTF-8");
    std::istringstream in(text);
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos || line[line.find_first_not_of(" \t")] == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos) fail(n, "needs KEY<TAB>SPELLING (a tab, not spaces)");
        const std::string key = line.substr(0, tab), value = line.substr(tab + 1);
        if (key.empty() || value.empty() || value.find('\t') != std::string::npos) {
            fail(n, "needs KEY<TAB>SPELLING with both filled and one tab");
        }
        // Ids have a kind prefix ("town:UA:Kyiv") or are ISO3 codes ("UKR").
        const bool iso3 = key.size() == 3 &&
                          std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isupper(c) != 0; });
        if (iso3 || key.find(':') != std::string::npos) {
            table.by_id[lower(key)] = value;
        } else {
            table.by_name[fold(key)] = value;
        }
    }
}

NameTable house_names(const Style& style, const std::string& extra, const std::string& lang,
                      const std::filesystem::path& styles_dir) {
    NameTable t;
    // The bundled and the style's spellings are English ones: a map in
    // another language takes its names from the data, and from --names.
    if (lang.empty() || lang == "en") {
        read_names(names_file("default", {}, styles_dir), t);
        if (!style.names.empty()) read_names(style.names, t);
    }
    if (!extra.empty()) read_names(names_file(extra, {}, styles_dir), t);
    return t;
}

void apply_names(Scene& scene, const NameTable& names, const GeoData& data) {
    if (names.empty()) return;
    for (auto& m : scene.markers) {
        if (const auto* s = spelling(names, {m.place_id}, m.name)) m.name = *s;
    }
    const auto country = [&](const std::string& iso, const std::string& name) {
        return spelling(names, {iso, "country:" + iso}, name);
    };
    for (auto* list : {&scene.parties, &scene.mentioned}) {
        for (auto& p : *list) {
            if (const auto* s = country(p.country, p.name)) p.name = *s;
        }
    }
    for (auto& c : scene.callouts) {
        if (const auto* s = country(c.actor_country, c.actor_name)) c.actor_name = *s;
    }
    for (auto& d : scene.disputes) {
        if (const auto* s = spelling(names, {d.id, "dispute:" + d.id}, d.name)) d.name = *s;
    }
    // The other countries the map may label: those in view.
    const Layer& countries = data.layer("countries");
    for (std::size_t i : countries.query(scene.bbox)) {
        const std::string& iso = countries.value(i, "iso_a3");
        if (const auto* s = country(iso, countries.value(i, "name")); s && *s != countries.value(i, "name")) {
            scene.country_names[iso] = *s;
        }
    }
}

Extraction extract_edited(Document doc, const Gazetteer& gaz, const GeoData& data, const SceneOptions& so,
                          const SceneEdits& edits, const NameTable& names, StageTimes* times) {
    check_edits(edits);
    const auto& exclude = edits.exclude;
    if (exclude.empty()) {
        Extraction x = extract(std::move(doc), gaz, data, so, {}, times);
        localize_scene(x.scene, edits.lang.empty() ? "en" : edits.lang, data);
        apply_names(x.scene, names, data);
        apply_overrides(x.scene, edits);
        return x;
    }
    const Extraction first = extract(doc, gaz, data, so);
    std::vector<std::string> drop;
    std::vector<std::set<std::string>> countries;
    std::set<std::string> all_countries;
    for (const auto& what : exclude) {
        countries.push_back(countries_named(first.scene, what));
        all_countries.insert(countries.back().begin(), countries.back().end());
        bool matched = !countries.back().empty();
        for (const auto& p : first.places) {
            const Entry& e = gaz.entry(p.entry);
            if (same(e.id, what) || same(e.name, what) || countries.back().count(std::string(e.country)) > 0) {
                drop.emplace_back(e.id);
                matched = true;
            }
        }
        for (const auto& d : first.scene.disputes) matched = matched || same(d.id, what) || same(d.name, what);
        if (!matched) exclude_matches_nothing(what);
    }
    std::set<std::string> gone;  // dispute ids left out
    for (const auto& d : first.scene.disputes) {
        for (const auto& what : exclude) {
            if (same(d.id, what) || same(d.name, what)) gone.insert(d.id);
        }
    }
    // The claims that cite only excluded things, found before the places are
    // dropped (afterwards they would cite nothing and look general).
    std::set<std::string> cites_only_excluded;
    for (const Claim& c : first.claims) {
        if (c.places.empty() && c.disputes.empty()) continue;
        const bool places_gone = std::all_of(c.places.begin(), c.places.end(), [&](const std::string& id) {
            return std::find(drop.begin(), drop.end(), id) != drop.end();
        });
        const bool disputes_gone = std::all_of(c.disputes.begin(), c.disputes.end(),
                                               [&](const std::string& id) { return gone.count(id) > 0; });
        if (places_gone && disputes_gone) cites_only_excluded.insert(claim_key(c));
    }
    Extraction x = extract(std::move(doc), gaz, data, so, drop, times);
    for (std::size_t i = 0; i < exclude.size(); ++i) exclude_from_scene(x.scene, exclude[i], countries[i]);
    auto& callouts = x.scene.callouts;
    const auto before = callouts.size();
    std::erase_if(callouts, [&](const Callout& c) {
        // An excluded country says nothing on the map either.
        if (all_countries.count(c.actor_country) > 0) return true;
        return c.claim < x.claims.size() && cites_only_excluded.count(claim_key(x.claims[c.claim])) > 0;
    });
    if (callouts.size() != before) renumber(callouts);  // the legend counts 1, 2, 3 without a gap
    localize_scene(x.scene, edits.lang.empty() ? "en" : edits.lang, data);
    apply_names(x.scene, names, data);
    apply_overrides(x.scene, edits);
    return x;
}

void edit_saved_scene(Scene& scene, const SceneEdits& edits, const NameTable& names, const GeoData& data) {
    check_edits(edits);
    for (const auto& what : edits.exclude) {
        const auto countries = countries_named(scene, what);
        if (exclude_from_scene(scene, what, countries) == 0) exclude_matches_nothing(what);
        const auto before = scene.callouts.size();
        std::erase_if(scene.callouts, [&](const Callout& c) { return countries.count(c.actor_country) > 0; });
        if (scene.callouts.size() != before) renumber(scene.callouts);
    }
    // A saved scene keeps its language unless the edits name one.
    if (!edits.lang.empty()) localize_scene(scene, edits.lang, data);
    apply_names(scene, names, data);
    apply_overrides(scene, edits);
}

}  // namespace borderline
