// Read an article, find its places, and draw its map as a PNG with the
// installed library (see examples/CMakeLists.txt).
//   map_article ARTICLE OUT.png
#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/render.hpp>
#include <borderline/style.hpp>
#include <borderline/version.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: map_article ARTICLE OUT.png\n");
        return 1;
    }
    try {
        const auto paths = borderline::DataPaths::under(BORDERLINE_DATA_DIR);
        const borderline::GeoData data(paths);
        const borderline::Gazetteer gazetteer(data);
        const auto x = borderline::extract(borderline::read_document(argv[1]), gazetteer, data, {});
        const auto style = borderline::find_style("default", paths.styles);
        borderline::write_atomically(argv[2],
                                     borderline::render_to_bytes(x.scene, data, style, borderline::OutputFormat::png));
        std::printf("borderline %s: %zu places, %zu claims, map of %s\n", borderline::version_string, x.places.size(),
                    x.claims.size(), x.scene.title.c_str());
        return 0;
    } catch (const borderline::Error& e) {
        // The library says what kind of failure it was; the exit code is ours.
        std::fprintf(stderr, "map_article: %s\n", e.what());
        return e.kind() == borderline::ErrorKind::nothing_to_map ? 3 : 2;
    }
}
