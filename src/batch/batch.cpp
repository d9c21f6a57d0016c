// Batch: decide which items changed, render them on a pool of threads that
// share the read-only data, and report.
#include <algorithm>
#include <borderline/batch.hpp>
#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/style.hpp>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
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

/// An article file's bytes, refusing what is not a file or is too large
/// before reading it (messages as read_document words them).
std::string read_article(const fs::path& p, std::size_t max_bytes) {
    std::error_code ec;
    const std::string name = p.string();
    if (!fs::exists(p, ec)) throw InputError(name + ": no such file; check the path");
    if (fs::is_directory(p, ec)) throw InputError(name + ": is a folder, not an article; give a file");
    const auto size = fs::file_size(p, ec);
    if (!ec && size > max_bytes) {
        throw InputError(name + ": input is " + std::to_string(size / (1024 * 1024)) + " MB, over the limit of " +
                         std::to_string(max_bytes / (1024 * 1024)) + " MB; split the article or raise --max-input-mb");
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) throw InputError(name + ": cannot be read (permission denied?); check the file's permissions");
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw InputError(name + ": read error; check the file");
    return bytes;
}

/// A style's file bytes, so that editing a style file re-renders its items.
std::string style_bytes(const std::string& name) {
    fs::path p(name);
    if (name.find('/') == std::string::npos && p.extension() != ".json") p = default_styles_dir() / (name + ".json");
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::vector<BatchResult> run_batch(const std::vector<BatchItem>& all_items, const BatchOptions& options,
                                   const GeoData& data, const Gazetteer& gaz) {
    if (options.shard_count == 0 || options.shard_index == 0 || options.shard_index > options.shard_count) {
        throw UsageError("--shard must be I/N with 1 <= I <= N");
    }
    if (options.formats.empty()) throw UsageError("--formats is empty; use e.g. png,svg");
    std::error_code ec;
    fs::create_directories(options.outdir, ec);
    if (!fs::is_directory(options.outdir, ec)) {
        throw OutputError(options.outdir.string() + ": cannot create the output folder; choose a writable place");
    }
    // A killed earlier run leaves its half-written files under hidden
    // temporary names; they are never final outputs, so clear them.
    remove_stale_temporaries(options.outdir);
    std::vector<const BatchItem*> items;
    for (std::size_t i = 0; i < all_items.size(); ++i) {
        if (i % options.shard_count == options.shard_index - 1) items.push_back(&all_items[i]);
    }
    batch::StateStore state(options.outdir, options.shard_index, options.shard_count);
    {
        std::vector<std::string> names;
        for (const auto* item : items) names.push_back(item->output);
        state.adopt(names);
    }

    // What every item's key shares: data, program, formats, size.
    batch::Hasher common_hash;
    common_hash.add(batch::data_version(data)).add(BORDERLINE_VERSION);
    for (auto f : options.formats) common_hash.add(extension(f));
    common_hash.add(std::to_string(options.size.width) + "x" + std::to_string(options.size.height));
    const std::string common = common_hash.hex();

    std::vector<BatchResult> results(items.size());
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex progress_mutex;
    auto render_one = [&](const BatchItem& item, BatchResult& r) {
        if (!item.error.empty()) throw InputError(item.origin + ": " + item.error);
        std::string bytes = item.path.empty() ? item.text : read_article(item.path, options.max_input_bytes);
        const std::string style_name = item.style.empty() ? options.style : item.style;
        const Style style = find_style(style_name);
        batch::Hasher hasher;
        hasher.add(bytes).add(item.title).add(item.date).add(item.worldview);
        // Only items that set a focus hash it, so the keys of the others
        // (and the renders they skip) stay as they were.
        if (!item.focus.empty()) hasher.add("focus=" + item.focus);
        const std::string key = hasher.add(style_bytes(style_name)).add(common).hex();
        std::vector<fs::path> outs;
        for (auto f : options.formats) {
            outs.push_back(options.outdir / (item.output + "." + extension(f)));
            r.outputs.push_back(outs.back().filename().string());
        }
        const nlohmann::json* prev = state.find(item.output);
        bool fresh = !options.force && prev && prev->value("key", "") == key;
        std::error_code exists_ec;
        for (const auto& o : outs) fresh = fresh && fs::exists(o, exists_ec);
        if (fresh) {
            r.status = "skipped";
            r.places = prev->value("places", std::vector<std::string>{});
            r.disputes = prev->value("disputes", std::vector<std::string>{});
        } else {
            if (item.path.empty() && !item.title.empty()) bytes = item.title + "\n\n" + bytes;
            ReadOptions ro;
            ro.max_bytes = options.max_input_bytes;
            Document doc = make_document(bytes, item.path.empty() ? item.origin : item.path.string(), ro);
            if (!item.date.empty()) doc.date = item.date;
            SceneOptions so;
            so.size = options.size;
            so.worldview = item.worldview;
            so.focus = item.focus;
            const Extraction x = extract(std::move(doc), gaz, data, so);
            for (std::size_t k = 0; k < outs.size(); ++k) {
                write_atomically(outs[k].string(), render_to_bytes(x.scene, data, style, options.formats[k]));
            }
            for (const auto& p : x.places) r.places.emplace_back(gaz.entry(p.entry).id);
            for (const auto& d : x.scene.disputes) {
                if (d.mentioned) r.disputes.push_back(d.id);
            }
            r.status = "rendered";
        }
        return key;
    };
    auto work = [&] {
        for (std::size_t i = next++; i < items.size(); i = next++) {
            const BatchItem& item = *items[i];
            BatchResult& r = results[i];
            r.id = item.id;
            r.output = item.output;
            if (options.stop && options.stop->load()) {
                r.status = "interrupted";
                continue;
            }
            try {
                const std::string key = render_one(item, r);
                const nlohmann::json entry = {
                    {"id", item.id}, {"key", key}, {"places", r.places}, {"disputes", r.disputes}};
                state.record(item.output, &entry);
            } catch (const std::exception& e) {
                // Forgotten, so that the next run tries it again.
                r.status = "failed";
                r.reason = e.what();
                r.outputs.clear();
                state.record(item.output, nullptr);
            }
            const std::size_t n = ++done;
            if (options.progress) {
                std::lock_guard lock(progress_mutex);
                options.progress(n, items.size());
            }
        }
    };
    const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(items.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();

    if (options.shard_count == 1) {
        // Outputs of items that are gone are no longer vouched for.
        std::vector<std::string> names;
        for (const auto& item : all_items) names.push_back(item.output);
        state.keep_only(names);
    }
    nlohmann::json report = {{"schema", "borderline/batch-report/1"}, {"items", nlohmann::json::array()}};
    std::map<std::string, std::size_t> counts{{"rendered", 0}, {"skipped", 0}, {"failed", 0}, {"interrupted", 0}};
    for (const BatchResult& r : results) {
        ++counts[r.status];
        nlohmann::json item = {
            {"id", r.id}, {"status", r.status}, {"outputs", r.outputs}, {"places", r.places}, {"disputes", r.disputes}};
        if (!r.reason.empty()) item["reason"] = r.reason;
        report["items"].push_back(std::move(item));
    }
    for (const auto& [status, n] : counts) report[status] = n;
    if (options.shard_count > 1) {
        report["shard"] = std::to_string(options.shard_index) + "/" + std::to_string(options.shard_count);
    }
    const std::string report_name = options.shard_count > 1 ? "report.shard-" + std::to_string(options.shard_index) +
                                                                  "-of-" + std::to_string(options.shard_count) + ".json"
                                                            : "report.json";
    write_atomically((options.outdir / report_name).string(), report.dump(2) + "\n");
    state.save();
    return results;
}

}  // namespace borderline
