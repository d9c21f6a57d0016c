// Gazetteer: builds the name index from the bundled layers and name tables.
#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/gazetteer.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace borderline {

const char* to_string(PlaceKind k) {
    switch (k) {
        case PlaceKind::country: return "country";
        case PlaceKind::admin1: return "admin1";
        case PlaceKind::place: return "place";
        case PlaceKind::water: return "water";
        case PlaceKind::dispute: return "dispute";
    }
    return "place";
}

namespace {

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

}  // namespace

std::uint32_t Gazetteer::add(Entry e) {
    const auto idx = static_cast<std::uint32_t>(entries_.size());
    std::string id = e.id;
    for (int n = 2; ids_.count(id); ++n) id = e.id + "~" + std::to_string(n);
    e.id = id;
    ids_.emplace(id, idx);
    entries_.push_back(std::move(e));
    return idx;
}

void Gazetteer::add_name(std::string_view name, std::uint32_t entry, NameRole role) {
    std::string key = fold(name);
    if (key.size() < 2) return;
    auto& refs = names_[key];
    for (const auto& r : refs) {
        if (r.entry == entry) return;
    }
    refs.push_back({entry, role});
    max_words_ = std::max(max_words_, word_count(key));
}

Gazetteer::Gazetteer(const GeoData& data) {
    // Countries, with their names in the languages the layer carries.
    const Layer& countries = data.layer("countries");
    std::unordered_map<std::string, std::uint32_t> by_iso3;
    std::unordered_map<std::string, std::string> iso2_to_iso3;
    for (std::size_t i = 0; i < countries.size(); ++i) {
        Entry e;
        e.country = countries.value(i, "iso_a3");
        e.id = "country:" + e.country;
        e.name = countries.value(i, "name");
        e.kind = PlaceKind::country;
        e.lon = to_double(countries.value(i, "label_x"));
        e.lat = to_double(countries.value(i, "label_y"));
        const auto idx = add(e);
        by_iso3[e.country] = idx;
        iso2_to_iso3[countries.value(i, "iso_a2")] = e.country;
        add_name(e.name, idx, NameRole::name);
        add_name(countries.value(i, "name_off"), idx, NameRole::name);
        for (const auto& f : {"name_ar", "name_de", "name_es", "name_fa", "name_fr", "name_hy", "name_ja", "name_ka",
                              "name_ru", "name_tr", "name_uk", "name_zh", "name_az"}) {
            add_name(countries.value(i, f), idx, NameRole::name);
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
            const auto it = by_iso3.find(cols[0]);
            if (it == by_iso3.end()) continue;
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
    std::vector<std::pair<std::string, std::string>> id_aliases;
    {
        std::ifstream in(data.dir() / "aliases.tsv");
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            const auto cols = split(line, '\t');
            if (cols.size() < 3) continue;
            if (cols[2].find(':') != std::string::npos) {
                id_aliases.emplace_back(cols[1], cols[2]);
                continue;
            }
            const auto it = by_iso3.find(cols[2]);
            if (it == by_iso3.end()) continue;
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
                    add_name(f.substr(0, f.size() - suffix.size()), idx, NameRole::name);
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
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> longest;  // name -> (feature, points)
    for (std::size_t i = 0; i < rivers.size(); ++i) {
        const std::string& name = rivers.value(i, "name");
        if (name.empty()) continue;
        std::size_t points = 0;
        for (const auto& l : rivers.features()[i].lines) points += l.size();
        auto& best = longest[name];
        if (points > best.second) best = {i, points};
    }
    std::vector<std::string> river_names;
    for (const auto& [name, best] : longest) river_names.push_back(name);
    std::sort(river_names.begin(), river_names.end());
    for (const auto& name : river_names) {
        const auto [i, points] = longest[name];
        const auto& lines = rivers.features()[i].lines;
        const auto& line = *std::max_element(lines.begin(), lines.end(),
                                             [](const auto& a, const auto& b) { return a.size() < b.size(); });
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
    // Project aliases that name a gazetteer entry by id (rivers under other names).
    for (const auto& [text, id] : id_aliases) {
        const auto it = ids_.find(id);
        if (it == ids_.end()) continue;
        add_name(text, it->second, NameRole::name);
        if (entries_[it->second].kind == PlaceKind::water) add_name(text + " river", it->second, NameRole::name);
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
                if (std::abs(entries_[k].lon - f.point.lon) < 0.3 && std::abs(entries_[k].lat - f.point.lat) < 0.3) {
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
}

const std::vector<NameRef>* Gazetteer::find_folded(std::string_view folded) const {
    const auto it = names_.find(std::string(folded));
    return it == names_.end() ? nullptr : &it->second;
}

std::int64_t Gazetteer::by_id(const std::string& id) const {
    const auto it = ids_.find(id);
    return it == ids_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

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
    }
    return 6;
}
}  // namespace

std::vector<std::uint32_t> Gazetteer::lookup(std::string_view query) const {
    const std::string key = fold(query);
    std::vector<std::uint32_t> out;
    if (const auto* refs = find_folded(key)) {
        for (const auto& r : *refs) out.push_back(r.entry);
    }
    if (out.empty() && key.size() >= 3) {
        for (const auto& [name, refs] : names_) {
            if (name.compare(0, key.size(), key) == 0) {
                for (const auto& r : refs) out.push_back(r.entry);
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
