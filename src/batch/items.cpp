// Batch items: finding articles in folders and manifests, naming their
// outputs safely, and the options that select them (shards, formats).
#include <algorithm>
#include <borderline/batch.hpp>
#include <borderline/error.hpp>
#include <borderline/input.hpp>
#include <borderline/style.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace borderline {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool is_article(const fs::path& p) {
    const std::string ext = lower(p.extension().string());
    return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" || ext == ".json";
}

/// The keys a manifest line may carry: the article, its metadata and every
/// override `render` has (named as its options, with _ for -).
const std::set<std::string>& manifest_keys() {
    static const std::set<std::string> keys{"id",        "text",    "path",     "title",  "date",      "style",
                                            "worldview", "focus",   "subtitle", "source", "note",      "exclude",
                                            "marker",    "markers", "label",    "labels", "no_claims", "no_inset",
                                            "units",     "names",   "lang"};
    return keys;
}

/// A manifest line's overrides into item.edits; a value of the wrong type
/// makes the item fail with a message naming the key, and an unknown key
/// becomes a warning in the report (a misspelt override must not vanish).
void read_overrides(const nlohmann::json& j, const std::string& where, const fs::path& dir, BatchItem& item) {
    SceneEdits& e = item.edits;
    const auto wrong = [&](const std::string& key, const char* what) {
        if (item.error.empty()) item.error = where + ": key \"" + key + "\" must be " + what;
    };
    const auto text = [&](const char* key, std::string& out) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) return;
        if (!it->is_string()) return wrong(key, "a string");
        out = it->get<std::string>();
    };
    const auto flag = [&](const char* key, bool& out) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) return;
        if (!it->is_boolean()) return wrong(key, "true or false");
        out = it->get<bool>();
    };
    // A list key takes one string or an array of strings.
    const auto list = [&](const char* key, std::vector<std::string>& out) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) return;
        if (it->is_string()) return out.push_back(it->get<std::string>());
        if (!it->is_array()) return wrong(key, "a string or an array of strings");
        for (const auto& v : *it) {
            if (!v.is_string()) return wrong(key, "a string or an array of strings");
            out.push_back(v.get<std::string>());
        }
    };
    text("title", e.title);  // the map's title also for an article file, whose headline it replaces
    text("subtitle", e.subtitle);
    text("source", e.source);
    text("note", e.note);
    list("exclude", e.exclude);
    list("marker", e.markers);
    list("markers", e.markers);
    list("label", e.labels);
    if (const auto it = j.find("labels"); it != j.end() && it->is_object()) {
        // {"ARM": "Armenia"}: the natural JSON form of ID=TEXT pairs.
        for (const auto& [id, v] : it->items()) {
            if (!v.is_string()) return wrong("labels", "an object of ID: TEXT strings");
            e.labels.push_back(id + "=" + v.get<std::string>());
        }
    } else {
        list("labels", e.labels);
    }
    flag("no_claims", e.no_claims);
    flag("no_inset", e.no_inset);
    text("units", e.units);
    text("names", e.names);
    text("lang", e.lang);
    if (!e.names.empty()) e.names = names_file(e.names, dir).string();
    for (const auto& [key, value] : j.items()) {
        if (manifest_keys().count(key) == 0) {
            item.warnings.push_back("unknown manifest key \"" + key + "\" ignored");
        }
    }
    try {
        check_edits(e);
    } catch (const UsageError& err) {
        if (item.error.empty()) item.error = where + ": " + err.what();
    }
}

void read_manifest(const fs::path& manifest, std::vector<BatchItem>& items) {
    InputBounds bounds;
    bounds.max_bytes = manifest_max_bytes;
    bounds.streams = true;  // named on the command line
    bounds.over_limit_hint = "split it into several manifests";
    std::istringstream in(read_bounded(manifest.string(), bounds));
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        BatchItem item;
        item.origin = manifest.string() + ":" + std::to_string(n);
        item.id = "line-" + std::to_string(n);
        const std::string where = "manifest line " + std::to_string(n);
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception&) {
            item.error = where + " is not valid JSON; fix that line";
            items.push_back(std::move(item));
            continue;
        }
        if (!j.is_object()) {
            item.error = where + " is not a JSON object; give {\"id\": ..., \"text\": ...}";
            items.push_back(std::move(item));
            continue;
        }
        auto str = [&](const char* key) {
            const auto it = j.find(key);
            return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        read_overrides(j, where, manifest.parent_path(), item);
        if (!str("id").empty()) item.id = str("id");
        item.text = str("text");
        item.title = str("title");
        item.date = str("date");
        item.worldview = str("worldview");
        item.focus = str("focus");
        // Paths in a manifest are relative to the manifest, like the style
        // when it is a file rather than a bundled style's name.
        item.style = str("style");
        if (!item.style.empty() &&
            (item.style.find('/') != std::string::npos || fs::path(item.style).extension() == ".json") &&
            fs::path(item.style).is_relative()) {
            item.style = (manifest.parent_path() / item.style).string();
        }
        const std::string path = str("path");
        if (!path.empty()) item.path = manifest.parent_path() / path;
        if (item.text.empty() && path.empty()) item.error = where + " has neither \"text\" nor \"path\"";
        items.push_back(std::move(item));
    }
}

void add_stat(std::string& out, const fs::path& p) {
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    const auto time = fs::last_write_time(p, ec);
    out += p.string() + "\t" + std::to_string(ec ? 0 : size) + "\t" +
           std::to_string(ec ? 0 : time.time_since_epoch().count()) + "\n";
}

}  // namespace

std::string sanitize_id(const std::string& id) {
    std::string out;
    for (unsigned char c : id) {
        if (std::isalnum(c) || c == '.' || c == '_' || c == '-') {
            out.push_back(static_cast<char>(c));
        } else if (!out.empty() && out.back() != '-') {
            out.push_back('-');
        }
    }
    // No leading dots or dashes (hidden files, "..", options), no trailing dash.
    const auto first = out.find_first_not_of(".-");
    out = first == std::string::npos ? std::string() : out.substr(first);
    if (out.size() > 100) out.resize(100);
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
    return out.empty() ? "item" : out;
}

std::vector<BatchItem> collect_items(const std::vector<std::string>& inputs, const fs::path& outdir) {
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
                // The output folder inside an input folder holds our own
                // report and state, which are not articles.
                if (!outdir.empty() && it->is_directory(ec) && fs::equivalent(it->path(), outdir, ec)) {
                    it.disable_recursion_pending();
                    continue;
                }
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
        } else if (lower(p.extension().string()) == ".jsonl") {
            read_manifest(p, items);
        } else {
            BatchItem item;
            item.path = p;
            item.origin = p.string();
            item.id = p.filename().replace_extension().string();
            items.push_back(std::move(item));
        }
    }
    std::stable_sort(items.begin(), items.end(), [](const BatchItem& a, const BatchItem& b) { return a.id < b.id; });
    // Unique output names, case-blind so they stay apart on case-insensitive
    // file systems too.
    // The next suffix to try for each base, so that n items that all
    // collapse to one base ("item") cost n look-ups, not n^2 / 2.
    std::set<std::string> used;
    std::map<std::string, int> next_suffix;
    for (auto& item : items) {
        const std::string base = sanitize_id(item.id);
        std::string name = base;
        int& n = next_suffix.try_emplace(lower(base), 2).first->second;
        while (used.count(lower(name))) name = base + "-" + std::to_string(n++);
        used.insert(lower(name));
        item.output = name;
    }
    return items;
}

std::pair<unsigned, unsigned> parse_shard(const std::string& spec) {
    unsigned i = 0, n = 0;
    char slash = 0;
    std::istringstream in(spec);
    if (!(in >> i >> slash >> n) || slash != '/' || in.peek() != std::char_traits<char>::eof() || i == 0 || n == 0 ||
        i > n || spec.find_first_of("-+ \t") != std::string::npos) {
        throw UsageError("shard " + spec + " is not valid; use I/N with 1 <= I <= N, e.g. 2/8", "shard");
    }
    return {i, n};
}

std::vector<OutputFormat> parse_formats(const std::string& spec) {
    std::vector<OutputFormat> out;
    std::istringstream in(spec);
    std::string f;
    while (std::getline(in, f, ',')) {
        OutputFormat format;
        if (f == "png")
            format = OutputFormat::png;
        else if (f == "svg")
            format = OutputFormat::svg;
        else if (f == "pdf")
            format = OutputFormat::pdf;
        else
            throw UsageError("formats " + spec + ": unknown format '" + f + "'; use png, svg and pdf, comma-separated",
                             "formats");
        if (std::find(out.begin(), out.end(), format) == out.end()) out.push_back(format);
    }
    if (out.empty()) throw UsageError("formats is empty; use e.g. png,svg", "formats");
    return out;
}

std::string input_fingerprint(const std::vector<std::string>& inputs, const std::vector<BatchItem>& items,
                              const std::string& style, const std::filesystem::path& styles_dir) {
    std::string out;
    std::error_code ec;
    for (const auto& i : inputs) {
        if (!fs::is_directory(i, ec)) add_stat(out, i);
    }
    std::set<std::string> styles{style};
    for (const auto& item : items) {
        if (!item.path.empty()) add_stat(out, item.path);
        if (!item.style.empty()) styles.insert(item.style);
    }
    for (const auto& s : styles) add_stat(out, style_file(s, styles_dir));
    return out;
}

}  // namespace borderline
