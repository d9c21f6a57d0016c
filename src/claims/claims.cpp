// Claims: attribution and stance. For each sentence, speech verbs ("said",
// "accused", "urged") are found outside quotation marks; each verb gets the
// actor that says it (its subject, an "according to" or passive "by" phrase,
// an inverted "said X", or a pronoun that refers back), resolved to a country
// through the gazetteer's mentions and a per-article map of the people the
// article introduces with a country's title. Verbs of one speaker in one
// statement form one claim; its words are the clause the verb governs, or the
// quotation it is attached to ("...," X said / X said: "..."), and a quotation
// that follows a claim without its own attribution continues it.
#include <borderline/claims.hpp>

#include "claims/analyzer.hpp"

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

namespace claims_detail {

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
        // A live blog's "14:05" and a transcript's "Q:" are the shape's, not links.
        if (doc_.shape.is_furniture(doc_.tokens[colon].span.start)) continue;
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
        // "KATHMANDU: Nepal on Wednesday objected ...": a dateline, the
        // label's words all one place, opens the story's first paragraph.
        const std::size_t from = doc_.tokens[sent_first(s)].span.start, to = doc_.tokens[colon].span.start;
        const bool dateline = std::any_of(places_.begin(), places_.end(), [&](const Place& p) {
            return std::any_of(p.mentions.begin(), p.mentions.end(), [&](const Mention& m) {
                return m.span.start == from && doc_.text.find_first_not_of(" \t", m.span.end) == to;
            });
        });
        if (dateline) continue;
        const std::size_t para = tok_para_[sent_first(s)];
        for (std::size_t s2 = s; s2 < ns && tok_para_[sent_first(s2)] == para; ++s2) skip_sentence_[s2] = true;
    }
}

std::string Analyzer::clause_text(std::size_t first, std::size_t end, std::string_view speaker) const {
    if (first >= end) return {};
    const std::size_t a = doc_.tokens[first].span.start, b = doc_.tokens[end - 1].span.end;
    // Runs of blanks become one space (none at the start); the words
    // between are appended whole.
    const auto blank = [&](std::size_t i) {
        const char c = doc_.text[i];
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    };
    std::string t(speaker);  // "Moscow" before "urged both sides ..." (text_start)
    t.reserve(t.size() + 1 + b - a);
    if (!t.empty()) t += ' ';
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
    strip_padding(t);
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
                           const Excluded& excluded) const {
    auto usable = [&](const MentionRef& m) {
        if (m.actor_only) return false;
        for (std::size_t t = m.first; t < m.last; ++t) {
            if (excluded.contains(t)) return false;
            if (cap(t) && person_words_.count(std::string(fw(t))))
                return false;  // "Porter", "Vladimir" are people here
        }
        return true;
    };
    std::set<std::string> seen;  // only once the list is long: a claim names few places
    auto add = [&](const MentionRef& m) {
        const Entry& e = gaz_.entry(m.entry);
        if (c.places.size() < 16) {
            if (std::find(c.places.begin(), c.places.end(), e.id) == c.places.end()) c.places.emplace_back(e.id);
        } else {
            if (seen.empty()) seen.insert(c.places.begin(), c.places.end());
            if (seen.insert(std::string(e.id)).second) c.places.emplace_back(e.id);
        }
        if (e.kind == PlaceKind::dispute) {
            const std::string id(PlaceId::dispute_key(e.id).value_or(e.id));
            if (std::find(c.disputes.begin(), c.disputes.end(), id) == c.disputes.end()) c.disputes.push_back(id);
        }
        if (e.kind != PlaceKind::country && m.actor_country.empty()) c.geographic = true;
    };
    // The mentions inside [a, b) that can be linked, in the order of
    // mentions_ (which is the order of the places): found through the
    // index by token, so a claim costs the mentions of its own words.
    auto usable_in = [&](std::size_t a, std::size_t b, std::vector<std::size_t>& out) {
        out.clear();
        auto it = std::partition_point(mentions_by_token_.begin(), mentions_by_token_.end(),
                                       [&](std::size_t m) { return mentions_[m].first < a; });
        for (; it != mentions_by_token_.end() && mentions_[*it].first < b; ++it) {
            if (mentions_[*it].last <= b && usable(mentions_[*it])) out.push_back(*it);
        }
        std::sort(out.begin(), out.end());
    };
    std::vector<std::size_t> found;
    usable_in(first, end, found);
    for (const std::size_t m : found) add(mentions_[m]);
    if (!c.places.empty()) return;
    // "China has never accepted it", "Spain disputes this": words that are
    // only a pronoun are about what the sentence before, in the same
    // paragraph, named, less its subject ("Japan has administered the
    // Senkaku Islands since 1972.": the islands).
    if (pronoun_object(first, end) && s_first > 0 && tok_para_[sent_first(s_first - 1)] == tok_para_[first]) {
        const std::size_t a = sent_first(s_first - 1), b = sent_end(s_first - 1);
        const std::size_t subject_end = std::min(b, next_word(a, b) + 3);
        usable_in(a, b, found);
        std::size_t subject = kNone;  // the earliest mention that can speak among the first words
        for (const std::size_t m : found) {
            const MentionRef& r = mentions_[m];
            if (r.first < subject_end && !r.actor_country.empty() &&
                (subject == kNone || r.first < mentions_[subject].first))
                subject = m;
        }
        for (const std::size_t m : found) {
            if (m != subject) add(mentions_[m]);
        }
        if (!c.places.empty()) return;
    }
    // Nothing named in the clause: the places of its sentences, then what
    // the same actor last spoke about, then the actor's own country. The
    // sentences' places are kept for the next claim of the same sentences.
    const std::size_t a = sent_first(s_first), b = sent_end(s_last);
    Fallback& fb = fallback_;
    if (fb.a != a || fb.b != b || fb.sorted != excluded.sorted || fb.first != excluded.first ||
        fb.last != excluded.last) {
        fb.a = a;
        fb.b = b;
        fb.sorted = excluded.sorted;
        fb.first = excluded.first;
        fb.last = excluded.last;
        usable_in(a, b, fb.mentions);
    }
    for (const std::size_t m : fb.mentions) add(mentions_[m]);
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

// Whether the words [first, end) are one pronoun that stands for a thing
// named before: "it", "this", "that", "them", "these", "those".
bool Analyzer::pronoun_object(std::size_t first, std::size_t end) const {
    static const lex::WordTable kObjects{"it", "this", "that", "them", "these", "those"};
    const std::size_t w = next_word(first, end);
    return w < end && kObjects.contains(fw(w)) && next_word(w + 1, end) >= end;
}

void Analyzer::emit(const std::vector<Cue>& group, std::size_t first_tok, std::size_t end_tok, std::size_t s,
                    const Excluded& excluded, const TextStart& text) {
    std::size_t s_first = s, s_last = s;
    bool quote = false;
    // A quotation in the clause that runs on into later sentences belongs to it.
    for (std::size_t k = quote_from(first_tok > 0 ? first_tok - 1 : 0); k < quotes_.size(); ++k) {
        Quote& q = quotes_[k];
        const bool inside = q.open + 1 >= first_tok && q.open < end_tok;
        const bool is_clause = q.open + 1 == first_tok && q.close == end_tok;
        if (!inside && !is_clause) break;
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
    c.text = clause_text(std::min(text.first, first_tok), end_tok, text.speaker);
    c.span = {doc_.sentences[s_first].start, doc_.sentences[s_last].end};
    for (std::size_t t = first_tok; t < end_tok; ++t) {
        if (word(t) && lex::is_geographic_word(fw(t))) c.geographic = true;
        // "The Sahara is Moroccan", "Crimea is Ukraine", "will remain
        // Indian": a country or its people's adjective after a copula says
        // whose a place is.
        if (t > first_tok && tok_mention_[t] >= 0 && !mentions_[tok_mention_[t]].actor_country.empty() &&
            lex::is_copula(fw(t - 1)))
            c.geographic = true;
    }
    link_places(c, first_tok, end_tok, s_first, s_last, excluded);
    if (c.text.empty()) return;
    made_.push_back({std::move(c), s_first, s_last, first_tok, quote});
}

// Speakers of the sentence's cues: each cue gets its actor (its subject,
// the phrase after "according to" or a passive "by", an inverted "said X",
// or the speaker of the statement it continues); cues with none are dropped.
std::vector<Cue> Analyzer::with_speakers(std::size_t s, std::vector<Cue>& cues) {
    const std::size_t first = sent_first(s), end = sent_end(s);
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
                c.split = lex::is_new_statement(fw(c.tok)) || words_over(live.back().tok + 1, c.tok, 3);
            } else if (!a && head == kNone && fw(c.tok).ends_with("ing") && comma_before(c.tok, first)) {
                // "Bolivia went back to the court, renewing its claim": with
                // no statement before, the participle's subject is the
                // sentence's, when that is an actor.
                ActorPhrase r = opening_subject(s);
                if (r.country.empty()) continue;
                c.actor = r;
            } else if (!a && pv != kNone && fw(pv) == "and" && pv + 1 == c.tok && head != kNone) {
                c.actor = live[head].actor;  // "... and urged"
                c.split = true;
            } else if (!a && (c.cls == CueClass::say || c.cls == CueClass::report) &&
                       (c.tok == first || !word(c.tok - 1))) {
                ActorPhrase r = phrase_right(c.tok + 1, end);  // "..., said Armenia's foreign ministry"
                if (!inverted_speaker(r, end)) continue;
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
    return live;
}

// Whether a comma stands before `t`, adverbs between: ", formally recognizing".
bool Analyzer::comma_before(std::size_t t, std::size_t first) const {
    while (t > first && word(t - 1) && !cap(t - 1) && lex::is_adverb(fw(t - 1))) --t;
    return t > first && raw(t - 1) == ",";
}

// The actor phrase that opens sentence `s` and is its subject ("Bolivia
// went back to the court", "Ecuador's government signed"), or none.
ActorPhrase Analyzer::opening_subject(std::size_t s) const {
    const std::size_t first = sent_first(s), end = sent_end(s);
    const std::size_t w = next_word(first, end);
    if (w >= end) return {};
    ActorPhrase r = phrase_right(w, end);
    if (r.first == kNone || r.last >= end || !word(r.last) || lex::is_preposition(fw(r.last))) return {};
    // A people's adjective speaks only with a title or body: "Russian
    // troops closed the road" is no actor's act.
    const int last = tok_mention_[r.last - 1];
    if (last >= 0 && mentions_[static_cast<std::size_t>(last)].demonym) return {};
    resolve(r, s);
    return r;
}

// Tokens that name speakers are not what the claim is about (sorted).
std::vector<std::size_t> Analyzer::speaker_tokens(const std::vector<Cue>& live) const {
    std::vector<std::size_t> excluded;
    for (const Cue& c : live) {
        if (c.actor.first == kNone) continue;
        for (std::size_t t = c.actor.first; t < c.actor.last; ++t) excluded.push_back(t);
    }
    std::sort(excluded.begin(), excluded.end());
    excluded.erase(std::unique(excluded.begin(), excluded.end()), excluded.end());
    return excluded;
}

// A tail attribution: '"...," X said' or 'A must withdraw, X said.' The
// first cue that closes what comes before it makes that claim; `live` keeps
// only the cues after it (", adding that ..." claims of their own).
void Analyzer::claim_tail_attribution(std::size_t s, std::vector<Cue>& live, const Excluded& excluded) {
    const std::size_t first = sent_first(s), end = sent_end(s);
    // Each cue's look ahead to the next split cue and back for an earlier
    // one, where the third word is and where "that" comes next, from values
    // made once rather than a walk per cue: a long sentence with many cues
    // stays linear.
    std::vector<std::size_t> next_split(live.size() + 1, end);
    for (std::size_t k = live.size(); k-- > 0;) next_split[k] = live[k].split ? live[k].tok : next_split[k + 1];
    std::vector<std::size_t> next_that;  // for tokens [first, end]: the first "that" at or after it
    std::size_t third_word = next_word(first, end);
    for (int k = 0; k < 2 && third_word < end; ++k) third_word = next_word(third_word + 1, end);
    bool earlier_own = false;  // an earlier cue of another speaker would be nested in this one
    for (std::size_t i = 0; i < live.size(); earlier_own = earlier_own || live[i].split, ++i) {
        const Cue& c = live[i];
        if (c.split || c.according || c.passive || c.actor.first == kNone) continue;
        const std::size_t att = std::min(c.actor.first, c.tok);
        Quote* q = quote_closing_before(att, s);
        std::size_t cfirst = kNone, cend = kNone;
        if (q) {
            cfirst = q->open + 1;
            cend = q->close;
        } else if (att > first && raw(att - 1) == "," && third_word < att) {
            const std::size_t rest_end = next_split[i + 1];
            if (next_that.empty()) {
                next_that.assign(end - first + 1, end);
                for (std::size_t t = end; t-- > first;)
                    next_that[t - first] = fw(t) == "that" ? t : next_that[t + 1 - first];
            }
            const bool that = c.after < end && next_that[c.after - first] < rest_end;
            // What follows the attribution after a comma is an aside ("...,
            // said Russia's foreign ministry, which has a base there", ", as
            // talks stalled"): only the words up to it count.
            std::size_t own_end = c.after;
            while (own_end < rest_end && (in_quote(own_end) || (raw(own_end) != "," && raw(own_end) != ";"))) ++own_end;
            if (that || words_over(c.after, own_end, 5) || own_clause(c.after, own_end)) continue;
            if (earlier_own) continue;
            cfirst = first;
            cend = att - 1;
            // "Fishermen in Kyela, said the ministry, have lost their nets":
            // an attribution inside the clause, whose verb comes after it.
            // The claim is the clause, its subject and its predicate.
            const std::size_t v = own_end < rest_end ? next_word(own_end + 1, rest_end) : rest_end;
            if (v < rest_end && raw(own_end) == "," && v == own_end + 1 && own_clause(v, v + 1)) {
                std::vector<Cue> group{c};
                emit(group, v, rest_end, s, excluded, TextStart{v, clause_text(first, cend)});
                std::vector<Cue> rest(live.begin() + static_cast<std::ptrdiff_t>(i) + 1, live.end());
                live.assign(rest.begin(), rest.end());
                return;
            }
        } else {
            continue;
        }
        std::vector<Cue> group{c};
        for (std::size_t k = 0; k < i; ++k) {
            if (live[k].actor.country == c.actor.country) group.push_back(live[k]);  // nested cues of others are words
        }
        emit(group, cfirst, cend, s, excluded);
        std::vector<Cue> rest(live.begin() + static_cast<std::ptrdiff_t>(i) + 1, live.end());
        live.assign(rest.begin(), rest.end());
        return;
    }
}

// Whether the words [a, b) after a verb of speech are a clause of their
// own ("In a statement, Egypt said the triangle was Egyptian"): a finite
// verb among them. Then the verb governs them, and the words before it
// (an opening phrase, a subject) are no tail attribution's claim.
bool Analyzer::own_clause(std::size_t a, std::size_t b) const {
    static const lex::WordTable kFinite{"is",   "are",   "was",   "were", "has",    "have",    "had",
                                        "will", "would", "could", "must", "should", "belongs", "remains"};
    for (std::size_t t = a; t < b; ++t) {
        if (word(t) && !in_quote(t) && kFinite.contains(fw(t))) return true;
    }
    return false;
}

// Left to right: the first cue opens a statement; later cues of the same
// speaker join it, cues of other speakers inside it are its words, and
// split cues (", and that", ", adding", "and urged") open the next one.
std::vector<std::vector<Cue>> Analyzer::group_statements(const std::vector<Cue>& live) {
    std::vector<std::vector<Cue>> groups;
    for (const Cue& c : live) {
        if (groups.empty() || c.split || c.according || c.passive) {
            groups.push_back({c});
        } else if (c.actor.country == groups.back().front().actor.country) {
            groups.back().push_back(c);
        }
    }
    return groups;
}

// Where statement `g`'s words end: at the next statement's cue or speaker,
// less the punctuation and conjunction that join the two.
std::size_t Analyzer::statement_end(std::size_t s, const std::vector<std::vector<Cue>>& groups, std::size_t g) const {
    std::size_t gend = sent_end(s);
    if (g + 1 >= groups.size()) return gend;
    const Cue& lead = groups[g].front();
    const Cue& nx = groups[g + 1].front();
    gend = nx.tok;
    if (!nx.split && nx.actor.first != kNone && !nx.according && !nx.passive) gend = std::min(gend, nx.actor.first);
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
    return gend;
}

// Where a statement's words start: after its cue, after "that" ("said on
// Friday that ..."), after a participle ("disputed this, claiming that");
// for a passive the whole sentence, for "according to" the rest or the
// part before. May move `gend` (a leading "according to X, ...").
std::size_t Analyzer::statement_start(std::size_t s, const std::vector<Cue>& group, std::size_t& gend) const {
    const std::size_t first = sent_first(s), end = sent_end(s);
    const Cue& lead = group.front();
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
    if (lead.passive || lead.according) return cfirst;
    // "said on Friday that ...", "told Pashinyan that ...": the clause
    // starts after "that". Not the "that" of a second clause: "said the
    // deal gave away Iraqi waters and that ..." says both.
    for (std::size_t t = cfirst; t < gend && t < cfirst + 9; ++t) {
        if (in_quote(t) || raw(t) == "." || raw(t) == ";") break;
        if (word(t) && (fw(t) == "and" || fw(t) == "but" || fw(t) == "or") && t + 1 < gend && fw(t + 1) == "that")
            break;
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
    return cfirst;
}

// Where a statement's text starts, for the words from `cfirst`: the words
// themselves when they are a clause (after "that", a participle or
// "according to", a quotation, or what a verb of speech such as "said"
// governs: lex::takes_clause), else the clause from the speaker on.
// "Guyana appeals to the world court", "Cambodia rejected the Thai
// account": the object or phrase after such a verb alone ("to the world
// court", "the Thai account") is a cut-off predicate, which a map would
// show as if it were a quotation.
// When the speaker's phrase is not followed by its verb (a relative clause
// between commas, or the earlier statement of "said ... and urged Baku
// to"), the text is that phrase and the verb's own words: "Moscow urged
// both sides to show restraint".
TextStart Analyzer::text_start(std::size_t s, const Cue& lead, std::size_t cfirst) const {
    if (lead.according || lead.passive || lead.and_that || cfirst != lead.after || in_quote(cfirst)) return {cfirst};
    // "said Azerbaijani troops had crossed" is a clause; "insisted on its
    // right", "told reporters ...", "reiterated its position" are not.
    const std::size_t end = sent_end(s);
    const std::size_t w = next_word(cfirst, end);
    // ("About 150,000 people": "about" before a number opens a clause.)
    if (lex::takes_clause(fw(lead.tok)) && !(w < end && lex::is_preposition(fw(w)) && fw(w) != "about"))
        return {cfirst};
    // The verb with its auxiliaries and adverbs: "has never formally renounced".
    static const lex::WordTable kAux{"has",   "have",  "had", "is",   "are",    "was",   "were", "will",
                                     "would", "does",  "do",  "did",  "not",    "never", "also", "again",
                                     "can",   "could", "may", "must", "should", "still", "long", "always"};
    std::size_t verb = lead.tok;
    while (verb > sent_first(s) && word(verb - 1) && !in_quote(verb - 1) &&
           (kAux.contains(fw(verb - 1)) || (!cap(verb - 1) && lex::is_adverb(fw(verb - 1)))))
        --verb;
    if (lead.actor.first == kNone || lead.actor.first >= lead.tok || lead.actor.text.empty()) return {verb};
    // The subject and the verb in one run: no mark, conjunction or other
    // verb of speech between ("Armenia's defence minister on Friday said").
    bool run = lead.actor.first >= sent_first(s);
    for (std::size_t t = lead.actor.last; run && t < verb; ++t) {
        const auto f = fw(t);
        if (!word(t) ? !is_apostrophe(t) : (f == "and" || f == "but" || f == "while" || lex::find_cue(f))) run = false;
    }
    if (run) return {lead.actor.first};
    return {verb, lead.actor.text};
}

// "X said:" at the end of a sentence introduces the quotation after it:
// a statement with no words of its own takes that quotation.
void Analyzer::take_following_quote(std::size_t& cfirst, std::size_t& gend) const {
    if (any_word(cfirst, gend)) return;
    std::size_t t = gend;
    while (t < doc_.tokens.size() && !word(t) && tok_quote_[t] < 0 && raw(t) != "\xE2\x80\x9C" && raw(t) != "\"") ++t;
    for (std::size_t k = quote_from(cfirst); k < quotes_.size() && quotes_[k].open <= t; ++k) {
        const Quote& q = quotes_[k];
        if (!q.consumed) {
            cfirst = q.open + 1;
            gend = q.close;
            break;
        }
    }
}

// A sentence that opens with a government ("Azerbaijan's foreign ministry
// issued a statement.", "On Tuesday, the Tajik border service closed the
// road.") gives later pronouns their referent: a mention among its first
// three words, or the first three after an opening phrase's comma. The
// whole actor phrase is noted ("Azerbaijan's foreign ministry", "Uzbek
// President Shavkat Mirziyoyev"), so that "the ministry" finds its words
// and "it" passes over a person.
void Analyzer::note_opening_actor(std::size_t s) {
    const std::size_t first = sent_first(s), end = sent_end(s);
    const std::size_t w = next_word(first, end);
    std::size_t after_comma = kNone;
    for (std::size_t t = w; t < end && t < w + 6; ++t) {
        if (in_quote(t)) break;
        if (raw(t) == ",") {
            after_comma = next_word(t + 1, end);
            break;
        }
    }
    for (const std::size_t start : {w, after_comma}) {
        if (start == kNone || start >= end) continue;
        for (std::size_t t = start; t < end && t < start + 6; ++t) {
            if (tok_mention_[t] < 0 || in_quote(t) || mentions_[tok_mention_[t]].actor_country.empty()) continue;
            // "A spokesman for Kazakhstan's foreign ministry": after a
            // title, the preposition says whose voice it is.
            const std::size_t pv = prev_word(t, first);
            const std::size_t title = pv != kNone && pv > start ? prev_word(pv, first) : kNone;
            const bool voice = title != kNone && lex::is_title_word(fw(title)) &&
                               (fw(pv) == "for" || fw(pv) == "of" || fw(pv) == "to");
            if (t != start && lex::is_preposition(fw(pv)) && !voice) continue;
            if (t >= start + 3 && !voice) break;
            const std::size_t from = t > start && fw(t - 1) == "the" ? t - 1 : t;
            const ActorPhrase a = phrase_right(from, end);
            std::string text(raw(t));
            if (a.first != kNone) {
                const Span span{doc_.tokens[voice ? start : a.first].span.start, doc_.tokens[a.last - 1].span.end};
                text = doc_.text.substr(span.start, span.size());
            }
            note_actor(s, mentions_[tok_mention_[t]].actor_country, text);
            return;
        }
    }
}

void Analyzer::make_claims(std::size_t s, std::vector<Cue>& cues) {
    std::vector<Cue> live = with_speakers(s, cues);
    if (live.empty()) return;
    const std::vector<std::size_t> speakers = speaker_tokens(live);
    const Excluded excluded{&speakers, 0, 0};
    claim_tail_attribution(s, live, excluded);
    if (live.empty()) return;
    const auto groups = group_statements(live);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const auto& group = groups[g];
        const Cue& lead = group.front();
        std::size_t gend = statement_end(s, groups, g);
        std::size_t cfirst = statement_start(s, group, gend);
        take_following_quote(cfirst, gend);
        Excluded ex = excluded;
        if (lead.passive && lead.actor.first != kNone) {
            ex.first = lead.actor.first;
            ex.last = lead.actor.last;
        }
        emit(group, cfirst, gend, s, ex, text_start(s, lead, cfirst));
    }
}

std::vector<Claim> Analyzer::run() {
    if (doc_.tokens.empty()) return {};
    index_mentions();
    index_paragraphs_and_quotes();
    mark_fragments();
    register_people();
    register_officials();
    prepare_shape();
    for (std::size_t s = 0; s < doc_.sentence_tokens.size(); ++s) {
        if (skip_sentence_[s] || sent_answer_[s] != kNone || !any_word(sent_first(s), sent_end(s))) continue;
        auto cues = find_cues(s);
        const std::size_t before = made_.size();
        if (!cues.empty()) make_claims(s, cues);
        if (made_.size() == before) note_opening_actor(s);
    }
    continue_quotes();
    claim_answers();
    claim_release_sentences();
    std::sort(made_.begin(), made_.end(), [](const Made& a, const Made& b) {
        return a.claim.span.start != b.claim.span.start ? a.claim.span.start < b.claim.span.start
                                                        : a.first_tok < b.first_tok;
    });
    std::vector<Claim> out;
    out.reserve(made_.size());
    for (auto& m : made_) out.push_back(std::move(m.claim));
    return out;
}

}  // namespace claims_detail

std::vector<Claim> find_claims(const Document& doc, const Gazetteer& gaz, const std::vector<Place>& places) {
    return find_claims(doc, gaz, places, find_mentions(doc, gaz));
}

std::vector<Claim> find_claims(const Document& doc, const Gazetteer& gaz, const std::vector<Place>& places,
                               const std::vector<Mention>& mentions) {
    return claims_detail::Analyzer(doc, gaz, places, mentions).run();
}

}  // namespace borderline
