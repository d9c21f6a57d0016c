// borderline serve: its options, and the hand-over to the borderline-serve
// program that runs the map desk and the HTTP API (serve_main.cpp, src/serve/).
#include "commands.hpp"
#include "diag.hpp"

#include <borderline/error.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <unistd.h>

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

void exec_serve(char** argv) {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const auto helper = (ec ? std::filesystem::path(argv[0]).parent_path() : self.parent_path()) / "borderline-serve";
    ::execv(helper.c_str(), argv);  // returns only on failure
    throw DataError("cannot start " + helper.string() + " (" + std::strerror(errno) +
                    "); it is installed beside borderline: reinstall or rebuild");
}

}  // namespace borderline::cli
