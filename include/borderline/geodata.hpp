// GeoData: the catalogue of bundled data, opened once and shared read-only:
// the layers (layer.hpp) and the dispute registry built from two of its files
// (disputes.hpp). The registry depends on layers only, not on GeoData.
#pragma once

#include <borderline/data_paths.hpp>
#include <borderline/disputes.hpp>
#include <borderline/geometry.hpp>
#include <borderline/layer.hpp>
#include <borderline/map_language.hpp>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace borderline {

/// The folder of bundled layers. Each layer is read on first use (thread-safe)
/// from the binary layer cache and then shared read-only. A missing or stale
/// cache is rebuilt once by running borderline_layers.
class GeoData {
public:
    /// Open the data folder of `paths` (with its caches); checks that it
    /// holds the bundled layers. Throws DataError.
    explicit GeoData(DataPaths paths);
    /// The data folder `dir` with the build tree's caches (DataPaths::built()).
    explicit GeoData(std::filesystem::path dir);
    ~GeoData();
    GeoData(const GeoData&) = delete;
    GeoData& operator=(const GeoData&) = delete;

    /// The layer named `name` (countries, admin1, boundaries, disputed_lines,
    /// populated_places, towns, land, ocean, lakes, rivers). Throws DataError
    /// when it cannot be read.
    const Layer& layer(const std::string& name) const;

    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
    [[nodiscard]] const DataPaths& paths() const { return paths_; }

    /// The registry of disputed territories (geodata/disputes.json with the
    /// disputes layer), loaded on first use.
    const DisputeRegistry& disputes() const;

    /// The first feature of the countries layer whose iso_a3 is `iso3`, or
    /// null. Indexed on first use.
    const Feature* country_feature(std::string_view iso3) const;

    /// main_territory(f), kept for every feature of the countries layer when
    /// the countries are indexed: the scene asks it of every country an
    /// article names, and a country of islands has hundreds of parts.
    /// Computed on each call for any other feature.
    [[nodiscard]] Box territory(const Feature& f) const;

    /// Names of places in the map languages (names_i18n.tsv and
    /// dispute_names.tsv), read on first use. Throws DataError.
    const MapNames& map_names() const;

    /// The build tree's data folder (DataPaths::built().geodata).
    static std::filesystem::path default_dir();

private:
    struct Slot {
        std::once_flag once;
        std::unique_ptr<Layer> layer;
        std::string error;
    };
    DataPaths paths_;
    std::filesystem::path dir_;
    mutable std::mutex slots_mutex_;
    mutable std::unordered_map<std::string, std::unique_ptr<Slot>> slots_;
    mutable std::once_flag rebuild_once_;
    mutable std::string rebuild_error_;
    mutable std::once_flag disputes_once_;
    mutable std::unique_ptr<DisputeRegistry> disputes_;
    mutable std::once_flag names_once_;
    mutable std::unique_ptr<MapNames> names_;
    mutable std::once_flag countries_once_;
    mutable std::unordered_map<std::string_view, const Feature*> country_by_iso_;  // views the layer's values
    mutable std::unordered_map<const Feature*, Box> territory_of_;                 // every country feature's
    void index_countries() const;
};

/// The layers of geodata/ that GeoData serves, and the ones derived from
/// them (countries_small: countries generalised for small scales).
const std::vector<std::string>& layer_names();

/// The shapefile a layer is read from, and the tolerance in degrees it is
/// simplified to (0: as it is).
std::string layer_source(const std::string& name);
double layer_simplification(const std::string& name);

/// Folder of the build tree's binary layer cache (DataPaths::built()), where
/// borderline_layers writes it at build time.
std::filesystem::path layer_cache_dir();

/// What ties a cached layer to its sources: the cache format, the data
/// folder's path, and the size and time of each of the layer's files.
std::string layer_cache_key(const std::filesystem::path& dir, const std::string& name);

/// Write `layer` to `file` (whole or not at all) under `key`.
void write_layer_cache(const Layer& layer, const std::string& key, const std::filesystem::path& file);

/// The layer cached in `file`, or null when the file is missing, damaged or
/// was written under another key.
std::unique_ptr<Layer> read_layer_cache(const std::filesystem::path& file, const std::string& key);

/// The build tree's styles folder (DataPaths::built().styles).
std::filesystem::path default_styles_dir();

}  // namespace borderline
