// The built-in projections against PROJ itself: every extent kind the scene
// chooses (regional LCC in both hemispheres, continental LAEA, world Equal
// Earth), forward and inverse, over a grid of the extent and beyond it.
#include <borderline/error.hpp>
#include <borderline/projection.hpp>
#include <borderline/scene.hpp>

#include <proj.h>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <memory>
#include <string>

using namespace borderline;

namespace {

struct Proj {
    explicit Proj(const std::string& def) {
        ctx = proj_context_create();
        proj_log_level(ctx, PJ_LOG_NONE);
        std::string steps = def;
        if (const auto at = steps.find("+datum=WGS84"); at != std::string::npos) steps.replace(at, 12, "+ellps=WGS84");
        pj = proj_create(ctx, ("+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " + steps +
                               " +step +proj=unitconvert +xy_in=m +xy_out=m")
                                  .c_str());
        BOOST_REQUIRE_MESSAGE(pj != nullptr, "PROJ refuses " << def);
    }
    ~Proj() {
        proj_destroy(pj);
        proj_context_destroy(ctx);
    }
    Proj(const Proj&) = delete;
    Proj& operator=(const Proj&) = delete;
    PJ_CONTEXT* ctx = nullptr;
    PJ* pj = nullptr;
};

struct Extent {
    const char* what;
    Box box;
};

// Boxes of the kinds plan_scene makes, and the sample articles' frames.
const Extent kExtents[] = {
    {"Caucasus (LCC)", {43, 38.2, 51, 42.2}},
    {"Kashmir (LCC)", {72, 31, 81, 37.5}},
    {"Falklands, southern hemisphere (LCC)", {-62.5, -53, -56.5, -50.5}},
    {"Crimea (LCC)", {31.5, 43.5, 37.5, 47}},
    {"Equator-straddling (LCC)", {28, -6, 36, 4}},
    {"Svalbard (LCC)", {8, 74, 34, 79.5}},
    {"Far north (polar LAEA)", {10, 74, 34, 81}},
    {"Arctic Ocean (polar LAEA)", {-180, 60, 180, 90}},
    {"Bering Strait across the antimeridian (LCC)", {165, 60, 200, 70}},
    {"Fiji across the antimeridian (LCC)", {176, -20, 182, -15}},
    {"Europe (LAEA)", {-25, 34, 45, 72}},
    {"South America (LAEA)", {-82, -56, -34, 13}},
    {"Antarctic Peninsula (polar LAEA)", {-90, -90, 0, -55}},
    {"Antarctica (polar LAEA)", {-100, -90, 60, -45}},
    {"Antarctica whole (polar LAEA)", {-180, -90, 180, -60}},
    {"World (Equal Earth)", {-180, -85, 180, 85}},
    {"World off-centre (Equal Earth)", {-150, -80, 30, 80}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(projection)

BOOST_AUTO_TEST_CASE(matches_proj_forward_and_inverse) {
    for (const auto& ex : kExtents) {
        const std::string def = choose_projection(ex.box);
        const Projection mine = Projection::parse(def);
        const Proj ref(def);
        // Near the poles the choice is the polar aspect, centred on the pole.
        const bool polar = std::string(ex.what).find("polar") != std::string::npos;
        BOOST_CHECK_MESSAGE(
            polar == (def.find("+lat_0=90 ") != std::string::npos || def.find("+lat_0=-90 ") != std::string::npos),
            ex.what << ": " << def);
        // The extent itself, then a wider ring around it (what the map's
        // visible area and the inset reach).
        const double pad_lon = std::min(60.0, ex.box.width()), pad_lat = std::min(30.0, ex.box.height());
        const double w = std::max(-180.0, ex.box.west - pad_lon), e = std::min(180.0, ex.box.east + pad_lon);
        const double s = std::max(-89.5, ex.box.south - pad_lat), n = std::min(89.5, ex.box.north + pad_lat);
        int compared = 0;
        double worst_fwd = 0, worst_inv = 0;
        for (int i = 0; i <= 40; ++i) {
            for (int j = 0; j <= 40; ++j) {
                const double lon = w + (e - w) * i / 40.0, lat = s + (n - s) * j / 40.0;
                PJ_COORD c = proj_trans(ref.pj, PJ_FWD, proj_coord(lon, lat, 0, 0));
                double x = 0, y = 0;
                const bool ok = mine.forward(lon, lat, x, y);
                if (!std::isfinite(c.xy.x) || std::abs(c.xy.x) > 1e20) {
                    BOOST_CHECK_MESSAGE(!ok || std::hypot(x, y) > 1e8,
                                        ex.what << ": PROJ fails at " << lon << "," << lat);
                    continue;
                }
                BOOST_REQUIRE_MESSAGE(ok, ex.what << ": no projection of " << lon << "," << lat);
                const double d = std::hypot(x - c.xy.x, y - c.xy.y);
                worst_fwd = std::max(worst_fwd, d);
                BOOST_CHECK_MESSAGE(d < 1e-3, ex.what << ": forward " << lon << "," << lat << " off by " << d << " m");
                // Inverse of PROJ's point comes back to the same lon/lat.
                double lon2 = 0, lat2 = 0;
                BOOST_REQUIRE(mine.inverse(c.xy.x, c.xy.y, lon2, lat2));
                const double dlon = std::abs(std::remainder(lon2 - lon, 360.0)) * std::cos(lat * M_PI / 180);
                const double dd = std::hypot(dlon, lat2 - lat);
                worst_inv = std::max(worst_inv, dd);
                BOOST_CHECK_MESSAGE(dd < 1e-7,
                                    ex.what << ": inverse " << lon << "," << lat << " off by " << dd << " deg");
                ++compared;
            }
        }
        BOOST_TEST_MESSAGE(ex.what << ": " << def << ": " << compared << " points, worst forward " << worst_fwd
                                   << " m, inverse " << worst_inv << " deg");
        BOOST_CHECK_GT(compared, 1000);
    }
}

BOOST_AUTO_TEST_CASE(points_without_a_projection_fail) {
    double x = 0, y = 0, lon = 0, lat = 0;
    // A northern LCC sends the south pole to infinity.
    const Projection lcc = Projection::parse(choose_projection({43, 38.2, 51, 42.2}));
    BOOST_CHECK(!lcc.forward(47, -90, x, y));
    BOOST_CHECK(lcc.forward(47, 90, x, y));
    BOOST_CHECK(!lcc.forward(47, 91, x, y));
    BOOST_CHECK(!lcc.forward(std::nan(""), 40, x, y));
    // LAEA: the antipode of the centre has no single point.
    const Projection laea = Projection::parse("+proj=laea +lat_0=50 +lon_0=10 +datum=WGS84 +units=m +no_defs");
    BOOST_CHECK(!laea.forward(-170, -50, x, y));
    BOOST_CHECK(!laea.inverse(2.1e7, 0, lon, lat));  // beyond the disc of the whole Earth
    // Equal Earth: beyond the outline.
    const Projection ee = Projection::parse("+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +no_defs");
    BOOST_CHECK(ee.forward(180, 0, x, y));
    BOOST_CHECK(!ee.inverse(x * 1.01, 0, lon, lat));
    BOOST_CHECK(ee.inverse(x * 0.99, 0, lon, lat));
    BOOST_CHECK_CLOSE(lon, 178.2, 0.01);
}

BOOST_AUTO_TEST_CASE(unsupported_strings_are_usage_errors) {
    for (const char* bad :
         {"", "+proj=merc +datum=WGS84", "+proj=lcc +lat_1=10 +lat_2=-10 +datum=WGS84",
          "+proj=lcc +lat_0=45 +lat_1=40 +lat_2=50 +datum=NAD27", "+proj=laea +lat_0=abc", "+proj=laea +lat_0=95",
          "proj=laea", "+proj=lcc +lat_1=90 +lat_2=80", "+lat_0=10", "+proj=eqearth +x_0=500000"}) {
        BOOST_CHECK_THROW(Projection::parse(bad), UsageError);
    }
    try {
        Projection::parse("+proj=merc +datum=WGS84");
    } catch (const UsageError& e) {
        BOOST_CHECK_NE(std::string(e.what()).find("+proj=merc"), std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
