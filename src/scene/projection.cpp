// Projection choice for an extent.
#include <borderline/scene.hpp>

#include <cmath>
#include <cstdio>
#include <string>

namespace borderline {

namespace {
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    std::string s = buf;
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}
}  // namespace

std::string choose_projection(const Box& b) {
    const double lon0 = (b.west + b.east) / 2;
    const double lat0 = (b.south + b.north) / 2;
    const double pi = 3.14159265358979323846;
    const double span = std::max(b.width() * std::cos(lat0 * pi / 180), b.height());
    if (b.width() >= 180) {
        // World scale: an equal-area pseudo-cylindrical that keeps shapes readable.
        return "+proj=eqearth +lon_0=" + num(lon0) + " +datum=WGS84 +units=m +no_defs";
    }
    if (span > 40) {
        // Continental scale: equal-area azimuthal centred on the extent.
        return "+proj=laea +lat_0=" + num(lat0) + " +lon_0=" + num(lon0) + " +datum=WGS84 +units=m +no_defs";
    }
    // Regional scale: conformal conic with standard parallels at 1/6 and 5/6
    // of the extent's latitudes keeps scale error small across the frame.
    const double lat1 = b.south + b.height() / 6;
    const double lat2 = b.north - b.height() / 6;
    return "+proj=lcc +lat_0=" + num(lat0) + " +lon_0=" + num(lon0) + " +lat_1=" + num(lat1) + " +lat_2=" +
           num(lat2) + " +datum=WGS84 +units=m +no_defs";
}

}  // namespace borderline
