// Claims: the cases in tests/data/claims/ (one data test case over all of
// them), precision and recall over those cases, and the seed article in
// ../shared/seeds/ when it is there.
#include <algorithm>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <borderline/claims.hpp>
#include <borderline/extract.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include "case_files.hpp"

#include "fixture.hpp"

using namespace borderline;
using borderline::test::gazetteer;

namespace {

struct Expected {
    std::string country, stance;
    std::vector<std::string> places;
    int geographic = -1;  // -1 unchecked, 0 no, 1 yes
    std::string dispute;
    std::string text;  // after "text:": what the claim's text must start with
};

struct Case {
    std::string file, name, text;
    std::vector<Expected> claims;  // empty: the text must give no claim
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.file << ": " << c.name; }

std::vector<Case> read_cases(const std::string& sub = "") {
    const std::vector<std::filesystem::path> files =
        borderline::test::case_files(test::source_dir() / "tests" / "data" / "claims" / sub);
    std::vector<Case> out;
    for (const auto& f : files) {
        std::ifstream in(f);
        std::string line;
        Case* cur = nullptr;
        bool expect = false;
        while (std::getline(in, line)) {
            if (line.rfind("=== ", 0) == 0) {
                out.push_back({f.filename().string(), line.substr(4), {}, {}});
                cur = &out.back();
                expect = false;
                continue;
            }
            if (!cur || (line.rfind('#', 0) == 0 && !expect && cur->text.empty())) continue;
            if (line == "---") {
                expect = true;
                continue;
            }
            if (!expect) {
                cur->text += line + "\n";
                continue;
            }
            if (line.empty() || line[0] == '#' || line == "none") continue;
            Expected e;
            if (const auto at = line.find(" text: "); at != std::string::npos) {
                e.text = line.substr(at + 7);
                line.resize(at);
            }
            std::stringstream ss(line);
            ss >> e.country >> e.stance;
            std::string w;
            while (ss >> w) {
                if (w == "geo=yes")
                    e.geographic = 1;
                else if (w == "geo=no")
                    e.geographic = 0;
                else if (w.rfind("dispute=", 0) == 0)
                    e.dispute = w.substr(8);
                else
                    e.places.push_back(w);
            }
            cur->claims.push_back(e);
        }
    }
    // Trailing blank lines belong to no paragraph.
    for (auto& c : out) {
        while (c.text.size() > 1 && c.text.back() == '\n' && c.text[c.text.size() - 2] == '\n') c.text.pop_back();
    }
    return out;
}

std::vector<Claim> claims_of(const std::string& text) {
    const Document d = make_document(text, "case");
    const auto places = resolve_places(d, gazetteer(), find_mentions(d, gazetteer()));
    return find_claims(d, gazetteer(), places);
}

bool matches(const Expected& e, const Claim& c) {
    if (c.actor.country != e.country || to_string(c.stance) != e.stance) return false;
    for (const auto& p : e.places) {
        if (std::find(c.places.begin(), c.places.end(), p) == c.places.end()) return false;
    }
    if (e.geographic >= 0 && c.geographic != (e.geographic == 1)) return false;
    if (!e.dispute.empty() && std::find(c.disputes.begin(), c.disputes.end(), e.dispute) == c.disputes.end())
        return false;
    if (!e.text.empty() && !c.text.starts_with(e.text)) return false;
    return true;
}

std::string describe(const Claim& c) {
    std::string s = c.actor.country + " " + to_string(c.stance) + " [";
    for (const auto& p : c.places) s += p + " ";
    s += c.geographic ? "] geo=yes" : "] geo=no";
    return s + " \"" + c.text + "\" (actor \"" + c.actor.text + "\")";
}

/// Expected claims matched, in order, one found claim each.
struct Score {
    std::size_t expected = 0, found = 0, matched = 0;
    std::vector<std::string> missing, extra;
};

Score score(const Case& k, const std::vector<Claim>& got) {
    Score s;
    s.expected = k.claims.size();
    s.found = got.size();
    std::vector<bool> used(got.size(), false);
    for (const auto& e : k.claims) {
        bool hit = false;
        for (std::size_t i = 0; i < got.size() && !hit; ++i) {
            if (!used[i] && matches(e, got[i])) used[i] = hit = true;
        }
        if (hit)
            ++s.matched;
        else
            s.missing.push_back(e.country + " " + e.stance);
    }
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!used[i]) s.extra.push_back(describe(got[i]));
    }
    return s;
}

std::filesystem::path seed_path() {
    return test::source_dir() / ".." / "shared" / "seeds" / "armenia-azerbaijan-border.txt";
}

struct SeedPresent {
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
        boost::test_tools::assertion_result r(std::filesystem::exists(seed_path()));
        r.message() << seed_path().string() << " is absent";
        return r;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(claims)

BOOST_DATA_TEST_CASE(claim_case, boost::unit_test::data::make(read_cases()), k) {
    const auto got = claims_of(k.text);
    const Score s = score(k, got);
    std::string missing, extra;
    for (const auto& m : s.missing) missing += "\n  expected, not found: " + m;
    for (const auto& x : s.extra) extra += "\n  found, not expected: " + x;
    BOOST_TEST(s.missing.empty(), missing);
    BOOST_TEST(s.extra.empty(), extra);
    for (const auto& c : got) {
        BOOST_TEST(c.text.size() <= 160u);
        BOOST_TEST(c.span.end > c.span.start);
    }
}

BOOST_AUTO_TEST_CASE(enough_cases_of_each_kind) {
    const auto cases = read_cases();
    BOOST_TEST(cases.size() >= 60u);
    std::size_t none = 0;
    std::set<std::string> stances;
    for (const auto& c : cases) {
        if (c.claims.empty()) ++none;
        for (const auto& e : c.claims) stances.insert(e.stance);
    }
    BOOST_TEST(none >= 10u);
    BOOST_TEST(stances.size() == 5u);
}

// Run with --log_level=message to see the numbers:
//   build-claims/tests/borderline_tests --run_test=claims/precision_and_recall --log_level=message
BOOST_AUTO_TEST_CASE(precision_and_recall) {
    std::size_t expected = 0, found = 0, matched = 0;
    for (const auto& k : read_cases()) {
        const Score s = score(k, claims_of(k.text));
        expected += s.expected;
        found += s.found;
        matched += s.matched;
    }
    const double precision = found ? static_cast<double>(matched) / static_cast<double>(found) : 1.0;
    const double recall = expected ? static_cast<double>(matched) / static_cast<double>(expected) : 1.0;
    BOOST_TEST_MESSAGE("claims: " << matched << " matched, " << found << " found, " << expected
                                  << " expected; precision " << precision << ", recall " << recall);
    BOOST_TEST(precision >= 0.9);
    BOOST_TEST(recall >= 0.9);
}

// Cases written after the rules were tuned on the files above, to measure
// them on text they were not fitted to. Reported, not required: a miss here
// is a case to study, not a broken build.
//   build-claims/tests/borderline_tests --run_test=claims/heldout_precision_and_recall --log_level=message
BOOST_AUTO_TEST_CASE(heldout_precision_and_recall) {
    std::size_t expected = 0, found = 0, matched = 0;
    const auto cases = read_cases("heldout");
    for (const auto& k : cases) {
        const Score s = score(k, claims_of(k.text));
        expected += s.expected;
        found += s.found;
        matched += s.matched;
        for (const auto& m : s.missing) BOOST_TEST_MESSAGE(k.name << ": expected, not found: " << m);
        for (const auto& x : s.extra) BOOST_TEST_MESSAGE(k.name << ": found, not expected: " << x);
    }
    const double precision = found ? static_cast<double>(matched) / static_cast<double>(found) : 1.0;
    const double recall = expected ? static_cast<double>(matched) / static_cast<double>(expected) : 1.0;
    BOOST_TEST_MESSAGE("held-out claims: " << matched << " matched, " << found << " found, " << expected
                                           << " expected; precision " << precision << ", recall " << recall);
    BOOST_TEST(cases.size() >= 20u);
}

// Actor and stance accuracy on the held-out speaker and stance cases
// (issue 18: actor >= 0.90, stance >= 0.85). Each expected claim is paired,
// in text order, with the first unpaired found claim of the same country:
// paired is a correct actor, paired with the same stance a correct stance.
// A "none" case counts once, correct when nothing is found.
//   build/tests/borderline_tests --run_test=claims/heldout_actor_and_stance_accuracy --log_level=message
struct Accuracy {
    std::size_t units = 0, actors = 0, stances = 0, stance_units = 0;
};

Accuracy accuracy_of(const std::vector<Case>& cases) {
    Accuracy a;
    for (const auto& k : cases) {
        const auto got = claims_of(k.text);
        if (k.claims.empty()) {
            ++a.units;
            if (got.empty()) ++a.actors;
            continue;
        }
        std::vector<bool> used(got.size(), false);
        for (const auto& e : k.claims) {
            ++a.units;
            ++a.stance_units;
            for (std::size_t i = 0; i < got.size(); ++i) {
                if (used[i] || got[i].actor.country != e.country) continue;
                used[i] = true;
                ++a.actors;
                if (to_string(got[i].stance) == e.stance) ++a.stances;
                break;
            }
        }
    }
    return a;
}

std::vector<Case> cases_in(const std::string& sub, const std::string& file) {
    std::vector<Case> out;
    for (auto& c : read_cases(sub)) {
        if (c.file == file) out.push_back(std::move(c));
    }
    return out;
}

BOOST_AUTO_TEST_CASE(heldout_actor_and_stance_accuracy) {
    const auto speakers = cases_in("heldout", "speakers.txt");
    const auto positions = cases_in("heldout", "positions.txt");
    BOOST_TEST(speakers.size() >= 30u);
    BOOST_TEST(positions.size() >= 20u);
    const Accuracy sp = accuracy_of(speakers), po = accuracy_of(positions);
    const double actor = static_cast<double>(sp.actors) / static_cast<double>(sp.units);
    const double stance = static_cast<double>(po.stances) / static_cast<double>(po.stance_units);
    BOOST_TEST_MESSAGE("held-out speakers: actor accuracy " << actor << " (" << sp.actors << "/" << sp.units << ")");
    BOOST_TEST_MESSAGE("held-out stance: stance accuracy "
                       << stance << " (" << po.stances << "/" << po.stance_units << "), actor accuracy "
                       << static_cast<double>(po.actors) / static_cast<double>(po.units));
    BOOST_TEST(actor >= 0.90);
    BOOST_TEST(stance >= 0.85);
}

// The same two accuracies over every claim case file, tuned and held out
// (tests/data/claims/ and heldout/): the figure a change to the rules is
// judged by. The bar is the (actor 0.90, stance 0.85), which the
// whole set must clear as the held-out part does.
//   build/tests/borderline_tests --run_test=claims/actor_and_stance_accuracy --log_level=message
BOOST_AUTO_TEST_CASE(actor_and_stance_accuracy) {
    auto cases = read_cases();
    for (auto& c : read_cases("heldout")) cases.push_back(std::move(c));
    const Accuracy a = accuracy_of(cases);
    const double actor = static_cast<double>(a.actors) / static_cast<double>(a.units);
    const double stance = static_cast<double>(a.stances) / static_cast<double>(a.stance_units);
    BOOST_TEST_MESSAGE("all claim cases (" << cases.size() << "): actor accuracy " << actor << " (" << a.actors << "/"
                                           << a.units << "), stance accuracy " << stance << " (" << a.stances << "/"
                                           << a.stance_units << ")");
    BOOST_TEST(actor >= 0.90);
    BOOST_TEST(stance >= 0.85);
}

BOOST_AUTO_TEST_CASE(text_is_cut_at_a_word_boundary) {
    std::string text = "Armenia said that";
    for (int i = 0; i < 40; ++i) text += " Azerbaijani troops";
    text += " had crossed the border.\n";
    const auto got = claims_of(text);
    BOOST_REQUIRE_EQUAL(got.size(), 1u);
    BOOST_TEST(got[0].text.size() <= 160u);
    BOOST_TEST(got[0].text.ends_with("troops\xE2\x80\xA6"), got[0].text);
}

BOOST_AUTO_TEST_CASE(span_is_the_sentence) {
    const std::string text = "Headline\n\nArmenia said Azerbaijani troops had crossed the border. Nothing else.\n";
    const auto got = claims_of(text);
    BOOST_REQUIRE_EQUAL(got.size(), 1u);
    BOOST_TEST(text.substr(got[0].span.start, got[0].span.size()) ==
               "Armenia said Azerbaijani troops had crossed the border.");
}

BOOST_AUTO_TEST_CASE(seed_article, *boost::unit_test::precondition(SeedPresent{})) {
    const Document d = read_document(seed_path().string());
    const auto places = resolve_places(d, gazetteer(), find_mentions(d, gazetteer()));
    const auto got = find_claims(d, gazetteer(), places);
    for (const auto& c : got) BOOST_TEST_MESSAGE(describe(c));
    auto has = [&](const std::string& country, Stance stance, const std::string& words, const std::string& place) {
        return std::any_of(got.begin(), got.end(), [&](const Claim& c) {
            return c.actor.country == country && c.stance == stance && c.text.find(words) != std::string::npos &&
                   (place.empty() || std::find(c.places.begin(), c.places.end(), place) != c.places.end());
        });
    };
    BOOST_TEST(has("ARM", Stance::asserts, "withdraw", "country:AZE"), "Armenia: Azerbaijan has not fully left");
    BOOST_TEST(has("ARM", Stance::demands, "military assistance", "country:RUS"), "Armenia asks Russia for help");
    BOOST_TEST(has("ARM", Stance::accuses, "sending forces", "country:AZE"), "Armenia suspects Azerbaijan");
    BOOST_TEST(has("AZE", Stance::denies, "defending their side of the border", ""), "Azerbaijan defends its side");
    BOOST_TEST(has("RUS", Stance::demands, "ceasefire agreement should be strictly upheld", ""), "Russia: ceasefire");
    BOOST_TEST(has("USA", Stance::demands, "pull back its forces", "country:AZE"), "US: Azerbaijan should pull back");
    // Nothing from the "READ ALSO" lines, and every text is the article's own words.
    for (std::size_t at = d.text.find("READ ALSO"); at != std::string::npos; at = d.text.find("READ ALSO", at + 1)) {
        const std::size_t end = d.text.find('\n', at);
        for (const auto& c : got) {
            BOOST_TEST((c.span.end <= at || c.span.start >= end), "claim in READ ALSO: " << describe(c));
        }
    }
    for (const auto& c : got) {
        std::string words = c.text;
        for (const std::string tail : {"\xE2\x80\xA6", "\xE2\x80\x9D"}) {
            if (words.ends_with(tail)) words.resize(words.size() - tail.size());
        }
        BOOST_TEST(d.text.find(words) != std::string::npos, words);
        BOOST_TEST(c.text.size() <= 160u);
    }
}

BOOST_AUTO_TEST_CASE(json_has_claims_with_geographic_flag, *boost::unit_test::precondition(SeedPresent{})) {
    const Extraction x = extract(read_document(seed_path().string()), gazetteer(), test::data(), SceneOptions{});
    const auto j = to_json(x, gazetteer());
    BOOST_REQUIRE(j.at("claims").is_array());
    BOOST_TEST(j.at("claims").size() >= 6u);
    for (const auto& c : j.at("claims")) {
        BOOST_TEST(c.contains("geographic"));
        BOOST_TEST(c.at("actor").at("country").get<std::string>().size() == 3u);
    }
}

BOOST_AUTO_TEST_SUITE_END()
