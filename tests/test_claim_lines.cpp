// Maritime claim lines (geodata/claim_lines.shp, built from the authored
// claim_lines.json by tools/build_claim_lines.py): sound data, and drawn on
// the maps of their disputes in their own style.
#include "fixture.hpp"

#include <borderline/disputes.hpp>
#include <borderline/extract.hpp>
#include <borderline/render.hpp>

#include "render/painter.hpp"
#include "render/view.hpp"

#include <cairo.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

using namespace borderline;

namespace {

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at <= s.size()) {
        const std::size_t comma = s.find(',', at);
        out.push_back(s.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
        if (comma == std::string::npos) break;
        at = comma + 1;
    }
    return out;
}

/// Distance in km from p to the nearest edge of the polygon's rings, on a
/// plane tangent at p (the rings near a vertex are a few km long).
double km_to_edges(const MultiPolygon& mp, LonLat p) {
    const double kx = 111.32 * std::cos(p.lat * std::numbers::pi / 180), ky = 111.32;
    double best = 1e9;
    for (const auto& poly : mp) {
        for (const auto& ring : poly) {
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                const double ax = (ring[i].lon - p.lon) * kx, ay = (ring[i].lat - p.lat) * ky;
                const double bx = (ring[i + 1].lon - p.lon) * kx, by = (ring[i + 1].lat - p.lat) * ky;
                const double dx = bx - ax, dy = by - ay;
                const double len2 = dx * dx + dy * dy;
                const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0;
                best = std::min(best, std::hypot(ax + t * dx, ay + t * dy));
            }
        }
    }
    return best;
}

bool on_land(LonLat p) {
    const Layer& land = test::data().layer("land");
    for (std::size_t i : land.query(Box{p.lon - 0.01, p.lat - 0.01, p.lon + 0.01, p.lat + 0.01})) {
        if (contains(land.features()[i].polygons, p)) return true;
    }
    return false;
}

std::size_t line_index(const std::string& id) {
    const Layer& l = test::data().layer("claim_lines");
    for (std::size_t i = 0; i < l.size(); ++i) {
        if (l.value(i, "id") == id) return i;
    }
    BOOST_FAIL("no claim line " + id);
    return 0;
}

Scene story_scene(const std::string& file) {
    const Document doc = read_document((test::source_dir() / "tests" / "data" / "maritime" / file).string());
    return extract(doc, test::gazetteer(), test::data(), SceneOptions{}).scene;
}

/// The SVG group with this id, up to its own closing tag (clips open
/// groups inside it).
std::string group(const std::string& svg, const std::string& id) {
    const auto at = svg.find("<g id=\"" + id + "\"");
    if (at == std::string::npos) return {};
    int depth = 0;
    for (std::size_t i = at; i < svg.size(); ++i) {
        if (svg.compare(i, 2, "<g") == 0) ++depth;
        if (svg.compare(i, 4, "</g>") == 0 && --depth == 0) return svg.substr(at, i - at);
    }
    return svg.substr(at);
}

const Style& default_style() {
    static const Style s = load_style(test::source_dir() / "styles" / "default.json");
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(claim_lines)

// Each line: a unique id, disputes of the registry, claimants that are
// countries, a tolerance when approximate, every vertex at sea (inside no
// land polygon by more than the land layer's 2 km of simplification), and a
// line of one sea dispute within that dispute's area (widened by its
// tolerance); a line of several disputes crosses the sea areas among them.
BOOST_AUTO_TEST_CASE(every_line_is_sound) {
    const Layer& lines = test::data().layer("claim_lines");
    BOOST_TEST(lines.size() >= 2u);
    std::set<std::string> isos;
    const Layer& countries = test::data().layer("countries");
    for (std::size_t i = 0; i < countries.size(); ++i) isos.insert(countries.value(i, "iso_a3"));
    const Layer& land = test::data().layer("land");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string id = lines.value(i, "id");
        BOOST_TEST(ids.insert(id).second, id << " is unique");
        const double tol = std::atof(lines.value(i, "tol_km").c_str());
        if (lines.value(i, "approx") == "1") BOOST_TEST(tol > 0, id << " states its tolerance");
        std::vector<const Dispute*> seas;
        const auto disputes = split(lines.value(i, "disputes"));
        for (const auto& did : disputes) {
            const Dispute* d = test::data().disputes().find(did);
            BOOST_TEST_REQUIRE(d, id << ": dispute " << did << " is in the registry");
            if (d->kind == "maritime") seas.push_back(d);
        }
        for (const auto& c : split(lines.value(i, "claimants"))) BOOST_TEST(isos.count(c), id << ": " << c);
        const Lines& parts = lines.features()[i].lines;
        BOOST_TEST_REQUIRE(!parts.empty());
        for (const auto& part : parts) {
            for (const LonLat& p : part) {
                for (std::size_t j : land.query(Box{p.lon, p.lat, p.lon, p.lat})) {
                    const MultiPolygon& mp = land.features()[j].polygons;
                    if (contains(mp, p)) BOOST_TEST(km_to_edges(mp, p) <= 2.0, id << " vertex at sea " << p.lon);
                }
                if (disputes.size() == 1 && seas.size() == 1) {
                    const bool within = contains(*seas[0]->polygon, p) || km_to_edges(*seas[0]->polygon, p) <= tol;
                    BOOST_TEST(within, id << " vertex " << p.lon << "," << p.lat << " within " << seas[0]->id);
                }
            }
        }
        if (disputes.size() > 1) {
            for (const Dispute* sea : seas) {
                bool crosses = false;
                for (const auto& part : parts) {
                    for (std::size_t k = 0; k + 1 < part.size() && !crosses; ++k) {
                        for (int s = 0; s <= 50 && !crosses; ++s) {
                            const double t = s / 50.0;
                            crosses = contains(*sea->polygon, {part[k].lon + t * (part[k + 1].lon - part[k].lon),
                                                               part[k].lat + t * (part[k + 1].lat - part[k].lat)});
                        }
                    }
                }
                BOOST_TEST(crosses, id << " crosses " << sea->id);
            }
        }
    }
    // The two lines the issue names, with what the file says of them.
    const std::size_t chn = line_index("chn-dashed-line");
    BOOST_TEST(lines.value(chn, "claimants") == "CHN");
    BOOST_TEST(lines.value(chn, "approx") == "1");
    const std::size_t mou = line_index("tur-lby-mou-2019");
    BOOST_TEST(lines.value(mou, "approx") == "0");  // published coordinates
    BOOST_TEST(lines.value(mou, "disputes") == "eastern-mediterranean");
}

// A South China Sea story draws China's dashed line in its own style: a
// dashed path in the claim_lines group, in the line's colour, a legend entry
// that says the course is approximate, and pixels of that colour along the
// line at sea in the PNG. A story about Kashmir draws none.
BOOST_AUTO_TEST_CASE(a_story_draws_its_dispute_s_claim_line) {
    const Scene scs = story_scene("south_china_sea.txt");
    BOOST_TEST_REQUIRE(std::any_of(scs.disputes.begin(), scs.disputes.end(),
                                   [](const SceneDispute& d) { return d.id == "spratly-islands" && d.mentioned; }));
    const std::string svg = render_to_bytes(scs, test::data(), default_style(), OutputFormat::svg);
    const std::string g = group(svg, "claim_lines");
    BOOST_TEST_REQUIRE(g.find("<path") != std::string::npos);
    BOOST_TEST(g.find("stroke-dasharray=\"") != std::string::npos);
    const auto stroke_at = g.find(" stroke=\"#");
    BOOST_TEST_REQUIRE(stroke_at != std::string::npos);
    const std::string hex = g.substr(stroke_at + 10, 6);
    BOOST_TEST(test::words_of(group(svg, "legend")).find("China's claim line (approximate course)") !=
               std::string::npos);
    // The same colour in the legend's swatch: a dashed stroke there too.
    BOOST_TEST(group(svg, "legend").find(" stroke=\"#" + hex + "\"") != std::string::npos);

    const int want_r = std::stoi(hex.substr(0, 2), nullptr, 16), want_g = std::stoi(hex.substr(2, 2), nullptr, 16),
              want_b = std::stoi(hex.substr(4, 2), nullptr, 16);
    cairo_surface_t* png = test::decode_png(render_to_bytes(scs, test::data(), default_style(), OutputFormat::png));
    BOOST_TEST_REQUIRE(cairo_surface_status(png) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(png);
    const int w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
    const auto pixel_matches = [&](int x, int y) {
        if (x < 0 || y < 0 || x >= w || y >= h) return false;
        const auto px = reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(png) +
                                                               y * cairo_image_surface_get_stride(png))[x];
        return std::abs(static_cast<int>((px >> 16) & 255u) - want_r) <= 24 &&
               std::abs(static_cast<int>((px >> 8) & 255u) - want_g) <= 24 &&
               std::abs(static_cast<int>(px & 255u) - want_b) <= 24;
    };
    const renderer::View view(scs.projection, scs.bbox, renderer::map_area(scs));
    const auto area = renderer::map_area(scs);
    int sampled = 0, coloured = 0;
    for (const auto& part : test::data().layer("claim_lines").features()[line_index("chn-dashed-line")].lines) {
        for (std::size_t k = 0; k + 1 < part.size(); ++k) {
            for (int s = 0; s < 40; ++s) {
                const double t = s / 40.0;
                const LonLat p{part[k].lon + t * (part[k + 1].lon - part[k].lon),
                               part[k].lat + t * (part[k + 1].lat - part[k].lat)};
                double x = 0, y = 0;
                if (!view.to_px(p.lon, p.lat, x, y) || x < area.x + 40 || y < area.y + 40 || x > area.x + area.w - 40 ||
                    y > area.y + area.h - 40 || on_land(p)) {
                    continue;
                }
                ++sampled;
                bool hit = false;
                for (int dy = -2; dy <= 2 && !hit; ++dy) {
                    for (int dx = -2; dx <= 2 && !hit; ++dx) hit = pixel_matches(int(x) + dx, int(y) + dy);
                }
                coloured += hit ? 1 : 0;
            }
        }
    }
    cairo_surface_destroy(png);
    BOOST_TEST_REQUIRE(sampled > 40);
    // Dashes 14 on, 7 off: about two thirds of the samples fall on a dash;
    // labels and the legend cover some of the rest.
    BOOST_TEST(coloured > sampled / 2, coloured << " of " << sampled << " samples in the line's colour");

    const Document kashmir = read_document((test::source_dir() / "samples" / "kashmir-line-of-control.txt").string());
    const Scene k = extract(kashmir, test::gazetteer(), test::data(), SceneOptions{}).scene;
    const std::string ksvg = render_to_bytes(k, test::data(), default_style(), OutputFormat::svg);
    BOOST_TEST(group(ksvg, "claim_lines").find("<path") == std::string::npos);
    BOOST_TEST(test::words_of(ksvg).find("claim line (") == std::string::npos);
}

// The eastern Mediterranean story draws the Turkey–Libya memorandum line,
// published coordinates, so its legend entry claims no approximation; the
// disputed sea area south-east of Crete is hatched like land.
BOOST_AUTO_TEST_CASE(memorandum_line_and_the_hatched_sea) {
    const Scene med = story_scene("eastern_mediterranean.txt");
    const std::string svg = render_to_bytes(med, test::data(), default_style(), OutputFormat::svg);
    BOOST_TEST(group(svg, "claim_lines").find("stroke-dasharray") != std::string::npos);
    const std::string legend = test::words_of(group(svg, "legend"));
    // Both claimants, as the scene spells them (Türkiye), in the line's one entry.
    BOOST_TEST(legend.find("\u2013Libya's claim line") != std::string::npos);
    BOOST_TEST(legend.find("(approximate course)") == std::string::npos);
    BOOST_TEST(legend.find("Disputed area, hatched") != std::string::npos);
    // The short line is named on the map, and no label covers it (the
    // dispute's name sat on it before the line's boxes were kept clear).
    const auto boxes = layout_labels(med, test::data(), default_style());
    BOOST_TEST(std::any_of(boxes.begin(), boxes.end(),
                           [](const LabelBox& b) { return b.what == "claim line: 2019 memorandum line"; }));
    for (const LabelBox& line : boxes) {
        if (line.what != "claim line") continue;
        for (const LabelBox& b : boxes) {
            // Reserved furniture may lie over a line; labels are placed around it.
            if (b.what == "claim line" || b.what.rfind("claim line: ", 0) == 0 || b.what == "legend" ||
                b.what == "scale bar" || b.what == "locator inset" || b.what == "locus")
                continue;
            const bool overlap =
                b.x < line.x + line.w && line.x < b.x + b.w && b.y < line.y + line.h && line.y < b.y + b.h;
            BOOST_TEST(!overlap, b.what << " covers the claim line");
        }
    }
    BOOST_TEST(std::any_of(med.disputes.begin(), med.disputes.end(), [](const SceneDispute& d) {
        return d.id == "eastern-mediterranean" && d.mentioned && !d.history;
    }));
    // At sea inside the area (27.8 E, 34.6 N), a 30-pixel square holds
    // stripes in at least two of the three claimants' colours.
    const Dispute* area = test::data().disputes().find("eastern-mediterranean");
    BOOST_TEST_REQUIRE(contains(*area->polygon, {27.8, 34.6}));
    cairo_surface_t* png = test::decode_png(render_to_bytes(med, test::data(), default_style(), OutputFormat::png));
    BOOST_TEST_REQUIRE(cairo_surface_status(png) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(png);
    const renderer::View view(med.projection, med.bbox, renderer::map_area(med));
    double cx = 0, cy = 0;
    BOOST_TEST_REQUIRE(view.to_px(27.8, 34.6, cx, cy));
    int colours_seen = 0;
    for (const Party& p : med.parties) {
        if (p.country != "GRC" && p.country != "TUR" && p.country != "LBY") continue;
        const Colour c =
            default_style().parties[static_cast<std::size_t>(p.colour_index) % default_style().parties.size()];
        int hits = 0;
        for (int y = int(cy) - 15; y < int(cy) + 15; ++y) {
            const auto* row = reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(png) +
                                                                     y * cairo_image_surface_get_stride(png));
            for (int x = int(cx) - 15; x < int(cx) + 15; ++x) {
                const std::uint32_t px = row[x];
                hits += std::abs(static_cast<int>((px >> 16) & 255u) - int(c.r * 255)) <= 12 &&
                        std::abs(static_cast<int>((px >> 8) & 255u) - int(c.g * 255)) <= 12 &&
                        std::abs(static_cast<int>(px & 255u) - int(c.b * 255)) <= 12;
            }
        }
        colours_seen += hits >= 30 ? 1 : 0;
    }
    cairo_surface_destroy(png);
    BOOST_TEST(colours_seen >= 2);
}

BOOST_AUTO_TEST_SUITE_END()
