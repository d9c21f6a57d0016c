// Article shapes: every case of tests/data/shapes/ gives the shape written
// for it and its places, and none of the places its furniture names (a
// byline, a timestamp, the author's biography). The claims of these cases
// are measured by bench/eval_shapes (actor accuracy per shape).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <borderline/claims.hpp>
#include <borderline/shape.hpp>
#include <map>

#include "fixture.hpp"
#include "shape_cases.hpp"

using namespace borderline;
using borderline::test::gazetteer;

namespace {

std::vector<shape_cases::Case> cases() { return shape_cases::read(test::source_dir() / "tests" / "data" / "shapes"); }

}  // namespace

namespace borderline::shape_cases {
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.file << ": " << c.name; }
}  // namespace borderline::shape_cases

BOOST_AUTO_TEST_SUITE(shapes)

BOOST_DATA_TEST_CASE(shape_and_places, boost::unit_test::data::make(cases()), k) {
    const Document d = make_document(k.text, "case");
    BOOST_TEST(to_string(d.shape.kind) == k.shape);
    const auto places = resolve_places(d, gazetteer(), find_mentions(d, gazetteer()));
    std::vector<std::string> ids;
    for (const Place& p : places) ids.emplace_back(gazetteer().entry(p.entry).id);
    for (const auto& alternatives : k.places) {
        bool found = false;
        std::size_t from = 0;
        while (from <= alternatives.size() && !found) {
            const std::size_t bar = std::min(alternatives.find('|', from), alternatives.size());
            found = std::find(ids.begin(), ids.end(), alternatives.substr(from, bar - from)) != ids.end();
            from = bar + 1;
        }
        BOOST_TEST(found, "expected place " << alternatives);
    }
    for (const auto& id : k.noplaces) {
        BOOST_TEST((std::find(ids.begin(), ids.end(), id) == ids.end()), "not a place here: " << id);
    }
}

BOOST_AUTO_TEST_CASE(ten_cases_of_each_shape) {
    std::map<std::string, std::size_t> n;
    for (const auto& c : cases()) {
        ++n[c.shape];
        BOOST_TEST(!c.places.empty(), c.name << ": no place expected");
        BOOST_TEST(!c.claims.empty(), c.name << ": no claim expected");
    }
    for (const char* s : {"liveblog", "transcript", "press_release", "opinion", "brief"}) BOOST_TEST(n[s] >= 10u, s);
}

// What detection must not take for a shape.
BOOST_AUTO_TEST_CASE(plain_news_stays_news) {
    // A story with one time at the start of a line and a byline is news.
    const auto one_time = detect_shape(
        "Border talks resume\n\nBy Ana Lopes\n\n10:00 GMT is when the talks begin in Geneva, officials said.\n\n"
        "Armenia's foreign ministry said it hoped for progress.\n\nAzerbaijan said it was ready to sign.\n");
    BOOST_TEST(to_string(one_time.kind) == "news");
    BOOST_TEST(one_time.furniture.size() == 1u);  // the byline
    // Figures are not times: "12.50 percent" opens no entry.
    const auto figures = detect_shape(
        "Trade figures\n\n12.50 percent of exports go east.\n\n13.75 percent go west.\n\n"
        "14.10 percent go south.\n\n15.00 percent go north.\n");
    BOOST_TEST(figures.entries.empty());
    // "The Ministry of Defence said" is a report, not a release.
    const auto report = detect_shape(
        "Drone downed\n\nThe Ministry of Defence of Ukraine said on Monday that it had downed a drone over Odesa.\n\n"
        "Russia did not comment.\n");
    BOOST_TEST(to_string(report.kind) == "news");
    const auto lede = detect_shape(
        "Troops cross\n\nArmenia's Ministry of Foreign Affairs says Azerbaijani troops crossed the border.\n\n"
        "Azerbaijan denied it.\n");
    BOOST_TEST(to_string(lede.kind) == "news");
    // Labels such as "UPDATE:" and "READ MORE:" are not transcript turns.
    const auto labels = detect_shape(
        "Clashes\n\nUPDATE: more fighting was reported.\n\nREAD MORE: earlier clashes.\n\n"
        "UPDATE: the ceasefire holds.\n\nREAD MORE: the talks.\n");
    BOOST_TEST(labels.turns.empty());
}

BOOST_AUTO_TEST_SUITE_END()
