// borderline render: article (or --bbox) -> map file, plus optional JSON sidecar.
#include "commands.hpp"
#include "diag.hpp"

#include <borderline/disputes.hpp>
#include <borderline/edits.hpp>
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
    {"a4", 210, 297, true},         {"a4-landscape", 297, 210, true}, {"a5", 148, 210, true},
    {"letter", 215.9, 279.4, true}, {"slide", 1920, 1080, false},     {"social", 1200, 675, false},
    {"square", 1080, 1080, false},
};

int pixels(double mm, double dpi) { return static_cast<int>(std::lround(mm / 25.4 * dpi)); }

/// A scene document, or the scene_document member of the JSON that
/// `extract` and `render --json` write; unknown keys are reported, not fatal,
/// so that a note an editor left in the file does not stop the map.
Scene read_scene(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path))
        throw InputError("scene " + path + ": cannot be read; check the path");
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
        warn("scene %s: unknown key(s) ignored: %s", path.c_str(), list.c_str());
    }
    try {
        return scene_from_json(*doc);
    } catch (const InputError& e) {
        throw InputError("scene " + path + ": " + e.what());
    }
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
        const Size size =
            p.mm ? Size{pixels(p.w, dpi), pixels(p.h, dpi)} : Size{static_cast<int>(p.w), static_cast<int>(p.h)};
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
        throw UsageError("--bbox " + s +
                         " is not valid; use W,S,E,N in degrees with W<E and S<N, e.g. 43,38.2,51,42.2");
    }
    return {v[0], v[1], v[2], v[3]};
}

void warn_replaced(const Document& doc) {
    if (doc.replaced_bytes > 0) {
        warn("%s: %zu invalid UTF-8 byte(s) replaced by spaces", doc.source_name.c_str(), doc.replaced_bytes);
    }
}

void warn_missing_font(const Style& style, bool installed) {
    if (!installed) {
        warn("font '%s' is not installed; text uses a fallback font", style.font.c_str());
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

int run_render(const RenderOptions& o) {
    StageClock clock;
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
        throw UsageError(
            "--scene draws a saved scene: give no ARTICLE, --bbox or --worldview with it (edit the scene)");
    }
    if (o.article.empty() && !so.bbox && o.scene.empty()) {
        throw UsageError("render needs an ARTICLE, --scene S.json, or --bbox W,S,E,N for a base map");
    }
    // Bad override values fail before any work is done.
    check_edits(o.edits);
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
    const DataPaths paths = data_paths();
    const Style style = find_style(o.style, paths.styles);
    const GeoData data(paths);
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
    StageTimes times;
    double extracted = -1;  // ms from reading the article to the end of extract(), when there is one
    if (!o.scene.empty()) {
        scene = read_scene(o.scene, o.max_input_mb * 1024 * 1024);
        clock.lap("read");
        // A saved scene keeps its spellings unless --names asks for others.
        NameTable names;
        if (!o.edits.names.empty()) read_names(names_file(o.edits.names, {}, paths.styles), names);
        edit_saved_scene(scene, o.edits, names, data);
    } else if (o.article.empty()) {
        scene = plan_base_scene(*so.bbox, so, data);
        edit_saved_scene(scene, o.edits, {}, data);
    } else {
        ReadOptions ro;
        ro.max_bytes = o.max_input_mb * 1024 * 1024;
        Document doc = read_document(o.article, ro);
        warn_replaced(doc);
        clock.lap("read");
        const Gazetteer gaz(data);
        // The sidecar carries the corrected scene, so it draws the same map again.
        const Extraction x = extract_edited(std::move(doc), gaz, data, so, o.edits,
                                            house_names(style, o.edits.names, o.edits.lang, paths.styles), &times);
        extracted = clock.elapsed();
        scene = x.scene;
        if (!o.sidecar.empty()) sidecar = to_json(x, gaz).dump(2) + "\n";
        if (!o.geojson.empty()) geojson = to_geojson(x, gaz, data).dump() + "\n";
    }
    warn_missing_font(style, font_installed.get());
    if (extracted >= 0) {
        clock.lap_extract(times, extracted);
    } else {
        clock.lap("scene");
    }
    const std::string bytes = render_to_bytes(scene, data, style, format);
    clock.lap("render");
    write_atomically(output, bytes);
    if (!sidecar.empty()) write_atomically(o.sidecar, sidecar);
    if (!geojson.empty()) write_atomically(o.geojson, geojson);
    clock.lap("write");
    end_one_map_process(0);
    return 0;
}

}  // namespace borderline::cli
