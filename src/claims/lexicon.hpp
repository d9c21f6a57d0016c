// Word lists of the claims stage: speech verbs by stance, the words that make
// up an actor's noun phrase, and the words that make a claim geographic. All
// forms are folded (lower case, ASCII apostrophes), as Token::folded is.
#pragma once

#include <borderline/claims.hpp>

#include "text/word_table.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace borderline::claims_lexicon {

// WordTable (text/word_table.hpp), the fast word list, under the name the
// claims stage has always used.
using borderline::WordTable;

/// What a speech verb says about the claim it introduces.
enum class CueClass : unsigned char {
    say,     ///< neutral ("said", "claimed"): the stance comes from the words
    report,  ///< "reported", "announced", "according to"
    deny,    ///< "denied", "rejected", "disputed this"
    accuse,  ///< "accused", "blamed", "condemned"
    demand,  ///< "urged", "called for", "expects ... to"
};

/// Extra conditions a verb needs to count as a cue.
enum class CueNeeds : unsigned char {
    none,
    object,      ///< a pronoun or article right after it ("disputed this"), not "disputed territories"
    for_or_on,   ///< "called for", "calls on"
    to_soon,     ///< "expects ... to", "asked ... to/for"
    of_or_by,    ///< "suspected ... of" or passive "suspected by"
    that_or_to,  ///< "appealed to", "alleged that"
    own_claim,   ///< a claim of the speaker's own right after it: "its claim", "their sovereignty", "claim to";
                 ///< with CueClass::deny a claim given up ("dropped its claim"), asserted when negated
    as_part      ///< "regards X as", "considers X part of", "considers X to be"
};

struct CueWord {
    std::string_view word;
    CueClass cls;
    CueNeeds needs;
};

/// The speech verb `folded`, or nullptr.
const CueWord* find_cue(std::string_view folded);

/// Verbs of speech whose words are a clause when no preposition follows
/// ("said the troops had left", "insisted its soldiers never crossed"); not
/// those that often take an object or an addressee ("told reporters",
/// "reiterated its position", "declared the area a state").
bool takes_clause(std::string_view folded);
/// Participles that continue the previous speaker's sentence (", claiming that").
bool is_participle(std::string_view folded);
/// Participles that always open a new claim (", adding that").
bool is_new_statement(std::string_view folded);

/// Words that may stand in an actor's noun phrase: titles, bodies, sides.
bool is_title_word(std::string_view folded);
/// Nouns that head an actor phrase and may take "of X" ("the ministry of Armenia").
bool is_body_noun(std::string_view folded);
/// Words allowed between an actor and its verb ("Armenia on Friday said").
bool is_skippable(std::string_view folded);
/// Pronouns that refer back to the last actor.
bool is_pronoun(std::string_view folded);
/// Determiners: a speech verb after one is a noun ("the claims").
bool is_determiner(std::string_view folded);
/// Prepositions: a place after one is not the subject ("troops in Armenia said").
bool is_preposition(std::string_view folded);
/// Capitalised words that start sentences and are never names.
bool is_function_word(std::string_view folded);
/// Words that make a claim concern places, borders or forces.
bool is_geographic_word(std::string_view folded);
/// "is", "are", "remain", "stays": a verb that joins a subject to what it is.
bool is_copula(std::string_view folded);
/// Words that call the other side's conduct wrong ("provocative", "violated").
bool is_accusing_word(std::string_view folded);
/// Words that call a report false ("baseless").
bool is_denying_word(std::string_view folded);
/// Verbs that state a position and deny when negated ("does not
/// recognise", "will never accept", "refused to recognise").
bool is_position_verb(std::string_view folded);
/// Things one accepts or acknowledges that are no position on a place:
/// "accepted an invitation", "acknowledged the aid", "accepts the offer".
bool is_offer_noun(std::string_view folded);
/// Adverbs that may stand between a subject and its verb ("Ankara has
/// long maintained", "Seoul still says", "Manila has never formally
/// dropped"): the words of the list, and lower-case words in -ly that are
/// no noun or adjective of the list ("ally", "assembly", "daily").
bool is_adverb(std::string_view folded);
/// After "no", nouns of entitlement: "no right", "no claim", "no basis"
/// deny the other side's position whoever the subject is.
bool is_entitlement_noun(std::string_view folded);
/// Labels of fragments that are not the article's text ("READ ALSO").
bool is_fragment_label(std::string_view folded);
/// A document that speaks for whoever issued it: "statement", "communique",
/// "note", "letter", "declaration" ("The statement said ...").
bool is_document_noun(std::string_view folded);
/// A verb of speech whose object is told to act: "warned ... not to",
/// "told ... to" (a demand).
bool is_directive_verb(std::string_view folded);
/// A word of force or presence a speaker may be said to answer for:
/// "shots", "troops", "incursion" ("there were no troops": a denial).
bool is_force_word(std::string_view folded);
/// A word of harm done: "damage", "hurt", "casualties" ("no one was hurt"
/// is an account of what happened, not a denial).
bool is_harm_word(std::string_view folded);

}  // namespace borderline::claims_lexicon
