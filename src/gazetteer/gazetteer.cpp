// Gazetteer: builds the name index from the bundled layers and name tables,
// and keeps it in a binary cache so start-up does not read 170k towns through
// OGR and fold every name again.
//
// The cache (gazetteer.bin in the build folder) starts with a key made of the
// size and modification time of every input file and the build stamp of this
// code; a cache whose key differs is ignored and rewritten, so it stays right
// when geodata/ or the code changes. The index itself is flat arrays (an
// open-addressing table over one string blob), read with a few memcpy.
#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/gazetteer.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <tuple>
#include <sstream>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

#ifndef BORDERLINE_CACHE_DIR
#define BORDERLINE_CACHE_DIR ""  // no build folder known: no cache unless $BORDERLINE_GAZETTEER_CACHE
#endif

namespace borderline {

const char* to_string(PlaceKind k) {
    switch (k) {
        case PlaceKind::country: return "country";
        case PlaceKind::admin1: return "admin1";
        case PlaceKind::place: return "place";
        case PlaceKind::water: return "water";
        case PlaceKind::dispute: return "dispute";
        case PlaceKind::region: return "region";
    }
    return "place";
}

namespace {

constexpr std::uint32_t kFormat = 3;
// Rebuilt whenever this file is compiled, so a cache made by older code is not used.
constexpr const char* kStamp = __DATE__ " " __TIME__;
// Ordinary English words, to know which names are also common words.
constexpr const char* kWordList = "/usr/share/dict/american-english";

std::uint64_t hash_key(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

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
    static const std::vector<std::string> s{" province", " district", " oblast", " oblast'", " region", " state",
                                            " governorate", " prefecture", " county", " krai", " kray",
                                            " autonomous republic", " republic", " territory", " department"};
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

// The files the gazetteer is built from; their sizes and times key the cache.
const std::vector<std::string>& input_files() {
    static const std::vector<std::string> f{"countries.dbf",    "admin1.dbf",       "populated_places.dbf",
                                            "populated_places.shp", "rivers.dbf",   "rivers.shp",
                                            "towns.shp.zip",    "country_names.tsv", "aliases.tsv",
                                            "disputes.json",    "disputes.shp",     "disputes.dbf",
                                            "countries.shp",    "country_points.tsv", "regions.tsv"};
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
        key += "|" + std::to_string(size) + ":" + std::to_string(t.time_since_epoch().count());
    };
    for (const auto& f : input_files()) stat_of(dir / f);
    stat_of(kWordList);
    return key;
}

}  // namespace

// ---------------------------------------------------------------------------
// FlatIndex

void FlatIndex::build(const std::vector<std::string>& keys) {
    blob_.clear();
    offsets_.assign(1, 0);
    for (const auto& k : keys) {
        blob_ += k;
        offsets_.push_back(static_cast<std::uint32_t>(blob_.size()));
    }
    std::size_t n = 16;
    while (n < keys.size() * 2) n *= 2;
    slots_.assign(n, 0);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        std::size_t s = hash_key(keys[i]) & (n - 1);
        while (slots_[s] != 0) s = (s + 1) & (n - 1);
        slots_[s] = static_cast<std::uint32_t>(i + 1);
    }
}

std::int64_t FlatIndex::find(std::string_view key) const {
    if (slots_.empty()) return -1;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = hash_key(key) & mask;; s = (s + 1) & mask) {
        const std::uint32_t v = slots_[s];
        if (v == 0) return -1;
        if (this->key(v - 1) == key) return v - 1;
    }
}

// ---------------------------------------------------------------------------
// Building from the layers

class GazetteerBuilder {
public:
    explicit GazetteerBuilder(Gazetteer& g) : g_(g) {}
    void run(const GeoData& data);

private:
    std::uint32_t add(Entry e);
    void add_name(std::string_view name, std::uint32_t entry, NameRole role);
    void add_folded(std::string key, std::uint32_t entry, NameRole role);
    void add_disputes(const GeoData& data);
    void add_regions(const GeoData& data);
    void finish();

    Gazetteer& g_;
    std::unordered_map<std::string, std::vector<NameRef>> names_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::unordered_map<std::string, std::uint32_t> by_iso3_;
};

std::uint32_t GazetteerBuilder::add(Entry e) {
    const auto idx = static_cast<std::uint32_t>(g_.entries_.size());
    std::string id = e.id;
    for (int n = 2; ids_.count(id); ++n) id = e.id + "~" + std::to_string(n);
    e.id = id;
    ids_.emplace(id, idx);
    g_.entries_.push_back(std::move(e));
    return idx;
}

void GazetteerBuilder::add_folded(std::string key, std::uint32_t entry, NameRole role) {
    if (key.size() < 2) return;
    auto& refs = names_[key];
    for (const auto& r : refs) {
        if (r.entry == entry) return;
    }
    refs.push_back({entry, role});
    g_.max_words_ = std::max(g_.max_words_, word_count(key));
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

void GazetteerBuilder::run(const GeoData& data) {
    // Countries, with their names in the languages the layer carries.
    const Layer& countries = data.layer("countries");
    std::unordered_map<std::string, std::string> iso2_to_iso3;
    for (std::size_t i = 0; i < countries.size(); ++i) {
        Entry e;
        e.country = countries.value(i, "iso_a3");
        e.id = "country:" + e.country;
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
            double a = 0;
            for (std::size_t k = 0, j = r.size() - 1; k < r.size(); j = k++) {
                a += (r[j].lon - r[k].lon) * (r[j].lat + r[k].lat);
            }
            km2 += std::abs(a) / 2 * 111.32 * 111.32 * std::cos(r[0].lat * 3.14159265358979 / 180);
        }
        e.rank = std::clamp(8 - static_cast<int>(std::log10(km2 + 1)), 0, 8);
        const auto idx = add(e);
        by_iso3_[e.country] = idx;
        iso2_to_iso3[countries.value(i, "iso_a2")] = e.country;
        add_name(e.name, idx, NameRole::name);
        add_name(countries.value(i, "name_off"), idx, NameRole::name);
        for (const auto& f : {"name_ar", "name_de", "name_es", "name_fa", "name_fr", "name_hy", "name_ja", "name_ka",
                              "name_ru", "name_tr", "name_uk", "name_zh", "name_az"}) {
            add_name(countries.value(i, f), idx, NameRole::name);
        }
    }
    // A country as a whole is at its conventional point (country_points.tsv),
    // not at Natural Earth's label point.
    {
        std::ifstream in(data.dir() / "country_points.tsv");
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            const auto cols = split(line, '\t');
            if (cols.size() < 3) continue;
            if (const auto it = by_iso3_.find(cols[0]); it != by_iso3_.end()) {
                g_.entries_[it->second].lat = to_double(cols[1]);
                g_.entries_[it->second].lon = to_double(cols[2]);
            }
        }
    }
    // Country names from world-countries and iso-codes: English names and
    // alternative spellings, English demonyms.
    {
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
    // Project-authored demonyms, seats of government and abbreviations.
    std::vector<std::tuple<std::string, std::string, NameRole>> id_aliases;
    {
        std::ifstream in(data.dir() / "aliases.tsv");
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            const auto cols = split(line, '\t');
            if (cols.size() < 3) continue;
            const NameRole role = cols[0] == "demonym"   ? NameRole::demonym
                                  : cols[0] == "metonym" ? NameRole::metonym
                                                         : NameRole::name;
            if (cols[2].find(':') != std::string::npos) {
                id_aliases.emplace_back(cols[1], cols[2], role);
                continue;
            }
            const auto it = by_iso3_.find(cols[2]);
            if (it == by_iso3_.end()) continue;
            if (cols[0] == "point") {
                const auto comma = cols[1].find(',');
                if (comma == std::string::npos) continue;
                g_.entries_[it->second].lat = to_double(cols[1].substr(0, comma));
                g_.entries_[it->second].lon = to_double(cols[1].substr(comma + 1));
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
    const Layer& admin1 = data.layer("admin1");
    for (std::size_t i = 0; i < admin1.size(); ++i) {
        Entry e;
        e.admin1 = admin1.value(i, "iso_3166_2");
        e.country = admin1.value(i, "adm0_a3");
        e.name = admin1.value(i, "name_en").empty() ? admin1.value(i, "name") : admin1.value(i, "name_en");
        e.id = "admin1:" + (e.admin1.empty() || e.admin1.find('~') != std::string::npos ? e.country + ":" + e.name
                                                                                        : e.admin1);
        e.kind = PlaceKind::admin1;
        e.lon = to_double(admin1.value(i, "label_x"));
        e.lat = to_double(admin1.value(i, "label_y"));
        e.rank = 3;
        const auto idx = add(e);
        std::vector<std::string> names{admin1.value(i, "name"), admin1.value(i, "name_en")};
        for (const auto& a : split(admin1.value(i, "name_alt"), '|')) names.push_back(a);
        for (const auto& f : {"name_ar", "name_de", "name_es", "name_fa", "name_fr", "name_ru", "name_tr", "name_uk",
                              "name_zh"}) {
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
    // Natural Earth populated places, with population and rank.
    const Layer& places = data.layer("populated_places");
    std::unordered_map<std::string, std::vector<std::uint32_t>> ne_by_name_country;
    for (std::size_t i = 0; i < places.size(); ++i) {
        const Feature& f = places.features()[i];
        Entry e;
        e.name = places.value(i, "name");
        e.country = places.value(i, "adm0_a3");
        e.id = "place:" + places.value(i, "iso_a2") + ":" + places.value(i, "nameascii");
        e.kind = PlaceKind::place;
        e.lon = f.point.lon;
        e.lat = f.point.lat;
        e.population = to_int(places.value(i, "pop_max"));
        e.rank = static_cast<int>(to_int(places.value(i, "scalerank")));
        e.capital = places.value(i, "adm0cap") == "1";
        const auto idx = add(e);
        add_name(e.name, idx, NameRole::name);
        add_name(places.value(i, "nameascii"), idx, NameRole::name);
        // "Washington, D.C." is "Washington" in running text.
        if (const auto comma = e.name.find(", "); comma != std::string::npos) {
            add_name(e.name.substr(0, comma), idx, NameRole::name);
        }
        for (const auto& a : split(places.value(i, "namealt"), '|')) add_name(a, idx, NameRole::name);
        ne_by_name_country[fold(e.name) + "|" + e.country].push_back(idx);
    }
    // Named rivers, one entry per name, placed at the middle of their longest stretch.
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
        Entry e;
        e.name = name;
        e.id = "water:" + name;
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
    add_disputes(data);
    add_regions(data);
    // Project aliases that name a gazetteer entry by id (rivers under other names).
    for (const auto& [text, id, role] : id_aliases) {
        const auto it = ids_.find(id);
        if (it == ids_.end()) continue;
        add_name(text, it->second, role);
        if (g_.entries_[it->second].kind == PlaceKind::water) add_name(text + " river", it->second, NameRole::name);
    }
    // GeoNames towns, unless Natural Earth already has the same place.
    const Layer& towns = data.layer("towns");
    for (std::size_t i = 0; i < towns.size(); ++i) {
        const Feature& f = towns.features()[i];
        const std::string& iso2 = towns.value(i, "iso_a2");
        const auto c = iso2_to_iso3.find(iso2);
        const std::string iso3 = c == iso2_to_iso3.end() ? iso2 : c->second;
        const std::string& name = towns.value(i, "name");
        const auto dup = ne_by_name_country.find(fold(name) + "|" + iso3);
        bool same = false;
        if (dup != ne_by_name_country.end()) {
            for (auto k : dup->second) {
                if (std::abs(g_.entries_[k].lon - f.point.lon) < 0.3 && std::abs(g_.entries_[k].lat - f.point.lat) < 0.3) {
                    same = true;
                }
            }
        }
        if (same) continue;
        Entry e;
        e.name = name;
        e.country = iso3;
        e.id = "town:" + iso2 + ":" + name;
        e.kind = PlaceKind::place;
        e.lon = f.point.lon;
        e.lat = f.point.lat;
        e.rank = 12;
        const auto idx = add(e);
        add_name(name, idx, NameRole::name);
    }
    finish();
}

namespace {

// A point inside the largest polygon of a multipolygon: the middle of the
// widest span of the horizontal line through its box centre.
bool label_point(const MultiPolygon& mp, double& lon, double& lat) {
    const Polygon* largest = nullptr;
    double best_area = -1;
    for (const auto& poly : mp) {
        if (poly.empty() || poly[0].size() < 3) continue;
        double a = 0;
        const auto& r = poly[0];
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) a += (r[j].lon + r[i].lon) * (r[j].lat - r[i].lat);
        a = std::abs(a);
        if (a > best_area) {
            best_area = a;
            largest = &poly;
        }
    }
    if (!largest) return false;
    double south = 90, north = -90;
    for (const auto& p : (*largest)[0]) {
        south = std::min(south, p.lat);
        north = std::max(north, p.lat);
    }
    const double y = (south + north) / 2;
    std::vector<double> xs;
    for (const auto& ring : *largest) {
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const auto& a = ring[i];
            const auto& b = ring[j];
            if ((a.lat > y) != (b.lat > y)) xs.push_back((b.lon - a.lon) * (y - a.lat) / (b.lat - a.lat) + a.lon);
        }
    }
    std::sort(xs.begin(), xs.end());
    double width = -1;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
        if (xs[i + 1] - xs[i] > width) {
            width = xs[i + 1] - xs[i];
            lon = (xs[i] + xs[i + 1]) / 2;
        }
    }
    lat = y;
    return width >= 0;
}

}  // namespace

// Disputed territories from the project's registry (geodata/disputes.json),
// each placed inside its polygon from the disputes layer. Either file may be
// missing: then there are fewer (or no) dispute entries, never an error.
void GazetteerBuilder::add_disputes(const GeoData& data) {
    const auto path = data.dir() / "disputes.json";
    if (!std::filesystem::exists(path)) return;
    nlohmann::json registry;
    try {
        std::ifstream in(path);
        registry = nlohmann::json::parse(in);
    } catch (const std::exception&) {
        return;
    }
    if (!registry.is_array()) return;
    std::unordered_map<std::string, std::size_t> polygon_of;
    const Layer* layer = nullptr;
    if (std::filesystem::exists(data.dir() / "disputes.shp")) {
        try {
            layer = &data.layer("disputes");
            for (std::size_t i = 0; i < layer->size(); ++i) polygon_of[layer->value(i, "id")] = i;
        } catch (const Error&) {
            layer = nullptr;
        }
    }
    for (const auto& d : registry) {
        if (!d.is_object() || !d.contains("id") || !d["id"].is_string()) continue;
        Entry e;
        const std::string id = d["id"].get<std::string>();
        e.id = "dispute:" + id;
        e.name = d.value("name", id);
        e.kind = PlaceKind::dispute;
        e.rank = 1;
        bool placed = false;
        if (const auto it = polygon_of.find(id); layer && it != polygon_of.end()) {
            placed = label_point(layer->features()[it->second].polygons, e.lon, e.lat);
        }
        if (!placed && d.contains("lon") && d.contains("lat") && d["lon"].is_number() && d["lat"].is_number()) {
            e.lon = d["lon"].get<double>();
            e.lat = d["lat"].get<double>();
            placed = true;
        }
        if (!placed) continue;
        // The country that holds it de facto, when that is a state.
        const std::string admin = d.value("administered_by", "");
        if (by_iso3_.count(admin)) e.country = admin;
        const auto idx = add(e);
        add_name(e.name, idx, NameRole::name);
        if (d.contains("aliases") && d["aliases"].is_array()) {
            for (const auto& a : d["aliases"]) {
                if (a.is_string()) add_name(a.get<std::string>(), idx, NameRole::name);
            }
        }
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
        Entry e;
        e.kind = cols[0] == "water" ? PlaceKind::water : PlaceKind::region;
        e.id = (e.kind == PlaceKind::water ? "water:" : "region:") + cols[1];
        e.name = cols[2];
        e.lat = to_double(cols[3]);
        e.lon = to_double(cols[4]);
        e.rank = 1;
        const auto idx = add(e);
        add_name(e.name, idx, NameRole::name);
        if (cols.size() > 5) {
            for (const auto& a : split(cols[5], '|')) add_name(a, idx, NameRole::name);
        }
    }
}

void GazetteerBuilder::finish() {
    // Keys in sorted order so the file is the same on every build.
    std::vector<std::string> keys;
    keys.reserve(names_.size());
    for (const auto& [k, refs] : names_) keys.push_back(k);
    // Every word prefix of a longer name, so the matcher knows when to read on.
    std::unordered_set<std::string> prefixes;
    for (const auto& k : keys) {
        for (std::size_t p = k.find(' '); p != std::string::npos; p = k.find(' ', p + 1)) prefixes.insert(k.substr(0, p));
    }
    for (const auto& p : prefixes) {
        if (!names_.count(p)) keys.push_back(p);
    }
    std::sort(keys.begin(), keys.end());
    std::unordered_set<std::string> common;
    {
        std::ifstream in(kWordList);
        std::string w;
        while (std::getline(in, w)) {
            if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z') || w.find('\'') != std::string::npos) continue;
            common.insert(w);
        }
        if (!common.empty()) {
            // British spellings and function words the American list lacks.
            for (const char* w : {"centre", "the", "of", "and", "theatre", "metre", "harbour"}) common.insert(w);
        }
    }
    // A key is a common phrase when each of its words is a common word ("the city").
    auto is_common = [&](const std::string& key) {
        std::size_t from = 0;
        while (true) {
            const auto sp = key.find(' ', from);
            if (!common.count(key.substr(from, sp == std::string::npos ? std::string::npos : sp - from))) return false;
            if (sp == std::string::npos) return true;
            from = sp + 1;
        }
    };
    g_.names_.build(keys);
    g_.ref_begin_.assign(1, 0);
    g_.flags_.assign(keys.size(), 0);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (const auto it = names_.find(keys[i]); it != names_.end()) {
            for (const auto& r : it->second) g_.refs_.push_back(r);
        }
        g_.ref_begin_.push_back(static_cast<std::uint32_t>(g_.refs_.size()));
        if (prefixes.count(keys[i])) g_.flags_[i] |= 1;
        if (is_common(keys[i])) g_.flags_[i] |= 2;
    }
    std::vector<std::string> ids;
    ids.reserve(g_.entries_.size());
    for (const auto& e : g_.entries_) ids.push_back(e.id);
    g_.ids_.build(ids);
}

// ---------------------------------------------------------------------------
// The binary file

class GazetteerFile {
public:
    static bool write(const Gazetteer& g, const std::filesystem::path& path, const std::string& key);
    static bool read(Gazetteer& g, const std::filesystem::path& path, const std::string& key);
};

namespace {

struct Writer {
    std::string out;
    template <class T>
    void pod(const T& v) {
        out.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void str(std::string_view s) {
        pod(static_cast<std::uint32_t>(s.size()));
        out.append(s);
    }
    template <class T>
    void vec(const std::vector<T>& v) {
        pod(static_cast<std::uint64_t>(v.size()));
        out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
};

struct Reader {
    std::string_view in;
    bool ok = true;
    template <class T>
    T pod() {
        T v{};
        if (in.size() < sizeof v) {
            ok = false;
            return v;
        }
        std::memcpy(&v, in.data(), sizeof v);
        in.remove_prefix(sizeof v);
        return v;
    }
    std::string_view str() {
        const auto n = pod<std::uint32_t>();
        if (!ok || in.size() < n) {
            ok = false;
            return {};
        }
        const auto s = in.substr(0, n);
        in.remove_prefix(n);
        return s;
    }
    template <class T>
    void vec(std::vector<T>& v) {
        const auto n = pod<std::uint64_t>();
        if (!ok || n > in.size() / sizeof(T)) {
            ok = false;
            return;
        }
        v.resize(n);
        std::memcpy(v.data(), in.data(), n * sizeof(T));
        in.remove_prefix(n * sizeof(T));
    }
    void blob(std::string& s) {
        const auto v = str();
        s.assign(v);
    }
};

}  // namespace

bool GazetteerFile::write(const Gazetteer& g, const std::filesystem::path& path, const std::string& key) {
    Writer w;
    w.out = "BLGZ";
    w.pod(kFormat);
    w.str(key);
    w.pod(static_cast<std::uint32_t>(g.max_words_));
    w.pod(static_cast<std::uint64_t>(g.entries_.size()));
    for (const auto& e : g.entries_) {
        w.str(e.id);
        w.str(e.name);
        w.str(e.country);
        w.str(e.admin1);
        w.pod(static_cast<std::uint8_t>(e.kind));
        w.pod(static_cast<std::uint8_t>(e.capital));
        w.pod(e.lon);
        w.pod(e.lat);
        w.pod(e.population);
        w.pod(static_cast<std::int32_t>(e.rank));
    }
    for (const FlatIndex* ix : {&g.names_, &g.ids_}) {
        w.str(ix->blob_);
        w.vec(ix->offsets_);
        w.vec(ix->slots_);
    }
    w.vec(g.ref_begin_);
    std::vector<std::uint32_t> ref_entries;
    std::vector<std::uint8_t> ref_roles;
    for (const auto& r : g.refs_) {
        ref_entries.push_back(r.entry);
        ref_roles.push_back(static_cast<std::uint8_t>(r.role));
    }
    w.vec(ref_entries);
    w.vec(ref_roles);
    w.vec(g.flags_);
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    const auto tmp = path.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out.write(w.out.data(), static_cast<std::streamsize>(w.out.size()));
        if (!out) {
            std::filesystem::remove(tmp, ec);
            return false;
        }
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) std::filesystem::remove(tmp, ec);
    return !ec;
}

bool GazetteerFile::read(Gazetteer& g, const std::filesystem::path& path, const std::string& key) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    // Check the header before reading the rest.
    char magic[4];
    std::uint32_t format = 0, key_size = 0;
    in.read(magic, 4);
    in.read(reinterpret_cast<char*>(&format), sizeof format);
    in.read(reinterpret_cast<char*>(&key_size), sizeof key_size);
    if (!in || std::memcmp(magic, "BLGZ", 4) != 0 || format != kFormat || key_size != key.size()) return false;
    std::string stored(key_size, '\0');
    in.read(stored.data(), key_size);
    if (!in || stored != key) return false;
    const auto here = in.tellg();
    in.seekg(0, std::ios::end);
    const auto size = in.tellg() - here;
    in.seekg(here);
    if (size <= 0) return false;
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), size);
    if (!in) return false;
    Reader r{bytes};
    g.max_words_ = r.pod<std::uint32_t>();
    const auto n = r.pod<std::uint64_t>();
    if (!r.ok || n > bytes.size()) return false;
    g.entries_.resize(n);
    for (auto& e : g.entries_) {
        e.id = r.str();
        e.name = r.str();
        e.country = r.str();
        e.admin1 = r.str();
        e.kind = static_cast<PlaceKind>(r.pod<std::uint8_t>());
        e.capital = r.pod<std::uint8_t>() != 0;
        e.lon = r.pod<double>();
        e.lat = r.pod<double>();
        e.population = r.pod<std::int64_t>();
        e.rank = r.pod<std::int32_t>();
        if (!r.ok) return false;
    }
    for (FlatIndex* ix : {&g.names_, &g.ids_}) {
        r.blob(ix->blob_);
        r.vec(ix->offsets_);
        r.vec(ix->slots_);
    }
    r.vec(g.ref_begin_);
    std::vector<std::uint32_t> ref_entries;
    std::vector<std::uint8_t> ref_roles;
    r.vec(ref_entries);
    r.vec(ref_roles);
    r.vec(g.flags_);
    if (!r.ok || ref_entries.size() != ref_roles.size() || g.ref_begin_.size() != g.names_.size() + 1 ||
        g.flags_.size() != g.names_.size() || g.ids_.size() != g.entries_.size() ||
        (g.names_.slots_.size() & (g.names_.slots_.size() - 1)) != 0 ||
        (g.ids_.slots_.size() & (g.ids_.slots_.size() - 1)) != 0) {
        return false;
    }
    g.refs_.resize(ref_entries.size());
    for (std::size_t i = 0; i < ref_entries.size(); ++i) {
        if (ref_entries[i] >= g.entries_.size()) return false;
        g.refs_[i] = {ref_entries[i], static_cast<NameRole>(ref_roles[i])};
    }
    return true;
}

// ---------------------------------------------------------------------------
// Gazetteer

std::filesystem::path Gazetteer::cache_path() {
    if (const char* env = std::getenv("BORDERLINE_GAZETTEER_CACHE"); env && *env) return env;
    if (std::string_view(BORDERLINE_CACHE_DIR).empty()) return {};
    return std::filesystem::path(BORDERLINE_CACHE_DIR) / "gazetteer.bin";
}

Gazetteer Gazetteer::build(const GeoData& data) {
    Gazetteer g;
    GazetteerBuilder(g).run(data);
    g.index_capitals();
    return g;
}

Gazetteer::Gazetteer(const GeoData& data) {
    const std::string key = cache_key(data.dir());
    const auto path = cache_path();
    if (path.empty()) {
        *this = build(data);
        return;
    }
    if (GazetteerFile::read(*this, path, key)) {
        from_cache_ = true;
        index_capitals();
        return;
    }
    *this = build(data);
    save(path, key);  // best effort: a read-only build folder only costs start-up time
}

void Gazetteer::index_capitals() {
    capitals_.clear();
    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i].capital) capitals_.push_back(i);
    }
}

bool Gazetteer::save(const std::filesystem::path& path, const std::string& key) const {
    return GazetteerFile::write(*this, path, key);
}

NameInfo Gazetteer::probe(std::string_view folded) const {
    NameInfo info;
    const auto k = names_.find(folded);
    if (k < 0) return info;
    const auto i = static_cast<std::size_t>(k);
    info.refs = std::span<const NameRef>(refs_.data() + ref_begin_[i], ref_begin_[i + 1] - ref_begin_[i]);
    info.extends = (flags_[i] & 1) != 0;
    info.common_word = (flags_[i] & 2) != 0;
    return info;
}

std::span<const NameRef> Gazetteer::find_folded(std::string_view folded) const { return probe(folded).refs; }

std::int64_t Gazetteer::by_id(const std::string& id) const { return ids_.find(id); }

namespace {
// Order of `places` results: countries, disputes, then cities of some size
// before provinces of the same name, then the rest.
int kind_order(const Entry& e) {
    switch (e.kind) {
        case PlaceKind::country: return 0;
        case PlaceKind::dispute: return 1;
        case PlaceKind::place: return e.population >= 100000 || e.capital ? 2 : 4;
        case PlaceKind::admin1: return 3;
        case PlaceKind::water: return 5;
        case PlaceKind::region: return 1;
    }
    return 6;
}
}  // namespace

std::vector<std::uint32_t> Gazetteer::lookup(std::string_view query) const {
    const std::string key = fold(query);
    std::vector<std::uint32_t> out;
    for (const auto& r : find_folded(key)) out.push_back(r.entry);
    if (out.empty() && key.size() >= 3) {
        for (std::size_t i = 0; i < names_.size(); ++i) {
            if (names_.key(i).substr(0, key.size()) == key) {
                for (auto j = ref_begin_[i]; j < ref_begin_[i + 1]; ++j) out.push_back(refs_[j].entry);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    std::sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Entry& x = entries_[a];
        const Entry& y = entries_[b];
        if (kind_order(x) != kind_order(y)) return kind_order(x) < kind_order(y);
        if (x.population != y.population) return x.population > y.population;
        if (x.rank != y.rank) return x.rank < y.rank;
        return x.id < y.id;
    });
    return out;
}

}  // namespace borderline
