// The geoparser's choice among the readings of one name, as a pure function
// of plain facts: what the candidate entry is, what the words around the
// mention say, and what the rest of the article supports. resolve_places
// gathers the facts; tests build them by hand.
#pragma once

#include <borderline/gazetteer.hpp>

#include <cstdint>
#include <string_view>

namespace borderline {

/// A yes/no fact computed only when the score needs it (finding the places
/// near a candidate is the costly part of scoring): a non-owning reference to
/// a callable, or a constant.
class LazyFact {
public:
    constexpr LazyFact(bool value = false) : value_(value) {}  // NOLINT: a constant is a fact
    template <class F>
    explicit LazyFact(const F& f)
        : call_([](const void* o) { return static_cast<bool>((*static_cast<const F*>(o))()); }), object_(&f) {}
    bool operator()() const { return call_ ? call_(object_) : value_; }

private:
    bool (*call_)(const void*) = nullptr;
    const void* object_ = nullptr;
    bool value_ = false;
};

/// One reading of a mention.
struct ScoredCandidate {
    Entry entry;
    NameRole role = NameRole::name;  ///< how the mention's name refers to the entry
};

/// The kind of place the words around a name give it: "the town of X",
/// "X district", "the island of X", "the X valley".
enum class KindCue : std::uint8_t { none, settlement, province, feature };

// A town large enough to be known beyond its region: with fewer people a
// name read with no country around it is as likely a village abroad
// ("Bains", 1,256 people, for a constituency in the Bahamas) or a person.
inline constexpr std::int64_t kKnownTown = 10000;

/// The mention and the words around it, the same for all its candidates.
struct MentionContext {
    std::string_view folded_text;    ///< the mention, folded
    bool at_start = false;           ///< opens a sentence
    bool shouting = false;           ///< in capitals, and no dateline
    bool dateline = false;           ///< "NEW YORK (AP) -"
    bool common = false;             ///< an ordinary word, not written as a title-case name
    bool river_word = false;         ///< "river", "lake", "valley" ... right before or after
    bool names_water = false;        ///< the name itself says "river" or "lake"
    bool titled = false;             ///< after a title: "Mr Jordan", "President Chad"
    bool after_name = false;         ///< after a capitalised word that is no place: "Michael Jordan"
    bool person_next = false;        ///< a capitalised word follows, or the name is a person's elsewhere
    bool org_next = false;           ///< "Washington Post", "Kent University"
    bool vessel = false;             ///< a ship's name: "the carrier Shandong", "USS Hopper"
    bool saints = false;             ///< "St. Peter's": a church or school, not the parish
    bool has_capital = false;        ///< some candidate is a national capital
    std::string_view country_named;  ///< ISO of a country candidate (the mention may name a country)
    bool has_place = false;          ///< some candidate is a populated place
    bool has_known_place = false;    ///< some candidate is a populated place of kKnownTown people or more
    bool has_feature = false;        ///< some candidate is a border feature (island, pass, shoal)
    bool has_admin1 = false;         ///< some candidate is a province
    bool has_water = false;          ///< some candidate is a river, lake or sea
    KindCue kind_cue = KindCue::none;
    std::string_view kind_word;     ///< the word that gives the cue: "town", "island", "valley"
    bool temporal = false;          ///< a date or time: "Nov 3", "in March", "14:05 GMT"
    bool locative = false;          ///< after "in", "near" or "outside": the words say a place follows
    bool elsewhere = false;         ///< a state abbreviation after it holds none of its readings ("HOLLIDAY, Mo.")
    bool city_named = false;        ///< no cue of its own, but another mention of the name is "the city of X"
    bool person_elsewhere = false;  ///< no cue of its own, and another mention of the name is a person's
};

/// What the rest of the article says for one candidate.
struct CandidateEvidence {
    int country_support = 0;             ///< other mentions that put the article in the candidate's country
    bool province_of_same_name = false;  ///< the name also reads as a province of the same country
    bool settled = false;                ///< a qualifier states it: "Paris, Texas", "the city of Salisbury"
    bool in_supported_province = false;  ///< lies in a province the article names or places names in (for a
                                         ///< province: holds places the article names)
    LazyFact near_other_place;           ///< within 300 km of another place the article names
    bool largest_of_name = false;        ///< a populated place with the most people of the name's readings
    bool far_from_places = false;        ///< the article names other places, none within kFarFromPlacesKm
};

/// The candidate's score: 0 or less is no reading; the best score of a
/// mention wins when it is at least kMinScore.
double score_candidate(const ScoredCandidate& candidate, const MentionContext& context,
                       const CandidateEvidence& evidence);

/// How far the article's other places must all lie from a country
/// whose name is a person's elsewhere in it for that name to lose the
/// country (score_candidate).
inline constexpr double kFarFromPlacesKm = 1000;

/// The least score that resolves a mention.
inline constexpr double kMinScore = 2.5;

}  // namespace borderline
