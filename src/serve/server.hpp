// borderline serve: the HTTP server around the Desk (api.hpp).
#pragma once

#include "serve/api.hpp"

#include <functional>
#include <string>

namespace borderline::serve {

struct ServerOptions {
    std::string bind = "127.0.0.1";
    int port = 8080;         ///< 0: any free port (on_listening says which)
    std::string token;       ///< required on /api/ when set; required to bind off loopback
    unsigned jobs = 2;       ///< render workers
    std::size_t queue = 64;  ///< requests that may wait for a worker before 503
    std::size_t max_body_bytes = 20u * 1024u * 1024u;
    double timeout_seconds = 30;  ///< per request, from arrival to answer
};

/// True for addresses only this machine reaches (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& host);

/// Serves until SIGINT or SIGTERM (or `stop` becomes true), then finishes
/// the requests in flight and returns. `on_listening(port)` is called once
/// the socket is bound. Throws UsageError for bad options and OutputError
/// when the address cannot be bound.
void run_server(const ServerOptions& options, const Desk& desk, const std::function<void(int)>& on_listening);

}  // namespace borderline::serve
