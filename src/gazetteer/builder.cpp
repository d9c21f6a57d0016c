// The gazetteer's builder: every name of the bundled layers and name tables,
// folded, laid out as the gazetteer's image (image.hpp). Run at build time
// (borderline_gazetteer) and whenever the cache does not match geodata/.
#include "gazetteer/builder.hpp"

#include "gazetteer/builder_steps.hpp"
#include "gazetteer/image.hpp"

#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/place_id.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

namespace borderline {

namespace gazetteer_build {

using namespace gazetteer_image;

namespace {

// A hash of the builder's source (CMakeLists.txt): a cache made by other code
// is not used, and one made by the same code survives a rebuild.
#ifndef BORDERLINE_GAZETTEER_CODE_HASH
#define BORDERLINE_GAZETTEER_CODE_HASH "unknown"
#endif
constexpr const char* kStamp = BORDERLINE_GAZETTEER_CODE_HASH;

// The files the gazetteer is built from; their sizes and times key the cache.
const std::vector<std::string>& input_files() {
    static const std::vector<std::string> f{
        "countries.dbf", "admin1.dbf",    "populated_places.dbf", "populated_places.shp", "rivers.dbf",
        "rivers.shp",    "towns.shp.zip", "country_names.tsv",    "aliases.tsv",          "other_names.tsv",
        "disputes.json", "disputes.shp",  "disputes.dbf",         "countries.shp",        "country_points.tsv",
        "regions.tsv",   "features.tsv",  "ne_features.tsv",      "registry_names.tsv"};
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

// The folded keys a name is indexed under: itself, its "St." forms and its
// English transliteration.
std::vector<std::string> GazetteerBuilder::name_keys(std::string_view name) const {
    std::vector<std::string> keys;
    if (name.empty()) return keys;
    std::string key = fold(name);
    // "Saint Petersburg", "St Petersburg" and "St. Petersburg" alike.
    for (const std::string_view saint : {"saint ", "st "}) {
        if (key.rfind(saint, 0) == 0) {
            const std::string rest = key.substr(saint.size());
            keys.push_back("st. " + rest);
            keys.push_back("st " + rest);
            keys.push_back("saint " + rest);
        }
    }
    keys.push_back(std::move(key));
    if (const std::string v = english_variant(name); !v.empty()) keys.push_back(fold(v));
    return keys;
}

void GazetteerBuilder::add_name(std::string_view name, std::uint32_t entry, NameRole role) {
    for (auto& key : name_keys(name)) add_folded(std::move(key), entry, role);
}

// A demonym names its people too, in the plural ("Europeans", "Manitobans",
// "Azerbaijanis", "Filipinos"), and is read as the singular is. English
// adds an s, except to the forms that are their own plural ("Chinese",
// "Swiss", "French", "Danish", "Greenlandic", "Malagasy", "Seychellois");
// the plurals of those ("Danes") are other words, authored where needed.
void GazetteerBuilder::add_demonym(std::string_view demonym, std::uint32_t entry) {
    add_name(demonym, entry, NameRole::demonym);
    if (demonym.empty() || demonym.find(',') != std::string_view::npos) return;
    const char last = demonym.back();
    const bool own_plural = demonym.ends_with("ese") || demonym.ends_with("sh") || demonym.ends_with("ch") ||
                            std::string_view("sxzcyu").find(last) != std::string_view::npos ||
                            static_cast<unsigned char>(last) >= 0x80;
    if (!own_plural) add_name(std::string(demonym) + "s", entry, NameRole::demonym);
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
    // After every authored name, so that the registry's only fill gaps.
    add_registry_names(data);
    return finish();
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
    for (const auto& cols : read_table(data.dir() / "regions.tsv")) {
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

// Border features: the project's authored features.tsv, then the capes,
// islands and sea areas derived from Natural Earth (ne_features.tsv, made by
// tools/build_features.py). Columns: id, kind, lat, lon, country, dispute,
// name, aliases (|-separated). Either file may be missing.
void GazetteerBuilder::add_features(const GeoData& data, const ProvinceLocator& provinces) {
    for (const char* file : {"features.tsv", "ne_features.tsv"}) {
        const bool authored = std::string_view(file) == "features.tsv";
        for (const auto& cols : read_table(data.dir() / file)) {
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
    const std::unordered_set<std::string>& common = word_list().common;
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

}  // namespace gazetteer_build

std::string gazetteer_cache_key(const std::filesystem::path& dir) { return gazetteer_build::cache_key(dir); }

std::string build_gazetteer_image(const GeoData& data) { return gazetteer_build::GazetteerBuilder().run(data); }

}  // namespace borderline