// The command line's options: every subcommand's options bound to its
// plain struct (commands.hpp), and the verbosity flags. CLI11 is a header
// library whose App class is compiled into every file that uses it (10-15 s
// each under the sanitizers), so only this file, guard.cpp and the two
// mains include it; the commands run from their structs.
#include "commands.hpp"
#include "diag.hpp"

#include <CLI/CLI.hpp>

namespace borderline::cli {

namespace {
/// --max-input-mb, up to `most` MB (batch reads many articles, each bounded).
void add_max_input(CLI::App& app, std::size_t& mb, int most) {
    app.add_option("--max-input-mb", mb, "Refuse articles larger than this")
        ->capture_default_str()
        ->check(CLI::Range(1, most));
}
}  // namespace

void add_verbosity_flags(CLI::App& app, bool timings) {
    auto* q = app.add_flag("-q,--quiet")->description("No warnings or notes on stderr (errors are still printed)");
    if (timings) app.add_flag("-v,--verbose")->description("Print the time of each stage on stderr")->excludes(q);
}

Verbosity verbosity_of(const CLI::App& app) {
    if (app.count("--quiet") > 0) return Verbosity::quiet;
    const CLI::Option* v = app.get_option_no_throw("--verbose");
    return v && v->count() > 0 ? Verbosity::verbose : Verbosity::normal;
}

void setup_batch(CLI::App& app, BatchOptionsCli& o) {
    app.add_option("inputs", o.inputs, "Article files, folders (searched recursively) or .jsonl manifests")->required();
    app.add_option("-o,--output", o.outdir, "Output folder (created if missing)")->required();
    app.add_option("--formats", o.formats, "Comma-separated: png,svg,pdf")->capture_default_str();
    app.add_option("--jobs", o.jobs, "Worker threads")->capture_default_str()->check(CLI::Range(1, 256));
    app.add_option("--style", o.style, "Bundled style name or style file, for items without their own")
        ->capture_default_str();
    app.add_option("--size", o.size, "Canvas size WIDTHxHEIGHT")->capture_default_str();
    app.add_flag("--force", o.force, "Render every item, even unchanged ones");
    app.add_flag("--watch", o.watch, "Keep running; re-render items whose input changes or appears (Ctrl-C stops)");
    app.add_option("--shard", o.shard, "Render only shard I of N (I/N): items whose index by id is I-1 modulo N");
    app.add_flag("--progress,!--no-progress", o.progress, "Progress bar on stderr (default: when it is a terminal)");
    add_max_input(app, o.max_input_mb, 4096);
}

void setup_disputes(CLI::App& app, DisputesOptions& o) {
    app.add_option("query", o.query, "Part of a name or alias, an id, or a party's ISO alpha-3 code");
    app.add_flag("--json", o.json, "Print a JSON array instead of a table");
}

void setup_extract(CLI::App& app, ExtractOptions& o) {
    app.add_option("article", o.article, "Article file, or - for standard input")->required();
    app.add_option("--format", o.format, "json or text")->check(CLI::IsMember({"json", "text"}))->capture_default_str();
    add_max_input(app, o.max_input_mb, 1024);
}

void setup_places(CLI::App& app, PlacesOptions& o) {
    app.add_option("query", o.query, "A place name, in any case, with or without accents")->required();
    app.add_flag("--json", o.json, "Print JSON instead of a table");
    app.add_option("--limit", o.limit, "Show at most this many entries")
        ->capture_default_str()
        ->check(CLI::Range(1, 10000));
}

void setup_render(CLI::App& app, RenderOptions& o) {
    app.add_option("article", o.article,
                   "Article: .txt (first line is the headline), .md, .html, .json, or - for stdin");
    app.add_option("-o,--output", o.output,
                   "Output file: .png, .svg or .pdf (- for stdout, see --format); default <article>.png");
    app.add_option("--format", o.format,
                   "png, svg or pdf: the format of -o - (default png); with a file, its extension's")
        ->check(CLI::IsMember({"png", "svg", "pdf"}));
    app.add_option("--style", o.style, "Bundled style name or path to a style JSON file")->capture_default_str();
    app.add_option("--size", o.size,
                   "Canvas size: WIDTHxHEIGHT in pixels, WIDTHxHEIGHTmm at --dpi, or a4, a4-landscape, a5, letter, "
                   "slide (1920x1080), social (1200x675), square (1080x1080)")
        ->capture_default_str();
    app.add_option("--bbox", o.bbox, "Fixed extent W,S,E,N in degrees (without an article: a base map)");
    app.add_option("--geojson", o.geojson,
                   "Also write the map as GeoJSON (RFC 7946) for GIS: extent, parties, border, disputed areas, places");
    app.add_option("--worldview", o.worldview,
                   "Draw the map as this country (ISO alpha-3) sees it: its claims shown as its territory");
    app.add_option("--focus", o.focus,
                   "Frame this dispute (id or name, see `borderline disputes`) or place instead of what the "
                   "article is found to be about");
    app.add_option("--dpi", o.dpi, "Dots per inch: paper sizes in pixels, the PNG's resolution, the PDF's page size")
        ->capture_default_str()
        ->check(CLI::Range(24.0, 2400.0));
    app.add_option("--json", o.sidecar, "Also write the extraction JSON (places, claims, scene) to this file");
    app.add_option("--scene", o.scene,
                   "Draw this scene document (or the JSON of render --json / extract, edited) instead of an article");
    SceneEdits& e = o.edits;
    app.add_option("--title", e.title, "Title of the map, instead of the article's headline");
    app.add_option("--subtitle", e.subtitle, "Line under the title, instead of the date and source");
    app.add_option("--source", e.source, "The story's source, added to the credit line (e.g. \"Reuters\")");
    app.add_option("--note", e.note, "A line of text under the map, above the credit");
    app.add_option("--exclude", e.exclude,
                   "Leave out a place (id or name), country (ISO3 or name) or dispute (id or name); repeatable")
        ->allow_extra_args(false);
    app.add_option("--marker", e.markers, "Add a marker: LON,LAT[,LABEL] in degrees; repeatable")
        ->allow_extra_args(false);
    app.add_option("--label", e.labels, "Rename a place, country or dispute: ID=TEXT; repeatable")
        ->allow_extra_args(false);
    app.add_flag("--no-claims", e.no_claims, "Draw no numbered claims on the map or in the legend");
    app.add_flag("--no-inset", e.no_inset, "Draw no locator inset");
    app.add_option("--units", e.units, "Scale bar in km (default) or mi");
    app.add_option("--lang", e.lang,
                   "Language of the map: en (default), fr, es, de, pt, ru, ar (right to left) or zh; names from the "
                   "bundled data, the legend, scale bar and credit in that language, quotes as the article has them");
    app.add_option("--names", e.names,
                   "Names file (KEY<TAB>SPELLING, see docs/schema.md) with the house spelling of places and countries, "
                   "over the style's and the bundled default");
    add_max_input(app, o.max_input_mb, 1024);
}

void setup_serve(CLI::App& app, ServeOptionsCli& o) {
    app.add_option("--bind", o.bind, "Address to listen on; other than loopback needs --token")->capture_default_str();
    app.add_option("--port", o.port, "Port to listen on; 0 picks a free one and prints it")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    app.add_option("--token", o.token, "Bearer token every /api/ request must send (Authorization: Bearer T)");
    app.add_option("--jobs", o.jobs, "Maps drawn at once (default: one per core)")->check(CLI::Range(0, 256));
    app.add_option("--queue", o.queue, "Requests that may wait for a worker before the server answers 503")
        ->capture_default_str()
        ->check(CLI::Range(1, 10000));
    app.add_option("--max-body-mb", o.max_body_mb, "Refuse request bodies larger than this (413)")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024));
    app.add_option("--timeout", o.timeout, "Seconds a request may take before the server answers 503")
        ->capture_default_str()
        ->check(CLI::Range(0.001, 3600.0));
}

}  // namespace borderline::cli
