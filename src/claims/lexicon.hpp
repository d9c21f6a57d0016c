// Word lists of the claims stage: speech verbs by stance, the words that make
// up an actor's noun phrase, and the words that make a claim geographic. All
// forms are folded (lower case, ASCII apostrophes), as Token::folded is.
#pragma once

#include <borderline/claims.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace borderline::claims_lexicon {

// A fixed list of words as a hash table, for the tests that run on every
// token. Nearly every lookup is a miss, so it is made cheap: a hash of a
// few bytes, a power-of-two table kept at most a quarter full (one probe,
// usually an empty slot or a length mismatch), no nodes to chase and no
// division by a prime, which std::unordered_set spends on every lookup.
class WordTable {
public:
    template <class Range, class WordOf>
    WordTable(const Range& list, WordOf word_of) {
        std::size_t n = 16;
        while (n < std::size(list) * 4) n *= 2;
        slots_.assign(n, Slot{});
        int index = 0;
        for (const auto& item : list) {
            const std::string_view w = word_of(item);
            std::size_t s = hash(w) & (n - 1);
            while (slots_[s].index >= 0 && slots_[s].word != w) s = (s + 1) & (n - 1);
            if (slots_[s].index < 0) slots_[s] = {w, index};  // a repeated word keeps its first place
            if (!w.empty()) lengths_[first_byte(w)] |= length_bit(w);
            ++index;
        }
        mask_ = n - 1;
    }
    /// A list written out where it is used.
    WordTable(std::initializer_list<std::string_view> words) : WordTable(words, [](std::string_view w) { return w; }) {}
    /// Position of `w` in the list, or -1.
    [[nodiscard]] int find(std::string_view w) const {
        // Most tokens are turned away here, before any hashing: no word of
        // the list has both their first byte and their length.
        if (w.empty() || (lengths_[first_byte(w)] & length_bit(w)) == 0) return -1;
        return probe(w);
    }
    [[nodiscard]] bool contains(std::string_view w) const { return find(w) >= 0; }

private:
    // Out of line, so that the test above costs a rejected word no more
    // than itself (no registers saved for the probe's compare).
    [[nodiscard]] int probe(std::string_view w) const;

    struct Slot {
        std::string_view word;
        int index = -1;
    };
    static std::size_t first_byte(std::string_view w) { return static_cast<unsigned char>(w[0]); }
    // Lengths of 15 bytes and more share the top bit.
    static std::uint16_t length_bit(std::string_view w) {
        return static_cast<std::uint16_t>(1u << std::min<std::size_t>(w.size(), 15));
    }
    // The length and four of the bytes (first, second, middle, last), mixed
    // by one multiplication: a byte-by-byte hash of every token was half the
    // cost of a lookup. Words that agree on all of these merely share a run
    // of slots; find() still compares whole words.
    static std::size_t hash(std::string_view w) {
        std::uint64_t h = w.size();
        if (!w.empty()) {
            const auto at = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(w[i])}; };
            h |= at(0) << 8 | at(w.size() - 1) << 16 | at(w.size() / 2) << 24 | at(w.size() > 1 ? 1 : 0) << 32;
        }
        h *= 0x9E3779B97F4A7C15ull;
        return static_cast<std::size_t>(h ^ (h >> 32));
    }
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::array<std::uint16_t, 256> lengths_{};  // by first byte: a bit for each length a word of the list has
};

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
    object,     ///< a pronoun or article right after it ("disputed this"), not "disputed territories"
    for_or_on,  ///< "called for", "calls on"
    to_soon,    ///< "expects ... to", "asked ... to/for"
    of_or_by,   ///< "suspected ... of" or passive "suspected by"
    that_or_to  ///< "appealed to", "alleged that"
};

struct CueWord {
    std::string_view word;
    CueClass cls;
    CueNeeds needs;
};

/// The speech verb `folded`, or nullptr.
const CueWord* find_cue(std::string_view folded);

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
/// After "no", nouns of entitlement: "no right", "no claim", "no basis"
/// deny the other side's position whoever the subject is.
bool is_entitlement_noun(std::string_view folded);
/// Labels of fragments that are not the article's text ("READ ALSO").
bool is_fragment_label(std::string_view folded);

}  // namespace borderline::claims_lexicon
