// borderline render: article (or --bbox) -> map file, plus optional JSON sidecar.
#include "commands.hpp"

#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/render.hpp>
#include <borderline/scene_json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <sstream>
#include <string_view>

namespace borderline::cli {

namespace {

/// Named sizes: paper in millimetres (drawn at --dpi), screens in pixels.
struct SizePreset {
    const char* name;
    double w, h;
    bool mm;
};
constexpr SizePreset kPresets[] = {
    {"a4", 210, 297, true},    {"a4-landscape", 297, 210, true}, {"a5", 148, 210, true},
    {"letter", 215.9, 279.4, true}, {"slide", 1920, 1080, false}, {"social", 1200, 675, false},
    {"square", 1080, 1080, false},
};

int pixels(double mm, double dpi) { return static_cast<int>(std::lround(mm / 25.4 * dpi)); }

std::string lower(std::string_view v) {
    std::string s(v);
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// Names and ids as a person types them: ASCII case does not matter.
bool same(std::string_view a, std::string_view b) { return !a.empty() && lower(a) == lower(b); }

/// A scene document, or the scene_document member of the JSON that
/// `extract` and `render --json` write; unknown keys are reported, not fatal,
/// so that a note an editor left in the file does not stop the map.
Scene read_scene(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path)) throw InputError("scene " + path + ": cannot be read; check the path");
    std::string text(max_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) throw InputError("scene " + path + ": larger than --max-input-mb; raise it");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError("scene " + path + ": not valid JSON at byte " + std::to_string(e.byte) + "; fix the syntax");
    } catch (const nlohmann::json::exception&) {  // a number such as 1e400
        throw InputError("scene " + path + ": a number is out of range; fix the value");
    }
    const nlohmann::json* doc = &j;
    if (j.is_object()) {
        const auto schema = j.find("schema");
        if (schema != j.end() && *schema == "borderline/extract/1") {
            const auto member = j.find("scene_document");
            if (member == j.end()) {
                throw InputError("scene " + path +
                                 ": scene_document: is required; write the file with `render --json` or `extract`");
            }
            doc = &*member;
        }
    }
    const auto unknown = scene_unknown_keys(*doc);
    if (!unknown.empty()) {
        std::string list;
        for (const auto& k : unknown) list += (list.empty() ? "" : ", ") + k;
        std::fprintf(stderr, "borderline: warning: scene %s: unknown key(s) ignored: %s\n", path.c_str(), list.c_str());
    }
    try {
        return scene_from_json(*doc);
    } catch (const InputError& e) {
        throw InputError("scene " + path + ": " + e.what());
    }
}

Marker parse_marker(const std::string& s) {
    const auto bad = [&] {
        return UsageError("--marker " + s + " is not valid; use LON,LAT[,LABEL] in degrees, e.g. 46.4,39.5,Goris");
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

/// Drops what --exclude names from a scene: markers, countries (and their
/// tint), disputed areas. Returns how many things it dropped.
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
    if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
        throw UsageError("--label " + arg + " is not valid; use ID=TEXT, e.g. --label ARM=Armenia (ids: render --json)");
    }
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
        throw UsageError("--label " + arg + ": no place, country or dispute on this map has the id " + id +
                         "; see the ids in the output of render --json");
    }
}

/// The overrides that only change the scene (not which places are read).
void apply_overrides(Scene& scene, const RenderOptions& o) {
    if (!o.title.empty()) scene.title = o.title;
    if (!o.subtitle.empty()) scene.subtitle = o.subtitle;
    if (o.no_claims) scene.callouts.clear();
    for (const auto& l : o.labels) apply_label(scene, l);
    for (const auto& m : o.markers) scene.markers.push_back(parse_marker(m));
}

[[noreturn]] void exclude_matches_nothing(const std::string& what) {
    throw UsageError("--exclude " + what +
                     " matches no place, country or dispute on this map; see the ids and names in render --json");
}

/// The extraction without what --exclude names: places by id or name, all
/// places of a country named by ISO3 or name, disputed areas by id or name,
/// and the claims that cite only excluded disputes. Places are left out
/// before framing (extract's drop list), so the extent closes in on the rest.
Extraction extract_excluding(Document doc, const Gazetteer& gaz, const GeoData& data, const SceneOptions& so,
                             const std::vector<std::string>& exclude) {
    const Extraction first = extract(doc, gaz, data, so);
    std::vector<std::string> drop;
    std::vector<std::set<std::string>> countries;
    for (const auto& what : exclude) {
        countries.push_back(countries_named(first.scene, what));
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
    Extraction x = extract(std::move(doc), gaz, data, so, drop);
    std::set<std::string> gone;  // dispute ids left out
    for (std::size_t i = 0; i < exclude.size(); ++i) {
        for (const auto& d : x.scene.disputes) {
            if (same(d.id, exclude[i]) || same(d.name, exclude[i])) gone.insert(d.id);
        }
        exclude_from_scene(x.scene, exclude[i], countries[i]);
    }
    const auto cites_only_gone = [&](const Callout& c) {
        if (c.claim >= x.claims.size()) return false;
        const Claim& claim = x.claims[c.claim];
        return claim.places.empty() && !claim.disputes.empty() &&
               std::all_of(claim.disputes.begin(), claim.disputes.end(),
                           [&](const std::string& id) { return gone.count(id) > 0; });
    };
    auto& callouts = x.scene.callouts;
    const auto before = callouts.size();
    callouts.erase(std::remove_if(callouts.begin(), callouts.end(), cites_only_gone), callouts.end());
    if (callouts.size() != before) renumber(callouts);  // the legend counts 1, 2, 3 without a gap
    return x;
}

}  // namespace

Size parse_size(const std::string& s, double dpi) {
    const auto bad = [&] {
        return UsageError("--size " + s +
                          " is not valid; use WIDTHxHEIGHT in pixels (200x150 to 20000x20000, e.g. 1600x1000), "
                          "WIDTHxHEIGHTmm with --dpi (e.g. 180x120mm), or a4, a4-landscape, a5, letter, slide, "
                          "social, square");
    };
    for (const auto& p : kPresets) {
        if (s != p.name) continue;
        const Size size = p.mm ? Size{pixels(p.w, dpi), pixels(p.h, dpi)}
                               : Size{static_cast<int>(p.w), static_cast<int>(p.h)};
        if (size.width < 200 || size.height < 150 || size.width > 20000 || size.height > 20000) throw bad();
        return size;
    }
    const bool mm = s.size() > 2 && s.compare(s.size() - 2, 2, "mm") == 0;
    const std::string dims = mm ? s.substr(0, s.size() - 2) : s;
    const auto x = dims.find('x');
    try {
        if (x == std::string::npos) throw std::invalid_argument("no x");
        std::size_t a = 0, b = 0;
        const double w = std::stod(dims.substr(0, x), &a);
        const double h = std::stod(dims.substr(x + 1), &b);
        if (a != x || b != dims.size() - x - 1 || !std::isfinite(w) || !std::isfinite(h)) {
            throw std::invalid_argument("junk");
        }
        if (!mm && (w != std::floor(w) || h != std::floor(h))) throw std::invalid_argument("fraction of a pixel");
        if (w <= 0 || h <= 0 || w > 1e6 || h > 1e6) throw std::out_of_range("range");
        const Size size = mm ? Size{pixels(w, dpi), pixels(h, dpi)} : Size{static_cast<int>(w), static_cast<int>(h)};
        if (!canvas_size_allowed(size)) throw std::out_of_range("range");
        return size;
    } catch (const std::exception&) {
        throw bad();
    }
}

Box parse_bbox(const std::string& s) {
    std::vector<double> v;
    std::stringstream in(s);
    std::string part;
    try {
        while (std::getline(in, part, ',')) {
            std::size_t used = 0;
            v.push_back(std::stod(part, &used));
            if (used != part.size() || !std::isfinite(v.back())) throw std::invalid_argument("junk");
        }
    } catch (const std::exception&) {
        v.clear();
    }
    if (v.size() != 4 || v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
        throw UsageError("--bbox " + s + " is not valid; use W,S,E,N in degrees with W<E and S<N, e.g. 43,38.2,51,42.2");
    }
    return {v[0], v[1], v[2], v[3]};
}

void warn_replaced(const Document& doc) {
    if (doc.replaced_bytes > 0) {
        std::fprintf(stderr, "borderline: warning: %s: %zu invalid UTF-8 byte(s) replaced by spaces\n",
                     doc.source_name.c_str(), doc.replaced_bytes);
    }
}

void warn_missing_font(const Style& style, bool installed) {
    if (!installed) {
        std::fprintf(stderr, "borderline: warning: font '%s' is not installed; text uses a fallback font\n",
                     style.font.c_str());
    }
}

OutputFormat output_format(const std::string& output, const std::string& requested) {
    if (output == "-") {
        return requested == "svg" ? OutputFormat::svg : requested == "pdf" ? OutputFormat::pdf : OutputFormat::png;
    }
    const OutputFormat by_name = format_for(output);
    const char* names[] = {"png", "svg", "pdf"};
    if (!requested.empty() && requested != names[static_cast<int>(by_name)]) {
        throw UsageError("--format " + requested + " does not match the output name " + output +
                         "; change one of them (--format is for -o -)");
    }
    return by_name;
}

void setup_render(CLI::App& app, RenderOptions& o) {
    app.add_option("article", o.article, "Article: .txt (first line is the headline), .md, .html, .json, or - for stdin");
    app.add_option("-o,--output", o.output, "Output file: .png, .svg or .pdf (- for stdout, see --format); default <article>.png");
    app.add_option("--format", o.format, "png, svg or pdf: the format of -o - (default png); with a file, its extension's")
        ->check(CLI::IsMember({"png", "svg", "pdf"}));
    app.add_option("--style", o.style, "Bundled style name or path to a style JSON file")->capture_default_str();
    app.add_option("--size", o.size,
                   "Canvas size: WIDTHxHEIGHT in pixels, WIDTHxHEIGHTmm at --dpi, or a4, a4-landscape, a5, letter, "
                   "slide (1920x1080), social (1200x675), square (1080x1080)")
        ->capture_default_str();
    app.add_option("--bbox", o.bbox, "Fixed extent W,S,E,N in degrees (without an article: a base map)");
    app.add_option("--geojson", o.geojson, "Also write the scene (places, disputed areas) as GeoJSON for GIS");
    app.add_option("--worldview", o.worldview,
                   "Draw the map as this country (ISO alpha-3) sees it: its claims shown as its territory");
    app.add_option("--focus", o.focus,
                   "Frame this dispute (id or name, see `borderline disputes`) or place instead of what the "
                   "article is found to be about");
    app.add_option("--dpi", o.dpi, "Dots per inch: paper sizes in pixels, the PNG's resolution, the PDF's page size")
        ->capture_default_str()
        ->check(
        CLI::Range(24.0, 2400.0));
    app.add_option("--json", o.sidecar, "Also write the extraction JSON (places, claims, scene) to this file");
    app.add_option("--scene", o.scene,
                   "Draw this scene document (or the JSON of render --json / extract, edited) instead of an article");
    app.add_option("--title", o.title, "Title of the map, instead of the article's headline");
    app.add_option("--subtitle", o.subtitle, "Line under the title, instead of the date and source");
    app.add_option("--exclude", o.exclude,
                   "Leave out a place (id or name), country (ISO3 or name) or dispute (id or name); repeatable")
        ->allow_extra_args(false);
    app.add_option("--marker", o.markers, "Add a marker: LON,LAT[,LABEL] in degrees; repeatable")->allow_extra_args(false);
    app.add_option("--label", o.labels, "Rename a place, country or dispute: ID=TEXT; repeatable")->allow_extra_args(false);
    app.add_flag("--no-claims", o.no_claims, "Draw no numbered claims on the map or in the legend");
    app.add_option("--max-input-mb", o.max_input_mb, "Refuse articles larger than this")->capture_default_str()->check(
        CLI::Range(1, 1024));
}

int run_render(const RenderOptions& o) {
    SceneOptions so;
    // CLI11's range check lets NaN through (every comparison with it is false).
    if (!(o.dpi >= 24 && o.dpi <= 2400)) {
        throw UsageError("--dpi " + std::to_string(o.dpi) + " is not valid; use a number from 24 to 2400");
    }
    so.size = parse_size(o.size, o.dpi);
    if (!o.bbox.empty()) so.bbox = parse_bbox(o.bbox);
    so.dpi = o.dpi;
    so.focus = o.focus;
    if (!o.scene.empty() && (!o.article.empty() || so.bbox || !o.worldview.empty())) {
        throw UsageError("--scene draws a saved scene: give no ARTICLE, --bbox or --worldview with it (edit the scene)");
    }
    if (o.article.empty() && !so.bbox && o.scene.empty()) {
        throw UsageError("render needs an ARTICLE, --scene S.json, or --bbox W,S,E,N for a base map");
    }
    // Bad override values fail before any work is done.
    for (const auto& m : o.markers) parse_marker(m);
    std::string output = o.output;
    if (output.empty()) {
        const std::string& named = o.scene.empty() ? o.article : o.scene;
        output = named.empty() || named == "-" ? "map.png" : std::filesystem::path(named).stem().string() + ".png";
    }
    if (!o.focus.empty() && o.article.empty()) throw UsageError("--focus needs an ARTICLE");
    const OutputFormat format = output_format(output, o.format);
    // Two documents on one stream cannot be told apart by the reader.
    const int to_stdout = (output == "-") + (o.sidecar == "-") + (o.geojson == "-");
    if (to_stdout > 1) {
        throw UsageError("only one output can go to standard output (-); give the others file names");
    }
    if ((!o.sidecar.empty() || !o.geojson.empty()) && o.article.empty()) {
        // --scene has no article: its JSON is already the file it was read from.
        throw UsageError("--json and --geojson need an ARTICLE");
    }
    const Style style = find_style(o.style);
    const GeoData data(GeoData::default_dir());
    // Fontconfig reads its settings and caches, and the layers the map
    // draws are loaded, on other threads while the article is read and
    // parsed on this one.
    auto font_installed = std::async(std::launch::async, [&] { return font_available(style.font); });
    // A base map has no parties, so no provinces: admin1 (a fifth of a
    // base map's instructions when it was read) stays unread.
    const bool provinces = !o.article.empty() || !o.scene.empty();
    auto layers_loaded = std::async(std::launch::async, [&] { load_map_layers(data, provinces); });
    if (!o.worldview.empty()) {
        so.worldview = o.worldview;
        for (auto& c : so.worldview) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (!data.disputes().is_party(so.worldview)) {
            throw UsageError("--worldview " + o.worldview +
                             " is not a party to any bundled dispute; see `borderline disputes` for the parties");
        }
    }
    Scene scene;
    std::string sidecar, geojson;
    if (!o.scene.empty()) {
        scene = read_scene(o.scene, o.max_input_mb * 1024 * 1024);
        for (const auto& what : o.exclude) {
            if (exclude_from_scene(scene, what, countries_named(scene, what)) == 0) exclude_matches_nothing(what);
        }
    } else if (o.article.empty()) {
        scene = plan_base_scene(*so.bbox, so, data);
    } else {
        ReadOptions ro;
        ro.max_bytes = o.max_input_mb * 1024 * 1024;
        Document doc = read_document(o.article, ro);
        warn_replaced(doc);
        const Gazetteer gaz(data);
        Extraction x = o.exclude.empty() ? extract(std::move(doc), gaz, data, so)
                                         : extract_excluding(std::move(doc), gaz, data, so, o.exclude);
        // The sidecar carries the corrected scene, so it draws the same map again.
        apply_overrides(x.scene, o);
        scene = x.scene;
        if (!o.sidecar.empty()) sidecar = to_json(x, gaz).dump(2) + "\n";
        if (!o.geojson.empty()) geojson = to_geojson(x, gaz, data).dump() + "\n";
    }
    if (o.article.empty()) apply_overrides(scene, o);
    warn_missing_font(style, font_installed.get());
    const std::string bytes = render_to_bytes(scene, data, style, format);
    write_atomically(output, bytes);
    if (!sidecar.empty()) write_atomically(o.sidecar, sidecar);
    if (!geojson.empty()) write_atomically(o.geojson, geojson);
    return 0;
}

}  // namespace borderline::cli
