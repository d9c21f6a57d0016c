// Cues: the speech verbs of a sentence ("said", "accused", "called for",
// "according to", ", and that"), outside quotations, with the conditions
// each needs (an object, a preposition, a passive "by") and negation.
#include "claims/analyzer.hpp"

namespace borderline::claims_detail {

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
    return no_subject(i, first);
}

// Whether the verb at `i` has a subject that opens with "no": "No Afghan
// government has ever recognised it", "no country accepts the award". The
// "no" stands where a subject starts (the sentence's or clause's first
// word, after a comma or "and", "but", "that"), a few words of noun phrase
// and auxiliaries before the verb: "there is no doubt ... said" has no
// such subject.
bool Analyzer::no_subject(std::size_t i, std::size_t first) const {
    static const lex::WordTable kAux{"has",   "have",  "had", "does",     "do",        "did", "will",
                                     "would", "could", "can", "should",   "ever",      "yet", "so",
                                     "far",   "since", "s",   "formally", "officially"};
    static const lex::WordTable kClauseEnd{"that", "which", "who", "whom", "where", "is", "are", "was", "were", "not"};
    static const lex::WordTable kOpeners{"and", "but", "that", "yet", "so"};
    std::size_t t = i, words = 0;
    while (words < 8) {
        t = prev_word(t, first);
        if (t == kNone || in_quote(t)) return false;
        // Only words between: a comma or other mark ends the clause.
        if (t + 1 < doc_.tokens.size() && !word(t + 1) && t + 1 < i && !is_apostrophe(t + 1)) return false;
        const auto f = fw(t);
        if (f == "no") {
            if (t + 1 == i || words == 0) return false;
            const std::size_t pv = prev_word(t, first);
            return pv == kNone || pv + 1 != t || kOpeners.contains(fw(pv));
        }
        if (kClauseEnd.contains(f) || (tok_mention_[t] < 0 && lex::find_cue(f) && !kAux.contains(f))) return false;
        ++words;
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
        if (cw && verb_cue(c, *cw, first, end, nx)) out.push_back(c);
    }
    return out;
}

// Speech verb `c.tok` (`cw`) as a cue: false when it is a noun ("the
// claims"), lacks what it needs, is "refused to comment" or a negated
// statement ("did not say"). `nx` is the word after it.
bool Analyzer::verb_cue(Cue& c, const lex::CueWord& cw, std::size_t first, std::size_t end, std::size_t nx) const {
    const std::size_t i = c.tok;
    const auto next = nx < end ? fw(nx) : std::string_view{};
    const std::size_t pv = prev_word(i, first);
    if (pv != kNone && (lex::is_determiner(fw(pv)) || possessive_s(pv)))
        return false;  // "the claims", "Baku's demands"
    c.cls = cw.cls;
    if (!needs_met(c, cw.needs, pv, end, nx)) return false;
    if (stranded_preposition(nx, end)) return false;  // "the line Somalia had asked for,"
    // "wrote to Bishkek on Monday": a letter sent, nothing said, unless
    // what it says follows ("wrote to the UN that ...", a quotation).
    if ((fw(i) == "wrote" || fw(i) == "write" || fw(i) == "writes") && next == "to") {
        bool says = false;
        for (std::size_t t = nx + 1; t < end && !says; ++t) says = fw(t) == "that" || raw(t) == ":" || in_quote(t);
        if (!says) return false;
    }
    // "has never said whether it regards the farms as Lebanese": a question
    // put, not a statement made.
    if (next == "whether") return false;
    // "warned oil companies not to work there", "told Manila to remove
    // the ship": what the object is told to do is a demand.
    if (c.cls == CueClass::say && lex::is_directive_verb(fw(i)) && told_to_act(i, end)) c.cls = CueClass::demand;
    // Other passives of speech verbs ("was denied by", "were accused by").
    if (!c.passive && pv != kNone) {
        const auto p = fw(pv);
        if ((p == "was" || p == "were" || p == "been" || p == "is" || p == "are") && c.cls != CueClass::say &&
            next == "by") {
            c.passive = true;
            c.after = nx + 1;
        }
    }
    // "refused to comment", "declined to confirm": nothing said; but
    // "refused to recognise" is a position, denied.
    const bool position = lex::is_position_verb(fw(i));
    if (position && offer_object(i, end)) return false;  // "accepted an invitation to talks"
    // "dropped its claim", "gave up its sovereignty".
    const bool renounces = cw.needs == lex::CueNeeds::own_claim && cw.cls == CueClass::deny;
    if (pv != kNone && fw(pv) == "to") {
        const std::size_t pp = prev_word(pv, first);
        if (pp != kNone && (fw(pp) == "declined" || fw(pp) == "refused" || fw(pp) == "refuses" || fw(pp) == "refuse" ||
                            fw(pp) == "declines")) {
            if (renounces) {
                c.cls = CueClass::say;  // "refuses to give up its claim": the claim held
                c.forced_asserts = true;
            } else if (position) {
                c.cls = CueClass::deny;
            } else {
                return false;
            }
            c.tok = pp;  // the speaker is the subject of "refused"
            return true;
        }
    }
    if (negated(i, first)) {
        if (position) {
            c.cls = CueClass::deny;  // "does not recognise", "will never accept"
            return true;
        }
        if (c.cls != CueClass::deny) return false;  // "did not say": no claim
        c.cls = CueClass::say;                      // "did not deny", "has never dropped its claim": an assertion
        c.forced_asserts = true;
        return true;
    }
    // A claim given up is a change of position told, not a claim on the
    // map ("Armenia dropped its claim to the villages").
    return !renounces;
}

// Whether `nx`, the word right after a verb, is a preposition with nothing
// after it ("the line Somalia had asked for, giving it ...", "the corridor
// Bolivia has long asked for was left out"): the verb's object stands
// before its subject, in a relative clause, and the verb says nothing.
bool Analyzer::stranded_preposition(std::size_t nx, std::size_t end) const {
    if (nx >= end || nx == 0 || !word(nx - 1) || !lex::is_preposition(fw(nx))) return false;
    if (nx + 1 >= end) return true;
    if (in_quote(nx + 1)) return false;
    if (!word(nx + 1)) {
        const auto r = raw(nx + 1);
        return r == "," || r == "." || r == ";" || r == ")";
    }
    // "... asked for was left out": the main clause's verb follows; "asked
    // for in 2014": a phrase of time.
    static const lex::WordTable kAfterGap{"was", "were",  "is",     "are",    "has",   "have",  "had",  "will", "would",
                                          "in",  "since", "during", "before", "after", "until", "when", "and",  "but"};
    return kAfterGap.contains(fw(nx + 1));
}

// Whether directive verb `i` has an object told to act: a few words, then
// "to" (or "not to") and a verb ("warned foreign fleets not to enter",
// "told Manila to remove"), or "against" and a verb in -ing ("warned
// Tanzania against drilling"); not "to" before a name or a determiner
// ("told reporters in Tokyo", "said to the court"), nor after a clause's
// verb ("told reporters Moscow was ready to send").
bool Analyzer::told_to_act(std::size_t i, std::size_t end) const {
    std::size_t words = 0;
    for (std::size_t t = i + 1; t < end && words < 7; ++t) {
        if (in_quote(t)) return false;
        if (!word(t)) {
            if (is_apostrophe(t) || raw(t) == "-") continue;
            return false;
        }
        const auto f = fw(t);
        // "told reporters Moscow was ready to send": a clause, not an object.
        // "warned Tanzania against drilling": told not to act.
        if (f == "against" && words > 0) {
            const std::size_t v = next_word(t + 1, end);
            return v < end && !cap(v) && fw(v).size() > 4 && fw(v).ends_with("ing");
        }
        static const lex::WordTable kClause{"that", "of",  "about", "was",   "were",  "is",   "are",   "has",
                                            "have", "had", "will",  "would", "could", "must", "should"};
        if (kClause.contains(f)) return false;
        if (f == "to" && words > 0) {
            const std::size_t v = next_word(t + 1, end);
            return v < end && v == t + 1 && !cap(v) && tok_mention_[v] < 0 && !lex::is_determiner(fw(v)) &&
                   !(fw(v)[0] >= '0' && fw(v)[0] <= '9');
        }
        ++words;
    }
    return false;
}

// Whether the object of position verb `i` is a thing given rather than a
// position: "accepted an invitation to talks", "acknowledged the aid" are
// no stance on any place, asserted or (negated) denied. The object's
// words run to the first preposition or mark, at most five of them.
bool Analyzer::offer_object(std::size_t i, std::size_t end) const {
    std::size_t words = 0;
    for (std::size_t t = i + 1; t < end && words < 5; ++t) {
        if (!word(t)) {
            if (is_apostrophe(t)) continue;
            return false;
        }
        const auto f = fw(t);
        if (lex::is_offer_noun(f)) return true;
        if (lex::is_preposition(f) || f == "that" || f == "as") return false;
        ++words;
    }
    return false;
}

// What a verb needs around it to be a cue (lexicon's CueNeeds); may set
// where its words start and whether it is passive.
bool Analyzer::needs_met(Cue& c, lex::CueNeeds needs, std::size_t pv, std::size_t end, std::size_t nx) const {
    const std::size_t i = c.tok;
    const auto next = nx < end ? fw(nx) : std::string_view{};
    switch (needs) {
        case lex::CueNeeds::none:
            return true;
        case lex::CueNeeds::object: {
            static const lex::WordTable kObjects{
                "this", "that", "it",  "these", "those", "the",   "claims", "reports", "allegations", "accounts",
                "such", "any",  "its", "his",   "her",   "their", "them",   "charges", "accusations", "suggestions"};
            // "disputed Armenia's account": a name's possessive is a determiner.
            const bool possessive = nx < end && tok_mention_[nx] >= 0 && mentions_[tok_mention_[nx]].last + 1 < end &&
                                    possessive_s(mentions_[tok_mention_[nx]].last + 1);
            if (!kObjects.contains(next) && !possessive) return false;
            return !(pv != kNone && lex::is_preposition(fw(pv)));
        }
        case lex::CueNeeds::for_or_on:
            if (next != "for" && next != "on" && next != "upon") {
                // "called the move 'a unilateral measure'": a verdict in
                // quotes, its stance read from what it says.
                for (std::size_t k = i + 1; k < end && k < i + 6; ++k) {
                    const std::string_view r = raw(k);
                    if (r.starts_with("\"") || r.starts_with("\u201c") || r.starts_with("\u00ab")) {
                        c.cls = CueClass::say;
                        return true;
                    }
                }
                return false;
            }
            c.after = nx + 1;
            return true;
        case lex::CueNeeds::to_soon: {
            bool found = false;
            for (std::size_t k = i + 1; k < end && k < i + 8; ++k) {
                if (fw(k) == "to" || fw(k) == "for") {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
            if (pv != kNone) {
                const auto p = fw(pv);
                if (p == "is" || p == "was" || p == "were" || p == "are" || p == "be" || p == "been") return false;
            }
            return true;
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
            return ok;
        }
        case lex::CueNeeds::that_or_to:
            // "maintains that", "maintains its claim to".
            return next == "that" || next == "to" || (nx > i + 1 && raw(i + 1) == ":") || own_claim_after(nx, end);
        case lex::CueNeeds::own_claim:
            if (!own_claim_after(nx, end)) return false;
            if (next == "up") c.after = nx + 1;  // "gave up its claim": the claim's words start at "its"
            return true;
        case lex::CueNeeds::as_part: {
            // "Morocco regards the territory as its own", "Japan considers
            // the islands an inherent part of its territory"; not the
            // passive ("is regarded as"), whose subject is no speaker.
            if (pv != kNone) {
                const auto p = fw(pv);
                if (p == "is" || p == "are" || p == "was" || p == "were" || p == "be" || p == "been" || p == "being")
                    return false;
            }
            // The object comes first: in "which Canada regards as internal
            // waters" it is the relative clause's antecedent, whose words
            // the claim would not have.
            for (std::size_t k = nx + 1; k < end && k < i + 12; ++k) {
                if (raw(k) == ";" || in_quote(k)) break;
                const auto f = fw(k);
                if (f == "as" || f == "part") return true;
                if (f == "to" && k + 1 < end && fw(k + 1) == "be") return true;
            }
            return false;
        }
    }
    return true;
}

// Whether the words from `nx` name a claim of the speaker's own: "its
// claim", "their sovereignty", "claim to", "up its claim" (after "give").
bool Analyzer::own_claim_after(std::size_t nx, std::size_t end) const {
    static const lex::WordTable kOwn{"its", "their", "his", "her", "our"};
    static const lex::WordTable kClaim{"claim", "claims", "sovereignty"};
    std::size_t k = nx;
    if (k < end && fw(k) == "up") k = next_word(k + 1, end);
    if (k < end && kOwn.contains(fw(k))) k = next_word(k + 1, end);
    return k < end && kClaim.contains(fw(k));
}

}  // namespace borderline::claims_detail
