// borderline batch: many articles -> one folder of maps, incrementally.
// The logic is in src/batch/; this binds options, draws the progress bar and
// runs the --watch loop.
#include <unistd.h>

#include <atomic>
#include <borderline/batch.hpp>
#include <borderline/error.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>
#include <tuple>

#include "commands.hpp"
#include "diag.hpp"
#include "exit_codes.hpp"

namespace borderline::cli {

namespace {

// Set by SIGINT/SIGTERM while --watch runs; a signal handler can only reach
// a flag like this.
std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) { g_stop = true; }

/// One pass over the inputs; returns the number of failed items.
std::size_t run_once(const BatchOptionsCli& o, const BatchOptions& bo, const std::vector<BatchItem>& items,
                     const GeoData& data, const Gazetteer& gaz, bool bar) {
    if (items.empty()) throw InputError("no articles (.txt .md .html .json or .jsonl lines) found in the inputs");
    const auto results = run_batch(items, bo, data, gaz);
    std::size_t rendered = 0, skipped = 0, failed = 0, interrupted = 0;
    for (const auto& r : results) {
        if (r.status == "rendered")
            ++rendered;
        else if (r.status == "skipped")
            ++skipped;
        else if (r.status == "failed")
            ++failed;
        else
            ++interrupted;
    }
    if (bar) std::fprintf(stderr, "\n");
    for (const auto& r : results) {
        if (r.status == "failed") std::fprintf(stderr, "borderline: %s: %s\n", r.id.c_str(), r.reason.c_str());
    }
    std::string summary = "batch: " + std::to_string(rendered) + " rendered, " + std::to_string(skipped) +
                          " skipped, " + std::to_string(failed) + " failed";
    if (interrupted) summary += ", " + std::to_string(interrupted) + " interrupted";
    if (!o.shard.empty()) summary += " (shard " + o.shard + ")";
    note("%s; report in %s", summary.c_str(), o.outdir.c_str());
    return failed;
}

}  // namespace

int run_batch_command(const BatchOptionsCli& o) {
    BatchOptions bo;
    bo.outdir = o.outdir;
    bo.formats = parse_formats(o.formats);
    bo.jobs = o.jobs;
    bo.style = o.style;
    bo.size = parse_size(o.size, 96);
    bo.force = o.force;
    bo.max_input_bytes = o.max_input_mb * 1024 * 1024;
    if (!o.shard.empty()) std::tie(bo.shard_index, bo.shard_count) = parse_shard(o.shard);
    const DataPaths paths = data_paths();
    const Style style = find_style(o.style, paths.styles);
    warn_missing_font(style, font_available(style.font));  // a broken default style stops here, not once per item
    // -q turns the bar off unless --progress asks for it.
    const bool bar = o.progress.value_or(verbosity() != Verbosity::quiet && isatty(STDERR_FILENO) != 0);
    if (bar) {
        bo.progress = [](std::size_t done, std::size_t total) {
            const std::size_t width = 30;
            const std::size_t filled = total ? width * done / total : width;
            std::fprintf(stderr, "\r[%s%s] %zu/%zu", std::string(filled, '#').c_str(),
                         std::string(width - filled, ' ').c_str(), done, total);
            std::fflush(stderr);
        };
    }
    if (o.watch) {
        // Ctrl-C lets the items being drawn finish, records them, and exits.
        bo.stop = &g_stop;
        std::signal(SIGINT, on_signal);
        std::signal(SIGTERM, on_signal);
    }
    const GeoData data(paths);
    const Gazetteer gaz(data);
    auto items = collect_items(o.inputs, o.outdir);
    std::size_t failed = run_once(o, bo, items, data, gaz, bar);
    if (o.watch) {
        note("batch: watching %zu input(s) for changes; Ctrl-C stops", o.inputs.size());
        std::string seen = input_fingerprint(o.inputs, items, o.style, paths.styles);
        while (!g_stop) {
            // Sleep in short steps so a signal is answered at once.
            for (int i = 0; i < 10 && !g_stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (g_stop) break;
            try {
                auto now_items = collect_items(o.inputs, o.outdir);
                std::string now = input_fingerprint(o.inputs, now_items, o.style, paths.styles);
                if (now == seen) continue;
                seen = std::move(now);
                items = std::move(now_items);
                failed = run_once(o, bo, items, data, gaz, bar);
            } catch (const Error& e) {
                // An input that vanished for a moment is not the end of watching.
                std::fprintf(stderr, "borderline: %s\n", cli_message(e).c_str());
            }
        }
        note("batch: stopped watching");
    }
    return failed ? static_cast<int>(ExitCode::batch_partial) : 0;
}

}  // namespace borderline::cli
