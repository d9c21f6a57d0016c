// Batch: decide which items changed, render them on a pool of threads that
// share the read-only data, and report. run_batch is the steps below in
// order: check the options, prepare OUTDIR, take this shard's items, load the
// state, plan (which items are unchanged), forget the entries of the items
// about to be overwritten, render, save the state, write the report.
#include <algorithm>
#include <atomic>
#include <borderline/batch.hpp>
#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/input.hpp>
#include <borderline/style.hpp>
#include <cctype>
#include <exception>
#include <map>
#include <mutex>
#include <new>
#include <nlohmann/json.hpp>
#include <thread>

#include "state.hpp"

namespace borderline {

namespace fs = std::filesystem;

namespace {

const char* extension(OutputFormat f) {
    switch (f) {
        case OutputFormat::png:
            return "png";
        case OutputFormat::svg:
            return "svg";
        case OutputFormat::pdf:
            return "pdf";
    }
    return "png";
}

/// An item's article bytes: inline text, or its file read with the bound.
/// Files of folders and manifests must be regular files: a FIFO named in a
/// manifest would otherwise block the whole batch.
std::string article_bytes(const BatchItem& item, std::size_t max_bytes) {
    if (item.path.empty()) return item.text;
    InputBounds bounds;
    bounds.max_bytes = max_bytes;
    return read_bounded(item.path.string(), bounds);
}

/// The reason a failed item gives, on one line.
std::string failure_reason(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const std::bad_alloc&) {
        return "out of memory while drawing this item; try a smaller size or fewer jobs";
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "internal error of an unknown kind; please report it with the input";
    }
}

/// Call f(i) for i in [0, n) on `jobs` threads. f handles its own errors;
/// whatever still escapes it is caught here, so that no exception ever
/// reaches a thread's end (which would terminate the process).
template <class F>
void parallel_for(std::size_t n, unsigned jobs, F&& f) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                f(i);
            } catch (...) {  // NOLINT(bugprone-empty-catch): f reports its failures itself
            }
        }
    };
    const unsigned threads =
        std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::min<std::size_t>(n, 256))));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
}

/// What run_batch shares between its steps.
struct Run {
    const BatchOptions& options;
    const GeoData& data;
    const Gazetteer& gaz;
    batch::StateStore& state;
    std::string common;  ///< key part shared by every item: data, program, formats, size
    std::vector<const BatchItem*> items;
    std::vector<BatchResult> results;
    std::vector<std::string> keys;  ///< each item's key, once planned
    std::vector<char> fresh;        ///< the item's outputs are up to date
};

void check_options(const BatchOptions& options) {
    if (options.shard_count == 0 || options.shard_index == 0 || options.shard_index > options.shard_count) {
        throw UsageError("shard must be I/N with 1 <= I <= N", "shard");
    }
    if (options.formats.empty()) throw UsageError("formats is empty; use e.g. png,svg", "formats");
}

void prepare_outdir(const fs::path& outdir) {
    std::error_code ec;
    fs::create_directories(outdir, ec);
    if (!fs::is_directory(outdir, ec)) {
        throw OutputError(outdir.string() + ": cannot create the output folder; choose a writable place");
    }
    // A killed earlier run leaves its half-written files under hidden
    // temporary names; they are never final outputs, so clear them.
    remove_stale_temporaries(outdir);
}

std::vector<const BatchItem*> shard_items(const std::vector<BatchItem>& all, const BatchOptions& options) {
    std::vector<const BatchItem*> items;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i % options.shard_count == options.shard_index - 1) items.push_back(&all[i]);
    }
    return items;
}

std::string common_key(const BatchOptions& options, const GeoData& data) {
    batch::Hasher h;
    h.add(batch::data_version(data)).add(BORDERLINE_VERSION);
    for (auto f : options.formats) h.add(extension(f));
    h.add(std::to_string(options.size.width) + "x" + std::to_string(options.size.height));
    return h.hex();
}

std::string style_name(const Run& run, const BatchItem& item) {
    return item.style.empty() ? run.options.style : item.style;
}

/// The item's worldview in upper case, checked like --worldview; throws
/// InputError (a failure of this item) when no bundled dispute has that party.
std::string item_worldview(const Run& run, const BatchItem& item) {
    std::string wv = item.worldview;
    for (auto& c : wv) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!wv.empty() && !run.data.disputes().is_party(wv)) {
        throw InputError(item.origin + ": worldview \"" + item.worldview +
                         "\" is not a party to any bundled dispute; use an ISO alpha-3 code that `borderline "
                         "disputes` lists as a party");
    }
    return wv;
}

/// A style's bytes, so that editing a style file re-renders its items;
/// find_style first, so that an unknown or broken style fails the item with
/// the message `render --style` gives.
std::string style_key(const std::string& name, const std::filesystem::path& styles_dir) {
    const Style style = find_style(name, styles_dir);
    std::string key = read_style_bytes(style_file(name, styles_dir));
    // And the names files it spells with, so that a new spelling re-renders.
    for (const auto& names : {names_file("default", {}, styles_dir), style.names}) {
        if (!names.empty()) key += read_bounded(names.string(), InputBounds{});
    }
    return key;
}

/// What an item's outputs were drawn from: if it is unchanged, so are they.
std::string item_key(const Run& run, const BatchItem& item, const std::string& bytes) {
    batch::Hasher h;
    h.add(bytes).add(item.title).add(item.date).add(item_worldview(run, item));
    // Only items that set a focus hash it, so the keys of the others (and the
    // renders they skip) stay as they were.
    if (!item.focus.empty()) h.add("focus=" + item.focus);
    // Likewise the overrides, and the bytes of a names file they name.
    if (const std::string edits = item.edits.key(); !edits.empty()) {
        h.add(edits);
        if (!item.edits.names.empty()) {
            InputBounds bounds;
            h.add(read_bounded(item.edits.names, bounds));
        }
    }
    return h.add(style_key(style_name(run, item), run.data.paths().styles)).add(run.common).hex();
}

std::vector<fs::path> output_paths(const Run& run, const BatchItem& item) {
    std::vector<fs::path> outs;
    for (auto f : run.options.formats) outs.push_back(run.options.outdir / (item.output + "." + extension(f)));
    return outs;
}

void fail(Run& run, std::size_t i, const std::exception_ptr& e) {
    BatchResult& r = run.results[i];
    r.status = "failed";
    r.reason = failure_reason(e);
    r.outputs.clear();
    r.places.clear();
    r.disputes.clear();
}

/// Step "plan": each item's key, and whether its outputs are up to date
/// (then it is reported as skipped with what the state says it showed).
void plan(Run& run) {
    parallel_for(run.items.size(), run.options.jobs, [&](std::size_t i) {
        const BatchItem& item = *run.items[i];
        BatchResult& r = run.results[i];
        r.id = item.id;
        r.output = item.output;
        r.warnings = item.warnings;
        try {
            if (!item.error.empty()) throw InputError(item.origin + ": " + item.error);
            run.keys[i] = item_key(run, item, article_bytes(item, run.options.max_input_bytes));
            const nlohmann::json* prev = run.state.find(item.output);
            bool fresh = !run.options.force && prev && prev->value("key", std::string()) == run.keys[i];
            std::error_code ec;
            // An empty file is never a map: what a power cut may leave of
            // one written just before it (outputs are not fsynced).
            for (const auto& o : output_paths(run, item)) fresh = fresh && fs::file_size(o, ec) > 0 && !ec;
            if (fresh) {
                run.fresh[i] = 1;
                r.status = "skipped";
                for (const auto& o : output_paths(run, item)) r.outputs.push_back(o.filename().string());
                r.places = prev->value("places", std::vector<std::string>{});
                r.disputes = prev->value("disputes", std::vector<std::string>{});
            }
        } catch (...) {
            fail(run, i, std::current_exception());
        }
    });
}

/// Step "forget": the entries of the items [from, to) about to be drawn (or
/// failed) go from the state file before any of their outputs is
/// overwritten. One write per chunk of items, not per item: a state of n
/// entries written n times would be quadratic.
void forget_stale(Run& run, std::size_t from, std::size_t to) {
    std::vector<std::string> stale;
    for (std::size_t i = from; i < to; ++i) {
        if (!run.fresh[i]) stale.push_back(run.items[i]->output);
    }
    run.state.forget(stale);
}

/// Draw one item: every format is drawn before any is written, so a format
/// that fails to draw leaves nothing; a write that fails removes the files
/// this attempt wrote.
void render_item(Run& run, std::size_t i) {
    const BatchItem& item = *run.items[i];
    BatchResult& r = run.results[i];
    std::string bytes = article_bytes(item, run.options.max_input_bytes);
    run.keys[i] = item_key(run, item, bytes);  // the article may have changed since planning
    if (item.path.empty() && !item.title.empty()) bytes = item.title + "\n\n" + bytes;
    ReadOptions ro;
    ro.max_bytes = run.options.max_input_bytes;
    Document doc = make_document(bytes, item.path.empty() ? item.origin : item.path.string(), ro);
    if (!item.date.empty()) doc.date = item.date;
    SceneOptions so;
    so.size = run.options.size;
    so.worldview = item_worldview(run, item);
    so.focus = item.focus;
    const Style style = find_style(style_name(run, item), run.data.paths().styles);
    const Extraction x = extract_edited(std::move(doc), run.gaz, run.data, so, item.edits,
                                        house_names(style, item.edits.names, item.edits.lang, run.data.paths().styles));
    std::vector<std::string> drawn;
    for (auto f : run.options.formats) drawn.push_back(render_to_bytes(x.scene, run.data, style, f));
    const auto outs = output_paths(run, item);
    std::size_t written = 0;
    try {
        for (; written < outs.size(); ++written) write_atomically(outs[written].string(), drawn[written]);
    } catch (...) {
        std::error_code ec;
        for (std::size_t k = 0; k < written; ++k) fs::remove(outs[k], ec);
        throw;
    }
    for (const auto& o : outs) r.outputs.push_back(o.filename().string());
    for (const auto& p : x.places) r.places.emplace_back(run.gaz.entry(p.entry).id);
    for (const auto& d : x.scene.disputes) {
        if (d.mentioned) r.disputes.push_back(d.id);
    }
    r.status = "rendered";
}

/// One item of the render step: drawn (and recorded), or left as planned
/// (fresh, failed), or interrupted; then the progress is told.
void render_or_skip(Run& run, std::size_t i, std::atomic<std::size_t>& done, std::mutex& progress_mutex) {
    BatchResult& r = run.results[i];
    const bool todo = !run.fresh[i] && r.status != "failed";
    if (todo && run.options.stop && run.options.stop->load()) {
        r.status = "interrupted";
    } else if (todo) {
        try {
            render_item(run, i);
            const nlohmann::json entry = {
                {"id", r.id}, {"key", run.keys[i]}, {"places", r.places}, {"disputes", r.disputes}};
            run.state.record(r.output, &entry);
        } catch (...) {
            // Forgotten, so that the next run tries it again.
            fail(run, i, std::current_exception());
            try {
                run.state.record(r.output, nullptr);
            } catch (...) {  // NOLINT(bugprone-empty-catch): its entry was forgotten before drawing
            }
        }
    }
    const std::size_t n = ++done;
    if (run.options.progress) {
        std::lock_guard lock(progress_mutex);
        run.options.progress(n, run.items.size());
    }
}

/// Step "render": every item that is neither fresh nor failed, on the pool,
/// a chunk at a time (each chunk's entries forgotten first). A stop before a
/// chunk leaves its entries in place: its files were not touched.
void render_all(Run& run) {
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
    const std::size_t chunk = std::max<std::size_t>(64, std::size_t{run.options.jobs} * 8);
    for (std::size_t from = 0; from < run.items.size(); from += chunk) {
        const std::size_t to = std::min(run.items.size(), from + chunk);
        if (!(run.options.stop && run.options.stop->load())) forget_stale(run, from, to);
        parallel_for(to - from, run.options.jobs,
                     [&](std::size_t k) { render_or_skip(run, from + k, done, progress_mutex); });
    }
}

nlohmann::json report_json(const Run& run) {
    nlohmann::json report = {{"schema", "borderline/batch-report/1"}, {"items", nlohmann::json::array()}};
    std::map<std::string, std::size_t> counts{{"rendered", 0}, {"skipped", 0}, {"failed", 0}, {"interrupted", 0}};
    for (const BatchResult& r : run.results) {
        ++counts[r.status];
        nlohmann::json item = {
            {"id", r.id}, {"status", r.status}, {"outputs", r.outputs}, {"places", r.places}, {"disputes", r.disputes}};
        if (!r.reason.empty()) item["reason"] = r.reason;
        if (!r.warnings.empty()) item["warnings"] = r.warnings;
        report["items"].push_back(std::move(item));
    }
    for (const auto& [status, n] : counts) report[status] = n;
    if (run.options.shard_count > 1) {
        report["shard"] = std::to_string(run.options.shard_index) + "/" + std::to_string(run.options.shard_count);
    }
    return report;
}

/// Step "report": written after the state, so that a report that cannot be
/// written (a folder of that name, say) does not cost the state; the error
/// is then raised for the command to show.
void write_report(const Run& run) {
    const auto& o = run.options;
    const std::string name = o.shard_count > 1 ? "report.shard-" + std::to_string(o.shard_index) + "-of-" +
                                                     std::to_string(o.shard_count) + ".json"
                                               : "report.json";
    // Ids and reasons may hold a file name that is not UTF-8: replaced, not thrown.
    write_atomically((o.outdir / name).string(),
                     report_json(run).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace

std::vector<BatchResult> run_batch(const std::vector<BatchItem>& all_items, const BatchOptions& options,
                                   const GeoData& data, const Gazetteer& gaz) {
    check_options(options);
    prepare_outdir(options.outdir);
    const auto items = shard_items(all_items, options);
    batch::StateStore state(options.outdir, options.shard_index, options.shard_count);
    {
        std::vector<std::string> names;
        names.reserve(items.size());
        for (const auto* item : items) names.push_back(item->output);
        state.adopt(names);
    }
    Run run{options, data, gaz, state, common_key(options, data), items, {}, {}, {}};
    run.results.resize(items.size());
    run.keys.resize(items.size());
    run.fresh.assign(items.size(), 0);
    plan(run);
    render_all(run);
    if (options.shard_count == 1) {
        // Outputs of items that are gone are no longer vouched for.
        std::vector<std::string> names;
        names.reserve(all_items.size());
        for (const auto& item : all_items) names.push_back(item.output);
        state.keep_only(names);
    }
    state.save();
    write_report(run);
    return run.results;
}

}  // namespace borderline
