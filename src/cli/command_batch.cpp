// borderline batch: many articles -> one folder of maps, incrementally.
#include "commands.hpp"

#include <borderline/batch.hpp>
#include <borderline/error.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>

namespace borderline::cli {

namespace {

// Set by SIGINT/SIGTERM while --watch runs; a signal handler can only reach
// a flag like this.
std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) { g_stop = true; }

std::vector<OutputFormat> parse_formats(const std::string& s) {
    std::vector<OutputFormat> out;
    std::stringstream in(s);
    std::string f;
    while (std::getline(in, f, ',')) {
        if (f == "png") out.push_back(OutputFormat::png);
        else if (f == "svg") out.push_back(OutputFormat::svg);
        else if (f == "pdf") out.push_back(OutputFormat::pdf);
        else throw UsageError("--formats " + s + ": unknown format '" + f + "'; use png, svg and pdf, comma-separated");
    }
    if (out.empty()) throw UsageError("--formats is empty; use e.g. png,svg");
    return out;
}

/// Sizes and times of every input file: what --watch compares.
std::map<std::string, std::string> snapshot(const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    std::map<std::string, std::string> out;
    std::error_code ec;
    auto note = [&](const fs::path& p) {
        out[p.string()] = std::to_string(fs::file_size(p, ec)) + ":" +
                          std::to_string(fs::last_write_time(p, ec).time_since_epoch().count());
    };
    for (const auto& i : inputs) {
        if (fs::is_directory(i, ec)) {
            for (auto it = fs::recursive_directory_iterator(i, fs::directory_options::skip_permission_denied, ec);
                 it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                if (it->is_regular_file(ec)) note(it->path());
            }
        } else if (fs::exists(i, ec)) {
            note(i);
        }
    }
    return out;
}

}  // namespace

void setup_batch(CLI::App& app, BatchOptionsCli& o) {
    app.add_option("inputs", o.inputs, "Article files, folders (searched recursively) or .jsonl manifests")->required();
    app.add_option("-o,--output", o.outdir, "Output folder (created if missing)")->required();
    app.add_option("--formats", o.formats, "Comma-separated: png,svg,pdf")->capture_default_str();
    app.add_option("--jobs", o.jobs, "Worker threads")->capture_default_str()->check(CLI::Range(1, 256));
    app.add_option("--style", o.style, "Bundled style name or style file, for items without their own")
        ->capture_default_str();
    app.add_option("--size", o.size, "Canvas size WIDTHxHEIGHT")->capture_default_str();
    app.add_flag("--force", o.force, "Render every item, even unchanged ones");
    app.add_flag("--watch", o.watch, "Keep running; re-render items whose input changes or appears (Ctrl-C stops)");
    app.add_option("--shard", o.shard, "Render only shard I of N (I/N), for schedulers");
    app.add_flag("--progress,!--no-progress", o.progress, "Progress bar on stderr (default: when it is a terminal)");
}

int run_batch_command(const BatchOptionsCli& o) {
    BatchOptions bo;
    bo.outdir = o.outdir;
    bo.formats = parse_formats(o.formats);
    bo.jobs = o.jobs;
    bo.style = o.style;
    bo.size = parse_size(o.size);
    bo.force = o.force;
    if (!o.shard.empty()) {
        unsigned i = 0, n = 0;
        char slash = 0;
        std::stringstream in(o.shard);
        if (!(in >> i >> slash >> n) || slash != '/' || !in.eof() || i == 0 || n == 0 || i > n) {
            throw UsageError("--shard " + o.shard + " is not valid; use I/N with 1 <= I <= N, e.g. 2/8");
        }
        bo.shard_index = i;
        bo.shard_count = n;
    }
    warn_missing_font(find_style(o.style));  // a broken default style stops here, not once per item
    const bool bar = o.progress.value_or(isatty(STDERR_FILENO) != 0);
    if (bar) {
        bo.progress = [](std::size_t done, std::size_t total) {
            const int width = 30;
            const int filled = total ? static_cast<int>(width * done / total) : width;
            std::fprintf(stderr, "\r[%s%s] %zu/%zu", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                         std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), done, total);
            std::fflush(stderr);
        };
    }
    const GeoData data(GeoData::default_dir());
    const Gazetteer gaz(data);
    auto once = [&]() {
        const auto items = collect_items(o.inputs);
        if (items.empty()) throw InputError("no articles (.txt .md .html .json or .jsonl lines) found in the inputs");
        const auto results = run_batch(items, bo, data, gaz);
        std::size_t rendered = 0, skipped = 0, failed = 0;
        for (const auto& r : results) {
            if (r.status == "rendered") ++rendered;
            else if (r.status == "skipped") ++skipped;
            else ++failed;
        }
        if (bar) std::fprintf(stderr, "\n");
        for (const auto& r : results) {
            if (r.status == "failed") std::fprintf(stderr, "borderline: %s: %s\n", r.id.c_str(), r.reason.c_str());
        }
        std::fprintf(stderr, "batch: %zu rendered, %zu skipped, %zu failed; report in %s\n", rendered, skipped, failed,
                     (bo.outdir / "report.json").c_str());
        return failed;
    };
    std::size_t failed = once();
    if (o.watch) {
        std::signal(SIGINT, on_signal);
        std::signal(SIGTERM, on_signal);
        auto seen = snapshot(o.inputs);
        while (!g_stop) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            auto now = snapshot(o.inputs);
            if (now != seen && !g_stop) {
                seen = std::move(now);
                failed = once();
            }
        }
    }
    return failed ? static_cast<int>(ExitCode::batch_partial) : 0;
}

}  // namespace borderline::cli
