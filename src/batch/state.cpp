// Batch state: content keys (SHA-256) and the state files in OUTDIR.
#include "state.hpp"

#include <algorithm>
#include <borderline/error.hpp>
#include <borderline/render.hpp>
#include <fstream>
#include <set>
#include <vector>

namespace borderline::batch {

namespace fs = std::filesystem;

namespace {

constexpr const char* state_name = ".borderline-state.json";
constexpr const char* shard_prefix = ".borderline-state.shard-";

nlohmann::json read_json_object(const fs::path& p) {
    try {
        std::ifstream in(p);
        if (in) {
            auto j = nlohmann::json::parse(in);
            if (j.is_object()) return j;
        }
    } catch (const nlohmann::json::exception&) {
        // A damaged state only costs re-rendering.
    }
    return nlohmann::json::object();
}

/// The state as text. Ids come from file names and manifests and may not be
/// UTF-8; they are only for people reading the file, so invalid bytes are
/// replaced rather than let dump() throw (which once aborted a batch).
std::string dump_state(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool is_string_array(const nlohmann::json& j) {
    return j.is_array() && std::all_of(j.begin(), j.end(), [](const auto& e) { return e.is_string(); });
}

/// An entry the batch can trust: {"key": string, "places": [string...],
/// "disputes": [string...]}. Anything else (a hand-edited or damaged file)
/// is treated as absent, which costs only re-rendering the item.
bool is_valid_entry(const nlohmann::json& e) {
    if (!e.is_object()) return false;
    const auto key = e.find("key");
    if (key == e.end() || !key->is_string()) return false;
    for (const char* list : {"places", "disputes"}) {
        const auto it = e.find(list);
        if (it != e.end() && !is_string_array(*it)) return false;
    }
    return true;
}

}  // namespace

Hasher& Hasher::add(std::string_view part) {
    g_checksum_update(sum_.get(), reinterpret_cast<const guchar*>(part.data()), static_cast<gssize>(part.size()));
    g_checksum_update(sum_.get(), reinterpret_cast<const guchar*>("\x1f"), 1);
    return *this;
}

std::string Hasher::hex() const { return g_checksum_get_string(sum_.get()); }

std::string data_version(const GeoData& data) {
    std::vector<std::string> parts;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(data.dir(), ec)) {
        if (!e.is_regular_file(ec)) continue;
        parts.push_back(e.path().filename().string() + ":" + std::to_string(e.file_size(ec)) + ":" +
                        std::to_string(e.last_write_time(ec).time_since_epoch().count()));
    }
    std::sort(parts.begin(), parts.end());
    Hasher h;
    for (const auto& p : parts) h.add(p);
    return h.hex();
}

StateStore::StateStore(fs::path outdir, unsigned shard_index, unsigned shard_count)
    : outdir_(std::move(outdir)), sharded_(shard_count > 1), last_save_(std::chrono::steady_clock::now()) {
    file_ = outdir_ / (sharded_
                           ? shard_prefix + std::to_string(shard_index) + "-of-" + std::to_string(shard_count) + ".json"
                           : std::string(state_name));
    // Every state file, oldest first, so the latest render of an output wins.
    std::vector<std::pair<fs::file_time_type, fs::path>> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(outdir_, ec)) {
        const std::string name = e.path().filename().string();
        if (name == state_name || name.rfind(shard_prefix, 0) == 0) {
            if (name.find(".tmp") == std::string::npos) files.emplace_back(e.last_write_time(ec), e.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& [time, path] : files) old_.update(read_json_object(path));
    if (!sharded_) {
        // Fold the shards' files into ours, then remove them: from now on
        // this file alone says what is in OUTDIR.
        own_ = old_;
        save();
        for (const auto& [time, path] : files) {
            if (path != file_) fs::remove(path, ec);
        }
    }
}

const nlohmann::json* StateStore::find(const std::string& output) const {
    const auto it = old_.find(output);
    return it != old_.end() && is_valid_entry(*it) ? &*it : nullptr;
}

void StateStore::adopt(const std::vector<std::string>& outputs) {
    std::lock_guard lock(mutex_);
    for (const auto& o : outputs) {
        if (const auto* e = find(o)) own_[o] = *e;
    }
}

void StateStore::record(const std::string& output, const nlohmann::json* entry) {
    std::lock_guard lock(mutex_);
    if (entry)
        own_[output] = *entry;
    else
        own_.erase(output);
    const auto now = std::chrono::steady_clock::now();
    if (now - last_save_ >= std::chrono::seconds(1)) {
        last_save_ = now;
        try {
            write_atomically(file_.string(), dump_state(own_));
        } catch (const Error&) {
            // A checkpoint that cannot be written is retried by save() at the end.
        }
    }
}

void StateStore::keep_only(const std::vector<std::string>& outputs) {
    std::lock_guard lock(mutex_);
    const std::set<std::string> keep(outputs.begin(), outputs.end());
    for (auto it = own_.begin(); it != own_.end();) {
        it = keep.count(it.key()) ? std::next(it) : own_.erase(it);
    }
}

void StateStore::forget(const std::vector<std::string>& outputs) {
    std::lock_guard lock(mutex_);
    bool changed = false;
    for (const auto& o : outputs) {
        if (sharded_) {
            // Another state file (the unsharded one, another shard's) may
            // hold an entry for it too: a null here is newer and hides it.
            if (old_.contains(o) || own_.contains(o)) {
                own_[o] = nullptr;
                changed = true;
            }
        } else {
            changed = own_.erase(o) > 0 || changed;
        }
    }
    if (changed) {
        last_save_ = std::chrono::steady_clock::now();
        write_atomically(file_.string(), dump_state(own_));
    }
}

void StateStore::save() {
    std::lock_guard lock(mutex_);
    write_atomically(file_.string(), dump_state(own_));
}

}  // namespace borderline::batch
