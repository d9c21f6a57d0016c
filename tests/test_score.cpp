// score_candidate on constructed inputs: each rule of the geoparser's choice
// seen on its own, without a gazetteer or an article. And PlaceId.
#include "geocode/score.hpp"

#include <borderline/place_id.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace borderline;

namespace {

Entry country(std::string_view name, int rank = 0) {
    Entry e;
    e.id = "country:XXX";
    e.name = name;
    e.kind = PlaceKind::country;
    e.country = "XXX";
    e.rank = rank;
    return e;
}

Entry city(std::int64_t population, int rank, bool capital = false) {
    Entry e;
    e.id = "place:XX:Town";
    e.name = "Town";
    e.kind = PlaceKind::place;
    e.country = "XXX";
    e.admin1 = "XX-01";
    e.population = population;
    e.rank = rank;
    e.capital = capital;
    return e;
}

Entry of_kind(PlaceKind k, int rank = 0) {
    Entry e;
    e.name = "Thing";
    e.kind = k;
    e.country = "XXX";
    e.rank = rank;
    return e;
}

MentionContext plain(std::string_view folded) {
    MentionContext c;
    c.folded_text = folded;
    return c;
}

double score(const Entry& e, const MentionContext& c, const CandidateEvidence& ev = {},
             NameRole role = NameRole::name) {
    return score_candidate({e, role}, c, ev);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(candidate_scoring)

BOOST_AUTO_TEST_CASE(country_gains_from_support_up_to_three) {
    const auto c = plain("chad");
    BOOST_TEST(score(country("Chad"), c) == 10.0);
    CandidateEvidence ev;
    ev.country_support = 2;
    BOOST_TEST(score(country("Chad"), c, ev) == 13.0);
    ev.country_support = 9;
    BOOST_TEST(score(country("Chad"), c, ev) == 14.5);
    BOOST_TEST(score(country("Chad", 2), plain("chad")) == 9.4, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(a_person_is_no_country) {
    auto c = plain("chad");
    c.titled = true;  // "President Chad"
    BOOST_TEST(score(country("Chad"), c) == 0.0);
    c = plain("chad");
    c.person_next = true;  // "Chad Smith" opening a sentence
    c.at_start = true;
    BOOST_TEST(score(country("Chad"), c) == 0.0);
    c.at_start = false;  // mid-sentence the country stands
    BOOST_TEST(score(country("Chad"), c) == 10.0);
}

// "Nine-year-old Georgia Stevens ... said Georgia": a country's name that
// is a person's elsewhere loses the country only with no support for it
// and every other place of the article far away.
BOOST_AUTO_TEST_CASE(a_persons_name_elsewhere_loses_a_far_unsupported_country) {
    auto c = plain("georgia");
    c.person_elsewhere = true;
    CandidateEvidence far;
    far.far_from_places = true;
    BOOST_TEST(score(country("Georgia"), c, far) == 0.0);
    CandidateEvidence near;  // "Israel Katz said ... Israel struck Gaza"
    BOOST_TEST(score(country("Georgia"), c, near) == 10.0);
    CandidateEvidence supported = far;  // Tbilisi named too
    supported.country_support = 1;
    BOOST_TEST(score(country("Georgia"), c, supported) == 11.5);
    c.person_elsewhere = false;
    BOOST_TEST(score(country("Georgia"), c, far) == 10.0);
}

BOOST_AUTO_TEST_CASE(foreign_country_name_that_is_a_capital_is_the_city) {
    auto c = plain("tunis");
    c.has_capital = true;
    BOOST_TEST(score(country("Tunisia"), c) == 5.0);
    // The country's own English name keeps its score.
    BOOST_TEST(score(country("Tunis"), c) == 10.0);
    // A demonym is never a capital's name.
    BOOST_TEST(score(country("Tunisia"), c, {}, NameRole::demonym) == 10.0);
}

BOOST_AUTO_TEST_CASE(geonames_town_only_in_context) {
    Entry town = city(5000, 12);
    const auto c = plain("town");
    BOOST_TEST(score(town, c) == 0.0);
    CandidateEvidence ev;
    ev.country_support = 1;
    BOOST_TEST(score(town, c, ev) == 3.0);
    auto start = c;
    start.at_start = true;
    BOOST_TEST(score(town, start, ev) == 0.0);
}

BOOST_AUTO_TEST_CASE(small_city_needs_context_large_city_does_not) {
    const auto c = plain("town");
    BOOST_TEST(score(city(50000, 8), c) == 0.0);
    // 2 + log10(2e6+10)/2 - 0.15*3 + 2 for a million people.
    BOOST_TEST(score(city(2000000, 3), c) == 2 + std::log10(2000010.0) / 2 - 0.45 + 2,
               boost::test_tools::tolerance(1e-9));
    BOOST_TEST(score(city(50000, 8, true), c) > 5.0);  // a capital needs no context
}

BOOST_AUTO_TEST_CASE(city_before_province_of_same_name) {
    const auto c = plain("kandahar");
    const Entry e = city(400000, 5);
    CandidateEvidence ev;
    const double alone = score(e, c, ev);
    ev.province_of_same_name = true;
    BOOST_TEST(score(e, c, ev) == alone + 2.5, boost::test_tools::tolerance(1e-9));
    // ... but not when the city is no reading at all.
    ev.country_support = 0;
    BOOST_TEST(score(city(3000, 9), c, ev) == 0.0);
}

BOOST_AUTO_TEST_CASE(qualifier_settles_above_fame) {
    const auto c = plain("paris");
    CandidateEvidence ev;
    ev.settled = true;
    BOOST_TEST(score(city(25000, 10), c, ev) == 23.0);  // "Paris, Texas": 0 would be, 3 + 20 is
    BOOST_TEST(score(city(25000, 10), c, ev) > score(city(11000000, 0, true), c));
}

BOOST_AUTO_TEST_CASE(province_support_and_nearness_add_to_places) {
    const auto c = plain("town");
    const Entry e = city(200000, 7);
    const double base = score(e, c);
    BOOST_TEST(base > 0.0);
    CandidateEvidence ev;
    ev.in_supported_province = true;
    BOOST_TEST(score(e, c, ev) == base + 3.5, boost::test_tools::tolerance(1e-9));
    ev.near_other_place = true;
    BOOST_TEST(score(e, c, ev) == base + 4.5, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(nearness_is_asked_only_for_a_place_that_scores) {
    int asked = 0;
    const auto near = [&] {
        ++asked;
        return true;
    };
    CandidateEvidence ev;
    ev.near_other_place = LazyFact(near);
    score(country("Chad"), plain("chad"), ev);
    score(city(5000, 12), plain("town"), ev);  // a town out of context scores 0
    BOOST_TEST(asked == 0);
    BOOST_TEST(score(city(2000000, 3), plain("town"), ev) > score(city(2000000, 3), plain("town")));
    BOOST_TEST(asked == 1);
}

BOOST_AUTO_TEST_CASE(words_around_the_name_rule_out_places) {
    const Entry e = city(2000000, 3);
    for (auto flag : {&MentionContext::titled, &MentionContext::after_name, &MentionContext::person_next,
                      &MentionContext::org_next, &MentionContext::saints, &MentionContext::shouting}) {
        auto c = plain("town");
        c.*flag = true;
        BOOST_TEST(score(e, c) == 0.0);
    }
    auto c = plain("georgia");
    c.shouting = true;  // "GEORGIA" may still be the country
    BOOST_TEST(score(country("Georgia"), c) == 10.0);
}

BOOST_AUTO_TEST_CASE(kinds) {
    const auto c = plain("thing");
    BOOST_TEST(score(of_kind(PlaceKind::region), c) == 8.0);
    auto with_place = c;
    with_place.has_place = true;
    BOOST_TEST(score(of_kind(PlaceKind::dispute), c) == 9.0);
    BOOST_TEST(score(of_kind(PlaceKind::dispute), with_place) == 2.0);  // "Stepanakert": the town
    BOOST_TEST(score(of_kind(PlaceKind::water, 2), c) == 1.0);
    auto river = c;
    river.river_word = true;
    BOOST_TEST(score(of_kind(PlaceKind::water, 2), river) == 9.0);
    BOOST_TEST(score(of_kind(PlaceKind::admin1), c) == 3.0);
    CandidateEvidence ev;
    ev.country_support = 2;
    BOOST_TEST(score(of_kind(PlaceKind::admin1), c, ev) == 9.0);
    auto dateline = with_place;
    dateline.dateline = true;  // "NEW YORK (AP)": the city
    BOOST_TEST(score(of_kind(PlaceKind::admin1), dateline, ev) == 0.0);
    auto common = c;
    common.common = true;  // "West" names a province only in context
    BOOST_TEST(score(of_kind(PlaceKind::admin1), common) == 0.0);
}

BOOST_AUTO_TEST_CASE(kind_cue_picks_town_or_province) {
    auto c = plain("batken");
    c.has_place = c.has_admin1 = true;
    CandidateEvidence ev;
    ev.country_support = 1;
    const Entry town = city(20000, 12), province = of_kind(PlaceKind::admin1);
    BOOST_TEST(score(province, c, ev) > score(town, c, ev));  // no cue: the province
    c.kind_cue = KindCue::settlement;                         // "the town of Batken"
    BOOST_TEST(score(province, c, ev) == 0.0);
    BOOST_TEST(score(town, c, ev) == 6.0);
    c.kind_cue = KindCue::province;  // "Batken province"
    BOOST_TEST(score(town, c, ev) == 0.0);
    BOOST_TEST(score(province, c, ev) == 11.5);
    // A cue never makes a reading of what the name lacks.
    c.has_admin1 = false;
    BOOST_TEST(score(town, c, ev) == 3.0);
}

BOOST_AUTO_TEST_CASE(feature_cue_picks_the_feature_of_that_kind) {
    auto c = plain("tuzla");
    c.has_place = c.has_feature = true;
    CandidateEvidence ev;
    ev.country_support = 1;
    Entry island = of_kind(PlaceKind::feature), spit = of_kind(PlaceKind::feature);
    island.name = "Tuzla Island";
    spit.name = "Tuzla Spit";
    const Entry town = city(120000, 5);
    BOOST_TEST(score(town, c, ev) > score(island, c, ev));  // no cue: the city
    c.kind_cue = KindCue::feature;                          // "the island of Tuzla"
    c.kind_word = "island";
    BOOST_TEST(score(town, c, ev) == 0.0);
    BOOST_TEST(score(island, c, ev) > score(spit, c, ev));  // the feature of the cue's kind
    BOOST_TEST(score(spit, c, ev) > 0.0);
    c.vessel = true;  // "the carrier Tuzla": a ship, no reading
    BOOST_TEST(score(island, c, ev) == 0.0);
}

BOOST_AUTO_TEST_CASE(a_ship_or_person_is_no_place) {
    auto c = plain("hamburg");
    c.has_place = true;
    CandidateEvidence ev;
    ev.country_support = 2;
    const Entry town = city(1800000, 1);
    BOOST_TEST(score(town, c, ev) > kMinScore);
    c.vessel = true;  // "the frigate Hamburg"
    BOOST_TEST(score(town, c, ev) == 0.0);
    c.vessel = false;
    c.titled = true;  // "Archbishop Hamburg", "foreign minister José Hamburg"
    BOOST_TEST(score(town, c, ev) == 0.0);
}

BOOST_AUTO_TEST_CASE(a_shared_short_name_has_a_default_the_article_outweighs) {
    Entry south = country("South Korea", 3), north = country("North Korea", 3);
    south.country = "KOR";
    north.country = "PRK";
    const auto c = plain("korea");
    BOOST_TEST(score(south, c) > score(north, c));  // "Korea" alone: South Korea
    CandidateEvidence pyongyang;
    pyongyang.country_support = 1;  // "officials in Pyongyang said"
    BOOST_TEST(score(north, c, pyongyang) > score(south, c));
}

BOOST_AUTO_TEST_CASE(a_date_is_no_place) {
    auto c = plain("nov");
    c.temporal = true;
    CandidateEvidence ev;
    ev.country_support = 3;
    ev.settled = true;
    BOOST_TEST(score(city(5000, 12), c, ev) == 0.0);
    BOOST_TEST(score(of_kind(PlaceKind::admin1), c, ev) == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(place_id)

BOOST_AUTO_TEST_CASE(built_and_read) {
    BOOST_TEST(PlaceId::country("ARM").str() == "country:ARM");
    BOOST_TEST(PlaceId::place("AM", "Yerevan").str() == "place:AM:Yerevan");
    BOOST_TEST(PlaceId::admin1("ARM", "Syunik").str() == "admin1:ARM:Syunik");
    BOOST_TEST(PlaceId::dispute("crimea").str() == "dispute:crimea");
    const auto id = PlaceId::parse("town:AZ:Laçın");
    BOOST_REQUIRE(id.has_value());
    BOOST_TEST(id->kind() == "town");
    BOOST_TEST(id->key() == "AZ:Laçın");
    BOOST_TEST(id->numbered(2).str() == "town:AZ:Laçın~2");
    BOOST_TEST(!PlaceId::parse("ARM").has_value());
    BOOST_TEST(!PlaceId::is_id(":ARM"));
    BOOST_TEST(PlaceId::dispute_key("dispute:crimea").value() == "crimea");
    BOOST_TEST(!PlaceId::dispute_key("country:UKR").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
