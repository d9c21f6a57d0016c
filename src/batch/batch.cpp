// Batch: collect items, decide which changed, render them on a pool of
// threads that share the read-only data, and report.
#include <borderline/batch.hpp>
#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/style.hpp>

#include <glib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

namespace borderline {

namespace fs = std::filesystem;

namespace {

bool is_article(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" || ext == ".json";
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw InputError(p.string() + ": cannot be read; check the file's permissions");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string sha256(const std::string& data) {
    gchar* hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(data.data()),
                                             data.size());
    std::string out(hex);
    g_free(hex);
    return out;
}

void read_manifest(const fs::path& manifest, std::vector<BatchItem>& items) {
    std::ifstream in(manifest);
    if (!in) throw InputError(manifest.string() + ": cannot be read; check the path");
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        BatchItem item;
        item.origin = manifest.string() + ":" + std::to_string(n);
        item.id = "line-" + std::to_string(n);
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception&) {
            item.error = "manifest line " + std::to_string(n) + " is not valid JSON; fix that line";
            items.push_back(std::move(item));
            continue;
        }
        if (!j.is_object()) {
            item.error = "manifest line " + std::to_string(n) + " is not a JSON object";
            items.push_back(std::move(item));
            continue;
        }
        auto str = [&](const char* key) {
            return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
        };
        if (!str("id").empty()) item.id = str("id");
        item.text = str("text");
        item.title = str("title");
        item.date = str("date");
        item.style = str("style");
        item.worldview = str("worldview");
        const std::string path = str("path");
        if (!path.empty()) item.path = manifest.parent_path() / path;
        if (item.text.empty() && path.empty()) {
            item.error = "manifest line " + std::to_string(n) + " has neither \"text\" nor \"path\"";
        }
        items.push_back(std::move(item));
    }
}

/// Version of the bundled data: names, sizes and times of its files.
std::string data_version(const GeoData& data) {
    std::vector<std::string> parts;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(data.dir(), ec)) {
        if (!e.is_regular_file(ec)) continue;
        parts.push_back(e.path().filename().string() + ":" + std::to_string(e.file_size(ec)) + ":" +
                        std::to_string(e.last_write_time(ec).time_since_epoch().count()));
    }
    std::sort(parts.begin(), parts.end());
    std::string all;
    for (const auto& p : parts) all += p + "\n";
    return sha256(all);
}

const char* extension(OutputFormat f) {
    switch (f) {
        case OutputFormat::png: return "png";
        case OutputFormat::svg: return "svg";
        case OutputFormat::pdf: return "pdf";
    }
    return "png";
}

}  // namespace

std::string sanitize_id(const std::string& id) {
    std::string out;
    for (unsigned char c : id) {
        const bool ok = std::isalnum(c) || c == '.' || c == '_' || c == '-';
        if (ok) {
            out.push_back(static_cast<char>(c));
        } else if (!out.empty() && out.back() != '-') {
            out.push_back('-');
        }
    }
    // No leading dots or dashes (hidden files, "..", options), no trailing dash.
    const auto first = out.find_first_not_of(".-");
    out = first == std::string::npos ? std::string() : out.substr(first);
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
    if (out.size() > 100) out.resize(100);
    return out.empty() ? "item" : out;
}

std::vector<BatchItem> collect_items(const std::vector<std::string>& inputs) {
    std::vector<BatchItem> items;
    for (const auto& input : inputs) {
        const fs::path p(input);
        std::error_code ec;
        if (!fs::exists(p, ec)) throw InputError(input + ": no such file or folder; check the path");
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> files;
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                if (it->is_regular_file(ec) && is_article(it->path())) files.push_back(it->path());
            }
            std::sort(files.begin(), files.end());
            for (const auto& f : files) {
                BatchItem item;
                item.path = f;
                item.origin = f.string();
                item.id = fs::relative(f, p, ec).replace_extension().string();
                items.push_back(std::move(item));
            }
        } else if (p.extension() == ".jsonl") {
            read_manifest(p, items);
        } else {
            BatchItem item;
            item.path = p;
            item.origin = p.string();
            item.id = fs::path(p).filename().replace_extension().string();
            items.push_back(std::move(item));
        }
    }
    std::stable_sort(items.begin(), items.end(), [](const BatchItem& a, const BatchItem& b) { return a.id < b.id; });
    // Unique output names: the second "x" is "x-2", and so on (case-blind, so
    // they stay apart on case-insensitive file systems too).
    std::set<std::string> used;
    for (auto& item : items) {
        const std::string base = sanitize_id(item.id);
        std::string name = base;
        auto lower = [](std::string s) {
            std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
            return s;
        };
        for (int n = 2; used.count(lower(name)) || lower(name) == "report"; ++n) name = base + "-" + std::to_string(n);
        used.insert(lower(name));
        item.output = name;
    }
    return items;
}

std::vector<BatchResult> run_batch(const std::vector<BatchItem>& all_items, const BatchOptions& options,
                                   const GeoData& data, const Gazetteer& gaz) {
    std::error_code ec;
    fs::create_directories(options.outdir, ec);
    if (!fs::is_directory(options.outdir, ec)) {
        throw OutputError(options.outdir.string() + ": cannot create the output folder; choose a writable place");
    }
    if (options.shard_count == 0 || options.shard_index == 0 || options.shard_index > options.shard_count) {
        throw UsageError("--shard must be I/N with 1 <= I <= N");
    }
    std::vector<const BatchItem*> items;
    for (std::size_t i = 0; i < all_items.size(); ++i) {
        if (i % options.shard_count == options.shard_index - 1) items.push_back(&all_items[i]);
    }
    const fs::path state_path = options.outdir / ".borderline-state.json";
    nlohmann::json old_state = nlohmann::json::object();
    try {
        std::ifstream in(state_path);
        if (in) old_state = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception&) {
        old_state = nlohmann::json::object();  // a damaged state only costs re-rendering
    }
    std::string formats;
    for (auto f : options.formats) formats += std::string(extension(f)) + ",";
    const std::string common = data_version(data) + "|" + BORDERLINE_VERSION + "|" + formats + "|" +
                               std::to_string(options.size.width) + "x" + std::to_string(options.size.height);

    std::vector<BatchResult> results(items.size());
    std::vector<std::string> keys(items.size());
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex progress_mutex;
    auto work = [&] {
        for (std::size_t i = next++; i < items.size(); i = next++) {
            const BatchItem& item = *items[i];
            BatchResult& r = results[i];
            r.id = item.id;
            try {
                if (!item.error.empty()) throw InputError(item.origin + ": " + item.error);
                std::string bytes = item.path.empty() ? item.text : read_file(item.path);
                const std::string style_name = item.style.empty() ? options.style : item.style;
                const Style style = find_style(style_name);
                std::string style_bytes = style_name;
                if (fs::exists(style_name)) style_bytes += read_file(style_name);
                else style_bytes += read_file(default_styles_dir() / (style_name + ".json"));
                keys[i] = sha256(bytes + "\n\x1f" + item.title + "\x1f" + item.date + "\x1f" + item.worldview + "\x1f" +
                                 style_bytes + "\x1f" + common);
                std::vector<fs::path> outs;
                for (auto f : options.formats) outs.push_back(options.outdir / (item.output + "." + extension(f)));
                bool fresh = !options.force && old_state.contains(item.id) && old_state[item.id].is_object() &&
                             old_state[item.id].value("key", "") == keys[i];
                for (const auto& o : outs) fresh = fresh && fs::exists(o);
                for (const auto& o : outs) r.outputs.push_back(o.filename().string());
                if (fresh) {
                    r.status = "skipped";
                    const auto& prev = old_state[item.id];
                    r.places = prev.value("places", std::vector<std::string>{});
                    r.disputes = prev.value("disputes", std::vector<std::string>{});
                } else {
                    if (item.path.empty() && !item.title.empty()) bytes = item.title + "\n\n" + bytes;
                    ReadOptions ro;
                    ro.max_bytes = options.max_input_bytes;
                    Document doc = make_document(bytes, item.path.empty() ? item.id + ".txt" : item.path.string(), ro);
                    if (!item.date.empty()) doc.date = item.date;
                    SceneOptions so;
                    so.size = options.size;
                    so.worldview = item.worldview;
                    const Extraction x = extract(std::move(doc), gaz, data, so);
                    for (std::size_t k = 0; k < options.formats.size(); ++k) {
                        write_atomically(outs[k].string(), render_to_bytes(x.scene, data, style, options.formats[k]));
                    }
                    for (const auto& p : x.places) r.places.push_back(gaz.entry(p.entry).id);
                    for (const auto& d : x.scene.disputes) {
                        if (d.mentioned) r.disputes.push_back(d.id);
                    }
                    r.status = "rendered";
                }
            } catch (const std::exception& e) {
                r.status = "failed";
                r.reason = e.what();
                r.outputs.clear();
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

    // State: what each item was rendered from (failed items are forgotten,
    // so the next run tries them again). Items of other shards are kept.
    nlohmann::json state = old_state.is_object() ? old_state : nlohmann::json::object();
    nlohmann::json report = {{"schema", "borderline/batch-report/1"}, {"items", nlohmann::json::array()}};
    std::size_t counts[3] = {0, 0, 0};
    for (std::size_t i = 0; i < results.size(); ++i) {
        const BatchResult& r = results[i];
        if (r.status == "failed") {
            state.erase(r.id);
            ++counts[2];
        } else {
            state[r.id] = {{"key", keys[i]}, {"places", r.places}, {"disputes", r.disputes}};
            ++counts[r.status == "rendered" ? 0 : 1];
        }
        nlohmann::json item = {{"id", r.id}, {"status", r.status}, {"outputs", r.outputs}, {"places", r.places},
                               {"disputes", r.disputes}};
        if (!r.reason.empty()) item["reason"] = r.reason;
        report["items"].push_back(item);
    }
    report["rendered"] = counts[0];
    report["skipped"] = counts[1];
    report["failed"] = counts[2];
    write_atomically((options.outdir / "report.json").string(), report.dump(2) + "\n");
    write_atomically(state_path.string(), state.dump() + "\n");
    return results;
}

}  // namespace borderline
