// The gazetteer builder's step for the registry's other names: endonyms and
// former names of countries, provinces and cities (geodata/registry_names.tsv,
// made by tools/build_registry_names.py from world-countries, iso-codes,
// Natural Earth and GeoNames' alternate names).
//
// Unlike an authored alias, such a name was never read by anyone for how it
// behaves in English text, so it is kept only when it cannot take a reading
// away from a better one: every key it would be indexed under must be
// - at least 4 bytes long ("Rom", "Lod" stay out),
// - not made only of ordinary English words ("Gent", "North-Western"),
// - not a capitalised word of the English word list, which holds people's
//   first names ("Adriana", "Sofia"), peoples and the English names of
//   places ("Georgia"),
// - not already the name of another entry: a country, province, Natural
//   Earth place, river, region, dispute or feature keeps its name to itself
//   ("Limbourg" of Belgium's province is not Limburg in the Netherlands).
//   Only GeoNames towns do not count: they are read only in an article about
//   their country, and a city's endonym ("Wien") outranks a small town of
//   that name elsewhere,
// - given by the registry to entries of one country only (a province of
//   Belgium and a country both "Luxemburg" in some language: neither gets
//   it; a city and its province, "La Habana", both do, as in English).
#include "gazetteer/builder_steps.hpp"

#include <borderline/place_id.hpp>

#include <fstream>
#include <map>
#include <set>

namespace borderline::gazetteer_build {

namespace {

// Whether `key` may be an alias at all, whatever it names (see above). A
// name the data marks as this place's former or other name (`flagged`) may
// be a proper noun of the word list: "Dahomey", "Cochin" are, as places.
bool plausible_alias(const WordList& words, const std::string& key, bool flagged) {
    if (key.size() < 4) return false;
    if (is_common(words.common, key)) return false;
    // Hyphenated words as well: "north-western" is two common words.
    std::string spaced = key;
    for (char& c : spaced) {
        if (c == '-') c = ' ';
    }
    if (spaced != key && is_common(words.common, spaced)) return false;
    return flagged || key.find(' ') != std::string::npos || !words.proper.count(key);
}

}  // namespace

void GazetteerBuilder::add_registry_names(const GeoData& data) {
    std::ifstream in(data.dir() / "registry_names.tsv");
    const WordList& words = word_list();
    // key -> the entries the registry gives it to; sorted for a stable image.
    std::map<std::string, std::set<std::uint32_t>> wanted;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto cols = split(line, '\t');
        // key, role, language, name, source
        if (cols.size() < 4 || cols[3].empty()) continue;
        const std::string& target = cols[0];
        std::uint32_t entry = 0;
        if (target.rfind("geonames:", 0) == 0) {
            const auto it = by_geonames_.find(target.substr(9));
            if (it == by_geonames_.end()) continue;
            entry = it->second;
        } else {
            const auto it = ids_.find(target);
            if (it == ids_.end()) continue;
            entry = it->second;
        }
        const bool flagged = cols[1] == "former" || cols[1] == "other";
        for (auto& key : name_keys(cols[3])) {
            if (plausible_alias(words, key, flagged)) wanted[std::move(key)].insert(entry);
        }
    }
    for (const auto& [key, entries] : wanted) {
        // A city and its province of the same name ("La Habana") may share
        // one, as their English names do; names in two countries
        // ("Luxemburg") are nobody's.
        const std::string& country = entries_[*entries.begin()].country;
        bool one_country = true;
        for (const std::uint32_t e : entries) one_country = one_country && entries_[e].country == country;
        if (!one_country) continue;
        bool taken = false;
        if (const auto it = names_.find(key); it != names_.end()) {
            for (const NameRef& r : it->second) {
                const OwnedEntry& other = entries_[r.entry];
                const bool town = other.kind == PlaceKind::place && other.rank >= 12;
                if (!entries.count(r.entry) && !town) taken = true;
            }
        }
        if (taken) continue;
        for (const std::uint32_t e : entries) add_folded(key, e, NameRole::name);
    }
}

}  // namespace borderline::gazetteer_build
