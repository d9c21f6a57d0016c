// What both programs (borderline, borderline-serve) share: the parse of the
// command line with its hints, and the mapping of errors to exit codes.
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include "exit_codes.hpp"

#include <borderline/error.hpp>
#include <borderline/fold.hpp>

#include <iostream>
#include <new>
#include <set>

namespace {

using borderline::edit_distance;

/// The candidate within two edits of `arg` (the first of the nearest), or "".
template <class Names>
std::string closest(const std::string& arg, const Names& candidates) {
    std::string best;
    std::size_t best_d = 3;
    for (const auto& c : candidates) {
        const auto d = edit_distance(arg, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

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
            const std::string best = closest(arg, known);
            return best.empty() ? "unknown option " + arg + "; see --help"
                                : "unknown option " + arg + "; did you mean " + best + "?";
        }
        if (!is_option && i == 1 && app.get_subcommands().empty()) {
            const std::string best = closest(arg, names);
            if (!best.empty()) return "unknown command " + arg + "; did you mean " + best + "?";
        }
    }
    return {};
}

}  // namespace

namespace borderline::cli {

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv) {
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
    return std::nullopt;
}

int run_guarded(const std::function<int()>& command) {
    try {
        return command();
    } catch (const Error& e) {
        std::cerr << "borderline: " << cli_message(e) << "\n";
        return static_cast<int>(exit_code(e.kind()));
    } catch (const std::bad_alloc&) {
        std::cerr << "borderline: out of memory; try a smaller input or --size\n";
        return static_cast<int>(ExitCode::bad_input);
    } catch (const std::exception& e) {
        std::cerr << "borderline: internal error: " << e.what() << "; please report it with the input\n";
        return static_cast<int>(ExitCode::bad_input);
    }
}

}  // namespace borderline::cli
