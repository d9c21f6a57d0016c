// Layer: one bundled layer in memory (features with geometry and attributes).
#pragma once

#include <borderline/geometry.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace borderline {

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

/// Box of a country's main territory: its parts near its largest part, so
/// that overseas islands do not stretch a frame (GeoData::territory keeps
/// it for each country).
Box main_territory(const Feature& f);

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
    /// Indices of the features whose box intersects `box`, in order.
    [[nodiscard]] std::vector<std::size_t> query(const Box& box) const;

private:
    /// Cells of 10 by 10 degrees, the features whose boxes reach each one:
    /// a small query (a point, a province) reads a few cells instead of all
    /// the features (the province layer has thousands). Built once with the
    /// layer; features with no well-formed box are in `everywhere_`.
    struct Grid {
        static constexpr int kColumns = 36, kRows = 18;
        std::vector<std::vector<std::uint32_t>> cells;  // row-major
        std::vector<std::uint32_t> everywhere;
    };
    Grid grid_;

    std::string name_;
    Kind kind_;
    std::vector<std::string> fields_;
    std::vector<Feature> features_;
    std::shared_ptr<const void> storage_;
};

}  // namespace borderline
