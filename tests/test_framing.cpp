// Framing cases as data (tests/data/framing/cases.tsv, issue 16): for each
// short article, the locus must hold the expected ids, the map must be no
// larger than the case allows, and the named points must be in the frame.
#include "fixture.hpp"

#include <borderline/document.hpp>
#include <borderline/extract.hpp>
#include <borderline/render.hpp>
#include <borderline/style.hpp>

#include "render/painter.hpp"
#include "render/view.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

using namespace borderline;

namespace {

struct Case {
    std::string file;
    std::vector<std::string> locus;  // ids the locus must hold
    double max_km = 0;
    std::vector<LonLat> inside;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.file; }

std::vector<Case> read_cases() {
    std::vector<Case> out;
    std::ifstream in(test::source_dir() / "tests" / "data" / "framing" / "cases.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string file, locus, max_km, points;
        std::getline(fields, file, '\t');
        std::getline(fields, locus, '\t');
        std::getline(fields, max_km, '\t');
        std::getline(fields, points);
        Case c;
        c.file = file;
        std::istringstream ids(locus);
        for (std::string id; std::getline(ids, id, ',');) {
            if (id != "-") c.locus.push_back(id);
        }
        c.max_km = std::stod(max_km);
        std::istringstream pts(points);
        for (std::string p; pts >> p;) {
            LonLat ll;
            std::sscanf(p.c_str(), "%lf,%lf", &ll.lon, &ll.lat);
            c.inside.push_back(ll);
        }
        out.push_back(c);
    }
    return out;
}

constexpr double kDeg = 3.14159265358979323846 / 180;

/// The larger side of a frame in km: its width along the middle parallel or
/// its height, as a reader measures the map with its scale bar.
double frame_km(const Box& b) {
    const double lat = (b.south + b.north) / 2;
    return std::max(b.width() * 111.32 * std::cos(lat * kDeg), b.height() * 111.32);
}

Scene scene_of(const Case& c) {
    const Document doc = read_document((test::source_dir() / "tests" / "data" / "framing" / c.file).string(), {});
    return extract(doc, test::gazetteer(), test::data(), SceneOptions{}).scene;
}

bool inside(const Box& b, const LonLat& p) {
    // A frame across the antimeridian runs past 180 degrees east.
    return b.contains(p.lon, p.lat) || b.contains(p.lon + 360, p.lat) || b.contains(p.lon - 360, p.lat);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(framing)

BOOST_DATA_TEST_CASE(frames_the_story, boost::unit_test::data::make(read_cases()), c) {
    const Scene s = scene_of(c);
    BOOST_TEST_CONTEXT("locus " << s.locus.why << ", frame " << frame_km(s.bbox) << " km") {
        // A point locus (a village, a pass) has a box of no area; any locus has ids and a box.
        BOOST_TEST(!s.locus.ids.empty());
        BOOST_TEST((s.locus.bbox.west <= s.locus.bbox.east && s.locus.bbox.south <= s.locus.bbox.north));
        for (const auto& id : c.locus) {
            BOOST_TEST((std::find(s.locus.ids.begin(), s.locus.ids.end(), id) != s.locus.ids.end()),
                       "locus has " << id);
        }
        BOOST_TEST(frame_km(s.bbox) <= c.max_km);
        for (const LonLat& p : c.inside) {
            BOOST_TEST(inside(s.bbox, p), "(" << p.lon << ", " << p.lat << ") is in the frame");
        }
    }
}

// The figures the issue asks for: the share of cases within their maximum
// size (target 90%), and the median of map size over locus size.
BOOST_AUTO_TEST_CASE(summary) {
    const auto cases = read_cases();
    BOOST_TEST_REQUIRE(cases.size() >= 40u);
    std::size_t within = 0;
    std::vector<double> ratios;
    for (const Case& c : cases) {
        const Scene s = scene_of(c);
        const double km = frame_km(s.bbox);
        if (km <= c.max_km) ++within;
        if (!s.locus.bbox.empty()) ratios.push_back(km / std::max(1.0, frame_km(s.locus.bbox)));
    }
    std::sort(ratios.begin(), ratios.end());
    const double median = ratios.empty() ? 0 : ratios[ratios.size() / 2];
    BOOST_TEST_MESSAGE("framing: " << within << " of " << cases.size()
                                   << " within their maximum size; median map/locus " << median);
    BOOST_TEST(within * 10 >= cases.size() * 9);
}

// Issue 16 item 5: over the whole framing set, no claim badge covers the
// locus (its box on the map, when it leaves room around it: at most a third
// of the map), the locus's markers and their labels, the locus disputes'
// labels or the locator ring; the badges sit around them on leader lines.
// The locus box is projected here from the scene, not taken from the painter.
BOOST_AUTO_TEST_CASE(callouts_stay_off_the_locus) {
    const Style style = load_style(test::source_dir() / "styles" / "default.json");
    std::size_t anchored = 0, placed = 0, checked_areas = 0;
    for (const Case& c : read_cases()) {
        const Scene s = scene_of(c);
        const auto boxes = layout_labels(s, test::data(), style);
        const renderer::Rect map = renderer::map_area(s);
        const renderer::View view(s.projection, s.bbox, map);
        // What the badges must leave clear.
        std::vector<std::pair<std::string, renderer::Rect>> keep;
        for (const Box& b : s.locus.parts.empty() ? std::vector<Box>{s.locus.bbox} : s.locus.parts) {
            double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
            for (int i = 0; i <= 8; ++i) {
                for (int j = 0; j <= 8; ++j) {
                    double x = 0, y = 0;
                    if (!view.to_px(b.west + b.width() * i / 8, b.south + b.height() * j / 8, x, y)) continue;
                    x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
                }
            }
            if (x1 >= x0 && (x1 - x0) * (y1 - y0) <= map.w * map.h / 8) {
                keep.push_back({"locus area", {x0, y0, x1 - x0, y1 - y0}});
                ++checked_areas;
            }
        }
        std::vector<std::string> names;  // labels of the locus's markers and disputes
        for (const auto& id : s.locus.ids) {
            for (const Marker& m : s.markers) {
                if (m.place_id == id) names.push_back(m.name);
            }
            for (const SceneDispute& d : s.disputes) {
                if ("dispute:" + d.id == id) names.push_back(d.name);
            }
        }
        for (const LabelBox& b : boxes) {
            const std::string what = b.what.rfind("marker: ", 0) == 0 ? b.what.substr(8) : b.what;
            if (what == "locus" || std::find(names.begin(), names.end(), what) != names.end())
                keep.push_back({b.what, {b.x, b.y, b.w, b.h}});
        }
        for (const Callout& co : s.callouts) anchored += co.anchored ? 1 : 0;
        for (const LabelBox& b : boxes) {
            if (b.what.rfind("callout ", 0) != 0) continue;
            ++placed;
            const renderer::Rect badge{b.x, b.y, b.w, b.h};
            for (const auto& [what, r] : keep) {
                BOOST_TEST(!badge.overlaps(r), c.file << ": " << b.what << " covers " << what);
            }
        }
    }
    BOOST_TEST_MESSAGE("callouts: " << placed << " badges placed of " << anchored << " anchored claims; "
                                    << checked_areas << " locus areas kept clear");
    // Keeping clear must not cost the claims their place on the map.
    BOOST_TEST(placed * 10 >= anchored * 8);
}

// A leader line starts outside the label or marker of the place it points
// at: a dispute's or a feature's name is centred on its point, and a line
// (with a dot) from that point ran through the text ("Seva|topol").
BOOST_AUTO_TEST_CASE(leaders_start_outside_their_labels) {
    const Style style = load_style(test::source_dir() / "styles" / "default.json");
    char ink[8];
    std::snprintf(ink, sizeof ink, "#%02x%02x%02x", static_cast<int>(std::lround(style.text.r * 255)),
                  static_cast<int>(std::lround(style.text.g * 255)), static_cast<int>(std::lround(style.text.b * 255)));
    const std::regex segment("<path d=\"M(-?[0-9.]+) (-?[0-9.]+)L(-?[0-9.]+) (-?[0-9.]+)\" fill=\"none\" stroke=\"" +
                             std::string(ink) + "\"");
    std::size_t leaders = 0, own_labels = 0;
    for (const Case& c : read_cases()) {
        const Scene s = scene_of(c);
        const auto boxes = layout_labels(s, test::data(), style);
        const std::string svg = render_to_bytes(s, test::data(), style, OutputFormat::svg);
        for (std::sregex_iterator m(svg.begin(), svg.end(), segment), end; m != end; ++m) {
            const double x0 = std::stod((*m)[1]), y0 = std::stod((*m)[2]), x1 = std::stod((*m)[3]),
                         y1 = std::stod((*m)[4]);
            // A leader ends at the centre of a badge.
            const bool to_badge = std::any_of(boxes.begin(), boxes.end(), [&](const LabelBox& b) {
                return b.what.rfind("callout ", 0) == 0 && std::abs(b.x + b.w / 2 - x1) < 1.5 &&
                       std::abs(b.y + b.h / 2 - y1) < 1.5;
            });
            if (!to_badge) continue;
            ++leaders;
            for (const LabelBox& b : boxes) {
                // Names and markers; the ring, inset, legend and scale bar are not text.
                if (b.what.rfind("callout ", 0) == 0 || b.what == "locus" || b.what == "legend" ||
                    b.what == "locator inset" || b.what == "scale bar")
                    continue;
                const bool inside = x0 > b.x + 0.5 && x0 < b.x + b.w - 0.5 && y0 > b.y + 0.5 && y0 < b.y + b.h - 0.5;
                BOOST_TEST(!inside, c.file << ": a leader starts inside " << b.what);
                // The anchor's own label, when it had one, is left at its edge.
                if (std::abs(x0 - (b.x + b.w / 2)) < 1 && (std::abs(y0 - b.y) < 3 || std::abs(y0 - b.y - b.h) < 3))
                    ++own_labels;
            }
        }
    }
    BOOST_TEST_MESSAGE("leaders: " << leaders << ", " << own_labels << " leaving their place's label");
    BOOST_TEST(leaders >= 40u);
    BOOST_TEST(own_labels >= 5u);
}

// Claimants of the story's dispute are parties however far apart: Tonga and
// Fiji over the Minerva Reefs (Tonga's nearest island is 300 km off), the
// three claimants of the Antarctic Peninsula.
BOOST_AUTO_TEST_CASE(claimants_far_apart_are_parties) {
    auto parties_of = [](const std::string& file) {
        std::vector<std::string> out;
        for (const auto& p : scene_of(Case{file, {}, 0, {}}).parties) out.push_back(p.country);
        std::sort(out.begin(), out.end());
        return out;
    };
    BOOST_TEST(parties_of("minerva.txt") == (std::vector<std::string>{"FJI", "TON"}), boost::test_tools::per_element());
    BOOST_TEST(parties_of("antarctic_peninsula.txt") == (std::vector<std::string>{"ARG", "CHL", "GBR"}),
               boost::test_tools::per_element());
}

// A frame across the antimeridian (Vanua Balavu and Taveuni, east of 180, with
// Savusavu west of it) runs past 180 east and keeps the places on both sides
// as markers; Alaska as a province is its mainland, not a box round the world.
// A country near the story but named once in passing is not a side of it:
// "British India", in a Torkham story's history of the Durand Line, put
// India in a party colour.
BOOST_AUTO_TEST_CASE(a_country_named_in_passing_near_the_story_is_not_a_party) {
    std::vector<std::string> parties, mentioned;
    const Scene s = scene_of(Case{"torkham.txt", {}, 0, {}});
    for (const auto& p : s.parties) parties.push_back(p.country);
    for (const auto& p : s.mentioned) mentioned.push_back(p.country);
    BOOST_TEST(parties == (std::vector<std::string>{"PAK", "AFG"}), boost::test_tools::per_element());
    BOOST_TEST((std::find(mentioned.begin(), mentioned.end(), "IND") != mentioned.end()));
    // Pakistan's claim names only countries and the locus is three places:
    // the badge points at the first, the crossing, not the middle of their
    // box (16 km off, in Afghan hills with nothing drawn).
    BOOST_TEST_REQUIRE(!s.callouts.empty());
    BOOST_TEST(s.callouts[0].anchored);
    BOOST_TEST(test::km_between(s.callouts[0].anchor.lon, s.callouts[0].anchor.lat, 71.1, 34.11) < 5);
}

BOOST_AUTO_TEST_CASE(frames_across_the_antimeridian) {
    const Scene s = scene_of(Case{"fiji_lau.txt", {}, 0, {}});
    BOOST_TEST(s.bbox.west < 180);
    BOOST_TEST(s.bbox.east > 180);
    BOOST_TEST(frame_km(s.bbox) < 700);
    auto marked = [&](const std::string& id) {
        return std::any_of(s.markers.begin(), s.markers.end(), [&](const Marker& m) { return m.place_id == id; });
    };
    BOOST_TEST(marked("feature:taveuni"));       // 179.97 W
    BOOST_TEST(marked("feature:vanua-balavu"));  // 178.95 W
    BOOST_TEST(marked("town:FJ:Savusavu"));      // 179.3 E
    const Scene d = scene_of(Case{"diomede.txt", {}, 0, {}});
    BOOST_TEST(frame_km(d.bbox) < 450);
}

// Near the poles the map is polar azimuthal and holds the claims' land.
BOOST_AUTO_TEST_CASE(antarctic_story_is_polar) {
    const Scene s = scene_of(Case{"antarctic_peninsula.txt", {}, 0, {}});
    BOOST_TEST(s.projection.find("+proj=laea") != std::string::npos);
    BOOST_TEST(s.projection.find("+lat_0=-90") != std::string::npos);
    BOOST_TEST(inside(s.bbox, LonLat{-57.0, -63.4}));  // Esperanza Base
}

// Claim badges sit at what the claim is about (issue 23 item 5): the place
// its sentence names, else the story's dispute; not the actor's country
// centre (Azerbaijan's is 95 km east of the Karabakh label).
BOOST_AUTO_TEST_CASE(claim_badges_sit_at_what_the_claim_is_about) {
    const Document doc = read_document((test::source_dir() / "tests" / "data" / "anchors" / "lachin.txt").string(), {});
    const Scene s = extract(doc, test::gazetteer(), test::data(), SceneOptions{}).scene;
    BOOST_TEST_REQUIRE(s.callouts.size() == 2u);
    for (const auto& co : s.callouts) BOOST_TEST(co.anchored);
    // "... shelled its positions near Lachin": at Lachin.
    BOOST_TEST(test::km_between(s.callouts[0].anchor.lon, s.callouts[0].anchor.lat, 46.55, 39.64) < 15);
    // "Azerbaijan was preparing a new offensive against Armenia": only
    // countries named, so the story's dispute, Nagorno-Karabakh.
    BOOST_TEST(test::km_between(s.callouts[1].anchor.lon, s.callouts[1].anchor.lat, 46.75, 39.85) < 40);
    BOOST_TEST(test::km_between(s.callouts[1].anchor.lon, s.callouts[1].anchor.lat, 47.5, 40.5) > 80);
}

// A claim about "the temple" ("is located on Cambodian soil") is about the
// story's place, and a story's place is its open dispute, not the settled
// one it recalls as history (Preah Vihear, 150 km east).
BOOST_AUTO_TEST_CASE(claims_sit_at_the_open_dispute_not_the_history) {
    const Document doc = read_document((test::source_dir() / "tests" / "data" / "anchors" / "temple.txt").string(), {});
    const Scene s = extract(doc, test::gazetteer(), test::data(), SceneOptions{}).scene;
    BOOST_TEST_REQUIRE(s.callouts.size() == 2u);
    std::vector<std::string> actors;
    for (const auto& co : s.callouts) {
        actors.push_back(co.actor_country);
        BOOST_TEST(co.anchored);
        BOOST_TEST(test::km_between(co.anchor.lon, co.anchor.lat, 103.27, 14.35) < 15, co.actor_country);
        BOOST_TEST(test::km_between(co.anchor.lon, co.anchor.lat, 104.68, 14.39) > 100, co.actor_country);
    }
    std::sort(actors.begin(), actors.end());
    BOOST_TEST(actors == (std::vector<std::string>{"KHM", "THA"}), boost::test_tools::per_element());
}

// A dispute the article never names is not where its claims sit: a
// corridor story whose parties also share the tiny Karki exclave pinned two
// claims there, 110 km from Syunik.
BOOST_AUTO_TEST_CASE(claims_sit_at_the_story_not_at_an_unnamed_dispute) {
    const Document doc =
        read_document((test::source_dir() / "tests" / "data" / "anchors" / "corridor.txt").string(), {});
    const Scene s = extract(doc, test::gazetteer(), test::data(), SceneOptions{}).scene;
    BOOST_TEST_REQUIRE(s.callouts.size() >= 4u);
    for (const auto& co : s.callouts) {
        BOOST_TEST(co.anchored);
        BOOST_TEST(test::km_between(co.anchor.lon, co.anchor.lat, 44.93, 39.76) > 50, co.actor_country);
        BOOST_TEST(test::km_between(co.anchor.lon, co.anchor.lat, 46.1, 39.2) < 60, co.actor_country);
    }
}

BOOST_AUTO_TEST_SUITE_END()
