// borderline extract: article -> JSON (or a readable table) of what was found.
#include "commands.hpp"

#include <borderline/error.hpp>
#include <borderline/extract.hpp>

#include <cstdio>
#include <iostream>

namespace borderline::cli {

void setup_extract(CLI::App& app, ExtractOptions& o) {
    app.add_option("article", o.article, "Article file, or - for standard input")->required();
    app.add_option("--format", o.format, "json or text")->check(CLI::IsMember({"json", "text"}))->capture_default_str();
    app.add_option("--max-input-mb", o.max_input_mb, "Refuse articles larger than this")->capture_default_str()->check(
        CLI::Range(1, 1024));
}

int run_extract(const ExtractOptions& o) {
    ReadOptions ro;
    ro.max_bytes = o.max_input_mb * 1024 * 1024;
    Document doc = read_document(o.article, ro);
    warn_replaced(doc);
    const GeoData data(GeoData::default_dir());
    const Gazetteer gaz(data);
    const Extraction x = extract(std::move(doc), gaz, data, SceneOptions{});
    if (o.format == "json") {
        std::cout << to_json(x, gaz).dump(2) << "\n";
    } else {
        std::printf("%-28s %-8s %-4s %10s %10s %5s  %s\n", "place", "kind", "iso3", "lon", "lat", "conf", "mentions");
        for (const auto& p : x.places) {
            const Entry& e = gaz.entry(p.entry);
            std::printf("%-28s %-8s %-4s %10.4f %10.4f %5.2f  %zu\n", std::string(e.name).c_str(), to_string(e.kind),
                        std::string(e.country).c_str(), e.lon, e.lat, p.confidence, p.mentions.size());
        }
    }
    return 0;
}

}  // namespace borderline::cli
