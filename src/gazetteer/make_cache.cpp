// borderline_gazetteer: builds the gazetteer cache (gazetteer.bin) at build
// time, so the first run of the program already starts fast.
#include <borderline/error.hpp>
#include <borderline/gazetteer.hpp>

#include <cstdio>
#include <exception>

//   borderline_gazetteer [GEODATA_DIR [CACHE_FILE [LAYER_CACHE_DIR]]]
// (defaults: the build tree's; the install writes the installed data's).
int main(int argc, char** argv) {
    try {
        borderline::DataPaths paths = borderline::DataPaths::built();
        if (argc > 1) paths.geodata = argv[1];
        if (argc > 2) paths.gazetteer_cache = argv[2];
        if (argc > 3) paths.layer_cache = argv[3];
        const borderline::GeoData data(paths);
        const borderline::Gazetteer gaz(data);
        if (!std::filesystem::exists(paths.gazetteer_cache)) {
            std::fprintf(stderr, "borderline_gazetteer: could not write %s\n", paths.gazetteer_cache.c_str());
            return 1;
        }
        std::printf("gazetteer: %zu entries, %s\n", gaz.size(),
                    gaz.from_cache() ? "cache up to date" : "cache written");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "borderline_gazetteer: %s\n", e.what());
        return 1;
    }
}
