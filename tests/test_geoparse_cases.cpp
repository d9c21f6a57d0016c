// Geoparser cases as data (tests/data/geoparse_cases.tsv): a text and the
// places it must (and must not) give, with coordinates and tolerances.
#include "fixture.hpp"

#include <borderline/geoparse.hpp>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

using namespace borderline;

namespace {

struct Expect {
    std::string id;
    bool absent = false;
    double lat = 0, lon = 0, km = -1;
    int mentions = -1;     // "ID*N": exactly N mentions resolve to it (-1: any number)
    bool demonym = false;  // "ID#demonym": every mention of it is read as its people's name
};

struct Case {
    int line = 0;
    std::string text;
    bool none = false;
    bool only = false;  // no place beyond the expected ones
    std::vector<Expect> expects;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << "line " << c.line << ": " << c.text; }

std::vector<Case> read_cases(const char* file = "geoparse_cases.tsv") {
    std::vector<Case> out;
    std::ifstream in(test::source_dir() / "tests" / "data" / file);
    std::string line;
    int no = 0;
    while (std::getline(in, line)) {
        ++no;
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        Case c;
        c.line = no;
        c.text = line.substr(0, tab);
        std::istringstream ex(line.substr(tab + 1));
        std::string tok;
        while (std::getline(ex, tok, ';')) {
            while (!tok.empty() && tok.front() == ' ') tok.erase(0, 1);
            while (!tok.empty() && tok.back() == ' ') tok.pop_back();
            if (tok.empty()) continue;
            if (tok == "none") {
                c.none = true;
                continue;
            }
            if (tok == "only") {
                c.only = true;
                continue;
            }
            Expect e;
            if (tok[0] == '!') {
                e.absent = true;
                e.id = tok.substr(1);
            } else if (const auto at = tok.rfind('@'); at != std::string::npos) {
                e.id = tok.substr(0, at);
                std::sscanf(tok.c_str() + at + 1, "%lf,%lf/%lf", &e.lat, &e.lon, &e.km);
            } else {
                e.id = tok;
            }
            if (const auto hash = e.id.find("#demonym"); hash != std::string::npos) {
                e.demonym = true;
                e.id.erase(hash, 8);
            }
            if (const auto star = e.id.find('*'); star != std::string::npos) {
                e.mentions = std::stoi(e.id.substr(star + 1));
                e.id.erase(star);
            }
            c.expects.push_back(e);
        }
        out.push_back(c);
    }
    return out;
}

void check(const Case& c) {
    const Gazetteer& gaz = test::gazetteer();
    const Document doc = make_document(c.text + "\n", "case.txt");
    const auto places = resolve_places(doc, gaz, find_mentions(doc, gaz));
    std::map<std::string, Entry, std::less<>> found;
    std::map<std::string, std::size_t, std::less<>> mention_count;
    std::map<std::string, bool, std::less<>> all_demonyms;
    std::string all;
    for (const auto& p : places) {
        const Entry e = gaz.entry(p.entry);
        found[std::string(e.id)] = e;
        mention_count[std::string(e.id)] = p.mentions.size();
        all_demonyms[std::string(e.id)] =
            std::ranges::all_of(p.mentions, [](const Mention& m) { return m.role == NameRole::demonym; });
        all += ' ';
        all += e.id;
    }
    if (c.none) BOOST_TEST(places.empty(), "expected no place, got" << all);
    for (const auto& e : c.expects) {
        const auto it = found.find(e.id);
        if (e.absent) {
            BOOST_TEST((it == found.end()), e.id << " should not be found");
            continue;
        }
        BOOST_TEST((it != found.end()), e.id << " not found; got" << all);
        if (it != found.end() && e.mentions >= 0) {
            BOOST_TEST(mention_count[e.id] == static_cast<std::size_t>(e.mentions), e.id << " has the wrong mentions");
        }
        if (it != found.end() && e.demonym) {
            BOOST_TEST(all_demonyms[e.id], e.id << " has a mention not read as a demonym");
        }
        if (it != found.end() && e.km >= 0) {
            const double km = test::km_between(it->second.lon, it->second.lat, e.lon, e.lat);
            BOOST_TEST(km <= e.km, e.id << " is " << km << " km from the expected point");
        }
    }
    if (c.only) {
        for (const auto& [id, e] : found) {
            const bool expected =
                std::ranges::any_of(c.expects, [&](const Expect& x) { return x.id == id && !x.absent; });
            BOOST_TEST(expected, id << " (" << e.name << ") was not expected");
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(geoparse_cases)

BOOST_AUTO_TEST_CASE(there_are_enough_cases) { BOOST_TEST(read_cases().size() >= 80u); }

BOOST_DATA_TEST_CASE(text_gives_places, boost::unit_test::data::make(read_cases()), c) { check(c); }

BOOST_AUTO_TEST_CASE(there_are_enough_date_cases) { BOOST_TEST(read_cases("temporal_cases.tsv").size() >= 40u); }

// Dates and times spelled like places ("Nov 3", "Mon 4 Nov", "in March").
BOOST_DATA_TEST_CASE(dates_are_no_places, boost::unit_test::data::make(read_cases("temporal_cases.tsv")), c) {
    check(c);
}

// "the town of X", "X province": the kind the words around a name give it.
BOOST_DATA_TEST_CASE(kind_cues_pick_the_kind, boost::unit_test::data::make(read_cases("cue_cases.tsv")), c) {
    check(c);
}

// "the U.S. state of Georgia" once: that mention only (issue 18 item 2).
BOOST_DATA_TEST_CASE(a_qualifier_speaks_for_its_mention,
                     boost::unit_test::data::make(read_cases("discourse_cases.tsv")), c) {
    check(c);
}

BOOST_AUTO_TEST_CASE(there_are_enough_other_name_cases) {
    BOOST_TEST(read_cases("other_name_cases.tsv").size() >= 100u);
}

// "Warszawa", "Peking", "Kishinev", "Polska": endonyms and former names.
BOOST_DATA_TEST_CASE(other_names_give_the_place, boost::unit_test::data::make(read_cases("other_name_cases.tsv")), c) {
    check(c);
}

// "Congo", "Korea", "Georgia": the reading the article's other places support.
BOOST_DATA_TEST_CASE(short_names_follow_the_context, boost::unit_test::data::make(read_cases("short_name_cases.tsv")),
                     c) {
    check(c);
}

// "Storm damage in Pineville": the largest Pineville when nothing else
// tells them apart; two Franklins in one state: the one nearer the places
// the article names (issue 17 item 5).
BOOST_DATA_TEST_CASE(population_decides_what_nothing_else_does,
                     boost::unit_test::data::make(read_cases("population_cases.tsv")), c) {
    check(c);
}

// "Europeans", "Manitobans", "Azerbaijanis": a people's name in the
// plural is read as the singular is; ordinary plurals stay words.
BOOST_DATA_TEST_CASE(plural_demonyms_name_their_place, boost::unit_test::data::make(read_cases("demonym_cases.tsv")),
                     c) {
    check(c);
}

// "Slidell, La.", "in B.C.": a newsroom's abbreviation names the state.
BOOST_DATA_TEST_CASE(state_abbreviations_name_the_state,
                     boost::unit_test::data::make(read_cases("abbreviation_cases.tsv")), c) {
    check(c);
}

// "Reigning champion Ashley Sutton", "Austin Jackson, who lives in Texas":
// words of a person's name that are also places are not places.
BOOST_DATA_TEST_CASE(person_names_are_no_places, boost::unit_test::data::make(read_cases("person_name_cases.tsv")), c) {
    check(c);
}

// "NEW DELHI: The court", "LONDON The Latest", "TORRINGTON — Mayor":
// where the story was filed from.
BOOST_DATA_TEST_CASE(datelines_name_where_a_story_is_filed,
                     boost::unit_test::data::make(read_cases("dateline_cases.tsv")), c) {
    check(c);
}

BOOST_AUTO_TEST_CASE(there_are_enough_given_name_cases) {
    BOOST_TEST(read_cases("given_name_cases.tsv").size() >= 25u);
}

// "arrested Paul Francis Floyd", "Nine-year-old Georgia Stevens": a run of
// capitalised words that a given name opens is a person's (issue 18 part 3).
BOOST_DATA_TEST_CASE(given_names_open_a_persons_name, boost::unit_test::data::make(read_cases("given_name_cases.tsv")),
                     c) {
    check(c);
}

BOOST_AUTO_TEST_SUITE_END()
