// The extraction as GeoJSON for GIS users (RFC 7946): what a desk would load
// into QGIS or convert to a Shapefile with ogr2ogr.
//
// Conventions, each for a tool that trips over the alternative:
// - outer rings counter-clockwise and holes clockwise (RFC 7946 3.1.6; the
//   shapefiles store them the other way round, so each ring is checked);
// - no `crs` member (RFC 7946 4: WGS84 lon/lat only), coordinates rounded
//   to 5 decimals (about a metre, finer than the 1:10m data);
// - `name` is a short layer name ("borderline"): GDAL names the layer after
//   it, and a headline made an unwieldy table name;
// - properties are strings or numbers only, with the same short keys (at
//   most 10 characters: the dBase limit) on every feature, so the Shapefile
//   and GeoPackage drivers keep every field; `kind` says what a feature is.
#include <borderline/extract.hpp>
#include <borderline/gazetteer.hpp>
#include <borderline/geodata.hpp>

#include "render/view.hpp"

#include <cmath>
#include <string_view>

namespace borderline {

namespace {

using nlohmann::json;

double round5(double v) { return std::round(v * 1e5) / 1e5; }

/// A ring's positions, rounded, without repeats, closed, wound the way RFC
/// 7946 asks (counter-clockwise when `outer`). Empty when fewer than four
/// positions remain (a sliver the rounding or the clip collapsed).
json ring_json(Points in, bool outer) {
    Ring r;
    r.reserve(in.size() + 1);
    for (const auto& p : in) {
        const LonLat q{round5(p.lon), round5(p.lat)};
        if (r.empty() || q.lon != r.back().lon || q.lat != r.back().lat) r.push_back(q);
    }
    while (r.size() > 1 && r.front().lon == r.back().lon && r.front().lat == r.back().lat) r.pop_back();
    if (r.size() < 3) return json();
    const double twice_area = ring_moments(r).twice_area;
    if (twice_area == 0) return json();
    if ((twice_area > 0) != outer) std::reverse(r.begin(), r.end());
    r.push_back(r.front());
    json pts = json::array();
    for (const auto& p : r) pts.push_back({p.lon, p.lat});
    return pts;
}

json line_json(Points in) {
    json pts = json::array();
    LonLat last{NAN, NAN};
    for (const auto& p : in) {
        const LonLat q{round5(p.lon), round5(p.lat)};
        if (q.lon == last.lon && q.lat == last.lat) continue;
        pts.push_back({q.lon, q.lat});
        last = q;
    }
    return pts.size() < 2 ? json() : pts;
}

/// The extent as boxes in -180..180: a frame across the antimeridian (east
/// past 180) becomes two, as RFC 7946 3.1.9 asks.
std::vector<Box> extent_boxes(const Box& b) {
    if (b.east <= 180) return {b};
    return {Box{b.west, b.south, 180, b.north}, Box{-180, b.south, b.east - 360, b.north}};
}

/// Polygons as a MultiPolygon geometry; with `clip`, each ring cut to those
/// boxes first (a party such as Russia reaches far beyond the map). Null when
/// nothing is left.
json multipolygon_json(const MultiPolygon& mp, const std::vector<Box>* clip) {
    json polys = json::array();
    auto add = [&](const Polygon& poly, const Box* box) {
        json rings = json::array();
        for (std::size_t i = 0; i < poly.size(); ++i) {
            json ring;
            if (box) {
                const Ring cut = renderer::clip_ring(poly[i], *box);
                ring = ring_json(cut, i == 0);
            } else {
                ring = ring_json(poly[i], i == 0);
            }
            if (ring.is_null()) {
                if (i == 0) return;  // no outer ring: nothing of this part shows
                continue;
            }
            rings.push_back(std::move(ring));
        }
        polys.push_back(std::move(rings));
    };
    for (const auto& poly : mp) {
        if (poly.empty()) continue;
        if (!clip) {
            add(poly, nullptr);
            continue;
        }
        for (const Box& box : *clip) add(poly, &box);
    }
    if (polys.empty()) return json();
    return {{"type", "MultiPolygon"}, {"coordinates", polys}};
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
    return s;
}

/// The dBase format holds at most 254 bytes per string; a longer value is cut
/// at a character boundary rather than by the converter mid-character.
std::string dbf_safe(std::string s) {
    if (s.size() <= 254) return s;
    std::size_t n = 254;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
    return s;
}

/// One feature with the common keys first, in the same order everywhere.
json feature(const std::string& kind, std::string_view id, std::string_view name, std::string_view country,
             json geometry, json extra = json::object()) {
    json props = {{"kind", kind}, {"id", id}, {"name", dbf_safe(std::string(name))}, {"country", country}};
    for (auto& [k, v] : extra.items()) props[k] = std::move(v);
    return {{"type", "Feature"}, {"geometry", std::move(geometry)}, {"properties", std::move(props)}};
}

}  // namespace

nlohmann::json to_geojson(const Extraction& x, const Gazetteer& gaz, const GeoData& data) {
    const Scene& s = x.scene;
    const std::vector<Box> boxes = extent_boxes(s.bbox);
    json features = json::array();

    // The map's extent, with what a GIS user needs to redraw it.
    json extent_polys = json::array();
    for (const Box& b : boxes) {
        const LonLat corners[] = {{b.west, b.south}, {b.east, b.south}, {b.east, b.north}, {b.west, b.north}};
        extent_polys.push_back(json::array({ring_json(corners, true)}));
    }
    features.push_back(feature("extent", "extent", s.title, s.worldview,
                               {{"type", "MultiPolygon"}, {"coordinates", extent_polys}},
                               {{"projection", dbf_safe(s.projection)}, {"subtitle", dbf_safe(s.subtitle)}}));

    // The parties, clipped to the extent.
    for (const auto& p : s.parties) {
        const Feature* f = data.country_feature(p.country);
        if (!f) continue;
        json geom = multipolygon_json(f->polygons, &boxes);
        if (geom.is_null()) continue;
        features.push_back(feature("party", "party:" + p.country, p.name, p.country, std::move(geom)));
    }

    // The border in question: the boundary lines the two parties share.
    const Layer& b = data.layer("boundaries");
    for (const auto& [l, r] : s.borders) {
        json lines = json::array();
        for (const Box& box : boxes) {
            for (std::size_t i : b.query(box)) {
                const auto& bl = b.value(i, "adm0_a3_l");
                const auto& br = b.value(i, "adm0_a3_r");
                if (!((bl == l && br == r) || (bl == r && br == l))) continue;
                for (const auto& line : b.features()[i].lines) {
                    for (const auto& part : renderer::clip_line(line, box)) {
                        json pts = line_json(part);
                        if (!pts.is_null()) lines.push_back(std::move(pts));
                    }
                }
            }
        }
        if (lines.empty()) continue;
        auto party_name = [&](const std::string& iso3) {
            for (const auto& p : s.parties) {
                if (p.country == iso3 && !p.name.empty()) return p.name;
            }
            return iso3;
        };
        std::string id = "border:";
        id += l;
        id += '-';
        id += r;
        std::string name = party_name(l);
        name += " / ";
        name += party_name(r);
        std::string pair = l;
        pair += ',';
        pair += r;
        features.push_back(feature("border", id, name, pair, {{"type", "MultiLineString"}, {"coordinates", lines}}));
    }

    // The disputed areas drawn, whole: the area is the subject, not its part in view.
    for (const auto& d : s.disputes) {
        const Dispute* reg = data.disputes().find(d.id);
        if (!reg || (!d.mentioned && !d.involves_party)) continue;
        json geom = multipolygon_json(*reg->polygon, nullptr);
        if (geom.is_null()) continue;
        features.push_back(feature("dispute", d.id, d.name, d.administered_by, std::move(geom),
                                   {{"status", d.status},
                                    {"parties", joined(d.parties)},
                                    {"mentioned", d.mentioned ? 1 : 0},
                                    {"settled", d.settled}}));
    }

    // The places found, as points.
    for (const auto& p : x.places) {
        const Entry& e = gaz.entry(p.entry);
        features.push_back(feature("place", e.id, e.name, e.country,
                                   {{"type", "Point"}, {"coordinates", {round5(e.lon), round5(e.lat)}}},
                                   {{"place_kind", to_string(e.kind)},
                                    {"confidence", std::round(p.confidence * 1000) / 1000},
                                    {"mentions", p.mentions.size()}}));
    }
    return {{"type", "FeatureCollection"}, {"name", "borderline"}, {"features", features}};
}

}  // namespace borderline
