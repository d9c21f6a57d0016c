// Gazetteer look-ups and places found in articles.
#include "fixture.hpp"

#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/geometry.hpp>
#include <borderline/layer.hpp>
#include <borderline/place_id.hpp>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>

using namespace borderline;
using borderline::test::gazetteer;

namespace {

struct Lookup {
    std::string query, id;
    double lat, lon, tolerance_km;
};

std::ostream& operator<<(std::ostream& os, const Lookup& l) { return os << l.query << " -> " << l.id; }

std::vector<Lookup> read_lookups() {
    std::vector<Lookup> out;
    std::ifstream in(test::source_dir() / "tests" / "data" / "lookups.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::stringstream ss(line);
        Lookup l;
        std::string lat, lon, tol;
        std::getline(ss, l.query, '\t');
        std::getline(ss, l.id, '\t');
        std::getline(ss, lat, '\t');
        std::getline(ss, lon, '\t');
        std::getline(ss, tol, '\t');
        l.lat = std::stod(lat);
        l.lon = std::stod(lon);
        l.tolerance_km = std::stod(tol);
        out.push_back(l);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(places)

BOOST_DATA_TEST_CASE(gazetteer_lookup, boost::unit_test::data::make(read_lookups()), c) {
    const auto hits = gazetteer().lookup(c.query);
    bool found = false;
    for (auto i : hits) {
        const Entry& e = gazetteer().entry(i);
        if (e.id != c.id) continue;
        found = true;
        BOOST_TEST(test::km_between(e.lon, e.lat, c.lon, c.lat) <= c.tolerance_km,
                   c.query << " is at " << e.lat << "," << e.lon);
    }
    BOOST_TEST(found, c.query << " did not give " << c.id);
}

BOOST_AUTO_TEST_CASE(lookup_table_is_not_empty) { BOOST_TEST(read_lookups().size() >= 10u); }

BOOST_AUTO_TEST_CASE(capital_comes_first_for_yerevan) {
    const auto hits = gazetteer().lookup("Yerevan");
    BOOST_REQUIRE(!hits.empty());
    BOOST_TEST(gazetteer().entry(hits.front()).id == "place:AM:Yerevan");
    BOOST_TEST(gazetteer().entry(hits.front()).capital);
}

BOOST_AUTO_TEST_CASE(sample_article_finds_the_parties) {
    const Document d = read_document((test::source_dir() / "samples" / "armenia-azerbaijan-syunik.txt").string());
    const Extraction x = extract(d, gazetteer(), test::data(), SceneOptions{});
    std::set<std::string> ids;
    for (const auto& p : x.places) ids.emplace(gazetteer().entry(p.entry).id);
    for (const char* want : {"country:ARM", "country:AZE", "country:IRN", "country:USA", "admin1:AM-SU",
                             "place:AM:Yerevan", "place:AZ:Baku", "place:RU:Moscow", "water:Aras"}) {
        BOOST_TEST(ids.count(want) == 1u, want);
    }
    // Sentence-initial "In" is not Indiana.
    BOOST_TEST(ids.count("admin1:US-IN") == 0u);
    // The parties frame the map; the United States is only mentioned.
    BOOST_REQUIRE(x.scene.parties.size() == 2u);
    BOOST_TEST(x.scene.parties[0].country == "ARM");
    BOOST_TEST(x.scene.parties[1].country == "AZE");
    BOOST_TEST(x.scene.bbox.west > 40);
    BOOST_TEST(x.scene.bbox.east < 55);
    BOOST_TEST(x.scene.projection.find("+proj=lcc") == 0u);
    // The article is about their border: it is the one emphasised.
    BOOST_REQUIRE(x.scene.borders.size() == 1u);
    BOOST_TEST((std::set<std::string>{x.scene.borders[0].first, x.scene.borders[0].second} ==
                std::set<std::string>{"ARM", "AZE"}));
    // Mentions carry byte offsets into the input.
    for (const auto& p : x.places) {
        for (const auto& m : p.mentions) BOOST_TEST(d.text.substr(m.span.start, m.span.size()) == m.text);
    }
}

const std::filesystem::path kSeed = test::source_dir() / ".." / "shared" / "seeds" / "armenia-azerbaijan-border.txt";

BOOST_AUTO_TEST_CASE(seed_article_when_present, *boost::unit_test::precondition(test::SharedFilePresent{kSeed})) {
    const auto& seed = kSeed;
    const Extraction x = extract(read_document(seed.string()), gazetteer(), test::data(), SceneOptions{});
    std::set<std::string> countries;
    for (const auto& p : x.places) {
        const Entry& e = gazetteer().entry(p.entry);
        countries.emplace(e.country);
        for (const auto& m : p.mentions) {
            BOOST_TEST(m.text != "Reply");
            BOOST_TEST(m.text != "Interfax");
            BOOST_TEST(m.text != "READ ALSO");
        }
    }
    for (const char* want : {"ARM", "AZE", "RUS", "USA"}) BOOST_TEST(countries.count(want) == 1u, want);
}

BOOST_AUTO_TEST_CASE(text_without_places_is_nothing_to_map) {
    const Document d = make_document("The committee met on Friday to discuss the budget.\n", "none.txt");
    BOOST_CHECK_THROW(extract(d, gazetteer(), test::data(), SceneOptions{}), NothingToMapError);
}

// The cache file: a loaded gazetteer equals the built one, a cache with
// another key is rebuilt, and equal input gives equal bytes.
BOOST_AUTO_TEST_CASE(gazetteer_cache_round_trip) {
    const auto dir = std::filesystem::temp_directory_path() / ("borderline-gazetteer-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "gazetteer.bin";
    DataPaths paths = test::data().paths();
    paths.gazetteer_cache = path;  // the cache is where the DataPaths value says
    const GeoData data(paths);
    auto slurp = [&] {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };

    const Gazetteer built(data);  // no cache yet: built, then written
    BOOST_TEST(!built.from_cache());
    const std::string bytes = slurp();
    const Gazetteer loaded(data);
    BOOST_TEST(loaded.from_cache());
    BOOST_TEST(loaded.max_words() == built.max_words());
    BOOST_REQUIRE(loaded.size() == built.size());
    std::size_t differ = 0;
    for (std::uint32_t i = 0; i < built.size(); ++i) {
        const Entry a = built.entry(i), b = loaded.entry(i);
        differ += a.id != b.id || a.name != b.name || a.kind != b.kind || a.country != b.country ||
                  a.admin1 != b.admin1 || a.lon != b.lon || a.lat != b.lat || a.population != b.population ||
                  a.rank != b.rank || a.capital != b.capital || loaded.by_id(a.id) != i;
    }
    BOOST_TEST(differ == 0u);
    BOOST_TEST(std::vector<std::uint32_t>(loaded.capitals().begin(), loaded.capitals().end()) ==
               std::vector<std::uint32_t>(built.capitals().begin(), built.capitals().end()));
    for (const char* key : {"yerevan", "nagorno", "st petersburg", "qwxzplk"}) {
        const NameInfo a = built.probe(key), b = loaded.probe(key);
        BOOST_TEST((a.extends == b.extends && a.common_word == b.common_word && a.refs.size() == b.refs.size()), key);
    }
    BOOST_TEST(loaded.by_id("nothing:here") == -1);

    BOOST_REQUIRE(built.save(path, "stale"));
    const Gazetteer rebuilt(data);
    BOOST_TEST(!rebuilt.from_cache());
    BOOST_TEST((slurp() == bytes), "a second build wrote other bytes");

    std::filesystem::remove_all(dir);
}

namespace {

// Whether the registry file (geodata/registry_names.tsv) has `name` for `key`:
// the precision checks below must be about names the data really offers.
bool registry_has(std::string_view key, std::string_view name) {
    std::ifstream in(test::source_dir() / "geodata" / "registry_names.tsv");
    std::string line;
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string k, role, lang, n;
        std::getline(ss, k, '\t');
        std::getline(ss, role, '\t');
        std::getline(ss, lang, '\t');
        std::getline(ss, n, '\t');
        if (k == key && n == name) return true;
    }
    return false;
}

// Whether the folded `key` names the entry `id`.
bool names(std::string_view key, std::string_view id) {
    const std::int64_t want = gazetteer().by_id(id);
    BOOST_REQUIRE(want >= 0);
    for (const NameRef& r : gazetteer().find_folded(key)) {
        if (r.entry == static_cast<std::uint32_t>(want)) return true;
    }
    return false;
}

}  // namespace

// Registry names fill gaps; they never take a name from the place English
// gives it to, and first names and common words are not made places.
BOOST_AUTO_TEST_CASE(registry_names_fill_gaps_only) {
    // GeoNames' Swedish name of Helsinki: no other place has it.
    BOOST_TEST(registry_has("geonames:658225", "Helsingfors"));
    BOOST_TEST(names("helsingfors", "place:FI:Helsinki"));
    // Turkmen Buzmeyin was Abadan; in English that is Iran's city.
    BOOST_TEST(registry_has("geonames:162099", "Abadan"));
    BOOST_TEST(names("abadan", "place:IR:Abadan"));
    BOOST_TEST(!names("abadan", "place:TM:Buzmeyin"));
    // A first name: Jersey in Jèrriais; a town's English name: Bergen is
    // Norway's, not Mons (Belgium) in Dutch.
    BOOST_TEST(registry_has("country:JEY", "Jèrri"));
    BOOST_TEST(!names("jerri", "country:JEY"));
    BOOST_TEST(registry_has("geonames:2790869", "Bergen"));
    BOOST_TEST(!names("bergen", "place:BE:Mons"));
    // Too short: Turku in Swedish ("Abo").
    BOOST_TEST(registry_has("geonames:633679", "Åbo"));
    BOOST_TEST(!names("abo", "place:FI:Turku"));
    // Common words: Les Cayes in Haitian Creole, Basel in French ("Bâle"
    // folds to a bale, and to Gareth Bale).
    BOOST_TEST(registry_has("geonames:3728097", "Okay"));
    BOOST_TEST(!names("okay", "place:HT:Les Cayes"));
    BOOST_TEST(registry_has("geonames:2661604", "Bâle"));
    BOOST_TEST(!names("bale", "place:CH:Basel"));
    // iso-codes renumbered Iran's provinces after Natural Earth took the
    // codes: IR-04 is Isfahan there, West Azerbaijan in ISO 3166-2 now, so
    // that name must not come through.
    BOOST_TEST(!registry_has("admin1:IR-04", "Āz̄ārbāyjān-e Ghārbī"));
    BOOST_TEST(!names("azarbayjan e gharbi", "admin1:IR-04"));
    // Former names the data flags may be English proper nouns: Benin was Dahomey.
    BOOST_TEST(registry_has("country:BEN", "Dahomey"));
    BOOST_TEST(names("dahomey", "country:BEN"));
}

// A country's point is where a marker or a claim's badge for the whole
// country goes: it must lie on that country, not in the sea beside an island
// state or in a neighbour (the geographic coordinates, rounded to whole
// degrees or minutes, put Kuwait in Iraq and the Gambia in Senegal).
BOOST_AUTO_TEST_CASE(every_country_point_lies_on_its_country) {
    const Layer& countries = test::data().layer("countries");
    std::size_t checked = 0;
    for (std::size_t i = 0; i < countries.size(); ++i) {
        const std::string& iso = countries.value(i, "iso_a3");
        const auto idx = gazetteer().by_id(PlaceId::country(iso));
        if (idx < 0) continue;
        const Entry& e = gazetteer().entry(static_cast<std::uint32_t>(idx));
        const Feature& f = countries.features()[i];
        // On the outline counts: within 1 km of a vertex.
        bool on = contains(f.polygons, LonLat{e.lon, e.lat});
        for (const auto& poly : f.polygons) {
            for (const auto& v : poly.empty() ? Ring{} : poly[0]) on = on || km_between(e.lon, e.lat, v.lon, v.lat) < 1;
        }
        BOOST_TEST(on, iso << " is at " << e.lat << "," << e.lon << ", off the country");
        ++checked;
    }
    BOOST_TEST(checked >= 230u);
}

BOOST_AUTO_TEST_SUITE_END()
