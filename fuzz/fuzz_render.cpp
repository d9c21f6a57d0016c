// libFuzzer target: bytes -> article -> scene -> SVG, PDF and PNG bytes, the
// SVG parsed back with libxml2 (strict: any error is a finding). The first
// byte picks the article's format (0 .txt, 1 .md, 2 .html, 3 .json; 4 and
// above: a base map of a box made from the next 8 bytes) and which of PDF or
// PNG is drawn besides the SVG. The canvas is the smallest allowed, so that
// each input draws in milliseconds.
#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/render.hpp>
#include <borderline/style.hpp>

#include <libxml/parser.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace {

void ignore_xml_errors(void*, const char*, ...) {}

/// A strict parse: no recovery, no network, no entities; true when well formed.
bool well_formed_xml(const std::string& svg) {
    xmlDocPtr doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "map.svg", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    const bool ok = doc != nullptr;
    xmlFreeDoc(doc);
    return ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace borderline;
    static const GeoData geo(GeoData::default_dir());
    static const Gazetteer gaz(geo);
    static const Style style = find_style("default");
    static const bool init = [] {
        xmlInitParser();
        xmlSetGenericErrorFunc(nullptr, ignore_xml_errors);
        load_map_layers(geo);
        return true;
    }();
    (void)init;
    if (size < 1) return 0;
    const unsigned mode = data[0];
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    SceneOptions so;
    so.size = min_canvas;
    try {
        Scene scene;
        if (mode % 8 >= 4) {
            // A box from 8 bytes: west/south corner and a width/height, in degrees.
            if (rest.size() < 8) return 0;
            auto at = [&](std::size_t i) {
                return static_cast<double>(static_cast<std::uint8_t>(rest[i]) << 8 |
                                           static_cast<std::uint8_t>(rest[i + 1]));
            };
            const double w = -180 + at(0) / 65535 * 359, s = -90 + at(2) / 65535 * 179;
            const double e = std::min(180.0, w + 0.01 + at(4) / 65535 * 360);
            const double n = std::min(90.0, s + 0.01 + at(6) / 65535 * 180);
            scene = plan_base_scene(Box{w, s, e, n}, so, geo);
        } else {
            static const char* names[] = {"a.txt", "a.md", "a.html", "a.json"};
            ReadOptions ro;
            ro.max_bytes = 1u << 20;
            scene = extract(make_document(rest, names[mode % 4], ro), gaz, geo, so).scene;
        }
        const std::string svg = render_to_bytes(scene, geo, style, OutputFormat::svg);
        if (!well_formed_xml(svg)) __builtin_trap();
        const OutputFormat other = mode & 8 ? OutputFormat::pdf : OutputFormat::png;
        const std::string bytes = render_to_bytes(scene, geo, style, other);
        const char* magic = other == OutputFormat::pdf ? "%PDF-" : "\x89PNG";
        if (bytes.compare(0, std::strlen(magic), magic) != 0) __builtin_trap();
    } catch (const Error&) {
    }
    return 0;
}
