// The shared geometry of include/borderline/geometry.hpp.
#include <borderline/geometry.hpp>

#include <charconv>
#include <cmath>

namespace borderline {

double km_between(double lon1, double lat1, double lon2, double lat2) {
    const double dlat = (lat2 - lat1) * kRadiansPerDegree;
    const double dlon = (lon2 - lon1) * kRadiansPerDegree;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRadiansPerDegree) *
                                                                   std::cos(lat2 * kRadiansPerDegree) *
                                                                   std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

bool contains(const MultiPolygon& mp, LonLat p) {
    bool inside = false;
    for (const auto& poly : mp) {
        for (const auto& ring : poly) {
            const std::size_t n = ring.size();
            for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
                const auto& a = ring[i];
                const auto& b = ring[j];
                if ((a.lat > p.lat) != (b.lat > p.lat) &&
                    p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
                    inside = !inside;
                }
            }
        }
    }
    return inside;
}

RingMoments ring_moments(std::span<const LonLat> r) {
    RingMoments m;
    for (std::size_t i = 0, j = r.empty() ? 0 : r.size() - 1; i < r.size(); j = i++) {
        const double cross = r[j].lon * r[i].lat - r[i].lon * r[j].lat;
        m.twice_area += cross;
        m.sx += (r[j].lon + r[i].lon) * cross;
        m.sy += (r[j].lat + r[i].lat) * cross;
    }
    return m;
}

std::string degrees_text(double v, bool longitude) {
    if (longitude) v = std::remainder(v, 360.0);  // 180.3 -> -179.7
    if (std::abs(v) < 0.05) v = 0;                // what prints as 0.0 is on the line, not "0.0°W"
    const char hemisphere = longitude ? (v < 0 ? 'W' : 'E') : (v < 0 ? 'S' : 'N');
    // to_chars with a precision prints as printf's "%.1f" does, without
    // printf's format parsing and locale: snprintf was 2,000 instructions a
    // number, and every extract writes four in its alt text.
    char buf[400];  // room for any double in fixed notation
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::abs(v), std::chars_format::fixed, 1);
    std::string out(buf, ec == std::errc{} ? end : buf);
    out += "\u00b0";
    out += hemisphere;
    return out;
}

std::string extent_text(const Box& b) {
    std::string t = "from ";
    t += degrees_text(b.west, true);
    t += " to ";
    t += degrees_text(b.east, true);
    t += " and ";
    t += degrees_text(b.south, false);
    t += " to ";
    t += degrees_text(b.north, false);
    return t;
}

}  // namespace borderline
