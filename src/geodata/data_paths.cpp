// DataPaths: the installed layout, and the build tree's (compiled in).
#include <borderline/data_paths.hpp>

#include <string_view>

#ifndef BORDERLINE_CACHE_DIR
#define BORDERLINE_CACHE_DIR ""  // no build folder known: no caches
#endif

namespace borderline {

DataPaths DataPaths::under(const std::filesystem::path& root) {
    DataPaths p;
    p.geodata = root / "geodata";
    p.styles = root / "styles";
    p.layer_cache = root / "layers";
    p.gazetteer_cache = root / "gazetteer.bin";
    return p;
}

DataPaths DataPaths::built() {
    DataPaths p;
    const std::filesystem::path source(BORDERLINE_SOURCE_DATA_DIR);
    p.geodata = source / "geodata";
    p.styles = source / "styles";
    if (!std::string_view(BORDERLINE_CACHE_DIR).empty()) {
        const std::filesystem::path build(BORDERLINE_CACHE_DIR);
        p.layer_cache = build / "layers";
        p.gazetteer_cache = build / "gazetteer.bin";
        p.layer_tool = build / "borderline_layers";
    }
    return p;
}

}  // namespace borderline
