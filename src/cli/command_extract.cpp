// borderline extract: article -> JSON (or a readable table) of what was found.
#include "commands.hpp"
#include "diag.hpp"

#include <borderline/edits.hpp>

#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/render.hpp>

#include <cstdio>
#include <exception>
#include <string>

namespace borderline::cli {

int run_extract(const ExtractOptions& o) {
    StageClock clock;
    ReadOptions ro;
    ro.max_bytes = o.max_input_mb * 1024 * 1024;
    Document doc = read_document(o.article, ro);
    warn_replaced(doc);
    clock.lap("read");
    const GeoData data(data_paths());
    const Gazetteer gaz(data);
    // With no place the exit code stays 3, but a pipe (| jq) still gets a
    // whole document, with empty lists.
    Extraction x;
    std::exception_ptr nothing;  // rethrown after the document is printed
    StageTimes times;
    try {
        // The default style's names, as `render` without --style spells
        // them, so that render --scene of this file draws what render does.
        x = extract_edited(Document(doc), gaz, data, SceneOptions{}, {},
                           house_names(find_style("default", data.paths().styles), {}, {}, data.paths().styles),
                           &times);
    } catch (const NothingToMapError&) {
        nothing = std::current_exception();
        x.doc = std::move(doc);
        x.scene.size = SceneOptions{}.size;
    }
    clock.lap_extract(times, clock.elapsed());
    std::string out;
    if (o.format == "json") {
        out = to_json(x, gaz).dump(2) + "\n";
    } else {
        char line[512];
        std::snprintf(line, sizeof line, "%-28s %-8s %-4s %10s %10s %5s  %s\n", "place", "kind", "iso3", "lon", "lat",
                      "conf", "mentions");
        out += line;
        for (const auto& p : x.places) {
            const Entry& e = gaz.entry(p.entry);
            std::snprintf(line, sizeof line, "%-28s %-8s %-4s %10.4f %10.4f %5.2f  %zu\n", std::string(e.name).c_str(),
                          to_string(e.kind), std::string(e.country).c_str(), e.lon, e.lat, p.confidence,
                          p.mentions.size());
            out += line;
        }
    }
    write_atomically("-", out);  // a write error (a full disk, a closed pipe) is exit 5
    clock.lap("write");
    if (nothing) std::rethrow_exception(nothing);
    end_one_map_process(0);
    return 0;
}

}  // namespace borderline::cli
