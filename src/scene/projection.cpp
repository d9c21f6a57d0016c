// Projection choice for an extent.
#include <borderline/error.hpp>
#include <borderline/projection.hpp>
#include <borderline/scene.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numbers>
#include <string>

namespace borderline {

namespace {

std::string num(double v) {
    // to_chars with a precision writes what printf's "%.4f" writes, without
    // parsing a format (a scene asks for up to four numbers per article).
    char buf[400];  // room for any double in fixed notation
    const auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 4).ptr;
    std::string s(buf, end);
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}
}  // namespace

std::string choose_projection(const Box& b) {
    // A frame across the antimeridian runs past 180 east; its middle
    // meridian is named the usual way.
    double lon0 = (b.west + b.east) / 2;
    if (lon0 > 180) lon0 -= 360;
    const double lat0 = (b.south + b.north) / 2;
    const double span = std::max(b.width() * std::cos(lat0 * std::numbers::pi / 180), b.height());
    const bool north_polar = b.north >= 80 && b.south > 30, south_polar = b.south <= -75 && b.north < -30;
    if (b.width() >= 180 && !north_polar && !south_polar) {
        // World scale: an equal-area pseudo-cylindrical that keeps shapes readable.
        return "+proj=eqearth +lon_0=" + num(lon0) + " +datum=WGS84 +units=m +no_defs";
    }
    if (north_polar || south_polar) {
        // Near a pole a conic or an oblique azimuthal bends the land out of
        // shape and cannot hold the pole: the polar aspect of the azimuthal
        // equal-area, centred on the pole and turned to the extent's middle
        // meridian (Snyder 24-13, 24-14).
        return std::string("+proj=laea +lat_0=") + (north_polar ? "90" : "-90") + " +lon_0=" + num(lon0) +
               " +datum=WGS84 +units=m +no_defs";
    }
    const double lat1 = b.south + b.height() / 6;
    const double lat2 = b.north - b.height() / 6;
    // A box (nearly) symmetric about the equator puts the cone's standard
    // parallels at +-phi: the cone flattens into a cylinder (n -> 0) that
    // the conic formulas cannot hold; the azimuthal view suits it as well.
    if (span > 40 || std::abs(lat1 + lat2) < 0.5) {
        // Continental scale: equal-area azimuthal centred on the extent.
        return "+proj=laea +lat_0=" + num(lat0) + " +lon_0=" + num(lon0) + " +datum=WGS84 +units=m +no_defs";
    }
    // Regional scale: conformal conic with standard parallels at 1/6 and 5/6
    // of the extent's latitudes keeps scale error small across the frame.
    return "+proj=lcc +lat_0=" + num(lat0) + " +lon_0=" + num(lon0) + " +lat_1=" + num(lat1) + " +lat_2=" + num(lat2) +
           " +datum=WGS84 +units=m +no_defs";
}

// ---- Projection -------------------------------------------------------------
// Formulas for the ellipsoid as in J. P. Snyder, "Map Projections: A Working
// Manual" (USGS PP 1395, 1987): LCC 15-1 to 15-11, LAEA 24-*, and the
// authalic latitude 3-11 to 3-18; Equal Earth from Šavrič, Patterson and
// Jenny (2018), on the authalic sphere as PROJ applies it to an ellipsoid.

namespace {

constexpr double kA = 6378137.0;          // WGS84 semi-major axis, metres
constexpr double kF = 1 / 298.257223563;  // WGS84 flattening
constexpr double kE2 = kF * (2 - kF);     // first eccentricity squared
const double kE = std::sqrt(kE2);
constexpr double kHalfPi = std::numbers::pi / 2;
constexpr double kDeg = std::numbers::pi / 180;

// Equal Earth polynomial coefficients and sqrt(3)/2.
constexpr double kA1 = 1.340264, kA2 = -0.081106, kA3 = 0.000893, kA4 = 0.003796;
const double kM = std::sqrt(3.0) / 2;

/// Longitude difference wrapped into [-pi, pi].
double wrap(double lam) {
    if (lam >= -std::numbers::pi && lam <= std::numbers::pi) return lam;
    lam = std::remainder(lam, 2 * std::numbers::pi);
    return lam;
}

/// Snyder's q (3-12): the authalic function of latitude.
double q_of(double sin_phi) {
    const double es = kE * sin_phi;
    return (1 - kE2) * (sin_phi / (1 - es * es) - std::log((1 - es) / (1 + es)) / (2 * kE));
}

const double kQp = q_of(1.0);
const double kRq = std::sqrt(kQp / 2);  // authalic radius over a

/// Authalic latitude of a geodetic latitude (sin of it).
double sin_authalic(double phi) { return std::clamp(q_of(std::sin(phi)) / kQp, -1.0, 1.0); }

/// Geodetic latitude of an authalic latitude (Snyder 3-18, to e^6: ~1 cm).
double from_authalic(double beta) {
    const double e4 = kE2 * kE2, e6 = e4 * kE2;
    return beta + (kE2 / 3 + 31 * e4 / 180 + 517 * e6 / 5040) * std::sin(2 * beta) +
           (23 * e4 / 360 + 251 * e6 / 3780) * std::sin(4 * beta) + (761 * e6 / 45360) * std::sin(6 * beta);
}

// LCC helpers (Snyder 14-15 and 15-9).
double lcc_m(double phi) {
    const double s = std::sin(phi);
    return std::cos(phi) / std::sqrt(1 - kE2 * s * s);
}
double lcc_t(double phi) {
    const double es = kE * std::sin(phi);
    return std::tan(std::numbers::pi / 4 - phi / 2) / std::pow((1 - es) / (1 + es), kE / 2);
}

double ee_y(double psi) {  // Equal Earth y on the unit sphere, and its derivative
    const double p2 = psi * psi, p6 = p2 * p2 * p2;
    return psi * (kA1 + kA2 * p2 + p6 * (kA3 + kA4 * p2));
}
double ee_dy(double psi) {
    const double p2 = psi * psi, p6 = p2 * p2 * p2;
    return kA1 + 3 * kA2 * p2 + p6 * (7 * kA3 + 9 * kA4 * p2);
}

}  // namespace

Projection Projection::parse(std::string_view s) {
    const std::string text(s);
    auto fail = [&](const std::string& why) {
        return UsageError("projection '" + text + "' is not supported (" + why +
                          "); borderline draws +proj=lcc, laea or eqearth on WGS84");
    };
    std::map<std::string, std::string, std::less<>> params;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        if (i >= s.size()) break;
        const std::size_t end = std::min(s.find(' ', i), s.size());
        std::string_view tok = s.substr(i, end - i);
        i = end;
        if (tok.empty() || tok[0] != '+') throw fail("'" + std::string(tok) + "' is not a +parameter");
        tok.remove_prefix(1);
        const auto eq = tok.find('=');
        params[std::string(tok.substr(0, eq))] = eq == std::string_view::npos ? "" : std::string(tok.substr(eq + 1));
    }
    auto number = [&](const char* key, double fallback) {
        const auto it = params.find(key);
        if (it == params.end()) return fallback;
        double v = 0;
        const auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
        if (ec != std::errc() || p != it->second.data() + it->second.size() || !std::isfinite(v) || std::abs(v) > 360) {
            throw fail("+" + std::string(key) + " is not a number of degrees");
        }
        return v;
    };
    for (const auto& [k, v] : params) {
        const bool known = k == "proj" || k == "lat_0" || k == "lon_0" || k == "lat_1" || k == "lat_2" ||
                           (k == "datum" && v == "WGS84") || (k == "ellps" && v == "WGS84") ||
                           (k == "units" && v == "m") || k == "no_defs" || k == "type";
        if (!known) throw fail("+" + k + (v.empty() ? "" : "=" + v));
    }
    Projection p;
    const auto proj = params.find("proj");
    if (proj == params.end()) throw fail("no +proj");
    p.lon0_ = number("lon_0", 0) * kDeg;
    const double lat0 = number("lat_0", 0) * kDeg;
    if (std::abs(lat0) > kHalfPi) throw fail("+lat_0 beyond a pole");
    if (proj->second == "lcc") {
        p.kind_ = Kind::lcc;
        const double lat1 = number("lat_1", lat0 / kDeg) * kDeg;
        const double lat2 = number("lat_2", lat1 / kDeg) * kDeg;
        if (std::abs(lat1) >= kHalfPi || std::abs(lat2) >= kHalfPi || std::abs(lat1 + lat2) < 1e-10) {
            throw fail("standard parallels at a pole or symmetric about the equator");
        }
        const double m1 = lcc_m(lat1), t1 = lcc_t(lat1);
        p.n_ = std::abs(lat1 - lat2) < 1e-10
                   ? std::sin(lat1)
                   : (std::log(m1) - std::log(lcc_m(lat2))) / (std::log(t1) - std::log(lcc_t(lat2)));
        p.f_ = m1 / (p.n_ * std::pow(t1, p.n_));
        p.rho0_ = std::abs(std::abs(lat0) - kHalfPi) < 1e-12 ? 0 : p.f_ * std::pow(lcc_t(lat0), p.n_);
    } else if (proj->second == "laea") {
        p.kind_ = Kind::laea;
        // A centre at a pole takes the polar aspect (Snyder 24-13 to 24-17).
        if (std::abs(std::abs(lat0) - kHalfPi) < 1e-12) p.polar_ = lat0 > 0 ? 1 : -1;
        const double phi1 = std::clamp(lat0, -kHalfPi + 1e-9, kHalfPi - 1e-9);
        p.sin_b1_ = sin_authalic(phi1);
        p.cos_b1_ = std::sqrt(1 - p.sin_b1_ * p.sin_b1_);
        p.rq_ = kRq;
        p.d_ = lcc_m(phi1) / (kRq * p.cos_b1_);
    } else if (proj->second == "eqearth") {
        p.kind_ = Kind::eqearth;
        p.rq_ = kRq;
    } else {
        throw fail("+proj=" + proj->second);
    }
    return p;
}

bool Projection::forward(double lon, double lat, double& x, double& y) const {
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lat) > 90) return false;
    const double lam = wrap(lon * kDeg - lon0_);
    const double phi = lat * kDeg;
    switch (kind_) {
        case Kind::lcc: {
            double rho = 0;
            if (std::abs(std::abs(phi) - kHalfPi) < 1e-12) {
                if (phi * n_ <= 0) return false;  // the far pole is at infinity
            } else {
                rho = f_ * std::pow(lcc_t(phi), n_);
            }
            const double theta = n_ * lam;
            x = kA * rho * std::sin(theta);
            y = kA * (rho0_ - rho * std::cos(theta));
            break;
        }
        case Kind::laea: {
            if (polar_ != 0) {
                const double q = q_of(std::sin(phi));
                const double rho = kA * std::sqrt(std::max(0.0, kQp - polar_ * q));
                if (polar_ * phi <= -kHalfPi + 1e-12) return false;  // the far pole is a circle
                x = rho * std::sin(lam);
                y = -polar_ * rho * std::cos(lam);
                break;
            }
            const double sb = sin_authalic(phi), cb = std::sqrt(1 - sb * sb), cl = std::cos(lam);
            const double den = 1 + sin_b1_ * sb + cos_b1_ * cb * cl;
            if (den < 1e-12) return false;  // the antipode of the centre
            const double b = rq_ * std::sqrt(2 / den);
            x = kA * b * d_ * cb * std::sin(lam);
            y = kA * (b / d_) * (cos_b1_ * sb - sin_b1_ * cb * cl);
            break;
        }
        case Kind::eqearth: {
            const double psi = std::asin(kM * sin_authalic(phi));
            x = kA * rq_ * lam * std::cos(psi) / (kM * ee_dy(psi));
            y = kA * rq_ * ee_y(psi);
            break;
        }
    }
    return std::isfinite(x) && std::isfinite(y);
}

bool Projection::inverse(double x, double y, double& lon, double& lat) const {
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    double lam = 0, phi = 0;
    switch (kind_) {
        case Kind::lcc: {
            double dx = x / kA, dy = rho0_ - y / kA;
            double rho = std::hypot(dx, dy);
            if (n_ < 0) {
                rho = -rho;
                dx = -dx;
                dy = -dy;
            }
            if (rho == 0) {
                phi = n_ > 0 ? kHalfPi : -kHalfPi;
                break;
            }
            const double t = std::pow(rho / f_, 1 / n_);
            phi = kHalfPi - 2 * std::atan(t);
            for (int k = 0; k < 15; ++k) {  // Snyder 7-9, converges in a few steps
                const double es = kE * std::sin(phi);
                const double next = kHalfPi - 2 * std::atan(t * std::pow((1 - es) / (1 + es), kE / 2));
                const bool done = std::abs(next - phi) < 1e-14;
                phi = next;
                if (done) break;
            }
            lam = std::atan2(dx, dy) / n_;
            break;
        }
        case Kind::laea: {
            if (polar_ != 0) {
                const double rho = std::hypot(x, y) / kA;
                const double q = polar_ * (kQp - rho * rho);
                if (std::abs(q) > kQp + 1e-12) return false;
                phi = from_authalic(std::asin(std::clamp(q / kQp, -1.0, 1.0)));
                lam = std::atan2(x, -polar_ * y);
                break;
            }
            const double xa = x / kA, ya = y / kA;
            const double rho = std::hypot(xa / d_, d_ * ya);
            if (rho < 1e-15) {
                phi = from_authalic(std::asin(sin_b1_));
                break;
            }
            const double h = rho / (2 * rq_);
            if (h > 1 + 1e-12) return false;
            const double c = 2 * std::asin(std::min(1.0, h)), sc = std::sin(c), cc = std::cos(c);
            const double sb = std::clamp(cc * sin_b1_ + d_ * ya * sc * cos_b1_ / rho, -1.0, 1.0);
            lam = std::atan2(xa * sc, d_ * rho * cos_b1_ * cc - d_ * d_ * ya * sin_b1_ * sc);
            phi = from_authalic(std::asin(sb));
            break;
        }
        case Kind::eqearth: {
            const double xa = x / (kA * rq_), ya = y / (kA * rq_);
            double psi = ya;
            for (int k = 0; k < 20; ++k) {  // Newton on y(psi)
                const double step = (ee_y(psi) - ya) / ee_dy(psi);
                psi -= step;
                if (std::abs(step) < 1e-14) break;
            }
            if (std::abs(psi) > std::numbers::pi / 3 + 1e-12) return false;
            lam = kM * xa * ee_dy(psi) / std::cos(psi);
            if (std::abs(lam) > std::numbers::pi + 1e-12) return false;
            phi = from_authalic(std::asin(std::clamp(std::sin(psi) / kM, -1.0, 1.0)));
            break;
        }
    }
    lon = wrap(lam + lon0_) / kDeg;
    lat = phi / kDeg;
    return std::isfinite(lon) && std::isfinite(lat);
}

}  // namespace borderline
