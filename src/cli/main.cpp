// borderline: entry point. Parses the command line, runs one subcommand and
// maps errors to the documented exit codes with a one-line message.
#include "commands.hpp"

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
    cli::setup_render(*app.add_subcommand("render", "Draw the map of an article (or of --bbox) as PNG, SVG or PDF"),
                      render);
    cli::setup_extract(*app.add_subcommand("extract", "Print the places, disputes, claims and scene of an article"),
                       extract);
    cli::setup_places(*app.add_subcommand("places", "Look a name up in the gazetteer"), places);
    cli::setup_disputes(*app.add_subcommand("disputes", "List the bundled disputed territories"), disputes);
    cli::setup_batch(*app.add_subcommand("batch", "Render many articles into a folder, incrementally"), batch);
    cli::setup_serve(*app.add_subcommand("serve", "Serve the map desk page and the HTTP API"), serve);
    if (const auto code = cli::parse_command_line(app, argc, argv)) return *code;
    return cli::run_guarded([&] {
        if (app.got_subcommand("serve")) cli::exec_serve(argv);  // the server is its own program
        if (app.got_subcommand("render")) return cli::run_render(render);
        if (app.got_subcommand("extract")) return cli::run_extract(extract);
        if (app.got_subcommand("places")) return cli::run_places(places);
        if (app.got_subcommand("disputes")) return cli::run_disputes(disputes);
        if (app.got_subcommand("batch")) return cli::run_batch_command(batch);
        return static_cast<int>(ExitCode::usage);
    });
}
