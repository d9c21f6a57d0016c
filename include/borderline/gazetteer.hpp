// Gazetteer: every name the bundled data knows, folded for matching.
#pragma once

#include <borderline/geodata.hpp>
#include <borderline/place_id.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace borderline {

/// `feature`: a named border feature (island, reef, pass, crossing, ...) from
/// geodata/features.tsv and ne_features.tsv.
enum class PlaceKind { country, admin1, place, water, dispute, region, feature };

const char* to_string(PlaceKind k);

/// The kinds of border feature (the `kind` column of features.tsv and
/// ne_features.tsv), in a fixed order: the gazetteer stores a feature's kind
/// as its index here, 0 for an entry that is not a feature. The painter needs
/// it to tell a reef or islet (a speck to ring) from a strait or bay.
inline constexpr std::string_view kFeatureKinds[] = {
    "",          "archipelago", "atoll",   "bank",     "base",     "bay",    "bridge",   "camp",    "canal",
    "cape",      "cay",         "channel", "corridor", "crossing", "dam",    "enclave",  "fjord",   "glacier",
    "gulf",      "inlet",       "island",  "islet",    "lagoon",   "lake",   "mountain", "pass",    "peak",
    "peninsula", "plain",       "plateau", "post",     "reef",     "region", "river",    "rock",    "sea",
    "shoal",     "site",        "sound",   "spit",     "strait",   "temple", "valley",   "village", "waterfall"};

/// The index of `kind` in kFeatureKinds, 0 when it is not listed.
std::uint8_t feature_kind_index(std::string_view kind);

/// One gazetteer entry: a thing on the map. A view: the strings live in the
/// gazetteer (its cache file, memory-mapped), valid while the gazetteer is.
struct Entry {
    std::string_view
        id;  ///< stable: "country:ARM", "admin1:AM-SU", "place:AM:Yerevan", "dispute:crimea", "feature:kunashir"
    std::string_view name;  ///< display name (English where the data has one)
    PlaceKind kind = PlaceKind::place;
    std::string_view country;  ///< ISO 3166-1 alpha-3 (Natural Earth code where ISO has none)
    std::string_view admin1;   ///< ISO 3166-2 of the province, when known
    double lon = 0;
    double lat = 0;
    std::int64_t population = 0;
    int rank = 0;          ///< 0 best; Natural Earth scalerank for places, 12 for GeoNames towns
                           ///< features: 1 authored with a dispute, 2 authored, 3 from Natural Earth
    bool capital = false;  ///< national capital
    /// A feature's kind ("reef", "strait": kFeatureKinds); empty for other entries.
    std::string_view feature_kind;
};

/// How a name refers to its entry.
enum class NameRole : std::uint8_t {
    name,     ///< the entry's own name or an alternative name
    demonym,  ///< "Armenian", "Azeri": refers to the country
    metonym,  ///< "the Kremlin", "Whitehall": a seat of government
};

struct NameRef {
    std::uint32_t entry;
    NameRole role;
};

/// What the index knows about one folded key.
struct NameInfo {
    std::span<const NameRef> refs;  ///< entries with this name (empty: only a prefix)
    bool extends = false;           ///< some longer name starts with this key plus a word
    bool common_word = false;       ///< also an ordinary lower-case English word ("reading", "split")
};

/// An open-addressing index from strings to consecutive numbers: a view of
/// flat arrays (one string blob, offsets, slots) in the gazetteer's image.
class FlatIndex {
public:
    /// Index of `key`, or -1.
    [[nodiscard]] std::int64_t find(std::string_view key) const;
    [[nodiscard]] std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
    /// Key i (i < size()).
    [[nodiscard]] std::string_view key(std::size_t i) const {
        return blob_.substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
    }

private:
    friend class GazetteerFile;
    std::string_view blob_;
    std::span<const std::uint32_t> offsets_;
    std::span<const std::uint64_t> slots_;  // low half: key index + 1, 0 = empty; high half: hash tag
};

class Gazetteer {
public:
    /// The gazetteer of the data folder's layers and name tables. Maps the
    /// binary cache when it matches the data files (see cache_path()), else
    /// builds from the layers and writes the cache for the next run. The
    /// cache is data.paths().gazetteer_cache (none when empty).
    explicit Gazetteer(const GeoData& data);

    /// Build from the layers, ignoring and not writing any cache.
    static Gazetteer build(const GeoData& data);

    /// Write the binary form to `path` (temporary file, then rename). False on failure.
    bool save(const std::filesystem::path& path, const std::string& key) const;

    /// Number of entries; entry indices are 0 .. size() - 1.
    [[nodiscard]] std::size_t size() const { return entry_count_; }
    /// Entry i (its strings are views into this gazetteer).
    [[nodiscard]] Entry entry(std::uint32_t i) const;
    /// entry(i).country, without decoding the rest of the entry.
    [[nodiscard]] std::string_view country_of(std::uint32_t i) const;
    /// Entries whose folded name equals `folded` (empty when none).
    [[nodiscard]] std::span<const NameRef> find_folded(std::string_view folded) const;
    /// Everything the index knows about a folded key.
    [[nodiscard]] NameInfo probe(std::string_view folded) const;
    /// Entry index by id, or -1.
    [[nodiscard]] std::int64_t by_id(std::string_view id) const;
    /// Longest name, in words, of any entry (bounds the matcher's window).
    [[nodiscard]] std::size_t max_words() const { return max_words_; }
    /// Entries matching a free-text query, best first.
    [[nodiscard]] std::vector<std::uint32_t> lookup(std::string_view query) const;
    /// Indices of the national capitals (a handful among all entries).
    [[nodiscard]] std::span<const std::uint32_t> capitals() const { return capitals_; }
    /// The capitals of the country `iso3`, in index order.
    [[nodiscard]] std::span<const std::uint32_t> capitals_of(std::string_view iso3) const;
    /// True when the gazetteer came from the cache file.
    [[nodiscard]] bool from_cache() const { return from_cache_; }

private:
    Gazetteer() = default;
    friend class GazetteerFile;

    // Everything below views `image_` (the mapped cache file, or the bytes
    // just built), which is never written after it is made: copies and
    // threads share it as it is.
    std::shared_ptr<const void> image_;
    std::string_view body_;               // the image without the file's key
    std::span<const std::byte> records_;  // fixed-size entry records
    std::string_view strings_;            // names, countries, provinces of the records
    std::size_t entry_count_ = 0;
    FlatIndex names_;                           // folded key -> refs range
    std::span<const std::uint32_t> ref_begin_;  // per key, into refs_ (size keys+1)
    std::span<const NameRef> refs_;
    std::span<const std::uint8_t> flags_;  // per key: 1 extends, 2 common word
    FlatIndex ids_;                        // id -> entry index
    std::span<const std::uint32_t> capitals_;
    std::vector<std::uint32_t> capitals_by_country_;  // capitals_ sorted by country, then index
    std::size_t max_words_ = 1;
    bool from_cache_ = false;
};

}  // namespace borderline
