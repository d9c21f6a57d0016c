// borderline_gazetteer: builds the gazetteer cache (gazetteer.bin) at build
// time, so the first run of the program already starts fast.
#include <borderline/error.hpp>
#include <borderline/gazetteer.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    try {
        const borderline::GeoData data(argc > 1 ? std::filesystem::path(argv[1])
                                                : borderline::GeoData::default_dir());
        const borderline::Gazetteer gaz(data);
        if (!std::filesystem::exists(borderline::Gazetteer::cache_path())) {
            std::fprintf(stderr, "borderline_gazetteer: could not write %s\n",
                         borderline::Gazetteer::cache_path().c_str());
            return 1;
        }
        std::printf("gazetteer: %zu entries, %s\n", gaz.size(), gaz.from_cache() ? "cache up to date" : "cache written");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "borderline_gazetteer: %s\n", e.what());
        return 1;
    }
}
