// borderline: entry point. Parses the command line, runs one subcommand and
// maps errors to the documented exit codes with a one-line message.
#include "commands.hpp"

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
    cli::setup_render(*app.add_subcommand("render", "Draw the map of an article (or of --bbox) as PNG, SVG or PDF"),
                      render);
    cli::setup_extract(*app.add_subcommand("extract", "Print the places, disputes, claims and scene of an article"),
                       extract);
    cli::setup_places(*app.add_subcommand("places", "Look a name up in the gazetteer"), places);
    cli::setup_disputes(*app.add_subcommand("disputes", "List the bundled disputed territories"), disputes);
    cli::setup_batch(*app.add_subcommand("batch", "Render many articles into a folder, incrementally"), batch);
    cli::setup_serve(*app.add_subcommand("serve", "Serve the map desk page and the HTTP API"), serve);
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
        return static_cast<int>(ExitCode::usage);
    }
    try {
        if (app.got_subcommand("render")) return cli::run_render(render);
        if (app.got_subcommand("extract")) return cli::run_extract(extract);
        if (app.got_subcommand("places")) return cli::run_places(places);
        if (app.got_subcommand("disputes")) return cli::run_disputes(disputes);
        if (app.got_subcommand("batch")) return cli::run_batch_command(batch);
        if (app.got_subcommand("serve")) return cli::run_serve(serve);
    } catch (const Error& e) {
        std::cerr << "borderline: " << e.what() << "\n";
        return static_cast<int>(e.code());
    } catch (const std::bad_alloc&) {
        std::cerr << "borderline: out of memory; try a smaller input or --size\n";
        return static_cast<int>(ExitCode::bad_input);
    } catch (const std::exception& e) {
        std::cerr << "borderline: internal error: " << e.what() << "; please report it with the input\n";
        return static_cast<int>(ExitCode::bad_input);
    }
    return static_cast<int>(ExitCode::usage);
}
