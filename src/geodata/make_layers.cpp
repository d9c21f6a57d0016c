// borderline_layers: reads every layer of geodata/ through GDAL and writes the
// binary layer cache the program reads instead (at build time, and again by
// the program when geodata/ changed after the build).
//   borderline_layers [GEODATA_DIR [CACHE_DIR]]
#include <borderline/error.hpp>
#include <borderline/shapefile.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    try {
        const std::filesystem::path dir = argc > 1 ? argv[1] : borderline::GeoData::default_dir().string();
        const std::filesystem::path cache = argc > 2 ? argv[2] : borderline::layer_cache_dir().string();
        if (cache.empty()) throw borderline::UsageError("no cache folder: give one as the second argument");
        std::size_t features = 0;
        for (const auto& name : borderline::layer_names()) {
            const auto layer = borderline::read_shapefile_layer(dir, borderline::layer_source(name),
                                                                borderline::layer_simplification(name));
            borderline::write_layer_cache(*layer, borderline::layer_cache_key(dir, name), cache / (name + ".bin"));
            features += layer->size();
        }
        std::printf("layers: %zu layers, %zu features written to %s\n", borderline::layer_names().size(), features,
                    cache.c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "borderline_layers: %s\n", e.what());
        return 1;
    }
}
