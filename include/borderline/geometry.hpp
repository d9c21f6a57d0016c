// Plain in-memory geometry in lon/lat degrees, as loaded from the bundled
// layers, and the few computations on it that several stages share (one
// copy each, so they cannot drift apart): distance, point-in-polygon, ring
// area and centroid. π is std::numbers::pi everywhere.
#pragma once

#include <algorithm>
#include <limits>
#include <numbers>
#include <span>
#include <string>
#include <vector>

namespace borderline {

struct LonLat {
    double lon = 0;
    double lat = 0;
};

/// Axis-aligned box in lon/lat (or projected units, where stated).
struct Box {
    double west = std::numeric_limits<double>::infinity();
    double south = std::numeric_limits<double>::infinity();
    double east = -std::numeric_limits<double>::infinity();
    double north = -std::numeric_limits<double>::infinity();

    [[nodiscard]] bool empty() const { return west > east || south > north; }
    void expand(double x, double y) {
        west = std::min(west, x);
        east = std::max(east, x);
        south = std::min(south, y);
        north = std::max(north, y);
    }
    void expand(const Box& b) {
        if (b.empty()) return;
        expand(b.west, b.south);
        expand(b.east, b.north);
    }
    [[nodiscard]] bool intersects(const Box& b) const {
        return !(b.west > east || b.east < west || b.south > north || b.north < south);
    }
    [[nodiscard]] bool contains(double x, double y) const { return x >= west && x <= east && y >= south && y <= north; }
    [[nodiscard]] double width() const { return east - west; }
    [[nodiscard]] double height() const { return north - south; }
};

/// Points computed by the program (clipped, thinned): owned.
using Ring = std::vector<LonLat>;
using LineString = std::vector<LonLat>;
using MultiLineString = std::vector<LineString>;

/// Points of a layer's feature: a view into the layer's storage (the mapped
/// cache file), valid while the layer is.
using Points = std::span<const LonLat>;
/// Outer ring first, then holes.
using Polygon = std::vector<Points>;
using MultiPolygon = std::vector<Polygon>;
using Lines = std::vector<Points>;

/// Radians per degree.
inline constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;

/// The one Earth radius of the program (IUGG mean radius, km): distances
/// between places and the scale bar's metres per pixel both use it.
inline constexpr double kEarthRadiusKm = 6371.0088;

/// Great-circle distance in km between two lon/lat points (haversine on a
/// sphere of kEarthRadiusKm).
double km_between(double lon1, double lat1, double lon2, double lat2);

/// A box's edge as a reader writes it: "19.6°S", "179.7°W" (longitudes past
/// the antimeridian wrap), one decimal. The one wording of the map's extent
/// in every alt text.
std::string degrees_text(double v, bool longitude);

/// "from 44.7°E to 48.9°E and 38.9°N to 40.9°N": a map's extent in words.
std::string extent_text(const Box& b);

/// Even-odd point-in-polygon over all rings of all parts.
bool contains(const MultiPolygon& mp, LonLat p);

/// Shoelace sums of a closed ring (the last point joins the first), in the
/// ring's own units: `twice_area` is twice the signed area (positive when
/// counter-clockwise with y up), `sx`/`sy` the centroid sums, so the
/// centroid is (sx, sy) / (3 * twice_area).
struct RingMoments {
    double twice_area = 0;
    double sx = 0;
    double sy = 0;
    [[nodiscard]] double area() const { return twice_area / 2; }
    [[nodiscard]] LonLat centroid() const { return {sx / (3 * twice_area), sy / (3 * twice_area)}; }
};
RingMoments ring_moments(std::span<const LonLat> ring);

}  // namespace borderline
