// Map projections of the scene, computed in-process.
//
// The scene names its projection as a PROJ string (so the JSON sidecar and
// GIS users can reproduce it), but the program evaluates the three it ever
// chooses itself: linking PROJ costs 43 more shared libraries (libcurl,
// gnutls, LDAP, SQLite ...) and a database open at every start, about 35 ms
// of a 150 ms budget for a whole map. The tests check these formulas against
// PROJ itself (tests/test_projection.cpp).
#pragma once

#include <string>
#include <string_view>

namespace borderline {

/// A projection on the WGS84 ellipsoid from longitude/latitude in degrees to
/// metres, as PROJ computes `+proj=lcc|laea|eqearth ... +datum=WGS84 +units=m`
/// with k_0 = 1 and no false easting or northing.
class Projection {
public:
    enum class Kind { lcc, laea, eqearth };

    /// Parse a PROJ string of the form choose_projection() writes. Throws
    /// UsageError, naming the string, for anything else.
    static Projection parse(std::string_view proj_string);

    /// lon/lat (degrees) -> x/y (metres); false where the projection has no
    /// finite value (LCC at the far pole, LAEA at the antipode).
    bool forward(double lon, double lat, double& x, double& y) const;
    /// x/y (metres) -> lon/lat (degrees, lon in [-180, 180]); false outside
    /// the projection's domain.
    bool inverse(double x, double y, double& lon, double& lat) const;

    [[nodiscard]] Kind kind() const { return kind_; }
    /// The central meridian, in degrees.
    [[nodiscard]] double central_meridian() const { return lon0_ * 57.29577951308232; }

private:
    Kind kind_ = Kind::eqearth;
    double lon0_ = 0;  // radians
    // LCC
    double n_ = 0, f_ = 0, rho0_ = 0;
    // LAEA
    double sin_b1_ = 0, cos_b1_ = 1, d_ = 1;
    int polar_ = 0;  // LAEA centred on the north (1) or south (-1) pole
    // LAEA and Equal Earth: authalic radius / a
    double rq_ = 1;
};

}  // namespace borderline
