// Stance: the cue's class decides (denies, accuses, demands, reports); for
// a neutral verb ("said") the words of the claim do: a negated statement of
// the speaker's own conduct denies, "should"/"must" demands, words of
// accusation accuse, and anything else asserts.
#include "claims/analyzer.hpp"

namespace borderline::claims_detail {

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
    static const lex::WordTable kPastAux{"had", "has",  "have", "did",   "does", "do",    "was", "were", "is",
                                         "are", "hadn", "hasn", "haven", "didn", "doesn", "don", "wasn", "weren"};
    // After a negation, words that make it affirm a position: "no doubt",
    // "not negotiable", "not up for discussion", "not in question".
    static const lex::WordTable kAffirming{"doubt", "question", "negotiable", "up", "open", "in", "subject"};
    auto negation = [&](std::size_t i) {
        const auto f = fw(ws[i]);
        const auto before = i > 0 ? fw(ws[i - 1]) : std::string_view{};
        const auto after = i + 1 < ws.size() ? fw(ws[i + 1]) : std::string_view{};
        if (kAffirming.contains(after)) return false;
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
        const auto f1 = ws.size() > 1 ? fw(ws[1]) : std::string_view{};
        // "nothing could change its claim" asserts the claim.
        const bool modal = f1 == "could" || f1 == "can" || f1 == "will" || f1 == "would";
        // A negative answers for something only when it is the speaker's
        // own side's, or an act of force ("no shots were fired", "there
        // were no Russian troops"): a legend reads "Russia denies: ...".
        // A negative account of what happened ("there was no damage", "no
        // one was hurt", "nothing happened") is asserted as it stands.
        // Harm done ("no one was hurt", "none of its soldiers were
        // wounded", "there was no damage") is what happened to someone,
        // not an act answered for, even on the speaker's own side.
        auto harm = [&](std::size_t i) {
            for (std::size_t k = i + 1; k < ws.size() && k <= i + 6; ++k) {
                if (lex::is_harm_word(fw(ws[k]))) return true;
            }
            return false;
        };
        auto answers_for = [&](std::size_t i) {
            if (harm(i)) return false;
            if (subject_self) return true;
            for (std::size_t k = i + 1; k < ws.size() && k <= i + 4; ++k) {
                if (lex::is_force_word(fw(ws[k]))) return true;
            }
            return false;
        };
        if (((f0 == "no" && !kAffirming.contains(f1)) || (f0 == "nothing" && !modal) || f0 == "none") && answers_for(0))
            return Stance::denies;
        // "Azerbaijan had no right to", "Pakistan has no claim to": the
        // other side's position denied.
        for (std::size_t i = 0; i + 1 < ws.size() && i < 9; ++i) {
            if (fw(ws[i]) == "no" && lex::is_entitlement_noun(fw(ws[i + 1]))) return Stance::denies;
        }
        for (std::size_t i = 0; i < ws.size() && i < 9; ++i) {
            if (negation(i) && (subject_self || (i > 0 && fw(ws[0]) == "there")) && answers_for(i))
                return Stance::denies;
        }
    }
    // "lies"/"lie" followed by a word of place is the verb of location ("the
    // village lies on its territory", "the islands lie off the coast"), not
    // the noun of a denial ("these are lies", "lies about the border").
    static const lex::WordTable kLocative{"on",      "in",     "inside",   "within",  "outside", "along",    "across",
                                          "at",      "beyond", "near",     "between", "under",   "off",      "north",
                                          "south",   "east",   "west",     "partly",  "wholly",  "entirely", "mostly",
                                          "largely", "just",   "squarely", "close",   "astride", "beside"};
    for (std::size_t i = 0; i < ws.size(); ++i) {
        const auto f = fw(ws[i]);
        if (!lex::is_denying_word(f)) continue;
        if ((f == "lies" || f == "lie") && i + 1 < ws.size() && kLocative.contains(fw(ws[i + 1]))) continue;
        return Stance::denies;
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

}  // namespace borderline::claims_detail
