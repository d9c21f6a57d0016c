// The subcommands: each binds its options into a plain struct (setup_*, no
// side effects) and runs from that struct (run_*), so tests can build the
// struct without a command line.
#pragma once

#include <borderline/data_paths.hpp>
#include <borderline/document.hpp>
#include <borderline/edits.hpp>
#include <borderline/geometry.hpp>
#include <borderline/scene.hpp>
#include <borderline/style.hpp>

namespace CLI {
class App;
}  // namespace CLI

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace borderline::cli {

struct RenderOptions {
    std::string article;  ///< file, or "-" for standard input; empty with --bbox
    std::string output;
    std::string style = "default";
    std::string size = "1600x1000";
    std::string bbox;
    std::string sidecar;
    std::string geojson;
    std::string worldview;
    std::string focus;
    std::string format;  ///< png, svg or pdf; needed by -o - for anything but PNG
    double dpi = 96;
    std::size_t max_input_mb = 20;
    std::string scene;  ///< --scene: a scene document (or extract JSON) to draw instead of an article
    SceneEdits edits;   ///< editorial overrides, applied to the scene before drawing
};
void setup_render(CLI::App& app, RenderOptions& o);
int run_render(const RenderOptions& o);

/// Memory settings for a process that draws or reads one article (heap.cpp);
/// call before any thread starts.
void prepare_heap_for_one_map();
/// Ends a one-map process at once, without destructors, once its outputs are
/// written (heap.cpp); returns in other processes and under the sanitizers.
void end_one_map_process(int code);

struct ExtractOptions {
    std::string article;
    std::string format = "json";
    std::size_t max_input_mb = 20;
};
void setup_extract(CLI::App& app, ExtractOptions& o);
int run_extract(const ExtractOptions& o);

struct PlacesOptions {
    std::string query;
    bool json = false;
    std::size_t limit = 20;
};
void setup_places(CLI::App& app, PlacesOptions& o);
int run_places(const PlacesOptions& o);

struct DisputesOptions {
    std::string query;
    bool json = false;
};
void setup_disputes(CLI::App& app, DisputesOptions& o);
int run_disputes(const DisputesOptions& o);

struct BatchOptionsCli {
    std::vector<std::string> inputs;
    std::string outdir;
    std::string formats = "png";
    unsigned jobs = 2;
    std::string style = "default";
    std::string size = "1200x800";
    bool force = false;
    bool watch = false;
    std::string shard;
    std::optional<bool> progress;
    std::size_t max_input_mb = 20;
};
void setup_batch(CLI::App& app, BatchOptionsCli& o);
int run_batch_command(const BatchOptionsCli& o);

struct ServeOptionsCli {
    std::string bind = "127.0.0.1";
    int port = 8080;
    std::string token;
    unsigned jobs = 0;  ///< 0: one per core
    std::size_t queue = 64;
    std::size_t max_body_mb = 20;
    double timeout = 30;
};
void setup_serve(CLI::App& app, ServeOptionsCli& o);
/// Runs the server (in the borderline-serve program, serve_main.cpp).
int run_serve(const ServeOptionsCli& o);
/// `borderline serve ...`: replaces this process by borderline-serve, found
/// beside the running executable, with the same arguments. The HTTP library
/// pulls in OpenSSL and Brotli, whose loading and set-up cost every other
/// command 12M instructions (half of `borderline --version`); only the
/// server loads them now. Throws DataError when it cannot be started.
[[noreturn]] void exec_serve(char** argv);

/// Parses the command line: the exit code to return at once (--help,
/// --version, a usage error with a "did you mean" hint), or nothing.
std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv);

/// Runs a subcommand, mapping errors to the documented exit codes with a
/// one-line message (both programs' main).
int run_guarded(const std::function<int()>& command);

/// One-line warnings on stderr: invalid UTF-8 replaced; style font missing.
void warn_replaced(const Document& doc);
/// (`installed`: font_available(style.font), which may be known already.)
void warn_missing_font(const Style& style, bool installed);

/// The data paths from $BORDERLINE_DATA (a folder holding geodata/ and
/// styles/), $BORDERLINE_LAYER_CACHE and $BORDERLINE_GAZETTEER_CACHE, else
/// the installed data beside the program (PREFIX/share/borderline), else the
/// build tree's.
DataPaths data_paths();

/// "1600x1000" -> Size; throws UsageError.
/// --size: pixels, millimetres at `dpi`, or a preset name; throws UsageError.
Size parse_size(const std::string& s, double dpi);
/// "W,S,E,N" -> Box; throws UsageError.
Box parse_bbox(const std::string& s);

}  // namespace borderline::cli
