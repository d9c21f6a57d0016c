// The bundled layers: counts, attributes and known features where they belong.
#include "fixture.hpp"

#include "geodata/cache_file.hpp"

#include <borderline/error.hpp>
#include <borderline/shapefile.hpp>

#include <boost/test/unit_test.hpp>

#include <cstring>
#include <fstream>
#include <iterator>
#include <set>

#include <unistd.h>

using namespace borderline;
using borderline::test::data;

namespace {
std::size_t find(const Layer& l, const std::string& field, const std::string& value) {
    for (std::size_t i = 0; i < l.size(); ++i) {
        if (l.value(i, field) == value) return i;
    }
    BOOST_FAIL("no feature with " + field + "=" + value + " in " + l.name());
    return 0;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(geodata)

BOOST_AUTO_TEST_CASE(layer_feature_counts) {
    // Natural Earth 10m and GeoNames as bundled (see geodata/SOURCES.md).
    BOOST_TEST(data().layer("countries").size() == 240u);
    BOOST_TEST(data().layer("admin1").size() == 4596u);
    BOOST_TEST(data().layer("boundaries").size() == 460u);
    BOOST_TEST(data().layer("disputed_lines").size() == 46u);
    BOOST_TEST(data().layer("maritime_lines").size() == 223u);
    BOOST_TEST(data().layer("populated_places").size() == 7322u);
    BOOST_TEST(data().layer("towns").size() == 171075u);
    BOOST_TEST(data().layer("land").size() == 7979u);
    BOOST_TEST(data().layer("ocean").size() == 1348u);
    BOOST_TEST(data().layer("lakes").size() == 1354u);
    BOOST_TEST(data().layer("rivers").size() == 1454u);
}

BOOST_AUTO_TEST_CASE(countries_have_iso_codes_and_names) {
    const Layer& c = data().layer("countries");
    const auto arm = find(c, "iso_a3", "ARM");
    BOOST_TEST(c.value(arm, "iso_a2") == "AM");
    BOOST_TEST(c.value(arm, "name") == "Armenia");
    BOOST_TEST(c.value(arm, "name_hy") == "Հայաստան");
    BOOST_TEST(c.value(arm, "name_ru") == "Армения");
    // Natural Earth's own codes are mapped to ISO 3166-1.
    BOOST_TEST(c.value(find(c, "iso_a2", "EH"), "iso_a3") == "ESH");
    BOOST_TEST(c.value(find(c, "iso_a2", "SS"), "iso_a3") == "SSD");
    const Feature& f = c.features()[arm];
    BOOST_TEST(contains(f.polygons, {44.51, 40.18}));   // Yerevan
    BOOST_TEST(!contains(f.polygons, {49.87, 40.41}));  // Baku
    BOOST_TEST(contains(c.features()[find(c, "iso_a3", "AZE")].polygons, {49.87, 40.41}));
}

BOOST_AUTO_TEST_CASE(admin1_has_iso_3166_2) {
    const Layer& a = data().layer("admin1");
    const auto su = find(a, "iso_3166_2", "AM-SU");
    BOOST_TEST(a.value(su, "adm0_a3") == "ARM");
    BOOST_TEST(a.value(su, "name") == "Syunik");
    BOOST_TEST(contains(a.features()[su].polygons, {46.35, 39.51}));  // Goris
    BOOST_TEST(a.value(find(a, "iso_3166_2", "GE-AB"), "name") == "Abkhazia");
}

BOOST_AUTO_TEST_CASE(boundaries_carry_their_class) {
    const Layer& b = data().layer("boundaries");
    std::set<std::string> classes;
    for (std::size_t i = 0; i < b.size(); ++i) classes.insert(b.value(i, "class"));
    BOOST_TEST(classes.count("international") == 1u);
    BOOST_TEST(classes.count("disputed") == 1u);
    BOOST_TEST(classes.count("line_of_control") == 1u);
    BOOST_TEST(classes.count("indefinite") == 1u);
    bool arm_aze = false;
    for (std::size_t i = 0; i < b.size(); ++i) {
        const auto& l = b.value(i, "adm0_a3_l");
        const auto& r = b.value(i, "adm0_a3_r");
        if ((l == "ARM" && r == "AZE") || (l == "AZE" && r == "ARM")) arm_aze = true;
    }
    BOOST_TEST(arm_aze);
}

BOOST_AUTO_TEST_CASE(disputed_lines_include_the_karabakh_lines) {
    const Layer& d = data().layer("disputed_lines");
    std::size_t oblast = 0, ceasefire = 0;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (d.value(i, "kind") == "former_oblast") ++oblast;
        if (d.value(i, "kind") == "ceasefire") ++ceasefire;
        // Every line lies somewhere sensible.
        BOOST_TEST(!d.features()[i].bbox.empty());
    }
    BOOST_TEST(oblast > 0u);
    BOOST_TEST(ceasefire > 0u);
}

BOOST_AUTO_TEST_CASE(populated_places_have_population_and_position) {
    const Layer& p = data().layer("populated_places");
    const auto yer = find(p, "nameascii", "Yerevan");
    BOOST_TEST(p.value(yer, "adm0_a3") == "ARM");
    BOOST_TEST(std::stoll(p.value(yer, "pop_max")) > 1000000);
    BOOST_TEST(p.value(yer, "adm0cap") == "1");
    BOOST_TEST(borderline::test::km_between(p.features()[yer].point.lon, p.features()[yer].point.lat, 44.51, 40.18) <
               5);
}

BOOST_AUTO_TEST_CASE(towns_are_geonames_points_in_utf8) {
    const Layer& t = data().layer("towns");
    const auto lachin = find(t, "name", "Laçın");
    BOOST_TEST(t.value(lachin, "iso_a2") == "AZ");
    BOOST_TEST(
        borderline::test::km_between(t.features()[lachin].point.lon, t.features()[lachin].point.lat, 46.55, 39.64) < 5);
}

BOOST_AUTO_TEST_CASE(water_layers_cover_known_water) {
    const Layer& lakes = data().layer("lakes");
    bool sevan = false;
    for (std::size_t i = 0; i < lakes.size(); ++i) {
        if (contains(lakes.features()[i].polygons, {45.3, 40.35})) sevan = true;
    }
    BOOST_TEST(sevan);
    const Layer& land = data().layer("land");
    bool caspian_is_land = false, yerevan_on_land = false;
    for (const auto& f : land.features()) {
        if (contains(f.polygons, {50.5, 40.0})) caspian_is_land = true;
        if (contains(f.polygons, {44.51, 40.18})) yerevan_on_land = true;
    }
    BOOST_TEST(!caspian_is_land);
    BOOST_TEST(yerevan_on_land);
    const Layer& rivers = data().layer("rivers");
    BOOST_TEST(rivers.value(find(rivers, "name", "Aras"), "featurecla") == "River");
}

BOOST_AUTO_TEST_CASE(missing_data_folder_is_a_clear_error) {
    BOOST_CHECK_THROW(GeoData("/nonexistent/geodata"), DataError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(layer_cache)

namespace {
std::filesystem::path temp_dir(const std::string& name) {
    auto d = std::filesystem::temp_directory_path() / ("borderline-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}
}  // namespace

// A cache file is its parts in order, put in place by rename (no temporary
// left behind), and a directory that cannot be written is reported, not
// thrown or half written.
BOOST_AUTO_TEST_CASE(cache_files_are_written_whole_or_not_at_all) {
    const auto dir = temp_dir("cache-file");
    const auto file = dir / "sub" / "x.bin";
    BOOST_TEST(write_cache_file(file, {"key\n", std::string(100000, 'p'), "end"}));
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    BOOST_TEST(bytes == "key\n" + std::string(100000, 'p') + "end");
    BOOST_TEST(std::distance(std::filesystem::directory_iterator(dir / "sub"), {}) == 1);
    // Replaced whole by a second write.
    BOOST_TEST(write_cache_file(file, {"new"}));
    std::ifstream again(file, std::ios::binary);
    BOOST_TEST(std::string((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>()) == "new");
    if (::geteuid() != 0) {  // root writes anywhere
        std::filesystem::permissions(dir / "sub",
                                     std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
        BOOST_TEST(!write_cache_file(dir / "sub" / "y.bin", {"y"}));
        std::filesystem::permissions(dir / "sub", std::filesystem::perms::owner_all);
    }
    BOOST_TEST(!write_cache_file("/proc/no-such-dir/x.bin", {"x"}));
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(cache_holds_exactly_what_the_shapefile_holds) {
    // The program reads the cache; the shapefile through GDAL is the truth.
    const auto dir = test::source_dir() / "geodata";
    for (const std::string name : {"admin1", "rivers", "populated_places", "disputes"}) {
        const auto shp = read_shapefile_layer(dir, name);
        const Layer& cached = data().layer(name);
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST((cached.kind() == shp->kind()));
            BOOST_TEST(cached.fields() == shp->fields(), boost::test_tools::per_element());
            BOOST_REQUIRE_EQUAL(cached.size(), shp->size());
            for (std::size_t i = 0; i < shp->size(); ++i) {
                const Feature& a = cached.features()[i];
                const Feature& b = shp->features()[i];
                BOOST_REQUIRE(a.values == b.values);
                BOOST_REQUIRE_EQUAL(a.polygons.size(), b.polygons.size());
                for (std::size_t p = 0; p < a.polygons.size(); ++p) {
                    BOOST_REQUIRE_EQUAL(a.polygons[p].size(), b.polygons[p].size());
                    for (std::size_t r = 0; r < a.polygons[p].size(); ++r) {
                        const auto& ra = a.polygons[p][r];
                        const auto& rb = b.polygons[p][r];
                        BOOST_REQUIRE_EQUAL(ra.size(), rb.size());
                        BOOST_REQUIRE(std::memcmp(ra.data(), rb.data(), ra.size() * sizeof(LonLat)) == 0);
                    }
                }
                BOOST_REQUIRE_EQUAL(a.lines.size(), b.lines.size());
                for (std::size_t l = 0; l < a.lines.size(); ++l) {
                    BOOST_REQUIRE(
                        std::memcmp(a.lines[l].data(), b.lines[l].data(), a.lines[l].size() * sizeof(LonLat)) == 0);
                }
                BOOST_REQUIRE(a.point.lon == b.point.lon && a.point.lat == b.point.lat);
                BOOST_REQUIRE(a.bbox.west == b.bbox.west && a.bbox.north == b.bbox.north);
                BOOST_REQUIRE_EQUAL(a.part_boxes.size(), b.part_boxes.size());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(damaged_or_stale_cache_is_not_used) {
    const auto dir = test::source_dir() / "geodata";
    const auto tmp = temp_dir("cache");
    const auto file = tmp / "lakes.bin";
    const std::string key = layer_cache_key(dir, "lakes");
    write_layer_cache(data().layer("lakes"), key, file);
    const auto back = read_layer_cache(file, key);
    BOOST_REQUIRE(back);
    BOOST_TEST(back->size() == data().layer("lakes").size());
    BOOST_TEST(!read_layer_cache(file, key + "|other"));  // the sources changed
    const auto size = std::filesystem::file_size(file);
    for (const auto cut : {size - 1, size / 2, std::uintmax_t{12}, std::uintmax_t{0}}) {
        std::filesystem::resize_file(file, cut);
        BOOST_TEST(!read_layer_cache(file, key), "truncated to " << cut);
    }
    BOOST_TEST(!read_layer_cache(tmp / "none.bin", key));
    // A key built from other files differs: a changed layer is noticed.
    BOOST_TEST(layer_cache_key(dir, "lakes") != layer_cache_key(dir, "rivers"));
    std::filesystem::remove_all(tmp);
}

BOOST_AUTO_TEST_CASE(missing_cache_is_rebuilt_by_borderline_layers) {
    // geodata/ changed after the build (or the cache was deleted): the first
    // layer asked for runs borderline_layers, which writes every layer.
    const auto tmp = temp_dir("rebuild");
    {
        DataPaths paths = DataPaths::built();
        paths.geodata = test::source_dir() / "geodata";
        paths.layer_cache = tmp;
        const GeoData fresh(paths);
        BOOST_TEST(fresh.layer("countries").size() == 240u);
        BOOST_TEST(std::filesystem::exists(tmp / "admin1.bin"));
        BOOST_TEST(fresh.layer("admin1").size() == 4596u);
    }
    std::filesystem::remove_all(tmp);
}

// The library takes its paths from the caller: the program's environment
// variables change nothing (only the CLI reads them, src/cli/data_env.cpp).
BOOST_AUTO_TEST_CASE(library_reads_no_environment) {
    const auto tmp = temp_dir("noenv");
    const test::ScopedEnv data_env("BORDERLINE_DATA", (tmp / "nowhere").string());
    const test::ScopedEnv layer_env("BORDERLINE_LAYER_CACHE", (tmp / "layers").string());
    const test::ScopedEnv gaz_env("BORDERLINE_GAZETTEER_CACHE", (tmp / "gazetteer.bin").string());
    const DataPaths built = DataPaths::built();
    BOOST_TEST(std::filesystem::equivalent(built.geodata, test::source_dir() / "geodata"));
    BOOST_TEST(GeoData::default_dir() == built.geodata);
    const GeoData data(built);
    BOOST_TEST(data.layer("countries").size() == 240u);
    const Gazetteer gaz(data);
    BOOST_TEST(gaz.from_cache());
    BOOST_TEST(!std::filesystem::exists(tmp / "layers"));
    BOOST_TEST(!std::filesystem::exists(tmp / "gazetteer.bin"));
    // An installed tree's layout.
    const DataPaths inst = DataPaths::under("/opt/x/share/borderline");
    BOOST_TEST(inst.geodata == std::filesystem::path("/opt/x/share/borderline/geodata"));
    BOOST_TEST(inst.styles == std::filesystem::path("/opt/x/share/borderline/styles"));
    BOOST_TEST(inst.layer_cache == std::filesystem::path("/opt/x/share/borderline/layers"));
    BOOST_TEST(inst.gazetteer_cache == std::filesystem::path("/opt/x/share/borderline/gazetteer.bin"));
    std::filesystem::remove_all(tmp);
}

BOOST_AUTO_TEST_SUITE_END()

// The extent as alt texts word it: hemispheres, not signed "north", and a
// box past the antimeridian (Fiji's 180.3) read as west longitude.
BOOST_AUTO_TEST_CASE(extent_in_words_names_hemispheres) {
    BOOST_TEST(borderline::degrees_text(-19.557, false) == "19.6\u00b0S");
    BOOST_TEST(borderline::degrees_text(180.34873, true) == "179.7\u00b0W");
    BOOST_TEST(borderline::degrees_text(-0.04, true) == "0.0\u00b0E");
    borderline::Box b{176.7, -19.6, 180.3, -15.8};
    BOOST_TEST(borderline::extent_text(b) == "from 176.7\u00b0E to 179.7\u00b0W and 19.6\u00b0S to 15.8\u00b0S");
}
