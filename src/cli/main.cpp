// borderline: entry point. Parses the command line, runs one subcommand and
// maps errors to the documented exit codes with a one-line message (both in
// guard.cpp, shared with borderline-serve).
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include "diag.hpp"
#include "exit_codes.hpp"

#include <borderline/error.hpp>

int main(int argc, char** argv) {
    using namespace borderline;
    CLI::App app{"borderline: turn a news article about a border dispute into an annotated map"};
    app.set_version_flag("--version", std::string("borderline ") + BORDERLINE_VERSION);
    app.require_subcommand(1);
    cli::RenderOptions render;
    cli::ExtractOptions extract;
    cli::PlacesOptions places;
    cli::DisputesOptions disputes;
    cli::BatchOptionsCli batch;
    cli::ServeOptionsCli serve;
    auto* render_cmd = app.add_subcommand("render", "Draw the map of an article (or of --bbox) as PNG, SVG or PDF");
    cli::setup_render(*render_cmd, render);
    auto* extract_cmd = app.add_subcommand("extract", "Print the places, disputes, claims and scene of an article");
    cli::setup_extract(*extract_cmd, extract);
    cli::setup_places(*app.add_subcommand("places", "Look a name up in the gazetteer"), places);
    cli::setup_disputes(*app.add_subcommand("disputes", "List the bundled disputed territories"), disputes);
    auto* batch_cmd = app.add_subcommand("batch", "Render many articles into a folder, incrementally");
    cli::setup_batch(*batch_cmd, batch);
    auto* serve_cmd = app.add_subcommand("serve", "Serve the map desk page and the HTTP API");
    cli::setup_serve(*serve_cmd, serve);
    // -q/-v where there is something to silence or to time: the article
    // commands have stages; batch and serve only notes (places and disputes
    // print nothing but their answer).
    cli::add_verbosity_flags(*render_cmd, true);
    cli::add_verbosity_flags(*extract_cmd, true);
    cli::add_verbosity_flags(*batch_cmd, false);
    cli::add_verbosity_flags(*serve_cmd, false);
    if (const auto code = cli::parse_command_line(app, argc, argv)) return *code;
    for (const auto* sub : {render_cmd, extract_cmd, batch_cmd, serve_cmd}) {
        if (sub->parsed()) cli::set_verbosity(cli::verbosity_of(*sub));
    }
    if (render_cmd->parsed() || extract_cmd->parsed()) cli::prepare_heap_for_one_map();
    return cli::run_guarded([&] {
        if (app.got_subcommand("serve")) cli::exec_serve(argv);  // the server is its own program
        if (app.got_subcommand("render")) return cli::run_render(render);
        if (app.got_subcommand("extract")) return cli::run_extract(extract);
        if (app.got_subcommand("places")) return cli::run_places(places);
        if (app.got_subcommand("disputes")) return cli::run_disputes(disputes);
        if (app.got_subcommand("batch")) return cli::run_batch_command(batch);
        return static_cast<int>(cli::ExitCode::usage);
    });
}
