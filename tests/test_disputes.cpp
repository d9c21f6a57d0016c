// The dispute registry: polygons where they belong, valid, and drawn per worldview.
#include "fixture.hpp"

#include <borderline/disputes.hpp>
#include <borderline/extract.hpp>
#include <borderline/fold.hpp>
#include <borderline/render.hpp>

#include "render/painter.hpp"
#include "render/view.hpp"

#include <cairo.h>
#include <ogr_geometry.h>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace borderline;

namespace {

struct PointCase {
    std::string id;
    double lon, lat;
    bool inside;
    std::string comment;
};

std::ostream& operator<<(std::ostream& os, const PointCase& c) {
    return os << c.id << (c.inside ? " contains " : " excludes ") << c.comment;
}

std::vector<PointCase> read_points() {
    std::vector<PointCase> out;
    std::ifstream in(test::source_dir() / "tests" / "data" / "dispute_points.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("id\t", 0) == 0) continue;
        std::stringstream ss(line);
        PointCase c;
        std::string lon, lat, inside;
        std::getline(ss, c.id, '\t');
        std::getline(ss, lon, '\t');
        std::getline(ss, lat, '\t');
        std::getline(ss, inside, '\t');
        std::getline(ss, c.comment, '\t');
        c.lon = std::stod(lon);
        c.lat = std::stod(lat);
        c.inside = inside == "1";
        out.push_back(c);
    }
    return out;
}

OGRPolygon to_ogr(const Polygon& p) {
    OGRPolygon poly;
    for (const auto& ring : p) {
        OGRLinearRing r;
        for (const auto& pt : ring) r.addPoint(pt.lon, pt.lat);
        poly.addRing(&r);
    }
    return poly;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(disputes)

BOOST_DATA_TEST_CASE(known_points, boost::unit_test::data::make(read_points()), c) {
    const Dispute* d = test::data().disputes().find(c.id);
    BOOST_REQUIRE_MESSAGE(d, "no dispute " << c.id);
    BOOST_TEST(contains(*d->polygon, {c.lon, c.lat}) == c.inside, c);
}

BOOST_AUTO_TEST_CASE(points_cover_every_dispute) {
    std::map<std::string, std::pair<int, int>> per;
    for (const auto& c : read_points()) (c.inside ? per[c.id].first : per[c.id].second)++;
    for (const Dispute& d : test::data().disputes().all()) {
        BOOST_TEST(per[d.id].first >= 1, d.id << " has no point inside");
        BOOST_TEST(per[d.id].second >= 1, d.id << " has no point outside");
    }
}

BOOST_AUTO_TEST_CASE(registry_is_complete_and_valid) {
    const auto& all = test::data().disputes().all();
    BOOST_TEST(all.size() >= 130u);
    std::set<std::string> ids;
    const std::set<std::string> kinds{"land", "island", "maritime", "sector"};
    const std::set<std::string> hows{"treaty", "court ruling", "arbitration"};
    for (const Dispute& d : all) {
        BOOST_TEST(ids.insert(d.id).second, "duplicate id " << d.id);
        BOOST_TEST(!d.parties.empty(), d.id);
        BOOST_TEST(!d.status.empty(), d.id);
        BOOST_TEST(kinds.count(d.kind) == 1u, d.id << " kind " << d.kind);
        if (d.settled()) {
            BOOST_TEST(hows.count(d.settled_how) == 1u, d.id << " settled by " << d.settled_how);
            BOOST_TEST((d.settled_year >= 1900 && d.settled_year <= 2030), d.id << " settled in " << d.settled_year);
        } else {
            BOOST_TEST(d.settled_how.empty(), d.id);
        }
        BOOST_TEST(!d.polygon->empty(), d.id);
        for (const Polygon& p : *d.polygon) {
            const OGRPolygon g = to_ogr(p);
            BOOST_TEST(g.IsValid(), d.id << " has an invalid part");
        }
    }
    for (const char* id : {"nagorno-karabakh",
                           "kashmir",
                           "crimea",
                           "western-sahara",
                           "kuril-islands",
                           "falkland-islands",
                           "essequibo",
                           "spratly-islands",
                           "paracel-islands",
                           "scarborough-shoal",
                           "senkaku-islands",
                           "golan-heights",
                           "west-bank",
                           "northern-cyprus",
                           "kosovo",
                           "abkhazia",
                           "south-ossetia",
                           "transnistria",
                           "donbas",
                           "aksai-chin",
                           "arunachal-pradesh",
                           "kafia-kingi",
                           "sapodilla-cayes",
                           "machias-seal-island",
                           "hatay",
                           "antarctic-peninsula-overlap",
                           "bir-tawil",
                           "hans-island",
                           "pedra-branca",
                           "bakassi"}) {
        BOOST_TEST(ids.count(id) == 1u, id);
    }
    // Kinds and settlements as the registry records them.
    const auto& reg = test::data().disputes();
    BOOST_TEST(reg.find("hans-island")->settled_year == 2022);
    BOOST_TEST(reg.find("hans-island")->settled_how == "treaty");
    BOOST_TEST(reg.find("pedra-branca")->settled_how == "court ruling");
    BOOST_TEST(reg.find("piran-bay")->kind == "maritime");
    BOOST_TEST(reg.find("antarctica-chile")->kind == "sector");
    BOOST_TEST(!reg.find("crimea")->settled());
}

// The Antarctic Peninsula overlap lies inside each of the three sectors
// it is the overlap of, and outside Norway's.
// The registry reader on files of our own: fields read as given, the entry
// without a polygon left out, and a broken file or a field of the wrong type
// reported as one line naming the registry (and the entry).
BOOST_AUTO_TEST_CASE(registry_reader_fields_and_errors) {
    const Layer& polygons = test::data().layer("disputes");
    const std::string known = polygons.value(0, "id");
    char tmpl[] = "/tmp/borderline-registry-XXXXXX";
    BOOST_REQUIRE(::mkdtemp(tmpl) != nullptr);
    const std::filesystem::path dir = tmpl;
    const auto read = [&](const std::string& text) {
        std::ofstream(dir / "r.json") << text;
        return read_disputes(dir / "r.json", polygons);
    };
    const auto message = [&](const std::string& text) {
        try {
            read(text);
        } catch (const DataError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::vector<Dispute> got = read(R"([
        {"id": ")" + known + R"(", "name": "Test Land", "aliases": ["T L", 7, "Tee"], "parties": ["AAA", "BBB"],
         "status": "occupied", "since": 1975, "kind": "land", "settled": {"year": 2001, "how": "treaty"}},
        {"id": "no-such-polygon", "name": "Gone"},
        "not an entry", {"name": "no id"}])");
    BOOST_REQUIRE_EQUAL(got.size(), 1u);
    const Dispute& d = got.front();
    BOOST_TEST(d.id == known);
    BOOST_TEST(d.name == "Test Land");
    BOOST_TEST((d.aliases == std::vector<std::string>{"T L", "Tee"}));
    BOOST_TEST((d.parties == std::vector<std::string>{"AAA", "BBB"}));
    BOOST_TEST(d.status == "occupied");
    BOOST_TEST(d.since == 1975);
    BOOST_TEST(d.settled_year == 2001);
    BOOST_TEST(d.settled_how == "treaty");
    BOOST_TEST(d.polygon != nullptr);
    BOOST_TEST(d.folded_names.size() == 3u);
    // The name defaults to the id.
    BOOST_TEST(read(R"([{"id": ")" + known + R"("}])").front().name == known);
    const std::string broken = message("[{\"id\": ");
    BOOST_TEST(broken.rfind("dispute registry " + (dir / "r.json").string() + " is not valid JSON: ", 0) == 0u, broken);
    BOOST_TEST(broken.find('\n') == std::string::npos);
    BOOST_TEST(message("{\"id\": \"x\"}").find("is not a JSON array") != std::string::npos);
    BOOST_TEST(message(R"([{"id": ")" + known + R"(", "name": 3}])") ==
               "dispute registry " + (dir / "r.json").string() + ": entry " + known + ": name is not a string");
    BOOST_TEST(message("[]") == "no error");
    std::filesystem::remove_all(dir);
    try {
        read_disputes(dir / "r.json", polygons);
        BOOST_ERROR("a missing registry was read");
    } catch (const DataError& e) {
        BOOST_TEST(std::string(e.what()).find("is missing") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(antarctic_overlap_is_inside_each_sector) {
    const auto& reg = test::data().disputes();
    const LonLat peninsula{-64.0, -68.0};
    BOOST_TEST(contains(*reg.find("antarctic-peninsula-overlap")->polygon, peninsula));
    for (const char* id : {"antarctica-argentina", "antarctica-chile", "antarctica-uk"}) {
        BOOST_TEST(contains(*reg.find(id)->polygon, peninsula), id);
    }
    BOOST_TEST(!contains(*reg.find("antarctica-norway")->polygon, peninsula));
}

// A settled dispute is drawn as history unless the article is about the
// settlement; the flag reaches the scene and the extract JSON.
BOOST_AUTO_TEST_CASE(settled_dispute_is_history_unless_the_article_is_about_the_settlement) {
    auto scene_dispute = [](const std::string& text) -> nlohmann::json {
        const Extraction x = extract(make_document(text, "x.txt"), test::gazetteer(), test::data(), SceneOptions{});
        const nlohmann::json j = to_json(x, test::gazetteer());  // kept: the loop views into it
        for (const auto& d : j["disputes"]) {
            if (d["id"] == "bakassi") return d;
        }
        return nullptr;
    };
    const auto today = scene_dispute(
        "Fishermen on the Bakassi peninsula\n\nFishermen in Bakassi say Cameroonian gendarmes and Nigerian "
        "traders still argue over taxes on the peninsula's markets.");
    BOOST_REQUIRE(!today.is_null());
    BOOST_TEST(today["settled"]["year"] == 2002);
    BOOST_TEST(today["settled"]["how"] == "court ruling");
    BOOST_TEST(today["history"] == true);
    const auto ruling = scene_dispute(
        "World court gives Bakassi to Cameroon\n\nThe International Court of Justice ruled that the Bakassi "
        "peninsula belongs to Cameroon, not Nigeria, in a ruling handed down in The Hague.");
    BOOST_REQUIRE(!ruling.is_null());
    BOOST_TEST(ruling["history"] == false);
}

BOOST_AUTO_TEST_CASE(search_by_alias_and_party) {
    const auto& reg = test::data().disputes();
    auto hits = reg.search("Artsakh");
    BOOST_REQUIRE(!hits.empty());
    BOOST_TEST(hits.front()->id == "nagorno-karabakh");
    hits = reg.search("Malvinas");
    BOOST_REQUIRE(!hits.empty());
    BOOST_TEST(hits.front()->id == "falkland-islands");
    BOOST_TEST(reg.is_party("RUS"));
    BOOST_TEST(reg.is_party("ISL"));  // Rockall
    BOOST_TEST(!reg.is_party("LUX"));
}

namespace {

Colour pixel(const std::string& png, double x, double y) {
    cairo_surface_t* s = test::decode_png(png);
    // The most common colour in a 9x9 square: hatching has two colours, a
    // plain fill one.
    std::map<std::uint32_t, int> counts;
    for (int dy = -4; dy <= 4; ++dy) {
        for (int dx = -4; dx <= 4; ++dx) {
            const unsigned char* row =
                cairo_image_surface_get_data(s) + (static_cast<int>(y) + dy) * cairo_image_surface_get_stride(s);
            counts[reinterpret_cast<const std::uint32_t*>(row)[static_cast<int>(x) + dx] & 0xFFFFFFu]++;
        }
    }
    cairo_surface_destroy(s);
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    const double share = best->second / 81.0;
    const std::uint32_t px = best->first;
    // Alpha channel carries how uniform the square is.
    return {((px >> 16) & 255) / 255.0, ((px >> 8) & 255) / 255.0, (px & 255) / 255.0, share};
}

bool near(const Colour& a, const Colour& b) {
    return std::abs(a.r - b.r) < 0.03 && std::abs(a.g - b.g) < 0.03 && std::abs(a.b - b.b) < 0.03;
}

Colour party_fill(const Style& st, const Scene& s, const std::string& iso) {
    for (const auto& p : s.parties) {
        if (p.country == iso) {
            const Colour& c = st.parties[static_cast<std::size_t>(p.colour_index)];
            return {st.land.r + (c.r - st.land.r) * 0.55, st.land.g + (c.g - st.land.g) * 0.55,
                    st.land.b + (c.b - st.land.b) * 0.55, 1};
        }
    }
    BOOST_FAIL("no party " + iso);
    return {};
}

}  // namespace

BOOST_AUTO_TEST_CASE(crimea_follows_the_worldview) {
    const Document doc = read_document((test::source_dir() / "samples" / "crimea-bridge.txt").string());
    const Style st = load_style(test::source_dir() / "styles" / "default.json");
    std::map<std::string, Colour> seen;
    for (const std::string wv : {"", "RUS", "UKR"}) {
        SceneOptions so;
        so.worldview = wv;
        const Extraction x = extract(doc, test::gazetteer(), test::data(), so);
        double px = 0, py = 0;
        // Steppe north of Simferopol, away from labels.
        BOOST_REQUIRE(project_to_pixel(x.scene, {34.0, 45.45}, px, py));
        const std::string png = render_to_bytes(x.scene, test::data(), st, OutputFormat::png);
        seen[wv] = pixel(png, px, py);
        if (wv == "RUS" || wv == "UKR") {
            BOOST_TEST(near(seen[wv], party_fill(st, x.scene, wv)), "worldview " << wv);
            BOOST_TEST(seen[wv].a > 0.95, "a plain fill under worldview " << wv);
        } else {
            BOOST_TEST(seen[wv].a < 0.8, "de facto view hatches Crimea");
        }
    }
    BOOST_TEST(!near(seen["RUS"], seen["UKR"]));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(dispute_labels)

namespace {
std::vector<LabelBox> labels_of(const std::string& sample, const std::string& worldview) {
    const Document doc = read_document((test::source_dir() / "samples" / sample).string());
    SceneOptions so;
    so.worldview = worldview;
    const Extraction x = extract(doc, test::gazetteer(), test::data(), so);
    return layout_labels(x.scene, test::data(), load_style(test::source_dir() / "styles" / "default.json"));
}
bool has(const std::vector<LabelBox>& boxes, const std::string& what) {
    return std::any_of(boxes.begin(), boxes.end(), [&](const LabelBox& b) { return b.what == what; });
}
}  // namespace

// "Jammu and Kashmir" beside "Jammu and Kashmir (Indian-administered)" said
// the same thing twice; the province's label goes, the dispute's stays.
BOOST_AUTO_TEST_CASE(a_province_the_dispute_label_repeats_is_not_labelled) {
    const auto kashmir = labels_of("kashmir-line-of-control.txt", "");
    BOOST_TEST(has(kashmir, "Jammu and Kashmir (Indian-administered)"));
    BOOST_TEST(!has(kashmir, "Jammu and Kashmir"));
    const auto crimea = labels_of("crimea-bridge.txt", "");
    BOOST_TEST(has(crimea, "Crimea"));
    BOOST_TEST(!has(crimea, "Autonomous Republic of Crimea"));
    BOOST_TEST(has(crimea, "Sevastopol"));  // a city inside the dispute keeps its label
}

// A border feature named as the dispute it stands for (a shoal, a cay, a
// farming region) is not labelled a second time beside the dispute's own
// label, nor dotted a few kilometres from its hatching; other places keep
// their labels.
BOOST_AUTO_TEST_CASE(a_feature_the_dispute_label_repeats_is_not_labelled_twice) {
    struct Case {
        const char* text;
        const char* dispute;
        const char* kept;  // another place of the story, still labelled
    };
    const Case cases[] = {
        {"Chinese coast guard ships blocked Philippine boats at Scarborough Shoal on Monday. Manila protested, "
         "and fishermen from Zambales province said they were chased away from Scarborough Shoal again.",
         "scarborough-shoal", "Zambales province"},
        {"Honduras says the Sapodilla Cayes are Honduran, Belize says they are Belizean. Fishermen from Punta "
         "Gorda visit the Sapodilla Cayes every week.",
         "sapodilla-cayes", "Punta Gorda"},
        {"Sudanese and Ethiopian farmers clashed again in Fashaga this week. Sudan says the farmland of Fashaga "
         "is Sudanese; Ethiopia says its farmers have worked it for decades. Gallabat was calm.",
         "al-fashaga", "Gallabat"},
        // A village in the area, though one of the dispute's names, is a
        // place of its own.
        {"Sudan says the Halaib triangle is Sudanese; Egypt has run it since the 1990s. Egypt plans a fishing port "
         "at the village of Halaib, on the coast of the Halaib triangle.",
         "halaib-triangle", "Halaib"},
    };
    const Style style = load_style(test::source_dir() / "styles" / "default.json");
    for (const Case& c : cases) {
        const Extraction x = extract(make_document(c.text, "x.txt"), test::gazetteer(), test::data(), SceneOptions{});
        const std::string name = test::data().disputes().find(c.dispute)->name;
        const auto boxes = layout_labels(x.scene, test::data(), style);
        const auto times = std::count_if(boxes.begin(), boxes.end(), [&](const LabelBox& b) {
            return fold(b.what) == fold(name) || b.what == "marker: " + name;
        });
        BOOST_TEST(has(boxes, name), c.dispute);
        BOOST_TEST(times == 1, c.dispute << ": " << times << " labels");
        BOOST_TEST(std::none_of(x.scene.markers.begin(), x.scene.markers.end(),
                                [&](const Marker& m) {
                                    return m.place_id.rfind("feature:", 0) == 0 &&
                                           fold(name).find(fold(m.name)) != std::string::npos;
                                }),
                   c.dispute);
        BOOST_TEST(has(boxes, c.kept), c.dispute << " keeps " << c.kept);
    }
}

// Every hatched area in view is explained: the disputes the article does
// not name get a (muted) label where there is room, after the story's own.
BOOST_AUTO_TEST_CASE(hatched_areas_the_article_does_not_name_are_labelled) {
    const auto crimea = labels_of("crimea-bridge.txt", "");
    BOOST_TEST(has(crimea, "Crimea"));
    BOOST_TEST(has(crimea, test::data().disputes().find("kherson-left-bank")->name));
    // A base map names no dispute: every one in view is labelled.
    const Scene base = plan_base_scene(Box{22, 33, 37, 42}, SceneOptions{}, test::data());
    const auto aegean = layout_labels(base, test::data(), load_style(test::source_dir() / "styles" / "default.json"));
    for (const char* id : {"aegean-sea", "northern-cyprus", "hatay"}) {
        BOOST_TEST(has(aegean, test::data().disputes().find(id)->name), id);
    }
}

// A dispute that is not the story's and spans a few pixels at the map's
// scale is neither drawn nor labelled: a world map named sixty specks it
// could not show. Closer in, the same dispute is drawn and labelled.
BOOST_AUTO_TEST_CASE(a_speck_of_context_is_not_labelled_on_a_world_map) {
    const Style style = load_style(test::source_dir() / "styles" / "default.json");
    const std::string machias = test::data().disputes().find("machias-seal-island")->name;
    const Scene world = plan_base_scene(Box{-120, -45, 160, 80}, SceneOptions{}, test::data());
    const auto far = layout_labels(world, test::data(), style);
    BOOST_TEST(!has(far, machias));
    BOOST_TEST(has(far, test::data().disputes().find("western-sahara")->name));  // large enough to see
    const Scene near = plan_base_scene(Box{-68.5, 43.8, -66, 45.3}, SceneOptions{}, test::data());
    BOOST_TEST(has(layout_labels(near, test::data(), style), machias));
}

// A hatched area whose label point lies off the map, with a good part of
// the area on it, is labelled in the middle of that part (the West Bank
// below a map of the Shebaa Farms had no label).
BOOST_AUTO_TEST_CASE(an_area_whose_label_point_is_off_the_map_is_labelled_on_it) {
    const Style style = load_style(test::source_dir() / "styles" / "default.json");
    const Dispute* wb = test::data().disputes().find("west-bank");
    BOOST_REQUIRE(wb != nullptr);
    BOOST_REQUIRE(wb->bbox.north > wb->label.lat + 0.3);
    const Box box{wb->bbox.west - 0.6, wb->label.lat + 0.1, wb->bbox.east + 0.6, wb->label.lat + 1.6};
    const Scene base = plan_base_scene(box, SceneOptions{}, test::data());
    const auto boxes = layout_labels(base, test::data(), style);
    const auto it = std::find_if(boxes.begin(), boxes.end(), [&](const LabelBox& b) { return b.what == wb->name; });
    BOOST_REQUIRE(it != boxes.end());
    BOOST_TEST((it->x >= 0 && it->y >= 0 && it->x + it->w <= base.size.width && it->y + it->h <= base.size.height));
}

// Natural Earth's maritime boundary indicators are drawn, the disputed ones
// in the disputed colour, and the legend says so: the eastern Mediterranean
// has three lines Natural Earth marks disputed.
BOOST_AUTO_TEST_CASE(maritime_lines_are_drawn_and_explained) {
    const Layer& m = test::data().layer("maritime_lines");
    std::size_t disputed = 0;
    for (std::size_t i = 0; i < m.size(); ++i) disputed += m.value(i, "kind") == "disputed" ? 1 : 0;
    BOOST_TEST(disputed == 21u);
    const Scene base = plan_base_scene(Box{22, 33, 37, 42}, SceneOptions{}, test::data());
    const std::string svg = render_to_bytes(
        base, test::data(), load_style(test::source_dir() / "styles" / "default.json"), OutputFormat::svg);
    BOOST_TEST(test::words_of(svg).find("Disputed maritime boundary") != std::string::npos);
    // Over the open Atlantic there is none, and the legend has no entry.
    const Scene atlantic = plan_base_scene(Box{-40, 20, -30, 30}, SceneOptions{}, test::data());
    const std::string empty = render_to_bytes(
        atlantic, test::data(), load_style(test::source_dir() / "styles" / "default.json"), OutputFormat::svg);
    BOOST_TEST(test::words_of(empty).find("maritime boundary") == std::string::npos);
}

// The island the story is about is drawn as the island: its land polygon
// tinted and outlined in the locus group (Vanua Balavu; both halves of
// Taveuni, which the data splits at 180 degrees, when the map is framed on
// it). An island only named beside it (Taveuni in the Vanua Balavu story)
// keeps its country's colour; a story naming no island has none.
BOOST_AUTO_TEST_CASE(islands_named_are_drawn_as_islands) {
    auto island_fill = [](const std::string& file, const std::string& focus) {
        const Document doc = read_document(file);
        SceneOptions options;
        options.focus = focus;
        const Extraction x = extract(doc, test::gazetteer(), test::data(), options);
        const std::string svg = render_to_bytes(
            x.scene, test::data(), load_style(test::source_dir() / "styles" / "default.json"), OutputFormat::svg);
        const auto at = svg.find("id=\"locus\"");
        BOOST_REQUIRE(at != std::string::npos);
        const std::string group = svg.substr(at, svg.find("</g>", at) - at);
        const auto tint = group.find("fill-opacity=\"0.18\"");
        if (tint == std::string::npos) return std::string();
        const auto start = group.rfind("<path", tint);
        return group.substr(start, group.find('>', tint) - start);
    };
    const std::string lau = (test::source_dir() / "tests" / "data" / "framing" / "fiji_lau.txt").string();
    // Vanua Balavu lies in the right third of the 1600 px map, Taveuni left
    // of the middle: every part of the tint starts right of x = 1000.
    const std::string fiji = island_fill(lau, "");
    BOOST_TEST(std::count(fiji.begin(), fiji.end(), 'M') >= 1);
    for (auto m = fiji.find('M'); m != std::string::npos; m = fiji.find('M', m + 1)) {
        BOOST_TEST(std::stod(fiji.substr(m + 1)) > 1000, fiji.substr(m, 20));
    }
    const std::string taveuni = island_fill(lau, "feature:taveuni");
    BOOST_TEST(std::count(taveuni.begin(), taveuni.end(), 'M') >= 2);  // Taveuni's two halves
    BOOST_TEST(island_fill((test::source_dir() / "samples" / "armenia-azerbaijan-syunik.txt").string(), "").empty());
}

// A reef, shoal or islet the story names that the land layer does not hold
// gets a locator ring: its marker's box is the ring's, several times a plain
// dot's. A strait is no speck, and an island the land layer holds (Taveuni)
// is drawn as the island instead.
BOOST_AUTO_TEST_CASE(reefs_and_islets_get_a_locator_ring) {
    const Style style = load_style(test::source_dir() / "styles" / "default.json");
    auto markers_of = [&](const std::string& file) {
        const Document doc = read_document((test::source_dir() / "tests" / "data" / "framing" / file).string());
        const Extraction x = extract(doc, test::gazetteer(), test::data(), SceneOptions{});
        std::map<std::string, double> widths;  // marker name -> its box's width, as a share of the map's scale
        const double k = std::sqrt(static_cast<double>(x.scene.size.width) * x.scene.size.height) / 1265.0;
        for (const LabelBox& b : layout_labels(x.scene, test::data(), style)) {
            if (b.what.rfind("marker: ", 0) == 0) widths[b.what.substr(8)] = b.w / k;
        }
        return widths;
    };
    // A plain dot's box is 2 * 3.4 + 2 px at scale 1; a ringed speck's 21.
    const auto reefs = markers_of("spratly_reefs.txt");
    for (const char* reef : {"Mischief Reef", "Subi Reef", "Fiery Cross Reef"}) {
        BOOST_TEST_REQUIRE(reefs.count(reef), reef);
        BOOST_TEST(reefs.at(reef) > 18, reef);
    }
    const auto kerch = markers_of("kerch_ferries.txt");
    BOOST_TEST_REQUIRE(kerch.count("Kerch Strait"));
    BOOST_TEST(kerch.at("Kerch Strait") < 10);
    const auto fiji = markers_of("fiji_lau.txt");
    BOOST_TEST_REQUIRE(fiji.count("Vanua Balavu"));
    BOOST_TEST(fiji.at("Vanua Balavu") < 10);
}

// Natural Earth draws Crimea inside Russia's polygon; under Ukraine's
// worldview the peninsula is painted Ukrainian, and the name RUSSIA on it
// would say the opposite. Country names stay off disputed areas.
BOOST_AUTO_TEST_CASE(country_names_stay_off_disputed_areas) {
    const Dispute* crimea = test::data().disputes().find("crimea");
    BOOST_REQUIRE(crimea);
    BOOST_REQUIRE(contains(*crimea->polygon, {34.10, 44.95}));  // Simferopol: the polygon is the peninsula
    for (const std::string wv : {"", "UKR", "RUS"}) {
        const Document doc = read_document((test::source_dir() / "samples" / "crimea-bridge.txt").string());
        SceneOptions so;
        so.worldview = wv;
        const Extraction ex = extract(doc, test::gazetteer(), test::data(), so);
        const auto boxes =
            layout_labels(ex.scene, test::data(), load_style(test::source_dir() / "styles" / "default.json"));
        // The dispute's box sampled every 0.02 degrees and projected through
        // one view (project_to_pixel builds one per call); the point-in-polygon
        // test, the costly part (50 s when it ran for every sample and label
        // corner), runs only for samples near a corner.
        const renderer::View view(ex.scene.projection, ex.scene.bbox, renderer::map_area(ex.scene));
        std::vector<std::pair<LonLat, std::pair<double, double>>> samples;
        for (double lon = crimea->bbox.west; lon <= crimea->bbox.east; lon += 0.02) {
            for (double lat = crimea->bbox.south; lat <= crimea->bbox.north; lat += 0.02) {
                double x = 0, y = 0;
                if (view.to_px(lon, lat, x, y)) samples.push_back({{lon, lat}, {x, y}});
            }
        }
        BOOST_TEST(samples.size() > 1000u, "Crimea's box is on the map under worldview '" << wv << "'");
        const auto on_crimea = [&](double px, double py) {
            return std::any_of(samples.begin(), samples.end(), [&](const auto& s) {
                return std::abs(s.second.first - px) < 3 && std::abs(s.second.second - py) < 3 &&
                       contains(*crimea->polygon, s.first);
            });
        };
        double sx = 0, sy = 0;  // the check sees the peninsula where it is
        BOOST_TEST((view.to_px(34.10, 44.95, sx, sy) && on_crimea(sx, sy)),
                   "Simferopol under worldview '" << wv << "'");
        int checked = 0;
        for (const LabelBox& b : boxes) {
            if (b.what != "Russia" && b.what != "Ukraine") continue;
            // No corner or centre of a country's label lies on the peninsula.
            for (const auto& [px, py] : {std::pair{b.x, b.y}, std::pair{b.x + b.w, b.y}, std::pair{b.x, b.y + b.h},
                                         std::pair{b.x + b.w, b.y + b.h}, std::pair{b.x + b.w / 2, b.y + b.h / 2}}) {
                BOOST_TEST(!on_crimea(px, py), b.what << " labelled on Crimea under worldview '" << wv << "'");
            }
            ++checked;
        }
        BOOST_TEST(checked == 2, "both country names placed under worldview '" << wv << "'");
    }
}

// A territory that is itself the disputed area is no party to its dispute:
// the hatching and the legend name the registry's claimants (Argentina and
// the United Kingdom), not "Falkland Islands" claiming the Falkland Islands.
BOOST_AUTO_TEST_CASE(the_disputed_territory_is_not_a_party) {
    const struct {
        std::string text;
        std::vector<std::string> parties;
        std::string not_party;
    } cases[] = {
        {"Argentina renews its claim to the Falkland Islands\n\nArgentina said the Falkland Islands belong to it.\n",
         {"ARG", "GBR"},
         "FLK"},
        {"Talks on Northern Cyprus stall\n\nLeaders met in Nicosia to discuss Northern Cyprus and its future.\n",
         {"CYP", "TUR"},
         "CYN"},
        // A territory that is a party keeps its place: Kosovo claims itself.
        {"Serbia and Kosovo trade accusations\n\nSerbia said Kosovo had closed a crossing near Mitrovica.\n",
         {"SRB", "XKX"},
         ""},
    };
    for (const auto& c : cases) {
        const Extraction x = extract(make_document(c.text, "x.txt"), test::gazetteer(), test::data(), SceneOptions{});
        std::set<std::string> parties;
        for (const auto& p : x.scene.parties) parties.insert(p.country);
        for (const auto& want : c.parties) BOOST_TEST(parties.count(want) == 1u, want << " is a party in: " << c.text);
        if (!c.not_party.empty()) {
            BOOST_TEST(parties.count(c.not_party) == 0u, c.not_party << " is no party in: " << c.text);
            for (const auto& m : x.scene.mentioned) BOOST_TEST(m.country != c.not_party);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
