// A scene's names in the map's language (render --lang): countries by ISO
// code, provinces by ISO 3166-2, cities through the GeoNames id of the
// Natural Earth place they are, disputes by registry id. What the data has
// no name for keeps the name it has (the English one, or the article's).
#include <borderline/edits.hpp>
#include <borderline/map_language.hpp>
#include <borderline/place_id.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace borderline {

namespace {

/// The GeoNames id of the Natural Earth populated place a marker is, by
/// its id ("place:AM:Yerevan": country and ASCII name) or, for a GeoNames
/// town ("town:AM:Goris"), a Natural Earth place of the same name within
/// about 10 km; empty when there is none.
std::string geonames_id(const Marker& m, const PlaceId& id, const GeoData& data) {
    const std::string_view key = id.key();
    const auto colon = key.find(':');
    if (colon == std::string_view::npos) return {};
    const std::string iso2(key.substr(0, colon));
    std::string name(key.substr(colon + 1));
    if (const auto tilde = name.find('~'); tilde != std::string::npos) name.resize(tilde);
    const bool town = id.kind() == "town";
    const double reach = town ? 0.1 : 0.5;
    const Layer& places = data.layer("populated_places");
    std::string best;
    double best_d = std::numeric_limits<double>::max();
    const Box near{m.where.lon - reach, m.where.lat - reach, m.where.lon + reach, m.where.lat + reach};
    for (std::size_t i : places.query(near)) {
        if (places.value(i, "iso_a2") != iso2) continue;
        if (places.value(i, "nameascii") != name && places.value(i, "name") != name) continue;
        const LonLat p = places.features()[i].point;
        const double d = std::hypot(p.lon - m.where.lon, p.lat - m.where.lat);
        if (d < best_d) best_d = d, best = places.value(i, "geonameid");
    }
    return best.empty() || best == "0" ? std::string() : "geonames:" + best;
}

std::string marker_key(const Marker& m, const GeoData& data) {
    const auto id = PlaceId::parse(m.place_id);
    if (!id) return {};
    const std::string_view kind = id->kind();
    if (kind == "place" || kind == "town") return geonames_id(m, *id, data);
    if (kind == "admin1" || kind == "country" || kind == "dispute") return m.place_id;
    return {};
}

}  // namespace

void localize_scene(Scene& scene, const std::string& lang, const GeoData& data) {
    check_map_language(lang);
    scene.lang = lang;
    if (lang == "en") return;
    const MapNames& names = data.map_names();
    const auto rename = [&](std::string& name, const std::string& key) {
        if (key.empty()) return;
        if (const std::string* s = names.find(key, lang)) name = *s;
    };
    for (auto& m : scene.markers) rename(m.name, marker_key(m, data));
    for (auto* list : {&scene.parties, &scene.mentioned}) {
        for (auto& p : *list) rename(p.name, PlaceId::country(p.country).str());
    }
    for (auto& c : scene.callouts) rename(c.actor_name, PlaceId::country(c.actor_country).str());
    for (auto& d : scene.disputes) rename(d.name, PlaceId::dispute(d.id).str());
    // The other countries the map may label: those in view. The frame
    // reaches past the bbox to the canvas's shape, so the box is grown by
    // its larger side each way.
    const Box& b = scene.bbox;
    const double grow = std::max(b.width(), b.height());
    const Box view{b.west - grow, b.south - grow, b.east + grow, b.north + grow};
    const Layer& countries = data.layer("countries");
    for (std::size_t i : countries.query(view)) {
        const std::string& iso = countries.value(i, "iso_a3");
        if (const std::string* s = names.find(PlaceId::country(iso).str(), lang)) scene.country_names[iso] = *s;
    }
}

}  // namespace borderline
