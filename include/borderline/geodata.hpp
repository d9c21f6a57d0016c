// GeoData: the bundled layers, opened once and shared read-only.
#pragma once

#include <borderline/geometry.hpp>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace borderline {

class DisputeRegistry;

/// One feature of a layer: its geometry (one of the three kinds, by layer
/// type), its bounding box and its attribute values in field order. The
/// points are views into the layer's storage.
struct Feature {
    Box bbox;
    MultiPolygon polygons;
    std::vector<Box> part_boxes;  ///< box of each polygon part's outer ring
    Lines lines;
    LonLat point;
    std::vector<std::string> values;
};

/// A layer held in memory.
class Layer {
public:
    enum class Kind { polygon, line, point };

    /// `storage` keeps alive whatever the features' points view (a mapped
    /// file, or the vectors they were read into).
    Layer(std::string name, Kind kind, std::vector<std::string> fields, std::vector<Feature> features,
          std::shared_ptr<const void> storage);

    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] Kind kind() const { return kind_; }
    [[nodiscard]] const std::vector<Feature>& features() const { return features_; }
    [[nodiscard]] std::size_t size() const { return features_.size(); }
    [[nodiscard]] const std::vector<std::string>& fields() const { return fields_; }
    /// Index of a field, or -1 when the layer has none of that name.
    [[nodiscard]] int field(const std::string& name) const;
    /// Value of field `name` of feature `i`; empty when the field is absent.
    [[nodiscard]] const std::string& value(std::size_t i, const std::string& name) const;
    /// Indices of the features whose box intersects `box`.
    [[nodiscard]] std::vector<std::size_t> query(const Box& box) const;

private:
    std::string name_;
    Kind kind_;
    std::vector<std::string> fields_;
    std::vector<Feature> features_;
    std::shared_ptr<const void> storage_;
};

/// The folder of bundled layers. Each layer is read on first use (thread-safe)
/// from the binary layer cache and then shared read-only. A missing or stale
/// cache is rebuilt once by running borderline_layers.
class GeoData {
public:
    /// Open the data folder; checks that it holds the bundled layers.
    explicit GeoData(std::filesystem::path dir);
    ~GeoData();
    GeoData(const GeoData&) = delete;
    GeoData& operator=(const GeoData&) = delete;

    /// The layer named `name` (countries, admin1, boundaries, disputed_lines,
    /// populated_places, towns, land, ocean, lakes, rivers). Throws DataError
    /// when it cannot be read.
    const Layer& layer(const std::string& name) const;

    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

    /// The registry of disputed territories (geodata/disputes.json with the
    /// disputes layer), loaded on first use.
    const DisputeRegistry& disputes() const;

    /// The first feature of the countries layer whose iso_a3 is `iso3`, or
    /// null. Indexed on first use.
    const Feature* country_feature(std::string_view iso3) const;

    /// The data folder: $BORDERLINE_DATA/geodata, else geodata/ beside the
    /// executable's share folder, else the source tree's geodata/.
    static std::filesystem::path default_dir();

private:
    struct Slot {
        std::once_flag once;
        std::unique_ptr<Layer> layer;
        std::string error;
    };
    std::filesystem::path dir_;
    mutable std::mutex slots_mutex_;
    mutable std::unordered_map<std::string, std::unique_ptr<Slot>> slots_;
    mutable std::once_flag rebuild_once_;
    mutable std::string rebuild_error_;
    mutable std::once_flag disputes_once_;
    mutable std::unique_ptr<DisputeRegistry> disputes_;
    mutable std::once_flag countries_once_;
    mutable std::unordered_map<std::string_view, const Feature*> country_by_iso_;  // views the layer's values
};

/// The layers of geodata/ that GeoData serves, and the ones derived from
/// them (countries_small: countries generalised for small scales).
const std::vector<std::string>& layer_names();

/// The shapefile a layer is read from, and the tolerance in degrees it is
/// simplified to (0: as it is).
std::string layer_source(const std::string& name);
double layer_simplification(const std::string& name);

/// Folder of the binary layer cache: $BORDERLINE_LAYER_CACHE, else layers/ in
/// the build folder (written there at build time by borderline_layers).
std::filesystem::path layer_cache_dir();

/// What ties a cached layer to its sources: the cache format, the data
/// folder's path, and the size and time of each of the layer's files.
std::string layer_cache_key(const std::filesystem::path& dir, const std::string& name);

/// Write `layer` to `file` (whole or not at all) under `key`.
void write_layer_cache(const Layer& layer, const std::string& key, const std::filesystem::path& file);

/// The layer cached in `file`, or null when the file is missing, damaged or
/// was written under another key.
std::unique_ptr<Layer> read_layer_cache(const std::filesystem::path& file, const std::string& key);

/// Folder of the bundled styles (styles/), found like the data folder.
std::filesystem::path default_styles_dir();

}  // namespace borderline
