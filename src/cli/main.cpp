// borderline: entry point. Parses the command line, runs one subcommand and
// maps errors to the documented exit codes with a one-line message.
#include "commands.hpp"
#include "diag.hpp"
#include "exit_codes.hpp"

#include <borderline/error.hpp>
#include <borderline/fold.hpp>

#include <algorithm>
#include <iostream>
#include <set>

namespace {

using borderline::edit_distance;

/// "did you mean --size?" for the first argument the command does not know.
std::string suggestion(const CLI::App& app, int argc, char** argv) {
    const CLI::App* cmd = &app;
    for (const auto* sub : app.get_subcommands()) cmd = sub;
    std::set<std::string> known;
    for (const CLI::Option* o : cmd->get_options()) {
        for (const auto& n : o->get_lnames()) known.insert("--" + n);
        for (const auto& n : o->get_snames()) known.insert("-" + n);
    }
    std::vector<std::string> names;
    for (const auto* s : app.get_subcommands({})) names.push_back(s->get_name());
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        const auto eq = arg.find('=');
        if (eq != std::string::npos) arg = arg.substr(0, eq);
        const bool is_option = arg.size() > 1 && arg[0] == '-';
        if (is_option && !known.count(arg)) {
            std::string best;
            std::size_t best_d = 3;
            for (const auto& k : known) {
                const auto d = edit_distance(arg, k);
                if (d < best_d) {
                    best_d = d;
                    best = k;
                }
            }
            return best.empty() ? "unknown option " + arg + "; see --help"
                                : "unknown option " + arg + "; did you mean " + best + "?";
        }
        if (!is_option && i == 1 && app.get_subcommands().empty()) {
            std::string best;
            std::size_t best_d = 3;
            for (const auto& n : names) {
                const auto d = edit_distance(arg, n);
                if (d < best_d) {
                    best_d = d;
                    best = n;
                }
            }
            if (!best.empty()) return "unknown command " + arg + "; did you mean " + best + "?";
        }
    }
    return {};
}

}  // namespace

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
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string hint = suggestion(app, argc, argv);
        std::string msg = e.what();
        if (!hint.empty() && (dynamic_cast<const CLI::ExtrasError*>(&e) || hint.rfind("unknown command", 0) == 0)) {
            msg = hint;
        }
        std::cerr << "borderline: " << msg << " (try borderline --help)\n";
        return static_cast<int>(cli::ExitCode::usage);
    }
    for (const auto* sub : {render_cmd, extract_cmd, batch_cmd, serve_cmd}) {
        if (sub->parsed()) cli::set_verbosity(cli::verbosity_of(*sub));
    }
    try {
        if (app.got_subcommand("render")) return cli::run_render(render);
        if (app.got_subcommand("extract")) return cli::run_extract(extract);
        if (app.got_subcommand("places")) return cli::run_places(places);
        if (app.got_subcommand("disputes")) return cli::run_disputes(disputes);
        if (app.got_subcommand("batch")) return cli::run_batch_command(batch);
        if (app.got_subcommand("serve")) return cli::run_serve(serve);
    } catch (const Error& e) {
        std::cerr << "borderline: " << cli::cli_message(e) << "\n";
        return static_cast<int>(cli::exit_code(e.kind()));
    } catch (const std::bad_alloc&) {
        std::cerr << "borderline: out of memory; try a smaller input or --size\n";
        return static_cast<int>(cli::ExitCode::bad_input);
    } catch (const std::exception& e) {
        std::cerr << "borderline: internal error: " << e.what() << "; please report it with the input\n";
        return static_cast<int>(cli::ExitCode::bad_input);
    }
    return static_cast<int>(cli::ExitCode::usage);
}
