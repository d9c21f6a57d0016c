// Batch: render many articles into one folder, incrementally, in parallel.
#pragma once

#include <atomic>
#include <borderline/edits.hpp>
#include <borderline/gazetteer.hpp>
#include <borderline/geodata.hpp>
#include <borderline/render.hpp>
#include <borderline/scene.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace borderline {

/// One article to render: a file, or a line of a JSON Lines manifest.
struct BatchItem {
    std::string id;              ///< as given (file path relative to its input, or the manifest's id)
    std::string origin;          ///< where it came from, for messages
    std::filesystem::path path;  ///< article file; empty when the text is inline
    std::string text;            ///< inline text (manifest "text")
    std::string title, date, style, worldview;
    std::string focus;                  ///< manifest "focus": a dispute id or place name to frame (as render --focus)
    SceneEdits edits;                   ///< manifest overrides, as render's options (subtitle, exclude, marker, ...)
    std::vector<std::string> warnings;  ///< manifest keys ignored, for the report
    std::string error;                  ///< set when the manifest line itself is broken
    std::string output;                 ///< sanitised, unique output name (no extension)
};

/// The files of folders (recursively: .txt .md .markdown .html .htm .json),
/// files as given, and the lines of .jsonl manifests, sorted by id, with
/// sanitised unique output names (the second "x" becomes "x-2", and so on,
/// in id order, so the names are the same on every run). Throws InputError
/// for an input that does not exist. `outdir`, when inside an input folder,
/// is not searched (it holds the report and state of earlier runs).
std::vector<BatchItem> collect_items(const std::vector<std::string>& inputs, const std::filesystem::path& outdir = {});

/// The largest manifest read (256 MiB): it may carry its articles inline.
constexpr std::size_t manifest_max_bytes = 256u * 1024u * 1024u;

/// An output name from an id: letters, digits, '.', '_' and '-' only, no
/// leading dot, at most 100 bytes; never empty and never a path.
std::string sanitize_id(const std::string& id);

/// "I/N" -> {I, N} with 1 <= I <= N; throws UsageError.
std::pair<unsigned, unsigned> parse_shard(const std::string& spec);

/// "png,svg" -> formats, without repeats; throws UsageError.
std::vector<OutputFormat> parse_formats(const std::string& spec);

/// What --watch compares between polls: names, sizes and times of the input
/// files, of every item's file and of the style files. Changes when an
/// article or manifest is edited, added or removed, or a style file changes.
std::string input_fingerprint(const std::vector<std::string>& inputs, const std::vector<BatchItem>& items,
                              const std::string& style, const std::filesystem::path& styles_dir);

struct BatchOptions {
    std::filesystem::path outdir;
    std::vector<OutputFormat> formats{OutputFormat::png};
    unsigned jobs = 1;
    std::string style = "default";
    Size size{1200, 800};
    bool force = false;
    unsigned shard_index = 1;  ///< 1-based, with shard_count
    unsigned shard_count = 1;
    std::size_t max_input_bytes = 20u * 1024u * 1024u;
    /// Called after each item with (done, total); from worker threads, serialised.
    std::function<void(std::size_t, std::size_t)> progress;
    /// When set and it becomes true, workers finish their current item and
    /// take no new one (the rest are reported as "interrupted").
    const std::atomic<bool>* stop = nullptr;
};

struct BatchResult {
    std::string id;
    std::string output;                 ///< the sanitised output name, without extension
    std::string status;                 ///< rendered, skipped, failed, interrupted
    std::string reason;                 ///< one line, for failed items
    std::vector<std::string> warnings;  ///< e.g. a manifest key that is not known
    std::vector<std::string> outputs;
    std::vector<std::string> places;
    std::vector<std::string> disputes;
};

/// Render the items of this shard (those whose index in `items`, which is
/// sorted by id, is shard_index - 1 modulo shard_count) into options.outdir;
/// skip those whose input, style, options, data and program are unchanged
/// since their last render (unless force). Writes the report and the state
/// whole or not at all: OUTDIR/report.json and OUTDIR/.borderline-state.json,
/// or for a shard report.shard-I-of-N.json and .borderline-state.shard-I-of-N.json
/// so that shards sharing OUTDIR never overwrite each other. The state is
/// also saved every second while rendering, so a killed run resumes.
std::vector<BatchResult> run_batch(const std::vector<BatchItem>& items, const BatchOptions& options,
                                   const GeoData& data, const Gazetteer& gaz);

}  // namespace borderline
