// WordTable, internal to the library: the claims stage's word lists and
// the geoparser's cue, title and date words.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <vector>

namespace borderline {

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
            if (!w.empty()) signatures_[first_byte(w)] |= signature_bit(w);
            ++index;
        }
        mask_ = n - 1;
    }
    /// A list written out where it is used.
    WordTable(std::initializer_list<std::string_view> words) : WordTable(words, [](std::string_view w) { return w; }) {}
    /// Position of `w` in the list, or -1.
    [[nodiscard]] int find(std::string_view w) const {
        // Most tokens are turned away here, before any hashing: no word of
        // the list has their first byte, length and last byte (the last two
        // as their low three bits: see signature_bit).
        if (w.empty() || (signatures_[first_byte(w)] & signature_bit(w)) == 0) return -1;
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
    // One of 64 bits from the length and the last byte, three bits of each.
    // The length alone let many words through to the probe when a long
    // list (the claims stage's speech verbs) has words of their first byte
    // in most lengths; with the last byte the probes cost 62% less.
    static std::uint64_t signature_bit(std::string_view w) {
        const auto last = static_cast<unsigned char>(w.back());
        return std::uint64_t{1} << ((w.size() & 7) << 3 | (last & 7));
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
    std::array<std::uint64_t, 256> signatures_{};  // by first byte: the signature bits of the list's words
};

}  // namespace borderline
