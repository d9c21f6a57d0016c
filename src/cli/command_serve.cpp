// borderline serve: the map desk in a browser and the HTTP API (src/serve/).
#include "commands.hpp"
#include "diag.hpp"

#include "serve/server.hpp"

#include <borderline/geodata.hpp>

#include <cstdio>
#include <thread>

namespace borderline::cli {

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
        std::printf("borderline serve: listening on http://%s%s%s:%d/ (Ctrl-C stops)\n", v6 ? "[" : "",
                    so.bind.c_str(), v6 ? "]" : "", port);
        std::fflush(stdout);
    });
    note("borderline serve: stopped");
    return 0;
}

}  // namespace borderline::cli
