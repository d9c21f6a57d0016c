// Claims: attribution and stance. For each sentence, speech verbs ("said",
// "accused", "urged") are found outside quotation marks; each verb gets the
// actor that says it (its subject, an "according to" or passive "by" phrase,
// an inverted "said X", or a pronoun that refers back), resolved to a country
// through the gazetteer's mentions and a per-article map of the people the
// article introduces with a country's title. Verbs of one speaker in one
// statement form one claim; its words are the clause the verb governs, or the
// quotation it is attached to ("...," X said / X said: "..."), and a quotation
// that follows a claim without its own attribution continues it.
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

namespace borderline {

const char* to_string(Stance s) {
    switch (s) {
        case Stance::asserts:
            return "asserts";
        case Stance::denies:
            return "denies";
        case Stance::accuses:
            return "accuses";
        case Stance::demands:
            return "demands";
        case Stance::reports:
            return "reports";
    }
    return "reports";
}

namespace {

namespace lex = claims_lexicon;
using lex::CueClass;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kMaxText = 160;

/// A place mention, as token range, with the country it names when it can
/// stand for a government (a country, its demonym, a seat of government, a capital).
struct MentionRef {
    std::size_t first = 0, last = 0;  // tokens [first, last)
    std::uint32_t entry = 0;
    std::string actor_country;
    bool actor_only = false;  // a demonym the places left unresolved: names a speaker, links no place
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

/// The last actor named, for pronouns and "the ministry".
struct LastActor {
    std::size_t paragraph = kNone;
    std::string country, text;
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
    bool negated(std::size_t i, std::size_t first) const;
    ActorPhrase phrase_left(std::size_t end, std::size_t first) const;
    ActorPhrase phrase_right(std::size_t start, std::size_t end) const;
    std::optional<ActorPhrase> subject_left(std::size_t cue, std::size_t s);
    void resolve(ActorPhrase& a, std::size_t s) const;
    std::string refer_back(std::size_t s, bool definite) const;

    void make_claims(std::size_t s, std::vector<Cue>& cues);
    void emit(const std::vector<Cue>& group, std::size_t first_tok, std::size_t end_tok, std::size_t s,
              const std::set<std::size_t>& excluded);
    Stance content_stance(const std::vector<Cue>& group, std::size_t first, std::size_t end,
                          const std::string& country) const;
    void continue_quotes();
    void link_places(Claim& c, std::size_t first, std::size_t end, std::size_t s_first, std::size_t s_last,
                     const std::set<std::size_t>& excluded) const;
    [[nodiscard]] std::string clause_text(std::size_t first, std::size_t end) const;
    /// The sentence of a token (sentences are consecutive runs of tokens,
    /// so the first one that ends after it).
    [[nodiscard]] std::size_t sentence_of(std::size_t tok) const {
        const auto& st = doc_.sentence_tokens;
        const auto it = std::partition_point(st.begin(), st.end(), [&](const auto& r) { return r.second <= tok; });
        return it == st.end() ? 0 : static_cast<std::size_t>(it - st.begin());
    }
    [[nodiscard]] Quote* quote_closing_before(std::size_t np_first, std::size_t s);
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
    LastActor last_;

    struct Made {
        Claim claim;
        std::size_t s_first, s_last;
        std::size_t first_tok;  // where its words start, to order claims of one sentence
        bool quote;
    };
    std::vector<Made> made_;
};

// ---------------------------------------------------------------------------
// Indexing

// The tokens that cover a byte span.
MentionRef Analyzer::tokens_of(const Span& span) const {
    MentionRef r;
    const auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), span.start,
                                     [](const Token& t, std::size_t pos) { return t.span.start < pos; });
    r.first = static_cast<std::size_t>(it - doc_.tokens.begin());
    r.last = r.first;
    while (r.last < doc_.tokens.size() && doc_.tokens[r.last].span.end <= span.end) ++r.last;
    return r;
}

void Analyzer::index_mentions() {
    const std::size_t n = doc_.tokens.size();
    tok_mention_.assign(n, -1);
    // Room for every mention at once: growing moved each one's string.
    std::size_t most = all_mentions_.size();
    for (const Place& p : places_) most += p.mentions.size();
    mentions_.reserve(most);
    for (const Place& p : places_) {
        const Entry& e = gaz_.entry(p.entry);
        for (const Mention& m : p.mentions) {
            MentionRef r = tokens_of(m.span);
            r.entry = p.entry;
            if (r.last == r.first) continue;
            if (m.role == NameRole::demonym || m.role == NameRole::metonym || e.kind == PlaceKind::country ||
                (e.kind == PlaceKind::place && e.capital)) {
                r.actor_country = e.country;
            }
            const int idx = static_cast<int>(mentions_.size());
            mentions_.push_back(r);
            for (std::size_t t = r.first; t < r.last; ++t) tok_mention_[t] = idx;
        }
    }
    // A demonym or seat of government that resolution left out (it keeps
    // places, not speakers: "Russian President ..." alone maps nothing) still
    // names a speaker.
    for (const Mention& m : all_mentions_) {
        if (m.role == NameRole::name) continue;
        MentionRef r = tokens_of(m.span);
        if (r.last == r.first) continue;
        bool taken = false;
        for (std::size_t t = r.first; t < r.last; ++t) taken = taken || tok_mention_[t] >= 0;
        if (taken) continue;
        for (const NameRef& ref : m.candidates) {
            if (ref.role == NameRole::name) continue;
            r.entry = ref.entry;
            r.actor_country = gaz_.entry(ref.entry).country;
            break;
        }
        if (r.actor_country.empty()) continue;
        r.actor_only = true;
        const int idx = static_cast<int>(mentions_.size());
        mentions_.push_back(r);
        for (std::size_t t = r.first; t < r.last; ++t) tok_mention_[t] = idx;
    }
}

void Analyzer::index_paragraphs_and_quotes() {
    const std::size_t n = doc_.tokens.size();
    // A line break starts a new paragraph: plain text has one per paragraph,
    // and headlines and list items stand on their own lines. A line break
    // also ends a sentence (make_document), so only the gaps between
    // sentences are looked at, and each sentence's tokens share a paragraph.
    tok_para_.clear();
    tok_para_.reserve(n);
    std::size_t para = 0;
    for (std::size_t s = 0; s < doc_.sentence_tokens.size(); ++s) {
        const std::size_t first = sent_first(s);
        if (first > 0) {
            const std::size_t a = doc_.tokens[first - 1].span.end, b = doc_.tokens[first].span.start;
            // Only between the two tokens: find() to the next newline made a
            // long single line quadratic.
            if (b > a && std::string_view(doc_.text).substr(a, b - a).find('\n') != std::string_view::npos) ++para;
        }
        tok_para_.resize(sent_end(s), para);
    }
    tok_para_.resize(n, para);
    tok_quote_.assign(n, -1);
    std::size_t open = kNone;
    auto close_at = [&](std::size_t c) {
        quotes_.push_back({open, c, false});
        for (std::size_t t = open + 1; t < c; ++t) tok_quote_[t] = static_cast<int>(quotes_.size() - 1);
        open = kNone;
    };
    for (std::size_t s = 0; s < doc_.sentence_tokens.size(); ++s) {
        // A quotation never closed ends with its paragraph, and paragraphs
        // change only between sentences.
        if (open != kNone && tok_para_[sent_first(s)] != tok_para_[open]) close_at(sent_first(s));
        for (std::size_t i = sent_first(s); i < sent_end(s); ++i) {
            if (word(i)) continue;
            // Every quotation mark below is '"' or starts with a byte over 0x7F:
            // other ASCII punctuation (most tokens that get here) is none.
            const char lead = doc_.text[doc_.tokens[i].span.start];
            if (lead != '"' && static_cast<unsigned char>(lead) < 0x80) continue;
            const auto r = raw(i);
            const bool opening = r == "\xE2\x80\x9C" || r == "\xC2\xAB" || r == "\xE2\x80\x9E";
            const bool closing = r == "\xE2\x80\x9D" || r == "\xC2\xBB";
            if (r == "\"") {
                if (open == kNone) {
                    open = i;
                } else {
                    close_at(i);
                }
            } else if (opening && open == kNone) {
                open = i;
            } else if (closing && open != kNone) {
                close_at(i);
            }
        }
    }
    if (open != kNone) close_at(n);
}

// Lines such as "READ ALSO: ..." or "RELATED: ..." are links to other
// articles, not this article's text: nothing in them is a claim.
void Analyzer::mark_fragments() {
    const std::size_t ns = doc_.sentences.size();
    skip_sentence_.assign(ns, false);
    for (std::size_t s = 0; s < ns; ++s) {
        if (skip_sentence_[s]) continue;
        // A label ends in a colon among the first few tokens; looked for
        // first, as most sentences have none.
        std::size_t colon = sent_first(s);
        while (colon < sent_end(s) && colon < sent_first(s) + 6 && raw(colon) != ":") ++colon;
        if (colon == sent_end(s) || colon == sent_first(s) + 6) continue;
        std::size_t words = 0;
        bool label = true;
        for (std::size_t t = sent_first(s); t < colon; ++t) {
            if (!word(t)) continue;
            ++words;
            const auto r = raw(t);
            const bool upper = std::none_of(r.begin(), r.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            if (!upper && !lex::is_fragment_label(fw(t))) label = false;
        }
        if (!(label && words > 0 && words <= 4)) continue;
        const std::size_t para = tok_para_[sent_first(s)];
        for (std::size_t s2 = s; s2 < ns && tok_para_[sent_first(s2)] == para; ++s2) skip_sentence_[s2] = true;
    }
}

void Analyzer::register_person(std::size_t first, std::size_t last, const std::string& country) {
    std::string full;
    for (std::size_t t = first; t < last; ++t) {
        if (!full.empty()) full += ' ';
        full += fw(t);
        person_words_.insert(std::string(fw(t)));
    }
    people_.emplace(full, country);
    people_.emplace(std::string(fw(last - 1)), country);
}

// People are introduced with their country's title: "Armenia's caretaker
// prime minister, Nikol Pashinyan", "Russian President Vladimir Putin",
// "Kremlin spokesman Dmitry Peskov", "Armenia's Pashinyan", or the other way
// round, "Nikol Pashinyan, Armenia's prime minister". Later "Pashinyan said"
// resolves through this map.
void Analyzer::register_people() {
    const std::size_t n = doc_.tokens.size();
    auto name_word = [&](std::size_t t) {
        // Towns may share a person's name ("Porter", "Vladimir"); countries and provinces do not.
        return t < n && word(t) && cap(t) && !lex::is_title_word(fw(t)) && !lex::is_function_word(fw(t)) &&
               !lex::find_cue(fw(t)) &&
               (tok_mention_[t] < 0 || (mentions_[tok_mention_[t]].actor_country.empty() &&
                                        gaz_.entry(mentions_[tok_mention_[t]].entry).kind == PlaceKind::place));
    };
    for (const MentionRef& m : mentions_) {
        if (m.actor_country.empty()) continue;
        const std::size_t para = tok_para_[m.first];
        std::size_t j = m.last;
        bool poss = false;
        if (j + 1 < n && is_apostrophe(j) && fw(j + 1) == "s") {
            poss = true;
            j += 2;
        }
        std::size_t titles = 0;
        // A title phrase is short; unbounded, a run of country names would
        // make this walk quadratic in the paragraph's length.
        while (j < n && tok_para_[j] == para && j < m.last + 16) {
            if (word(j) && lex::is_title_word(fw(j))) {
                ++titles;
                ++j;
            } else if (raw(j) == "," && titles > 0 && name_word(j + 1)) {
                ++j;
            } else if (tok_mention_[j] >= 0 && !mentions_[tok_mention_[j]].actor_country.empty() && titles == 0) {
                j = mentions_[tok_mention_[j]].last;  // "U.S. State Department spokeswoman"
            } else {
                break;
            }
        }
        if (poss || titles > 0) {
            std::size_t k = j;
            while (k < n && k < j + 3 && tok_para_[k] == para && name_word(k)) ++k;
            if (k > j) register_person(j, k, m.actor_country);
        }
        // "Nikol Pashinyan, Armenia's prime minister" / "Pashinyan, the Armenian prime minister"
        std::size_t b = m.first;
        if (b > 0 && fw(b - 1) == "the") --b;
        const bool titled = (poss && j > m.last + 2) || (!poss && titles > 0);
        if (titled && b >= 2 && raw(b - 1) == ",") {
            std::size_t k = b - 1;
            while (k > 0 && k + 3 > b - 1 && name_word(k - 1) && tok_para_[k - 1] == para) --k;
            const std::size_t pv = k > 0 ? prev_word(k, 0) : kNone;
            const bool after_preposition = pv != kNone && pv + 1 == k && lex::is_preposition(fw(pv));
            if (k < b - 1 && !after_preposition) register_person(k, b - 1, m.actor_country);
        }
    }
}

// ---------------------------------------------------------------------------
// Cues and their speakers

bool Analyzer::negated(std::size_t i, std::size_t first) const {
    std::size_t t = i;
    for (int seen = 0; seen < 3;) {
        t = prev_word(t, first);
        if (t == kNone) return false;
        const auto f = fw(t);
        if (f == "not" || f == "never") return true;
        if (f == "t" && t >= 2 && is_apostrophe(t - 1)) return true;
        if (f == "also" || f == "ever" || f == "yet" || f == "explicitly" || f == "directly" || f == "publicly")
            continue;
        ++seen;
    }
    return false;
}

std::vector<Cue> Analyzer::find_cues(std::size_t s) {
    std::vector<Cue> out;
    const std::size_t first = sent_first(s), end = sent_end(s);
    for (std::size_t i = first; i < end; ++i) {
        if (!word(i) || in_quote(i) || tok_mention_[i] >= 0) continue;
        const auto f = fw(i);
        // Most words are neither a speech verb nor "according" or "and":
        // they are passed over before any cue is made up for them.
        const bool according_or_and = f == "according" || f == "and";
        const lex::CueWord* cw = according_or_and ? nullptr : lex::find_cue(f);
        if (!cw && !according_or_and) continue;
        const std::size_t nx = next_word(i + 1, end);
        const auto next = nx < end ? fw(nx) : std::string_view{};
        Cue c;
        c.tok = i;
        c.after = i + 1;
        if (f == "according" && next == "to") {
            c.cls = CueClass::report;
            c.according = true;
            c.after = nx + 1;
            out.push_back(c);
            continue;
        }
        // ", and that ...": a second clause of the same speaker.
        if (f == "and" && next == "that" && !out.empty() && i > first && (raw(i - 1) == "," || raw(i - 1) == ";")) {
            c.cls = CueClass::say;
            c.split = true;
            c.and_that = true;
            c.after = nx + 1;
            out.push_back(c);
            continue;
        }
        if (!cw) continue;
        const std::size_t pv = prev_word(i, first);
        if (pv != kNone && (lex::is_determiner(fw(pv)) || possessive_s(pv)))
            continue;  // "the claims", "Baku's demands"
        c.cls = cw->cls;
        switch (cw->needs) {
            case lex::CueNeeds::none:
                break;
            case lex::CueNeeds::object: {
                static const lex::WordTable kObjects{
                    "this",    "that",        "it",       "these",   "those",       "the",        "claims",
                    "reports", "allegations", "accounts", "such",    "any",         "its",        "his",
                    "her",     "their",       "them",     "charges", "accusations", "suggestions"};
                if (!kObjects.contains(next)) continue;
                if (pv != kNone && lex::is_preposition(fw(pv))) continue;
                break;
            }
            case lex::CueNeeds::for_or_on:
                if (next != "for" && next != "on" && next != "upon") continue;
                c.after = nx + 1;
                break;
            case lex::CueNeeds::to_soon: {
                bool found = false;
                for (std::size_t k = i + 1; k < end && k < i + 8; ++k) {
                    if (fw(k) == "to" || fw(k) == "for") {
                        found = true;
                        break;
                    }
                }
                if (!found) continue;
                if (pv != kNone) {
                    const auto p = fw(pv);
                    if (p == "is" || p == "was" || p == "were" || p == "are" || p == "be" || p == "been") continue;
                }
                break;
            }
            case lex::CueNeeds::of_or_by: {
                bool ok = false;
                for (std::size_t k = i + 1; k < end && k < i + 3; ++k) {
                    if (fw(k) == "by") {
                        ok = true;
                        c.passive = true;
                        c.after = k + 1;
                    }
                }
                for (std::size_t k = i + 1; !ok && k < end && k < i + 6; ++k) ok = fw(k) == "of";
                if (!ok) continue;
                break;
            }
            case lex::CueNeeds::that_or_to:
                if (next != "that" && next != "to" && !(nx > i + 1 && raw(i + 1) == ":")) continue;
                break;
        }
        // Other passives of speech verbs ("was denied by", "were accused by").
        if (!c.passive && pv != kNone) {
            const auto p = fw(pv);
            if ((p == "was" || p == "were" || p == "been" || p == "is" || p == "are") && c.cls != CueClass::say &&
                next == "by") {
                c.passive = true;
                c.after = nx + 1;
            }
        }
        // "refused to comment", "declined to confirm": nothing said.
        if (pv != kNone && fw(pv) == "to") {
            const std::size_t pp = prev_word(pv, first);
            if (pp != kNone && (fw(pp) == "declined" || fw(pp) == "refused")) continue;
        }
        if (negated(i, first)) {
            if (c.cls != CueClass::deny) continue;  // "did not say": no claim
            c.cls = CueClass::say;                  // "did not deny": a weak assertion
            c.forced_asserts = true;
        }
        out.push_back(c);
    }
    return out;
}

// The actor phrase that ends at token `end` (inclusive), walking left over
// names, titles, possessives and place mentions.
ActorPhrase Analyzer::phrase_left(std::size_t end, std::size_t first) const {
    ActorPhrase a;
    std::size_t k = end + 1;  // phrase is [k, end]
    std::size_t count = 0;
    while (k > first && count < 14) {
        const std::size_t t = k - 1;
        if (in_quote(t)) break;
        if (tok_mention_[t] >= 0) {
            k = std::max(mentions_[tok_mention_[t]].first, first);
            ++count;
            continue;
        }
        const auto f = fw(t);
        if (word(t)) {
            if (possessive_s(t)) {
                k = t - 1;
            } else if (lex::is_title_word(f) || (cap(t) && !lex::is_function_word(f) && !lex::find_cue(f))) {
                k = t;
            } else if (f == "the") {
                k = t;
                break;
            } else if (f == "of" && k <= end && t > first && lex::is_body_noun(fw(t - 1))) {
                k = t;
            } else {
                break;
            }
        } else if (raw(t) == "," && k <= end && word(k) && cap(k) && t > first && word(t - 1) &&
                   lex::is_title_word(fw(t - 1))) {
            k = t;  // "prime minister, Nikol Pashinyan"
        } else {
            break;
        }
        ++count;
    }
    if (k > end) return a;
    a.first = k;
    a.last = end + 1;
    return a;
}

// The actor phrase that starts at token `start`, walking right.
ActorPhrase Analyzer::phrase_right(std::size_t start, std::size_t end) const {
    ActorPhrase a;
    std::size_t k = start;
    std::size_t count = 0;
    while (k < end && count < 14) {
        if (in_quote(k)) break;
        if (tok_mention_[k] >= 0) {
            k = mentions_[tok_mention_[k]].last;
            ++count;
            continue;
        }
        const auto f = fw(k);
        if (word(k)) {
            if (possessive_s(k) || lex::is_title_word(f) || (k == start && f == "the") ||
                (cap(k) && !lex::is_function_word(f) && !lex::find_cue(f))) {
                ++k;
            } else if (f == "of" && k > start && lex::is_body_noun(fw(k - 1)) && k + 1 < end &&
                       (cap(k + 1) || tok_mention_[k + 1] >= 0)) {
                ++k;
            } else {
                break;
            }
        } else if (is_apostrophe(k) && k + 1 < end && fw(k + 1) == "s") {
            ++k;
        } else if (raw(k) == "," && k > start && lex::is_title_word(fw(k - 1)) && k + 1 < end && cap(k + 1)) {
            ++k;
        } else {
            break;
        }
        ++count;
    }
    if (k == start) return a;
    a.first = start;
    a.last = k;
    return a;
}

std::string Analyzer::refer_back(std::size_t s, bool definite) const {
    const std::size_t para = tok_para_[sent_first(s)];
    if (last_.paragraph == para) return last_.country;
    // "The ministry said" may open the paragraph after the one that named it.
    if (definite && !last_.country.empty() && last_.paragraph + 1 == para) return last_.country;
    return {};
}

// The country of an actor phrase: its first government-naming mention
// ("Armenia's ambassador to Russia" is Armenia's), else a person the article
// introduced, else, for "the ministry" and the like, the last actor.
void Analyzer::resolve(ActorPhrase& a, std::size_t s) const {
    if (a.first == kNone) return;
    const Span span{doc_.tokens[a.first].span.start, doc_.tokens[a.last - 1].span.end};
    a.text = doc_.text.substr(span.start, span.size());
    while (!a.text.empty() && (a.text.back() == ',' || a.text.back() == ' ')) a.text.pop_back();
    for (std::size_t t = a.first; t < a.last; ++t) {
        if (tok_mention_[t] >= 0 && !mentions_[tok_mention_[t]].actor_country.empty()) {
            a.country = mentions_[tok_mention_[t]].actor_country;
            return;
        }
    }
    // A name: the full name first ("Vladimir Putin"), then the surname.
    for (std::size_t t = a.first; t < a.last; ++t) {
        std::string full;
        for (std::size_t u = t; u < a.last && word(u) && cap(u); ++u) {
            if (!full.empty()) full += ' ';
            full += fw(u);
            if (const auto it = people_.find(full); it != people_.end()) a.country = it->second;
        }
        if (!a.country.empty()) return;
    }
    bool definite = a.last - a.first >= 2 && fw(a.first) == "the";
    for (std::size_t t = a.first + 1; definite && t < a.last; ++t) definite = lex::is_title_word(fw(t));
    if (definite) a.country = refer_back(s, true);
}

std::optional<ActorPhrase> Analyzer::subject_left(std::size_t cue, std::size_t s) {
    const std::size_t first = sent_first(s);
    std::size_t j = cue;
    if (fw(cue) == "saying" && cue > first && fw(cue - 1) == "as") --j;  // "quoted X as saying"
    static const lex::WordTable kAlsoSkip{"did",        "does",      "do",   "not", "never",
                                                      "t",          "could",     "can",  "may", "might",
                                                      "reportedly", "allegedly", "ever", "yet"};
    std::size_t skipped = 0;
    while (j > first && skipped < 9) {
        const std::size_t t = j - 1;
        if (in_quote(t)) break;
        const auto f = fw(t);
        if (lex::is_skippable(f) || kAlsoSkip.contains(f) || is_apostrophe(t)) {
            --j;
            ++skipped;
            continue;
        }
        break;
    }
    if (j <= first) return std::nullopt;
    std::size_t end = j - 1;
    // "Moscow, which keeps a base at Gyumri in northern Armenia, urged ...":
    // the subject stands before the relative clause, not at its end.
    for (std::size_t k = first + 1; k + 1 < cue && k <= end; ++k) {
        if (raw(k) != "," || in_quote(k)) continue;
        const auto rel = fw(k + 1);
        if (rel != "which" && rel != "who" && rel != "whose" && rel != "where") continue;
        bool closed = false;
        for (std::size_t c = k + 2; c < cue; ++c) closed = closed || raw(c) == ",";
        if (closed) {
            end = k - 1;
            break;
        }
    }
    if (in_quote(end) || !word(end)) return std::nullopt;
    if (lex::is_pronoun(fw(end))) {
        ActorPhrase a;
        a.first = end;
        a.last = end + 1;
        a.text = std::string(raw(end));
        a.country = refer_back(s, false);
        if (a.country.empty()) return std::nullopt;
        return a;
    }
    ActorPhrase a = phrase_left(end, first);
    if (a.first == kNone) return std::nullopt;
    // "troops in Armenia said" is not Armenia speaking.
    const std::size_t before = prev_word(a.first, first);
    if (before != kNone && before + 1 == a.first && lex::is_preposition(fw(before))) return std::nullopt;
    resolve(a, s);
    if (a.country.empty()) return std::nullopt;
    return a;
}

void Analyzer::note_actor(std::size_t s, const std::string& country, const std::string& text) {
    const std::size_t para = tok_para_[sent_first(s)];
    last_ = {para, country, text};
}

// ---------------------------------------------------------------------------
// Claims

Quote* Analyzer::quote_closing_before(std::size_t np_first, std::size_t s) {
    // The quotation that closes shortly before the attribution, with no
    // speech verb in between ("...," Interfax quoted X as saying).
    for (auto& q : quotes_) {
        if (q.close >= np_first || q.close + 7 < np_first) continue;
        if (q.close < sent_first(s)) continue;
        bool verb = false;
        for (std::size_t t = q.close + 1; t < np_first; ++t) {
            const lex::CueWord* cw = word(t) ? lex::find_cue(fw(t)) : nullptr;
            verb = verb || (cw && cw->needs == lex::CueNeeds::none);  // "state news agency" is no verb
        }
        if (!verb) return &q;
    }
    return nullptr;
}

Stance Analyzer::content_stance(const std::vector<Cue>& group, std::size_t first, std::size_t end,
                                const std::string& country) const {
    for (const Cue& c : group) {
        if (c.forced_asserts) return Stance::asserts;
        switch (c.cls) {
            case CueClass::deny:
                return Stance::denies;
            case CueClass::accuse:
                return Stance::accuses;
            case CueClass::demand:
                return Stance::demands;
            default:
                break;
        }
    }
    for (const Cue& c : group) {
        if (c.cls == CueClass::report) return Stance::reports;
    }
    // A neutral verb: what is said decides.
    std::vector<std::size_t> ws;
    for (std::size_t t = first; t < end; ++t) {
        if (word(t)) ws.push_back(t);
    }
    auto self = [&](std::size_t t) {
        static const lex::WordTable kSelf{"it", "its", "we", "our", "they", "their", "i", "his", "her"};
        if (kSelf.contains(fw(t))) return true;
        return tok_mention_[t] >= 0 && mentions_[tok_mention_[t]].actor_country == country;
    };
    // A denial says something did not happen ("had not crossed", "never
    // entered"); "would not cede" is a resolve, not a denial.
    static const lex::WordTable kPastAux{"had",   "has",  "have",  "did", "does", "do",
                                                     "was",   "were", "is",    "are", "hadn", "hasn",
                                                     "haven", "didn", "doesn", "don", "wasn", "weren"};
    auto negation = [&](std::size_t i) {
        const auto f = fw(ws[i]);
        const auto before = i > 0 ? fw(ws[i - 1]) : std::string_view{};
        if (f == "never") return before != "would" && before != "will";
        if (f == "no") return true;
        if (f == "not" || (f == "t" && ws[i] >= 1 && is_apostrophe(ws[i] - 1))) return kPastAux.contains(before);
        return false;
    };
    // "it had not crossed", "its troops never entered", "no shots were fired"
    if (!ws.empty()) {
        bool subject_self = false;
        for (std::size_t i = 0; i < ws.size() && i < 3; ++i) subject_self = subject_self || self(ws[i]);
        const auto f0 = fw(ws[0]);
        if (f0 == "no" || f0 == "nothing" || f0 == "none") return Stance::denies;
        for (std::size_t i = 0; i < ws.size() && i < 9; ++i) {
            if (negation(i) && (subject_self || (i > 0 && fw(ws[0]) == "there"))) return Stance::denies;
        }
    }
    for (std::size_t t : ws) {
        if (lex::is_denying_word(fw(t))) return Stance::denies;
    }
    static const lex::WordTable kAskVerbs{"approached", "asked",    "ask",   "request", "requested",
                                                      "appeal",     "appealed", "urge",  "urged",   "demand",
                                                      "demanded",   "call",     "called"};
    for (std::size_t i = 0; i < ws.size(); ++i) {
        const auto f = fw(ws[i]);
        if (f == "should" || f == "must" || f == "ought") return Stance::demands;
        if ((f == "need" || f == "needs" || f == "has" || f == "have" || f == "had") && i + 1 < ws.size() &&
            fw(ws[i + 1]) == "to")
            return Stance::demands;
        if (f == "i" || f == "we") {
            for (std::size_t k = i + 1; k < ws.size() && k < i + 4; ++k) {
                if (kAskVerbs.contains(fw(ws[k]))) return Stance::demands;
            }
        }
    }
    for (std::size_t t : ws) {
        if (lex::is_accusing_word(fw(t))) return Stance::accuses;
    }
    return Stance::asserts;
}

std::string Analyzer::clause_text(std::size_t first, std::size_t end) const {
    if (first >= end) return {};
    const std::size_t a = doc_.tokens[first].span.start, b = doc_.tokens[end - 1].span.end;
    // Runs of blanks become one space (none at the start); the words
    // between are appended whole.
    const auto blank = [&](std::size_t i) {
        const char c = doc_.text[i];
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    };
    std::string t;
    t.reserve(b - a);
    for (std::size_t i = a; i < b;) {
        if (blank(i)) {
            while (i < b && blank(i)) ++i;
            if (!t.empty() && i < b) t += ' ';
            continue;
        }
        const std::size_t run = i;
        while (i < b && !blank(i)) ++i;
        t.append(doc_.text, run, i - run);
    }
    auto strip_end = [&] {
        for (;;) {
            if (!t.empty() &&
                (t.back() == ',' || t.back() == '.' || t.back() == ';' || t.back() == ':' || t.back() == ' ')) {
                t.pop_back();
            } else if (t.size() >= 3 && (t.ends_with("\xE2\x80\x9D") || t.ends_with("\xE2\x80\x94")) &&
                       t.find("\xE2\x80\x9C") == std::string::npos) {
                t.resize(t.size() - 3);  // a closing mark whose opening mark is outside the clause
            } else {
                return;
            }
        }
    };
    strip_end();
    // A quotation cut by the sentence split keeps its closing mark.
    std::size_t opens = 0, closes = 0;
    for (std::size_t p = t.find("\xE2\x80\x9C"); p != std::string::npos; p = t.find("\xE2\x80\x9C", p + 1)) ++opens;
    for (std::size_t p = t.find("\xE2\x80\x9D"); p != std::string::npos; p = t.find("\xE2\x80\x9D", p + 1)) ++closes;
    if (opens > closes) t += "\xE2\x80\x9D";
    while (!t.empty() && (t.front() == ',' || t.front() == ':' || t.front() == ' ')) t.erase(0, 1);
    if (t.size() > kMaxText) {
        const std::string ellipsis = "\xE2\x80\xA6";
        std::size_t cut = t.rfind(' ', kMaxText - ellipsis.size());
        if (cut == std::string::npos || cut == 0) cut = kMaxText - ellipsis.size();
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // never inside a character
        t.resize(cut);
        strip_end();
        t += ellipsis;
    }
    return t;
}

void Analyzer::link_places(Claim& c, std::size_t first, std::size_t end, std::size_t s_first, std::size_t s_last,
                           const std::set<std::size_t>& excluded) const {
    auto usable = [&](const MentionRef& m) {
        if (m.actor_only) return false;
        for (std::size_t t = m.first; t < m.last; ++t) {
            if (excluded.count(t)) return false;
            if (cap(t) && person_words_.count(std::string(fw(t))))
                return false;  // "Porter", "Vladimir" are people here
        }
        return true;
    };
    auto add = [&](const MentionRef& m) {
        const Entry& e = gaz_.entry(m.entry);
        if (std::find(c.places.begin(), c.places.end(), e.id) == c.places.end()) c.places.emplace_back(e.id);
        if (e.kind == PlaceKind::dispute) {
            const std::string id(PlaceId::dispute_key(e.id).value_or(e.id));
            if (std::find(c.disputes.begin(), c.disputes.end(), id) == c.disputes.end()) c.disputes.push_back(id);
        }
        if (e.kind != PlaceKind::country && m.actor_country.empty()) c.geographic = true;
    };
    for (const MentionRef& m : mentions_) {
        if (m.first >= first && m.last <= end && usable(m)) add(m);
    }
    if (!c.places.empty()) return;
    // Nothing named in the clause: the places of its sentences, then what
    // the same actor last spoke about, then the actor's own country.
    const std::size_t a = sent_first(s_first), b = sent_end(s_last);
    for (const MentionRef& m : mentions_) {
        if (m.first >= a && m.last <= b && usable(m)) add(m);
    }
    if (!c.places.empty()) return;
    for (auto it = made_.rbegin(); it != made_.rend(); ++it) {
        if (it->claim.actor.country == c.actor.country && !it->claim.places.empty()) {
            c.places = it->claim.places;
            c.disputes = it->claim.disputes;
            return;
        }
    }
    PlaceId id = PlaceId::country(c.actor.country);
    if (gaz_.by_id(id) >= 0) c.places.push_back(std::move(id).str());
}

void Analyzer::emit(const std::vector<Cue>& group, std::size_t first_tok, std::size_t end_tok, std::size_t s,
                    const std::set<std::size_t>& excluded) {
    std::size_t s_first = s, s_last = s;
    bool quote = false;
    // A quotation in the clause that runs on into later sentences belongs to it.
    for (auto& q : quotes_) {
        const bool inside = q.open + 1 >= first_tok && q.open < end_tok;
        const bool is_clause = q.open + 1 == first_tok && q.close == end_tok;
        if (!inside && !is_clause) continue;
        q.consumed = true;
        quote = quote || is_clause;
        if (q.close > end_tok && q.close < doc_.tokens.size() + 1) {
            end_tok = std::min(q.close, doc_.tokens.size());
        }
    }
    if (first_tok >= end_tok || !any_word(first_tok, end_tok)) return;
    s_first = std::min(s_first, sentence_of(first_tok));
    s_last = std::max(s_last, sentence_of(end_tok - 1));
    Claim c;
    c.actor.country = group.front().actor.country;
    c.actor.text = group.front().actor.text;
    c.stance = content_stance(group, first_tok, end_tok, c.actor.country);
    c.text = clause_text(first_tok, end_tok);
    c.span = {doc_.sentences[s_first].start, doc_.sentences[s_last].end};
    for (std::size_t t = first_tok; t < end_tok; ++t) {
        if (word(t) && lex::is_geographic_word(fw(t))) c.geographic = true;
    }
    link_places(c, first_tok, end_tok, s_first, s_last, excluded);
    if (c.text.empty()) return;
    made_.push_back({std::move(c), s_first, s_last, first_tok, quote});
}

void Analyzer::make_claims(std::size_t s, std::vector<Cue>& cues) {
    const std::size_t first = sent_first(s), end = sent_end(s);
    // Speakers.
    std::vector<Cue> live;
    std::size_t head = kNone;  // the cue that opened the latest statement
    for (Cue& c : cues) {
        if (c.and_that) {
            if (head == kNone) continue;
            c.actor = live[head].actor;
        } else if (c.according || c.passive) {
            ActorPhrase a = phrase_right(c.after, end);
            resolve(a, s);
            if (a.country.empty()) continue;
            c.actor = a;
        } else if (c.actor.country.empty()) {
            auto a = subject_left(c.tok, s);
            const std::size_t pv = prev_word(c.tok, first);
            const bool after_comma = c.tok > first && (raw(c.tok - 1) == "," || raw(c.tok - 1) == ";");
            if (!a && (lex::is_participle(fw(c.tok)) && after_comma) && head != kNone) {
                c.actor = live[head].actor;  // "..., claiming that"
                c.split = lex::is_new_statement(fw(c.tok)) || words_between(live.back().tok + 1, c.tok) > 3;
            } else if (!a && pv != kNone && fw(pv) == "and" && pv + 1 == c.tok && head != kNone) {
                c.actor = live[head].actor;  // "... and urged"
                c.split = true;
            } else if (!a && (c.cls == CueClass::say || c.cls == CueClass::report) &&
                       (c.tok == first || !word(c.tok - 1))) {
                ActorPhrase r = phrase_right(c.tok + 1, end);  // "..., said Armenia's foreign ministry"
                resolve(r, s);
                if (r.country.empty()) continue;
                c.actor = r;
                c.after = r.last;
            } else if (a) {
                c.actor = *a;
                // "..., while Azerbaijan said": another speaker's own statement.
                const std::size_t b = a->first > first ? a->first - 1 : kNone;
                if (b != kNone) {
                    const auto f = fw(b);
                    c.split = f == "while" || f == "whereas" || f == "but" || raw(b) == ";" ||
                              (f == "and" && b > first && raw(b - 1) == ",");
                }
            } else {
                continue;
            }
        }
        note_actor(s, c.actor.country, c.actor.text);
        if (head == kNone || c.split || c.according || c.passive || c.actor.country != live[head].actor.country)
            head = live.size();
        live.push_back(c);
    }
    if (live.empty()) return;

    // Tokens that name speakers are not what the claim is about.
    std::set<std::size_t> excluded;
    for (const Cue& c : live) {
        if (c.actor.first == kNone) continue;
        for (std::size_t t = c.actor.first; t < c.actor.last; ++t) excluded.insert(t);
    }

    // A tail attribution: '"...," X said' or 'A must withdraw, X said.'
    for (std::size_t i = 0; i < live.size(); ++i) {
        const Cue& c = live[i];
        if (c.split || c.according || c.passive || c.actor.first == kNone) continue;
        const std::size_t att = std::min(c.actor.first, c.tok);
        Quote* q = quote_closing_before(att, s);
        std::size_t cfirst = kNone, cend = kNone;
        if (q) {
            cfirst = q->open + 1;
            cend = q->close;
        } else if (att > first && raw(att - 1) == "," && words_between(first, att) >= 3) {
            std::size_t rest_end = end;
            for (std::size_t k = i + 1; k < live.size(); ++k) {
                if (live[k].split) {
                    rest_end = live[k].tok;
                    break;
                }
            }
            bool that = false;
            for (std::size_t t = c.after; t < rest_end; ++t) that = that || fw(t) == "that";
            if (that || words_between(c.after, rest_end) > 5) continue;
            bool earlier_own = false;  // an earlier cue of another speaker would be nested in this one
            for (std::size_t k = 0; k < i; ++k) earlier_own = earlier_own || live[k].split;
            if (earlier_own) continue;
            cfirst = first;
            cend = att - 1;
        } else {
            continue;
        }
        std::vector<Cue> group{c};
        for (std::size_t k = 0; k < i; ++k) {
            if (live[k].actor.country == c.actor.country) group.push_back(live[k]);  // nested cues of others are words
        }
        emit(group, cfirst, cend, s, excluded);
        // What follows the attribution: ", adding that ..." claims of their own.
        std::vector<Cue> rest(live.begin() + static_cast<std::ptrdiff_t>(i) + 1, live.end());
        live.assign(rest.begin(), rest.end());
        if (live.empty()) return;
        break;
    }

    // Left to right: the first cue opens a claim; later cues of the same
    // speaker join it, cues of other speakers inside it are its words, and
    // split cues (", and that", ", adding", "and urged") open the next one.
    std::vector<std::vector<Cue>> groups;
    for (const Cue& c : live) {
        if (groups.empty() || c.split || c.according || c.passive) {
            groups.push_back({c});
        } else if (c.actor.country == groups.back().front().actor.country) {
            groups.back().push_back(c);
        }
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const auto& group = groups[g];
        const Cue& lead = group.front();
        std::size_t gend = end;
        if (g + 1 < groups.size()) {
            const Cue& nx = groups[g + 1].front();
            gend = nx.tok;
            if (!nx.split && nx.actor.first != kNone && !nx.according && !nx.passive)
                gend = std::min(gend, nx.actor.first);
            // "...; Pakistan denies this": a split speaker's own name, after
            // this claim's words, is not part of them.
            if (nx.split && nx.actor.first != kNone && nx.actor.first > lead.after && nx.actor.first < nx.tok)
                gend = std::min(gend, nx.actor.first);
            if (nx.according) gend = std::min(gend, nx.tok);
            // Nor the punctuation and conjunction that join the next claim:
            // "denies this and says ..." ends at "this".
            while (gend > lead.after && (!word(gend - 1) || fw(gend - 1) == "and" || fw(gend - 1) == "but" ||
                                         fw(gend - 1) == "or" || fw(gend - 1) == "while")) {
                --gend;
            }
        }
        std::size_t cfirst = lead.after;
        if (lead.passive) {
            cfirst = first;  // "A was suspected by B of ...": the whole sentence, less the speaker
        } else if (lead.according) {
            if (lead.actor.last != kNone && lead.tok == next_word(first, end)) {
                cfirst = lead.actor.last;
            } else {
                cfirst = first;
                gend = lead.tok;
            }
        }
        // "said on Friday that ...", "told Pashinyan that ...": the clause starts after "that".
        if (!lead.passive && !lead.according) {
            for (std::size_t t = cfirst; t < gend && t < cfirst + 9; ++t) {
                if (in_quote(t) || raw(t) == "." || raw(t) == ";") break;
                if (fw(t) == "that" && word(t)) {
                    cfirst = t + 1;
                    break;
                }
            }
            // "disputed this, claiming that ...": skip the object and the participle.
            for (const Cue& c : group) {
                if (&c == &lead || c.tok < cfirst || c.tok > cfirst + 4) continue;
                if (lex::is_participle(fw(c.tok))) {
                    cfirst = c.after;
                    if (cfirst < gend && fw(cfirst) == "that") ++cfirst;
                }
            }
        }
        // "X said:" at the end of a sentence introduces the quotation after it.
        if (!any_word(cfirst, gend)) {
            std::size_t t = gend;
            while (t < doc_.tokens.size() && !word(t) && tok_quote_[t] < 0 && raw(t) != "\xE2\x80\x9C" &&
                   raw(t) != "\"")
                ++t;
            for (auto& q : quotes_) {
                if (q.open >= cfirst && q.open <= t && !q.consumed) {
                    cfirst = q.open + 1;
                    gend = q.close;
                    break;
                }
            }
        }
        std::set<std::size_t> ex = excluded;
        if (lead.passive && lead.actor.first != kNone) {
            for (std::size_t t = lead.actor.first; t < lead.actor.last; ++t) ex.insert(t);
        }
        emit(group, cfirst, gend, s, ex);
    }
}

// A quotation that opens a sentence and has no speaker of its own continues
// the claim made just before it.
void Analyzer::continue_quotes() {
    std::sort(made_.begin(), made_.end(),
              [](const Made& a, const Made& b) { return a.claim.span.start < b.claim.span.start; });
    for (auto& q : quotes_) {
        if (q.consumed || q.close <= q.open + 1 || words_between(q.open + 1, q.close) < 4) continue;
        const std::size_t s = sentence_of(q.open);
        if (sent_first(s) != q.open || skip_sentence_[s]) continue;
        // The sentence before, skipping ones that hold only punctuation.
        std::size_t p = s;
        while (p > 0) {
            --p;
            if (any_word(sent_first(p), sent_end(p))) break;
        }
        if (p == s) continue;
        const Made* prev = nullptr;
        for (const auto& m : made_) {
            if (m.s_last == p) prev = &m;
        }
        if (!prev) continue;
        const Cue cue;
        std::vector<Cue> group{cue};
        group.front().actor.country = prev->claim.actor.country;
        group.front().actor.text = prev->claim.actor.text;
        const std::size_t before = made_.size();
        emit(group, q.open + 1, q.close, s, {});
        if (made_.size() > before) {
            made_.back().quote = true;
            q.consumed = true;
        }
    }
}

std::vector<Claim> Analyzer::run() {
    if (doc_.tokens.empty()) return {};
    index_mentions();
    index_paragraphs_and_quotes();
    mark_fragments();
    register_people();
    for (std::size_t s = 0; s < doc_.sentence_tokens.size(); ++s) {
        if (skip_sentence_[s] || !any_word(sent_first(s), sent_end(s))) continue;
        auto cues = find_cues(s);
        const std::size_t before = made_.size();
        if (!cues.empty()) make_claims(s, cues);
        if (made_.size() == before) {
            // A sentence that opens with a government ("Azerbaijan's foreign
            // ministry issued a statement.") gives later pronouns their referent.
            const std::size_t w = next_word(sent_first(s), sent_end(s));
            for (std::size_t t = w; t < sent_end(s) && t < w + 3; ++t) {
                if (tok_mention_[t] >= 0 && !in_quote(t) && !mentions_[tok_mention_[t]].actor_country.empty() &&
                    (t == w || !lex::is_preposition(fw(prev_word(t, sent_first(s)))))) {
                    note_actor(s, mentions_[tok_mention_[t]].actor_country, std::string(raw(t)));
                    break;
                }
            }
        }
    }
    continue_quotes();
    std::sort(made_.begin(), made_.end(), [](const Made& a, const Made& b) {
        return a.claim.span.start != b.claim.span.start ? a.claim.span.start < b.claim.span.start
                                                        : a.first_tok < b.first_tok;
    });
    std::vector<Claim> out;
    out.reserve(made_.size());
    for (auto& m : made_) out.push_back(std::move(m.claim));
    return out;
}

}  // namespace

std::vector<Claim> find_claims(const Document& doc, const Gazetteer& gaz, const std::vector<Place>& places) {
    return find_claims(doc, gaz, places, find_mentions(doc, gaz));
}

std::vector<Claim> find_claims(const Document& doc, const Gazetteer& gaz, const std::vector<Place>& places,
                               const std::vector<Mention>& mentions) {
    return Analyzer(doc, gaz, places, mentions).run();
}

}  // namespace borderline
