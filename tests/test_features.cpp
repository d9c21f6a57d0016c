// Border features (geodata/features.tsv, ne_features.tsv): where each lies,
// that its ids and names are unique, that the gazetteer finds each by every
// name, and that the geoparser reads them in articles.
#include "fixture.hpp"

#include <borderline/document.hpp>
#include <borderline/fold.hpp>
#include <borderline/geoparse.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

using namespace borderline;
using borderline::test::gazetteer;

namespace {

struct Row {
    std::string file, id, kind, country, dispute, name;
    std::vector<std::string> aliases;
    double lat = 0, lon = 0;
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string cur;
    while (std::getline(ss, cur, sep)) out.push_back(cur);
    return out;
}

std::vector<Row> read_rows(const std::string& file) {
    std::vector<Row> out;
    std::ifstream in(test::source_dir() / "geodata" / file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto c = split(line, '\t');
        c.resize(8);
        Row r{file, c[0], c[1], c[4], c[5], c[6], {}, std::stod(c[2]), std::stod(c[3])};
        for (const auto& a : split(c[7], '|')) {
            if (!a.empty()) r.aliases.push_back(a);
        }
        out.push_back(std::move(r));
    }
    return out;
}

const std::vector<Row>& rows() {
    static const std::vector<Row> all = [] {
        auto a = read_rows("features.tsv");
        auto b = read_rows("ne_features.tsv");
        a.insert(a.end(), b.begin(), b.end());
        return a;
    }();
    return all;
}

// The limits of tools/build_features.py, which drops or reports what fails them.
constexpr double kLandKm = 15, kSeaKm = 150, kIslandKm = 2, kIslandFarKm = 600;
const std::set<std::string> kSeaKinds{"island",  "islet", "cay",    "reef",  "shoal", "bank",
                                      "atoll",   "rock",  "strait", "sea",   "bay",   "gulf",
                                      "channel", "sound", "lagoon", "fjord", "inlet", "archipelago"};
const std::set<std::string> kIslandKinds{"island", "islet", "cay", "rock", "atoll", "archipelago"};

// Distance in km from p to the outline of `f` (0 inside), on a local
// equirectangular plane around p: exact enough at these distances.
double km_to(const Feature& f, LonLat p, double give_up_km) {
    if (contains(f.polygons, p)) return 0;
    const double kx = 111.32 * std::cos(p.lat * M_PI / 180), ky = 110.57;
    const double margin_lon = give_up_km / std::max(kx, 1.0), margin_lat = give_up_km / ky;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < f.polygons.size(); ++k) {
        if (k < f.part_boxes.size()) {
            const Box& b = f.part_boxes[k];
            if (p.lon < b.west - margin_lon || p.lon > b.east + margin_lon || p.lat < b.south - margin_lat ||
                p.lat > b.north + margin_lat) {
                continue;
            }
        }
        for (const Points ring : f.polygons[k]) {
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                const double ax = (ring[j].lon - p.lon) * kx, ay = (ring[j].lat - p.lat) * ky;
                const double bx = (ring[i].lon - p.lon) * kx, by = (ring[i].lat - p.lat) * ky;
                const double dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
                const double t = len > 0 ? std::clamp(-(ax * dx + ay * dy) / len, 0.0, 1.0) : 0;
                best = std::min(best, std::hypot(ax + t * dx, ay + t * dy));
            }
        }
    }
    return best;
}

const Feature* dispute_polygon(const std::string& id) {
    const Layer& l = test::data().layer("disputes");
    for (std::size_t i = 0; i < l.size(); ++i) {
        if (l.value(i, "id") == id) return &l.features()[i];
    }
    return nullptr;
}

bool on_land(LonLat p, double km) {
    const Layer& land = test::data().layer("land");
    for (const Feature& f : land.features()) {
        const double m = 0.1;
        if (p.lon < f.bbox.west - m || p.lon > f.bbox.east + m || p.lat < f.bbox.south - m ||
            p.lat > f.bbox.north + m) {
            continue;
        }
        if (km_to(f, p, km) <= km) return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(features)

BOOST_AUTO_TEST_CASE(at_least_1500_features) { BOOST_TEST(rows().size() >= 1500u); }

BOOST_AUTO_TEST_CASE(ids_and_names_are_unique) {
    std::set<std::string> ids;
    std::map<std::string, std::string> authored_names;  // folded name or alias -> id
    for (const Row& r : rows()) {
        BOOST_TEST(ids.insert(r.id).second, "duplicate id " << r.id);
        if (r.file != "features.tsv") continue;
        // An authored name or alias names one feature only.
        std::set<std::string> own;
        for (const std::string& n : r.aliases) own.insert(fold(n));
        own.insert(fold(r.name));
        for (const std::string& n : own) {
            const auto [it, fresh] = authored_names.emplace(n, r.id);
            BOOST_TEST(fresh, "'" << n << "' names both " << it->second << " and " << r.id);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_feature_lies_where_its_row_says) {
    std::size_t checked = 0;
    for (const Row& r : rows()) {
        const LonLat p{r.lon, r.lat};
        const bool sea = kSeaKinds.count(r.kind) != 0;
        const double limit = sea ? kSeaKm : kLandKm;
        if (r.country.empty()) {
            // Natural Earth's sea areas far from any one country.
            BOOST_TEST(r.file == "ne_features.tsv", r.id << " has no country");
            continue;
        }
        const Feature* country = test::data().country_feature(r.country);
        BOOST_TEST_REQUIRE(country != nullptr, r.id << ": no country " << r.country);
        const double d = km_to(*country, p, limit);
        bool ok = d <= limit;
        if (!ok && kIslandKinds.count(r.kind)) {
            ok = km_to(*country, p, kIslandFarKm) <= kIslandFarKm && on_land(p, kIslandKm);
        }
        if (!ok && !r.dispute.empty()) {
            const Feature* poly = dispute_polygon(r.dispute);
            BOOST_TEST_REQUIRE(poly != nullptr, r.id << ": no dispute " << r.dispute);
            ok = km_to(*poly, p, limit) <= limit;
        }
        BOOST_TEST(ok, r.id << " (" << r.kind << ") is " << d << " km from " << r.country);
        ++checked;
    }
    BOOST_TEST(checked >= 1400u);
}

BOOST_AUTO_TEST_CASE(places_finds_every_feature_by_every_name) {
    for (const Row& r : rows()) {
        std::vector<std::string> names{r.name};
        names.insert(names.end(), r.aliases.begin(), r.aliases.end());
        for (const std::string& n : names) {
            const auto found = gazetteer().lookup(n);
            const bool has = std::any_of(found.begin(), found.end(),
                                         [&](std::uint32_t i) { return gazetteer().entry(i).id == "feature:" + r.id; });
            BOOST_TEST(has, "places '" << n << "' does not find feature:" << r.id);
        }
    }
}

namespace {
std::set<std::string> place_ids(const std::string& text) {
    const Document d = make_document(text, "test.txt");
    std::set<std::string> ids;
    for (const Place& p : resolve_places(d, gazetteer(), find_mentions(d, gazetteer()))) {
        ids.emplace(gazetteer().entry(p.entry).id);
    }
    return ids;
}
}  // namespace

// Each feature keeps its kind in the gazetteer (the painter rings a reef,
// not a strait): every kind the files use is one the gazetteer knows, and
// entries that are not features have none.
BOOST_AUTO_TEST_CASE(features_keep_their_kind) {
    for (const Row& r : rows()) {
        BOOST_TEST(feature_kind_index(r.kind) != 0, r.id << ": kind '" << r.kind << "' is not in kFeatureKinds");
        const auto i = gazetteer().by_id("feature:" + r.id);
        BOOST_TEST_REQUIRE(i >= 0, r.id);
        BOOST_TEST(gazetteer().entry(static_cast<std::uint32_t>(i)).feature_kind == r.kind, r.id);
    }
    for (const char* id : {"country:PHL", "place:PH:Manila", "dispute:spratly-islands"}) {
        const auto i = gazetteer().by_id(id);
        BOOST_TEST_REQUIRE(i >= 0, id);
        BOOST_TEST(gazetteer().entry(static_cast<std::uint32_t>(i)).feature_kind.empty(), id);
    }
}

BOOST_AUTO_TEST_CASE(articles_name_the_features_not_the_dispute_centre) {
    const auto kurils = place_ids(
        "Japan protested after Russia held military drills on Kunashir, one of four islands Tokyo claims. "
        "Russian troops also landed on Iturup, Japanese officials said.");
    BOOST_TEST(kurils.count("feature:kunashir") == 1u);
    BOOST_TEST(kurils.count("feature:iturup") == 1u);
    BOOST_TEST(kurils.count("dispute:kuril-islands") == 0u);
    const auto scs = place_ids(
        "The Philippines accused China of blocking a resupply mission to Second Thomas Shoal, where Manila "
        "keeps a grounded ship. Chinese coast guard ships also patrolled near Scarborough Shoal.");
    BOOST_TEST(scs.count("feature:second-thomas-shoal") == 1u);
    const auto galwan = place_ids("Indian and Chinese troops clashed in the Galwan Valley in Ladakh in 2020.");
    BOOST_TEST(galwan.count("feature:galwan-valley") == 1u);
}

BOOST_AUTO_TEST_CASE(generic_words_are_not_places) {
    // "Island" was Iceland (its Icelandic name), "Isla" a town in Malta.
    const auto ids = place_ids(
        "Costa Rica says the island is its own. Nicaragua dredged a channel across Isla Portillos, which "
        "Costa Rica calls Island Calero; the Isla, as locals say, is flooded in the rains.");
    BOOST_TEST(ids.count("country:ISL") == 0u);
    for (const auto& id : ids) BOOST_TEST(id.rfind("town:MT:", 0) != 0u, id);
    BOOST_TEST(ids.count("feature:isla-portillos") == 1u);
    BOOST_TEST(gazetteer().find_folded("island").empty());
    BOOST_TEST(gazetteer().find_folded("isla").empty());
}

BOOST_AUTO_TEST_SUITE_END()
