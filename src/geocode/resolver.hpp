// The resolver of one article's mentions (resolve_places), shared by the
// files that define its steps: geoparse.cpp (the matcher and the entry
// point), surroundings.cpp (the words around each mention, qualifiers and
// lists) and resolver.cpp (the scoring passes and the grouping into places).
#pragma once

#include <borderline/geoparse.hpp>

#include "geocode/score.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory_resource>
#include <span>
#include <string_view>
#include <unordered_map>

namespace borderline::geoparse_detail {

// Words after a name that make it an organisation or a thing, not the place
// (surroundings.cpp).
bool is_non_place_head(std::string_view w);
// Verbs that follow a speaker's name: "José Manuel Albares said".
bool is_speech_verb(std::string_view w);

inline bool all_caps_word(std::string_view s) {
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

// A country or province code as a number, so the tallies of the scoring
// passes hash and compare integers, not strings: a code of up to 7 bytes
// (ISO codes: "ARM", "US-NY") is its bytes and its length, "" is 0; longer
// ones are numbered in order of first sight.
class CodeKeys {
public:
    std::uint64_t operator()(std::string_view code) {
        if (code.size() < 8) {
            std::uint64_t bytes = 0;
            if (!code.empty()) std::memcpy(&bytes, code.data(), code.size());
            return bytes << 8 | code.size();
        }
        const auto it = long_.try_emplace(code, long_.size()).first;
        return it->second << 8 | 0xFF;
    }

private:
    std::unordered_map<std::string_view, std::uint64_t> long_;
};

// A candidate entry, decoded, with its codes as CodeKeys.
struct Candidate {
    Entry entry;
    std::uint64_t country = 0;
    std::uint64_t admin1 = 0;
};

// Counts by key in one flat table with linear probing: an article names a
// few dozen codes, and a node-based hash map cost a node, a bucket and a
// division for each, a tenth of the scoring passes. Only counts and
// presence are asked, never an order.
template <class Key, class Hash>
class FlatCounts {
public:
    explicit FlatCounts(std::pmr::memory_resource* memory) : slots_(memory) {}
    int& operator[](const Key& key) {
        if ((size_ + 1) * 4 > slots_.size() * 3) grow();
        Slot& s = slots_[probe(key)];
        if (!s.used) {
            s = Slot{key, 0, true};
            ++size_;
        }
        return s.count;
    }
    /// The count of `key`, or null when it was never added.
    [[nodiscard]] const int* find(const Key& key) const {
        if (size_ == 0) return nullptr;
        const Slot& s = slots_[probe(key)];
        return s.used ? &s.count : nullptr;
    }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    void clear() {
        std::fill(slots_.begin(), slots_.end(), Slot{});
        size_ = 0;
    }

private:
    struct Slot {
        Key key{};
        int count = 0;
        bool used = false;
    };
    // The slot holding `key`, or the free one where it would go.
    [[nodiscard]] std::size_t probe(const Key& key) const {
        const std::size_t mask = slots_.size() - 1;
        // Fibonacci hashing: the top bits of the product mix every bit of the key.
        std::size_t i = static_cast<std::size_t>((Hash{}(key)*0x9E3779B97F4A7C15ull) >> 32) & mask;
        while (slots_[i].used && !(slots_[i].key == key)) i = (i + 1) & mask;
        return i;
    }
    void grow() {
        std::pmr::vector<Slot> old(slots_.size() < 16 ? 16 : slots_.size() * 2, slots_.get_allocator());
        old.swap(slots_);
        for (const Slot& s : old) {
            if (s.used) slots_[probe(s.key)] = s;
        }
    }
    std::pmr::vector<Slot> slots_;
    std::size_t size_ = 0;
};

struct CodeHash {
    std::uint64_t operator()(std::uint64_t code) const { return code ^ code >> 29; }
};

// Counts by code key.
using Tally = FlatCounts<std::uint64_t, CodeHash>;

// Counts per name (see resolve_places) and code key: how often the mentions
// of one name voted for a country or lay in a province.
class CountsByName {
public:
    explicit CountsByName(std::pmr::memory_resource* memory) : counts_(memory) {}
    void add(std::size_t name, std::uint64_t code) { ++counts_[{name, code}]; }
    /// 0 when never added.
    [[nodiscard]] int count(std::size_t name, std::uint64_t code) const {
        const int* found = counts_.find({name, code});
        return found ? *found : 0;
    }
    void clear() { counts_.clear(); }

private:
    using Key = std::pair<std::size_t, std::uint64_t>;
    struct Hash {
        std::uint64_t operator()(const Key& k) const { return CodeHash{}(k.second) + k.first * 0xC2B2AE3D27D4EB4Full; }
    };
    FlatCounts<Key, Hash> counts_;
};

// Facts about a mention's surroundings: its tokens and the context its
// candidates are scored in.
struct Around {
    std::int64_t first = -1, last = -1;  // the mention's first and last token (-1: none there)
    MentionContext ctx;
    bool given_person = false;  // a given name opening a run of names, read as a person's (person_names.cpp)
    bool quiet_person = false;  // a person's here only: a given name opening a run, nothing more (person_names.cpp)
};

// Places already placed (non-country), for the nearness bonus: each place
// once, with its first mention and how often it was chosen.
struct Anchor {
    std::uint32_t entry;
    std::size_t first_mention;
    std::size_t count;
    double lon, lat;  // of the entry, so candidates need not decode it again
    bool province;    // a province, whose centre says nothing of where in it
};
// The resolution of one article's mentions, as named steps. The tables live
// as long as the resolver: they take their memory from one arena, a block on
// the stack first, instead of a malloc and a free for every vector, hash node
// and bucket array (a sixth of the work went to those).
class Resolver {
public:
    Resolver(const Document& doc, const Gazetteer& gaz, const std::vector<Mention>& mentions)
        : doc_(doc), gaz_(gaz), mentions_(mentions), n_(mentions.size()) {}

    std::vector<Place> run();

private:
    // Tables of one scoring pass, made from the previous pass's choices.
    struct PassTables {
        PassTables(std::pmr::memory_resource* m, std::size_t n)
            : anchors(m),
              anchor_of(m),
              near_anchors(m),
              settled(n, m),
              settled_here(n, m),
              name_settles(n, false, m),
              qualifying(n, false, m),
              province_support(m),
              provinces_by_name(m) {}
        // Scoring every mention against every other was quadratic (a 1 MB
        // run of repeated names took 76 s); the first 256 places are plenty
        // of context, and each candidate's near places are found once.
        std::pmr::vector<Anchor> anchors;
        std::pmr::unordered_map<std::uint32_t, std::size_t> anchor_of;
        std::pmr::unordered_map<std::uint32_t, std::pmr::vector<std::size_t>>
            near_anchors;  // candidate -> anchors within 300 km
        // Entries a "Town, Province" pair settles, for every mention of the
        // name in the article (the same name is the same place all through).
        // A mention's own pair outranks its name's: "Birmingham, England ...
        // Birmingham, Alabama" are two places. Short lists, only asked
        // whether they hold an entry.
        std::pmr::vector<std::pmr::vector<std::uint32_t>> settled;  // by name id
        std::pmr::vector<std::pmr::vector<std::uint32_t>> settled_here;
        // Whether a name's settled entries hold for its mentions without a
        // qualifier of their own (weigh_name_settlements).
        std::pmr::vector<bool> name_settles;
        std::pmr::vector<bool> qualifying;  // by mention: it qualifies another ("Texas" in "Paris, Texas")
        // Provinces the article is about (named, or holding a place it names),
        // counted per name as country support is.
        Tally province_support;
        CountsByName provinces_by_name;
    };

    // Element i of this is mentions_[k].candidates[i] decoded.
    std::span<const Candidate> candidates_of(std::size_t k) const {
        return std::span<const Candidate>(decoded_).subspan(decoded_at_[k], mentions_[k].candidates.size());
    }
    Candidate candidate(std::uint32_t entry) {
        Candidate c{gaz_.entry(entry)};
        c.country = codes_(c.entry.country);
        c.admin1 = codes_(c.entry.admin1);
        return c;
    }
    const Token& token(std::int64_t i) const { return doc_.tokens[static_cast<std::size_t>(i)]; }
    // Token lookup by byte offset (tokens are in text order).
    std::int64_t token_index_at(std::size_t byte) const {
        const auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), byte,
                                         [](const Token& t, std::size_t b) { return t.span.start < b; });
        return it != doc_.tokens.end() && it->span.start == byte ? it - doc_.tokens.begin() : -1;
    }
    std::int64_t token_ending_at(std::size_t byte) const {
        auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), byte,
                                   [](const Token& t, std::size_t b) { return t.span.end < b; });
        return it != doc_.tokens.end() && it->span.end == byte ? it - doc_.tokens.begin() : -1;
    }
    bool is_water_word(std::int64_t t) const {
        if (t < 0 || t >= static_cast<std::int64_t>(doc_.tokens.size())) return false;
        const Token& k = token(t);
        const std::string_view f = k.folded;
        return k.is_word &&
               (f == "river" || f == "lake" || f == "sea" || f == "valley" || f == "basin" || f == "delta");
    }

    // The words around each mention (surroundings.cpp).
    void name_mentions();
    void decode_candidates();
    void read_surroundings();
    KindCue kind_cue(std::int64_t first, std::int64_t last, std::string_view& word) const;
    bool in_person_run(std::int64_t first, std::int64_t last);
    [[nodiscard]] bool words_joined(std::int64_t a, std::int64_t b) const;
    [[nodiscard]] bool is_name_word(std::int64_t i) const;
    // Runs opened by a given name (person_names.cpp).
    void mark_given_name_runs();
    struct GivenRun {
        std::int64_t start = -1, end = -2;  // the run of capitalised words
        std::int64_t person_from = -1;      // its first word read as a person's, -1: none
        bool evidence = false;              // an age, a speech verb or "who" says it is a person's
    };
    GivenRun given_name_run(std::int64_t first, std::int64_t last);
    [[nodiscard]] std::int64_t next_run_word(std::int64_t i) const;
    [[nodiscard]] std::int64_t previous_run_word(std::int64_t i) const;
    [[nodiscard]] bool age_before(std::int64_t first) const;
    [[nodiscard]] bool title_case_line(std::int64_t i) const;
    [[nodiscard]] bool kin_before(std::int64_t g) const;
    [[nodiscard]] bool run_joined(std::int64_t a, std::int64_t b) const;
    [[nodiscard]] bool couple_follows(std::int64_t g) const;
    [[nodiscard]] std::int64_t mention_starting_at(std::int64_t token_index) const;
    [[nodiscard]] bool names_great_place(std::size_t k, bool provinces) const;
    [[nodiscard]] bool names_country(std::size_t k) const;
    [[nodiscard]] bool holds_a_reading(std::size_t outer, std::size_t inner) const;
    [[nodiscard]] bool noted_place(std::int64_t k, std::string_view folded) const;
    /// Whether an age in commas follows token `last` ("Stephon Clark, 22,").
    [[nodiscard]] bool age_follows(std::int64_t last) const;
    void spread_person_names();
    [[nodiscard]] bool after_place_word(std::int64_t i) const;
    void spread_city_names();
    void find_qualifiers();
    void mark_lists();

    // The scoring passes (resolver.cpp).
    void count_country_names();
    void add_abbreviation_support();
    void count_resolved_support();
    void settle_from_qualifiers(PassTables& t);
    void count_provinces(PassTables& t);
    void place_anchors(PassTables& t);
    void weigh_name_settlements(PassTables& t);
    bool holds_named_places(const PassTables& t, std::size_t k, const Candidate& c) const;
    bool near_other_place(PassTables& t, std::size_t k, std::uint32_t entry, const Entry& e);
    double nearest_other_km(const PassTables& t, std::size_t k, const Entry& e) const;
    CandidateEvidence evidence(const PassTables& t, std::size_t k, const Candidate& c, std::uint32_t entry) const;
    void choose(PassTables& t);
    std::vector<Place> group_places();

    std::array<std::byte, 32 * 1024> first_block_;
    std::pmr::monotonic_buffer_resource arena_{first_block_.data(), first_block_.size()};
    const Document& doc_;
    const Gazetteer& gaz_;
    const std::vector<Mention>& mentions_;
    const std::size_t n_;
    CodeKeys codes_;
    std::pmr::vector<std::string> folded_texts_{&arena_};
    std::pmr::vector<std::size_t> name_of_{&arena_};
    std::pmr::vector<Candidate> decoded_{&arena_};
    std::pmr::vector<std::size_t> decoded_at_{&arena_};
    std::pmr::vector<Around> around_{&arena_};
    std::pmr::vector<bool> qualified_by_next_ = std::pmr::vector<bool>(&arena_);
    std::pmr::vector<std::pmr::vector<Candidate>> abbreviated_after_{&arena_};
    std::pmr::vector<bool> abbreviation_dotted_ = std::pmr::vector<bool>(&arena_);
    std::pmr::vector<std::int64_t> qualifier_before_{&arena_};
    std::pmr::vector<bool> capital_next_ = std::pmr::vector<bool>(&arena_);
    std::int64_t run_start_ = -1, run_end_ = -2;  // the last run of capitalised words in_person_run walked
    GivenRun given_run_;                          // the last run given_name_run walked
    std::pmr::vector<bool> in_list_ = std::pmr::vector<bool>(&arena_);
    Tally support_{&arena_};
    std::pmr::vector<std::uint64_t> voted_{&arena_};
    CountsByName votes_by_name_{&arena_};
    std::pmr::vector<std::int64_t> chosen_{&arena_};
    std::pmr::vector<const Candidate*> chosen_entry_{&arena_};  // decoded, of chosen_[k]
    std::pmr::vector<double> chosen_score_{&arena_}, chosen_total_{&arena_};
    std::pmr::vector<std::uint64_t> admin1_countries_{&arena_};  // of one mention's candidates, reused
};

}  // namespace borderline::geoparse_detail
