// borderline render: article (or --bbox) -> map file, plus optional JSON sidecar.
#include "commands.hpp"

#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/render.hpp>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <future>
#include <sstream>

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
        if (size.width < 200 || size.height < 150 || size.width > 20000 || size.height > 20000) {
            throw std::out_of_range("range");
        }
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
    app.add_option("--dpi", o.dpi, "Dots per inch: paper sizes in pixels, the PNG's resolution, the PDF's page size")
        ->capture_default_str()
        ->check(
        CLI::Range(24.0, 2400.0));
    app.add_option("--json", o.sidecar, "Also write the extraction JSON (places, claims, scene) to this file");
    app.add_option("--max-input-mb", o.max_input_mb, "Refuse articles larger than this")->capture_default_str()->check(
        CLI::Range(1, 1024));
}

int run_render(const RenderOptions& o) {
    SceneOptions so;
    so.size = parse_size(o.size, o.dpi);
    if (!o.bbox.empty()) so.bbox = parse_bbox(o.bbox);
    so.dpi = o.dpi;
    if (o.article.empty() && !so.bbox) {
        throw UsageError("render needs an ARTICLE, or --bbox W,S,E,N for a base map");
    }
    std::string output = o.output;
    if (output.empty()) {
        output = o.article.empty() || o.article == "-" ? "map.png"
                                                       : std::filesystem::path(o.article).stem().string() + ".png";
    }
    const OutputFormat format = output_format(output, o.format);
    // Two documents on one stream cannot be told apart by the reader.
    const int to_stdout = (output == "-") + (o.sidecar == "-") + (o.geojson == "-");
    if (to_stdout > 1) {
        throw UsageError("only one output can go to standard output (-); give the others file names");
    }
    if ((!o.sidecar.empty() || !o.geojson.empty()) && o.article.empty()) {
        throw UsageError("--json and --geojson need an ARTICLE");
    }
    const Style style = find_style(o.style);
    const GeoData data(GeoData::default_dir());
    // Fontconfig reads its settings and caches, and the layers the map
    // draws are loaded, on other threads while the article is read and
    // parsed on this one.
    auto font_installed = std::async(std::launch::async, [&] { return font_available(style.font); });
    auto layers_loaded = std::async(std::launch::async, [&] { load_map_layers(data); });
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
    if (o.article.empty()) {
        scene = plan_base_scene(*so.bbox, so, data);
    } else {
        ReadOptions ro;
        ro.max_bytes = o.max_input_mb * 1024 * 1024;
        Document doc = read_document(o.article, ro);
        warn_replaced(doc);
        const Gazetteer gaz(data);
        Extraction x = extract(std::move(doc), gaz, data, so);
        scene = x.scene;
        if (!o.sidecar.empty()) sidecar = to_json(x, gaz).dump(2) + "\n";
        if (!o.geojson.empty()) geojson = to_geojson(x, gaz, data).dump() + "\n";
    }
    warn_missing_font(style, font_installed.get());
    const std::string bytes = render_to_bytes(scene, data, style, format);
    write_atomically(output, bytes);
    if (!sidecar.empty()) write_atomically(o.sidecar, sidecar);
    if (!geojson.empty()) write_atomically(o.geojson, geojson);
    return 0;
}

}  // namespace borderline::cli
