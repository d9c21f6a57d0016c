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
    std::string text;     ///< the claim clause, in the article's words
    Span span;
    std::vector<std::string> places;    ///< place ids
    std::vector<std::string> disputes;  ///< dispute ids
};

/// Claims found in the article. (Attribution is the subject of its own
/// issue; this first version finds none.)
std::vector<Claim> find_claims(const Document& doc, const Gazetteer& gaz, const std::vector<Place>& places);

}  // namespace borderline
