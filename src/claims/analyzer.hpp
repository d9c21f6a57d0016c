// The claims stage's analyser, shared by its files: claims.cpp (the pass
// over sentences and the claims made from cues), cues.cpp (speech verbs),
// people.cpp (speakers: mentions, people, actor phrases), quotes.cpp
// (quotation marks and quotations that continue a claim) and stance.cpp
// (what a neutral verb's words say). One class, as every step reads the
// same per-article indexes; internal to src/claims.
#pragma once

#include <algorithm>
#include <borderline/claims.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "claims/lexicon.hpp"

namespace borderline::claims_detail {

namespace lex = claims_lexicon;
using lex::CueClass;

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);
inline constexpr std::size_t kMaxText = 160;

/// A place mention, as token range, with the country it names when it can
/// stand for a government (a country, its demonym, a seat of government, a capital).
struct MentionRef {
    std::size_t first = 0, last = 0;  // tokens [first, last)
    std::uint32_t entry = 0;
    std::string actor_country;
    bool actor_only = false;  // a demonym the places left unresolved: names a speaker, links no place
    bool demonym = false;     // "Russian": speaks only with a title or body after it
};

/// A quotation: the tokens of its marks (close is the last token of the
/// paragraph when the quotation is never closed).
struct Quote {
    std::size_t open = 0, close = 0;
    bool consumed = false;
};

/// An actor phrase: tokens [first, last) and the country it resolves to.
struct ActorPhrase {
    std::size_t first = kNone, last = kNone;
    std::string country;
    std::string text;
};

/// A speech verb with its speaker.
struct Cue {
    std::size_t tok = 0;    // the verb, "according", or the "and" of ", and that"
    std::size_t after = 0;  // first token after the cue's words
    CueClass cls = CueClass::say;
    bool forced_asserts = false;  // "did not deny"
    bool passive = false;         // "... was suspected by X of"
    bool according = false;
    bool split = false;     // opens a new claim even for the same speaker
    bool and_that = false;  // ", and that": the previous speaker goes on
    ActorPhrase actor;
};

/// Removes the invisible marks that pad a decoded HTML character reference
/// inside a word (U+034F, U+FE00; see text/html.cpp) from text shown to
/// readers.
inline void strip_padding(std::string& t) {
    if (t.find('\xCD') == std::string::npos && t.find('\xEF') == std::string::npos) return;
    std::string out;
    out.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.compare(i, 2, "\xCD\x8F") == 0) {
            ++i;
        } else if (t.compare(i, 3, "\xEF\xB8\x80") == 0) {
            i += 2;
        } else {
            out += t[i];
        }
    }
    t = std::move(out);
}

/// Tokens that name a statement's speakers, which are not what it is
/// about: the sentence's speaker tokens (sorted) and, for a passive, the
/// "by" phrase. A view, so that each statement of a long sentence does
/// not copy the sentence's set.
struct Excluded {
    const std::vector<std::size_t>* sorted = nullptr;
    std::size_t first = 0, last = 0;  // [first, last)
    [[nodiscard]] bool contains(std::size_t t) const {
        if (t >= first && t < last) return true;
        return sorted && std::binary_search(sorted->begin(), sorted->end(), t);
    }
};

/// An actor named, for pronouns and "the ministry" later.
/// Where a claim's shown text starts (Analyzer::text_start): at token
/// `first`, after the words `speaker` when they are not the ones before it.
struct TextStart {
    std::size_t first = kNone;
    std::string speaker;
};

struct NotedActor {
    std::size_t paragraph = kNone;
    std::string country, text;
    bool person = false;    // "Azerbaijan's president", "Peskov": "he" and "the spokesman" may refer to it
    std::size_t entry = 0;  // the live-blog entry it was named in (0 in other articles)
};

class Analyzer {
public:
    /// `mentions`: find_mentions(doc, gaz).
    Analyzer(const Document& doc, const Gazetteer& gaz, const std::vector<Place>& places,
             const std::vector<Mention>& mentions)
        : doc_(doc), gaz_(gaz), places_(places), all_mentions_(mentions) {}

    std::vector<Claim> run();

private:
    // Token helpers.
    [[nodiscard]] std::string_view fw(std::size_t i) const { return doc_.tokens[i].folded; }
    [[nodiscard]] bool word(std::size_t i) const { return doc_.tokens[i].is_word; }
    [[nodiscard]] bool cap(std::size_t i) const { return doc_.tokens[i].capitalised; }
    [[nodiscard]] std::string_view raw(std::size_t i) const {
        // A token's span lies in the text: no bounds check (and no throw
        // path) that keeps this from being inlined into every test of a
        // comma or a quotation mark.
        const Span& s = doc_.tokens[i].span;
        return {doc_.text.data() + s.start, s.size()};
    }
    [[nodiscard]] bool is_apostrophe(std::size_t i) const {
        const auto r = raw(i);
        return r == "'" || r == "\xE2\x80\x99";
    }
    /// Token i is the "s" of a possessive "'s".
    [[nodiscard]] bool possessive_s(std::size_t i) const {
        return fw(i) == "s" && i >= 2 && is_apostrophe(i - 1) && word(i - 2) &&
               doc_.tokens[i - 1].span.start == doc_.tokens[i - 2].span.end;
    }
    [[nodiscard]] bool in_quote(std::size_t i) const { return tok_quote_[i] >= 0; }
    [[nodiscard]] std::size_t sent_first(std::size_t s) const { return doc_.sentence_tokens[s].first; }
    [[nodiscard]] std::size_t sent_end(std::size_t s) const { return doc_.sentence_tokens[s].second; }
    [[nodiscard]] std::size_t words_between(std::size_t a, std::size_t b) const {
        std::size_t n = 0;
        for (std::size_t i = a; i < b && i < doc_.tokens.size(); ++i) n += word(i) ? 1 : 0;
        return n;
    }
    /// words_between(a, b) > n, without counting past the n+1st.
    [[nodiscard]] bool words_over(std::size_t a, std::size_t b, std::size_t n) const {
        std::size_t k = 0;
        for (std::size_t i = a; i < b && i < doc_.tokens.size(); ++i) {
            if (word(i) && ++k > n) return true;
        }
        return false;
    }
    /// words_between(a, b) > 0, without counting past the first.
    [[nodiscard]] bool any_word(std::size_t a, std::size_t b) const {
        const std::size_t end = std::min(b, doc_.tokens.size());
        return next_word(a, end) < end;
    }
    [[nodiscard]] std::size_t next_word(std::size_t i, std::size_t end) const {
        while (i < end && !word(i)) ++i;
        return i;
    }
    [[nodiscard]] std::size_t prev_word(std::size_t i, std::size_t first) const {
        while (i > first) {
            --i;
            if (word(i)) return i;
        }
        return kNone;
    }

    [[nodiscard]] MentionRef tokens_of(const Span& span) const;
    void index_mentions();
    void index_paragraphs_and_quotes();
    void mark_fragments();
    void register_people();
    void register_person(std::size_t first, std::size_t last, const std::string& country);

    std::vector<Cue> find_cues(std::size_t s);
    bool verb_cue(Cue& c, const lex::CueWord& cw, std::size_t first, std::size_t end, std::size_t nx) const;
    [[nodiscard]] bool offer_object(std::size_t i, std::size_t end) const;
    [[nodiscard]] bool stranded_preposition(std::size_t nx, std::size_t end) const;
    [[nodiscard]] bool own_clause(std::size_t a, std::size_t b) const;
    [[nodiscard]] bool told_to_act(std::size_t i, std::size_t end) const;
    [[nodiscard]] bool inverted_speaker(const ActorPhrase& r, std::size_t end) const;
    [[nodiscard]] std::string document_issuer(const ActorPhrase& a, std::size_t s) const;
    bool needs_met(Cue& c, lex::CueNeeds needs, std::size_t pv, std::size_t end, std::size_t nx) const;
    bool negated(std::size_t i, std::size_t first) const;
    [[nodiscard]] bool no_subject(std::size_t i, std::size_t first) const;
    [[nodiscard]] bool own_claim_after(std::size_t nx, std::size_t end) const;
    [[nodiscard]] bool initial_stop(std::size_t t) const;
    ActorPhrase phrase_left(std::size_t end, std::size_t first) const;
    ActorPhrase phrase_right(std::size_t start, std::size_t end) const;
    std::optional<ActorPhrase> subject_left(std::size_t cue, std::size_t s);
    std::optional<ActorPhrase> subject_before(std::size_t cue, std::size_t s);
    [[nodiscard]] std::size_t restrictive_who(std::size_t cue, std::size_t s) const;
    [[nodiscard]] std::size_t before_apposition(std::size_t end, std::size_t first) const;
    bool office_before(ActorPhrase& a, std::size_t before, std::size_t first, std::size_t s) const;
    void resolve(ActorPhrase& a, std::size_t s) const;
    std::string refer_back(std::size_t s, std::string_view head) const;
    void register_officials();

    // The article's shape (shapes.cpp).
    [[nodiscard]] std::pair<std::size_t, std::size_t> tokens_in(std::size_t start, std::size_t end) const;
    [[nodiscard]] std::string titled_country_in(std::size_t first, std::size_t end, std::size_t* at = nullptr) const;
    void prepare_shape();
    void find_interviewee();
    [[nodiscard]] std::optional<ActorPhrase> first_person(std::size_t t) const;
    bool issuer_phrase(ActorPhrase& a) const;
    [[nodiscard]] bool names_something(std::size_t first, std::size_t end, bool or_cue = false) const;
    void claim_answers();
    void claim_release_sentences();

    void make_claims(std::size_t s, std::vector<Cue>& cues);
    void note_opening_actor(std::size_t s);
    std::vector<Cue> with_speakers(std::size_t s, std::vector<Cue>& cues);
    [[nodiscard]] ActorPhrase opening_subject(std::size_t s) const;
    [[nodiscard]] bool comma_before(std::size_t t, std::size_t first) const;
    [[nodiscard]] std::vector<std::size_t> speaker_tokens(const std::vector<Cue>& live) const;
    void claim_tail_attribution(std::size_t s, std::vector<Cue>& live, const Excluded& excluded);
    static std::vector<std::vector<Cue>> group_statements(const std::vector<Cue>& live);
    [[nodiscard]] std::size_t statement_end(std::size_t s, const std::vector<std::vector<Cue>>& groups,
                                            std::size_t g) const;
    std::size_t statement_start(std::size_t s, const std::vector<Cue>& group, std::size_t& gend) const;
    void take_following_quote(std::size_t& cfirst, std::size_t& gend) const;
    [[nodiscard]] TextStart text_start(std::size_t s, const Cue& lead, std::size_t cfirst) const;
    /// A claim of the words [first_tok, end_tok); its text starts at
    /// `text.first` when that is earlier, after `text.speaker` (text_start).
    void emit(const std::vector<Cue>& group, std::size_t first_tok, std::size_t end_tok, std::size_t s,
              const Excluded& excluded, const TextStart& text = {});
    Stance content_stance(const std::vector<Cue>& group, std::size_t first, std::size_t end,
                          const std::string& country) const;
    void continue_quotes();
    void link_places(Claim& c, std::size_t first, std::size_t end, std::size_t s_first, std::size_t s_last,
                     const Excluded& excluded) const;
    [[nodiscard]] bool pronoun_object(std::size_t first, std::size_t end) const;
    [[nodiscard]] std::string clause_text(std::size_t first, std::size_t end, std::string_view speaker = {}) const;
    /// The sentence of a token (sentences are consecutive runs of tokens,
    /// so the first one that ends after it).
    [[nodiscard]] std::size_t sentence_of(std::size_t tok) const {
        const auto& st = doc_.sentence_tokens;
        const auto it = std::partition_point(st.begin(), st.end(), [&](const auto& r) { return r.second <= tok; });
        return it == st.end() ? 0 : static_cast<std::size_t>(it - st.begin());
    }
    [[nodiscard]] Quote* quote_closing_before(std::size_t np_first, std::size_t s);
    [[nodiscard]] bool attributed_to_other(const Quote& q, std::size_t s) const;
    /// The first quotation that opens at or after token `tok` (quotations
    /// follow one another and never nest, so they are sorted by both marks).
    [[nodiscard]] std::size_t quote_from(std::size_t tok) const {
        return static_cast<std::size_t>(
            std::partition_point(quotes_.begin(), quotes_.end(), [&](const Quote& q) { return q.open < tok; }) -
            quotes_.begin());
    }
    /// The relative clause after the sentence's subject (", which ...,"):
    /// computed once per sentence, as every cue of it asks.
    void find_relative_clause(std::size_t s);
    void note_actor(std::size_t s, const std::string& country, const std::string& text);

    const Document& doc_;
    const Gazetteer& gaz_;
    const std::vector<Place>& places_;
    const std::vector<Mention>& all_mentions_;

    std::vector<MentionRef> mentions_;
    std::vector<int> tok_mention_;
    std::vector<int> tok_quote_;
    std::vector<std::size_t> tok_para_;
    std::vector<Quote> quotes_;
    std::vector<bool> skip_sentence_;
    std::map<std::string, std::string> people_;  // folded name -> ISO3
    std::set<std::string> person_words_;
    std::vector<NotedActor> noted_;               // the last few actors named, oldest first
    std::vector<std::size_t> mentions_by_token_;  // indexes into mentions_, by first token
    // The sentence's first ", which/who/whose/where" comma not in a
    // quotation, and the first comma after it (kNone when there is none).
    std::size_t rel_sentence_ = kNone, rel_comma_ = kNone, rel_close_ = kNone;
    // The places of the last sentence range a claim fell back to.
    mutable struct Fallback {
        std::size_t a = kNone, b = kNone;
        const std::vector<std::size_t>* sorted = nullptr;
        std::size_t first = 0, last = 0;
        std::vector<std::size_t> mentions;
    } fallback_;

    // The speaker the shape gives: a release's issuer, an opinion's author
    // (when the biography ties them to a country), a transcript's interviewee.
    ActorPhrase shape_speaker_;
    std::string intro_name_;  // a transcript's interviewee as a turn label names them ("ortega")
    /// A transcript's answer turn: tokens [first, end) and who gives it.
    struct Answer {
        std::size_t first, end;
        ActorPhrase who;
    };
    std::vector<Answer> answers_;
    std::vector<std::size_t> sent_answer_;  // per sentence: its answer in answers_, or kNone

    struct Made {
        Claim claim;
        std::size_t s_first, s_last;
        std::size_t first_tok;  // where its words start, to order claims of one sentence
        bool quote;
    };
    std::vector<Made> made_;
};

}  // namespace borderline::claims_detail
