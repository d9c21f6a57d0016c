// Scoring one reading of a name (see score.hpp). The weights are what the
// geoparser's evaluation settled on; each rule says which mistake it stops.
#include "geocode/score.hpp"

#include <borderline/fold.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace borderline {

namespace {

// The country a short name that several countries share means when the
// article says nothing more: in English-language news "Korea" alone is
// South Korea, "Congo" the Democratic Republic. Authored facts; the
// article's own places outweigh this (half a point against 1.5 for each
// place that supports another reading).
bool is_short_name_default(std::string_view folded, std::string_view country) {
    static const std::unordered_map<std::string_view, std::string_view> defaults{
        {"korea", "KOR"}, {"congo", "COD"},     {"guinea", "GIN"},
        {"sudan", "SDN"}, {"macedonia", "MKD"}, {"georgia", "GEO"}};
    const auto it = defaults.find(folded);
    return it != defaults.end() && it->second == country;
}

// The score of the entry's kind, from its size and fame and the mention's
// own words, before what other mentions say.
double kind_score(const ScoredCandidate& candidate, const MentionContext& a, const CandidateEvidence& ev) {
    const Entry& e = candidate.entry;
    const int ctx = ev.country_support;
    const bool in_context = ctx > 0;
    double s = 0;
    switch (e.kind) {
        case PlaceKind::country:
            s = 10 - 0.3 * e.rank + 1.5 * std::min(ctx, 3);
            // "Chad Smith scored": a first name opening the sentence.
            if (a.titled || a.after_name || (a.person_next && a.at_start)) s = 0;
            // "Nine-year-old Georgia Stevens ... said Georgia": a person's
            // name elsewhere, nothing else in the article for the country,
            // and the article's other places far from it.
            if (a.person_elsewhere && ctx <= 0 && ev.far_from_places) s = 0;
            // A country's name in another language that is also a
            // capital in English ("Tunis"): the city.
            if (candidate.role == NameRole::name && a.has_capital && fold(e.name) != a.folded_text) s -= 5;
            if (s > 0 && is_short_name_default(a.folded_text, e.country)) s += 0.5;
            break;
        case PlaceKind::region:
            // A region inside one country (Scotland, Greek Macedonia) gains
            // from the article's support for that country, as a province does.
            s = 8 + (e.country.empty() ? 0 : 1.5 * std::min(ctx, 3));
            break;
        // A dispute named after its main town ("Stepanakert"): the town.
        // An island or pass the dispute is named after ("Kunashir"): the feature.
        case PlaceKind::dispute:
            s = a.has_place || a.has_feature ? 2 : 9;
            break;
        case PlaceKind::feature:
            // Border features have specific names: a strong reading when the
            // article is about the country, or when the name has several
            // words ("Second Thomas Shoal"); a one-word name out of context
            // ("Rhodes") is left alone.
            s = in_context                                          ? 7 - 0.5 * e.rank
                : a.folded_text.find(' ') != std::string_view::npos ? 6 - 0.5 * e.rank
                                                                    : 0;
            if (a.common) s -= 3;
            // A one-word name that a town shares ("Isfara" of the Isfara
            // Valley, the village of Jermuk): the town; the feature needs
            // its full name. Not an island for a hamlet of its name abroad
            // (Java, 426 people in Georgia, in an Indonesia story).
            if (a.folded_text.find(' ') == std::string_view::npos &&
                (a.has_known_place || (a.has_place && e.feature_kind != "island" && e.feature_kind != "archipelago")))
                s -= 5;
            break;
        case PlaceKind::admin1:
            // "West", "Western": compass words name provinces only in context.
            s = in_context ? 8 + 0.5 * std::min(ctx, 4) : a.common ? 0 : 3;
            // A story is filed from a city: "NEW YORK (AP)" is not the state.
            if (a.dateline && a.has_place) s = 0;
            break;
        case PlaceKind::water:
            s = a.river_word || a.names_water ? 9 : e.rank == 0 ? 6 : e.rank <= 1 ? 3 : 1;
            break;
        case PlaceKind::place:
            if (e.rank >= 12) {
                // GeoNames town: only in a country the article is about,
                // and not a capitalised word opening a sentence unless the
                // words around it say it is a town ("Mitrovica, the divided
                // city on the Ibar, ...").
                s = in_context && (!a.at_start || a.kind_cue == KindCue::settlement) && !a.common ? 3 : 0;
                // A town in no country the article is about (a story that
                // names none: "Storm damage in Pineville"): population
                // decides, the largest place of the name when the words
                // before it say a place follows, with just enough to be
                // read, less than any other reading that is.
                // (Among towns of one name in the article's country the
                // largest is no better a guess than the first: measured,
                // it picked the wrong Kilburn, Essex and Litchfield.)
                // A dateline says a place as plainly ("TORRINGTON — Mayor ...").
                if (s == 0 && !in_context && ((a.locative && !a.at_start) || a.dateline) && ev.largest_of_name &&
                    e.population >= kKnownTown && !a.common)
                    s = kMinScore + 0.25;
            } else {
                s = 2 + std::log10(static_cast<double>(e.population) + 10) / 2 + (e.capital ? 2.5 : 0) +
                    (in_context ? 3 : 0) - e.rank * 0.15 + (e.population >= 1000000 ? 2 : 0);
                if (!in_context && e.population < 100000 && !e.capital) s = 0;
                if (a.at_start && !in_context && !e.capital) s *= 0.5;
                if (a.common) s -= 2;
                // "Kandahar": the city more often than its province,
                // when the city is a reading at all ("Montana" is
                // not the small Bulgarian town just because
                // Bulgaria has a province of that name too).
                if (s > 0 && ev.province_of_same_name) s += 2.5;
                // A capital named as its country ("Guatemala", "Kuwait",
                // "Panama"): news writes the city's name in full
                // ("Guatemala City"), so the bare name is the country,
                // unless the words say a city.
                if (s > 0 && e.capital && a.country_named == e.country && a.kind_cue != KindCue::settlement &&
                    !a.city_named)
                    s -= 8;
                // A large one gains from the article's support for its
                // country as the province does: else the more places of
                // Belarus a story names, the more "in Grodno", "near
                // Gomel" turn into provinces. (Measured: no reading of
                // GeoWebNews or TR-News changes.)
                if (s > 0 && ev.province_of_same_name && e.population >= 100000) s += 0.5 * std::min(ctx, 4);
            }
            break;
    }
    return s;
}

}  // namespace

double score_candidate(const ScoredCandidate& candidate, const MentionContext& a, const CandidateEvidence& ev) {
    const Entry& e = candidate.entry;
    // "Nov 3" is a date whatever the article's country (Nov, Tajikistan).
    if (a.temporal) return 0;
    double s = kind_score(candidate, a, ev);
    // Stated outright: stronger than size or fame ("Paris, Texas", "LONDON, Ky.").
    if (ev.settled) s = std::max(s, 3.0) + 20;
    // In a province the article names or places other names in: the
    // Brooklyn of a New York story.
    if ((e.kind == PlaceKind::place || e.kind == PlaceKind::admin1) && s > 0 && ev.in_supported_province) s += 3.5;
    if (s > 0 && e.kind != PlaceKind::country && e.kind != PlaceKind::region) {
        if (a.titled || a.after_name || a.person_next || a.org_next || a.saints || a.vessel) s = 0;
        // Near another place of the article, not only this mention's own
        // choice. (A reading zeroed just above keeps the point too: it
        // cannot win with it, but lowers the winner's confidence share.)
        if (ev.near_other_place()) s += 1;
    }
    if (a.shouting && e.kind != PlaceKind::country) s = 0;
    if (a.elsewhere && e.kind == PlaceKind::place) s = 0;
    // "The town of Batken" is the town, "Batken province" the province,
    // whichever is larger or better known.
    // A city that shares its name with its country's province (Lviv,
    // Hrodna) is read, even where a town alone would not be (out of the
    // article's countries, at a sentence's start), when this mention or
    // another of the name says "the city of X"; the province is not.
    const bool city_of_province = e.kind == PlaceKind::place && ev.province_of_same_name && !a.titled &&
                                  !a.after_name && !a.person_next && !a.org_next && !a.shouting;
    if (a.kind_cue == KindCue::settlement && a.has_place && (s > 0 || city_of_province)) {
        if (e.kind == PlaceKind::admin1) s = 0;
        if (e.kind == PlaceKind::place) s = (city_of_province ? std::max(s, 3.0) : s) + 3;
    } else if (a.city_named) {
        if (e.kind == PlaceKind::admin1) s = 0;
        if (city_of_province) s = std::max(s, 3.0) + 3;
    } else if (a.kind_cue == KindCue::province && a.has_admin1 && s > 0) {
        if (e.kind == PlaceKind::place) s = 0;
        if (e.kind == PlaceKind::admin1) s += 3;
    } else if (a.kind_cue == KindCue::feature && (a.has_feature || a.has_water)) {
        // "The island of Tuzla" is the island, not the Bosnian city; "the
        // Galwan river" the river rather than the valley of that name.
        if (e.kind == PlaceKind::place || e.kind == PlaceKind::admin1) s = 0;
        if ((e.kind == PlaceKind::feature || e.kind == PlaceKind::water) && !a.titled && !a.vessel) {
            s = std::max(s, 5.0) + 3;
            if (fold(e.name).find(a.kind_word) != std::string::npos) s += 2;
        }
    }
    return s;
}

}  // namespace borderline
