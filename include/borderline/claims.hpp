// Claims: who says what about which place.
#pragma once

#include <borderline/document.hpp>
#include <borderline/geoparse.hpp>
#include <string>
#include <vector>

namespace borderline {

enum class Stance { asserts, denies, accuses, demands, reports };
const char* to_string(Stance s);

struct Actor {
    std::string text;     ///< the words naming the actor
    std::string country;  ///< ISO alpha-3
};

struct Claim {
    Actor actor;
    Stance stance = Stance::reports;
    std::string text;  ///< the claim clause, in the article's words
    Span span;
    std::vector<std::string> places;    ///< place ids
    std::vector<std::string> disputes;  ///< dispute ids (as in the registry, without "dispute:")
    /// True when the claim concerns places, borders or forces; false for
    /// claims about e.g. elections, which are kept but not drawn.
    bool geographic = false;
};

/// Claims found in the article, in text order: for each statement attributed
/// to an actor that resolves to a country (by name, demonym, seat of
/// government, a person introduced with a country's title, or a pronoun that
/// refers back to one), its stance, the claim clause in the article's own
/// words (at most 160 bytes), the sentence span and the places it concerns.
std::vector<Claim> find_claims(const Document& doc, const Gazetteer& gaz, const std::vector<Place>& places);
/// The same, given what find_mentions(doc, gaz) returned, so a caller that
/// has the mentions already (extract) does not look them up twice.
std::vector<Claim> find_claims(const Document& doc, const Gazetteer& gaz, const std::vector<Place>& places,
                               const std::vector<Mention>& mentions);

}  // namespace borderline
