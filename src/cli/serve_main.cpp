// borderline-serve: the map desk in a browser and the HTTP API (src/serve/).
// A program of its own, which `borderline serve` execs with its arguments
// (command_serve.cpp), so that only the server loads the HTTP library and
// the OpenSSL and Brotli libraries it brings.
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include "diag.hpp"

#include "serve/server.hpp"

#include <borderline/error.hpp>
#include <borderline/geodata.hpp>

#include <algorithm>
#include <cstdio>
#include <thread>

namespace borderline::cli {

int run_serve(const ServeOptionsCli& o) {
    serve::ServerOptions so;
    so.bind = o.bind;
    so.port = o.port;
    so.token = o.token;
    so.jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    so.queue = o.queue;
    so.max_body_bytes = o.max_body_mb * 1024 * 1024;
    so.timeout_seconds = o.timeout;
    const serve::Desk desk(data_paths());
    serve::run_server(so, desk, [&](int port) {
        const bool v6 = so.bind.find(':') != std::string::npos;
        std::printf("borderline serve: listening on http://%s%s%s:%d/ (Ctrl-C stops)\n", v6 ? "[" : "", so.bind.c_str(),
                    v6 ? "]" : "", port);
        std::fflush(stdout);
    });
    note("borderline serve: stopped");
    return 0;
}

}  // namespace borderline::cli

int main(int argc, char** argv) {
    using namespace borderline;
    // The same command line as `borderline serve ...`, which has checked it
    // already; run directly, it is checked here the same way.
    CLI::App app{"borderline-serve: the map desk and the HTTP API of borderline serve"};
    app.require_subcommand(1);
    cli::ServeOptionsCli serve;
    auto* serve_cmd = app.add_subcommand("serve", "Serve the map desk page and the HTTP API");
    cli::setup_serve(*serve_cmd, serve);
    cli::add_verbosity_flags(*serve_cmd, false);
    if (const auto code = cli::parse_command_line(app, argc, argv)) return *code;
    cli::set_verbosity(cli::verbosity_of(*serve_cmd));
    return cli::run_guarded([&] { return cli::run_serve(serve); });
}
