// Internal to the gazetteer's builder (builder.cpp, builder_layers.cpp,
// builder_util.cpp): the builder's state and steps, and the small helpers
// they share. One class, split over files by source of names.
#pragma once

#include "gazetteer/image.hpp"

#include <borderline/gazetteer.hpp>
#include <borderline/geodata.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace borderline::gazetteer_build {

// `s` cut at every `sep` (an empty string gives no field).
std::vector<std::string> split(const std::string& s, char sep);
// The rows of a project table (regions.tsv, features.tsv): tab-separated
// columns, without blank and comment lines; none when the file is missing.
std::vector<std::vector<std::string>> read_table(const std::filesystem::path& file);
// A number from a table cell; 0 when empty or not a number.
double to_double(const std::string& s);
std::int64_t to_int(const std::string& s);
// Words in a folded key.
std::size_t word_count(std::string_view folded);
// Type words that admin-1 names carry but news usually drops ("Syunik Province").
const std::vector<std::string>& admin_suffixes();
// English transliteration of letters that folding turns into a bare Latin
// letter (Laçın -> Lachin); empty when the name has none.
std::string english_variant(std::string_view name);
// A word that names a kind of island or sea feature, never a place itself.
bool is_generic_word(std::string_view folded);
// The area-weighted centre of `mp`, kept on the unit (see builder_util.cpp).
void area_centre(const MultiPolygon& mp, double& lon, double& lat);
// A point kept on a unit: `p` itself when a part of `mp` holds it, else the
// nearest vertex of its outline, so a marker drawn there stays on the unit.
LonLat kept_on(const MultiPolygon& mp, LonLat p);

// The system's English word list (builder_util.cpp), folded: `common` holds
// the ordinary words, `proper` the capitalised ones (people's first names,
// places, peoples). Both empty when the list is missing.
struct WordList {
    std::unordered_set<std::string> common;
    std::unordered_set<std::string> proper;
};
const WordList& word_list();
// The word list's path, whose size and time key the cache.
extern const char* const kWordList;
// A key is a common phrase when each of its words is a common word ("the city").
bool is_common(const std::unordered_set<std::string>& common, const std::string& key);

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
    std::string find(const std::string& iso3, LonLat p) const;

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
    void add_demonym(std::string_view demonym, std::uint32_t entry);
    void add_folded(std::string key, std::uint32_t entry, NameRole role);
    void add_countries(const GeoData& data);
    void place_countries(const GeoData& data);
    void add_country_names(const GeoData& data);
    std::vector<IdAlias> add_aliases(const GeoData& data);
    void read_aliases(const std::filesystem::path& file, std::vector<IdAlias>& id_aliases);
    void add_admin1(const GeoData& data);
    std::unordered_set<std::string> feature_keys(const GeoData& data) const;
    void add_populated_places(const GeoData& data, const ProvinceLocator& provinces);
    void add_rivers(const GeoData& data);
    void add_disputes(const GeoData& data);
    void add_regions(const GeoData& data);
    void add_features(const GeoData& data, const ProvinceLocator& provinces);
    void add_id_aliases(const std::vector<IdAlias>& aliases);
    void add_towns(const GeoData& data, const ProvinceLocator& provinces);
    void add_registry_names(const GeoData& data);
    std::vector<std::string> name_keys(std::string_view name) const;
    std::string finish();
    std::vector<std::string> index_keys(std::unordered_set<std::string>& prefixes) const;
    void write_records(gazetteer_image::ImageWriter& w) const;

    std::vector<OwnedEntry> entries_;
    std::size_t max_words_ = 1;
    std::unordered_map<std::string, std::vector<NameRef>> names_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::unordered_map<std::string, std::uint32_t> by_iso3_;
    std::unordered_map<std::string, std::string> iso2_to_iso3_;
    // Natural Earth places by folded name and country, so a GeoNames town
    // that is the same place is not added twice.
    std::unordered_map<std::string, std::vector<std::uint32_t>> ne_by_name_country_;
    // Natural Earth places by GeoNames id, for registry_names.tsv's rows.
    std::unordered_map<std::string, std::uint32_t> by_geonames_;
};

}  // namespace borderline::gazetteer_build
