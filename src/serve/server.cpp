// The HTTP side: cpp-httplib's connection threads read requests and write
// answers; maps are drawn on the JobPool so that at most `jobs` run at once
// and a bounded number wait. Signals are taken by one thread (sigwait), so
// a SIGTERM stops the listener and the requests in flight still finish.
#include "serve/server.hpp"

#include "serve/assets.hpp"
#include "serve/jobs.hpp"

#include <borderline/error.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <pthread.h>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <future>

namespace borderline::serve {

bool is_loopback(const std::string& host) { return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0; }

namespace {

void answer(httplib::Response& res, const Reply& r) {
    res.status = r.status;
    for (const auto& [k, v] : r.headers) res.set_header(k, v);
    res.set_content(r.body, r.content_type);
}

/// The URL's query only: httplib also puts a form-encoded body into
/// req.params, and curl's -d sends an article as one.
Params params_of(const httplib::Request& req) {
    Params p;
    const auto q = req.target.find('?');
    if (q == std::string::npos) return p;
    httplib::Params all;
    httplib::detail::parse_query_text(req.target.substr(q + 1), all);
    for (const auto& [k, v] : all) p[k] = v;
    return p;
}

/// Equal strings, in a time that does not depend on where they differ.
bool same_secret(const std::string& a, const std::string& b) {
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i % (b.size() + 1)]);
    return diff == 0;
}

const char* type_of(std::string_view path) {
    auto ends = [&](std::string_view e) { return path.size() >= e.size() && path.substr(path.size() - e.size()) == e; };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    return "application/octet-stream";
}

}  // namespace

void run_server(const ServerOptions& o, const Desk& desk, const std::function<void(int)>& on_listening) {
    if (!is_loopback(o.bind) && o.token.empty()) {
        throw UsageError("--bind " + o.bind +
                         " reaches other machines; give --token T too (clients send "
                         "Authorization: Bearer T)");
    }
    // Signals go to the thread that waits for them, not to a worker.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    JobPool pool(o.jobs, o.queue);
    httplib::Server server;
    // A connection thread for every request that may run or wait, and a few
    // for the quick ones (page, lookups): more would only wait on the pool.
    const std::size_t connections = o.jobs + o.queue + 4;
    server.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
    server.set_payload_max_length(o.max_body_bytes);
    const auto whole = static_cast<time_t>(std::ceil(o.timeout_seconds));
    server.set_read_timeout(whole, 0);
    server.set_write_timeout(whole, 0);
    server.set_keep_alive_timeout(2);  // idle connections do not hold up a shutdown
    const std::string bearer = "Bearer " + o.token;

    server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        res.set_header("X-Content-Type-Options", "nosniff");
        if (req.path.rfind("/api/", 0) != 0) return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("Cache-Control", "no-store");
        if (!o.token.empty() && !same_secret(req.get_header_value("Authorization"), bearer)) {
            res.set_header("WWW-Authenticate", "Bearer");
            answer(res, error_reply(401, "Authorization: send the server's token as \"Authorization: Bearer TOKEN\""));
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // A map on the pool, answered within the time limit.
    auto pooled = [&](std::function<Reply()> work) {
        return [&, work](const httplib::Request& req, httplib::Response& res) {
            auto promise = std::make_shared<std::promise<Reply>>();
            auto result = promise->get_future();
            (void)req;
            const bool queued = pool.submit([promise, work] {
                try {
                    promise->set_value(work());
                } catch (...) {
                    promise->set_value(error_reply(500, "internal error"));
                }
            });
            if (!queued) {
                res.set_header("Retry-After", "1");
                answer(res, error_reply(503, "the server is busy (" + std::to_string(o.queue) +
                                                 " requests waiting); retry after a second"));
                return;
            }
            if (result.wait_for(std::chrono::duration<double>(o.timeout_seconds)) != std::future_status::ready) {
                res.set_header("Retry-After", "5");
                answer(res, error_reply(503, "the map took longer than the time limit of " +
                                                 std::to_string(o.timeout_seconds) +
                                                 " s; try a smaller size or retry later"));
                return;
            }
            answer(res, result.get());
        };
    };
    // Handlers copy what the job needs: a timed-out job may outlive its request.
    server.Post("/api/extract", [&](const httplib::Request& req, httplib::Response& res) {
        auto body = std::make_shared<std::string>(req.body);
        const std::string type = req.get_header_value("Content-Type");
        pooled([&desk, &o, body, type] { return desk.extract(*body, type, o.max_body_bytes); })(req, res);
    });
    server.Post("/api/render", [&](const httplib::Request& req, httplib::Response& res) {
        auto body = std::make_shared<std::string>(req.body);
        const std::string type = req.get_header_value("Content-Type");
        const std::string accept = req.get_header_value("Accept");
        Params query = params_of(req);
        pooled([&desk, &o, body, type, accept, query] {
            return desk.render(*body, type, query, accept, o.max_body_bytes);
        })(req, res);
    });
    server.Get("/api/disputes", [&](const httplib::Request& req, httplib::Response& res) {
        answer(res, desk.disputes(params_of(req)));
    });
    server.Get("/api/places",
               [&](const httplib::Request& req, httplib::Response& res) { answer(res, desk.places(params_of(req))); });
    server.Get("/api/styles", [&](const httplib::Request&, httplib::Response& res) { answer(res, desk.styles()); });
    server.Get("/healthz", [&](const httplib::Request&, httplib::Response& res) {
        Reply r;
        r.body = nlohmann::json{{"status", "ok"},
                                {"version", BORDERLINE_VERSION},
                                {"jobs", o.jobs},
                                {"running", pool.running()},
                                {"waiting", pool.waiting()}}
                     .dump() +
                 "\n";
        answer(res, r);
    });
    // The page: only the embedded files, by exact path; nothing is listed
    // and nothing is read from disk.
    for (const Asset& a : assets()) {
        const std::string path = a.path == "/index.html" ? "/" : std::string(a.path);
        server.Get(path, [a](const httplib::Request&, httplib::Response& res) {
            res.set_header("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' blob: data:; connect-src 'self' blob:; object-src "
                           "'none'; frame-ancestors 'none'");
            res.set_content(std::string(a.bytes), type_of(a.path == "/" ? "/index.html" : a.path));
        });
    }
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                     httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // ours already
        if (res.status == 413) {
            answer(res, error_reply(413, "body: over the server's size limit (--max-body-mb)"));
        } else if (res.status == 404) {
            const bool known = req.path == "/api/extract" || req.path == "/api/render" || req.path == "/api/places" ||
                               req.path == "/api/disputes" || req.path == "/api/styles" || req.path == "/healthz";
            answer(res, known ? error_reply(405, req.method + " is not allowed on " + req.path + "; see docs/api.md")
                              : error_reply(404, req.path + ": no such page or endpoint; see docs/api.md"));
        } else {
            answer(res,
                   error_reply(res.status, "the request could not be read (HTTP " + std::to_string(res.status) + ")"));
        }
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        answer(res, error_reply(500, "internal error"));
    });

    const int port =
        o.port == 0 ? server.bind_to_any_port(o.bind) : (server.bind_to_port(o.bind, o.port) ? o.port : -1);
    if (port <= 0) {
        throw OutputError("cannot listen on " + o.bind + ":" + std::to_string(o.port) +
                          " (in use, or not an address of this machine); choose another --port or --bind");
    }
    std::atomic<bool> done{false};
    std::thread signal_waiter([&] {
        const timespec tick{0, 200 * 1000 * 1000};
        while (!done) {
            if (sigtimedwait(&signals, nullptr, &tick) > 0) {
                server.stop();
                return;
            }
        }
    });
    on_listening(port);
    server.listen_after_bind();  // returns once stopped, after the requests in flight are answered
    done = true;
    signal_waiter.join();
}

}  // namespace borderline::serve
