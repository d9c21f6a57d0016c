// Batch state: what each output was rendered from, so unchanged items are
// skipped. Internal to src/batch/.
#pragma once

#include <glib.h>

#include <borderline/geodata.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace borderline::batch {

/// SHA-256 over several parts (GLib's GChecksum); each part is followed by a
/// separator so that ("ab", "c") and ("a", "bc") differ.
class Hasher {
public:
    Hasher() : sum_(g_checksum_new(G_CHECKSUM_SHA256), &g_checksum_free) {}
    Hasher& add(std::string_view part);
    [[nodiscard]] std::string hex() const;

private:
    std::unique_ptr<GChecksum, decltype(&g_checksum_free)> sum_;
};

/// Version of the bundled data: names, sizes and times of its files.
std::string data_version(const GeoData& data);

/// The state of OUTDIR: a JSON object from output name to
/// {"id", "key", "places", "disputes"}. An unsharded run owns
/// .borderline-state.json and folds the shards' files into it; a shard owns
/// .borderline-state.shard-I-of-N.json and writes only its own items there,
/// so shards running at once on shared storage never lose each other's work.
class StateStore {
public:
    StateStore(std::filesystem::path outdir, unsigned shard_index, unsigned shard_count);

    /// The entry recorded for an output name, or null (also for an entry
    /// that is damaged: not {"key": string, "places"/"disputes": strings}).
    [[nodiscard]] const nlohmann::json* find(const std::string& output) const;

    /// Carry these outputs' entries over into the file this run writes (a
    /// shard: its own items, so an interrupted run keeps what it skipped).
    void adopt(const std::vector<std::string>& outputs);

    /// Erase these outputs' entries and write the state file now (when it
    /// had any of them): called before their files are overwritten, so that
    /// a run killed half-way through an item never leaves an entry vouching
    /// for files that are no longer what it says. Throws OutputError.
    void forget(const std::vector<std::string>& outputs);

    /// Record an item's outcome (erase when it failed); saves now and then.
    void record(const std::string& output, const nlohmann::json* entry);

    /// Keep only these output names (an unsharded run: items that are gone).
    void keep_only(const std::vector<std::string>& outputs);

    /// Write the state file whole; throws OutputError.
    void save();

private:
    std::filesystem::path outdir_, file_;
    bool sharded_;
    nlohmann::json old_ = nlohmann::json::object();  ///< every file's entries, newest file winning
    nlohmann::json own_ = nlohmann::json::object();  ///< what this run writes
    std::mutex mutex_;
    std::chrono::steady_clock::time_point last_save_;
};

}  // namespace borderline::batch
