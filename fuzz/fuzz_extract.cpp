// libFuzzer target: the extract pipeline (document, mentions, places,
// claims, scene) on arbitrary text, with the bundled data loaded once.
#include <borderline/error.hpp>
#include <borderline/extract.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const borderline::GeoData geo(borderline::GeoData::default_dir());
    static const borderline::Gazetteer gaz(geo);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        borderline::ReadOptions ro;
        ro.max_bytes = 1u << 20;
        const auto x = borderline::extract(borderline::make_document(text, "a.txt", ro), gaz, geo, {});
        const auto j = borderline::to_json(x, gaz);
        for (const auto& p : x.places) {
            for (const auto& m : p.mentions) {
                if (m.span.end > x.doc.text.size()) __builtin_trap();
            }
        }
        (void)j.dump();
    } catch (const borderline::Error&) {
    }
    return 0;
}
