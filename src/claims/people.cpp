// Speakers: which tokens name places that can stand for a government, the
// people the article introduces with a country's title, and the actor
// phrase of a speech verb (its subject, an inverted "said X", a pronoun or
// "the ministry" that refers back) resolved to a country.
#include "claims/analyzer.hpp"

#include <borderline/fold.hpp>

#include "claims/officials.hpp"

namespace borderline::claims_detail {

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
            r.demonym = m.role == NameRole::demonym;
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
            r.demonym = ref.role == NameRole::demonym;
            break;
        }
        if (r.actor_country.empty()) continue;
        r.actor_only = true;
        const int idx = static_cast<int>(mentions_.size());
        mentions_.push_back(r);
        for (std::size_t t = r.first; t < r.last; ++t) tok_mention_[t] = idx;
    }
    mentions_by_token_.resize(mentions_.size());
    for (std::size_t i = 0; i < mentions_.size(); ++i) mentions_by_token_[i] = i;
    std::stable_sort(mentions_by_token_.begin(), mentions_by_token_.end(),
                     [&](std::size_t x, std::size_t y) { return mentions_[x].first < mentions_[y].first; });
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

// People the article names in full who are in the officials table
// (geodata/officials.tsv) and whom the article did not introduce with a
// country itself: what the article says wins.
void Analyzer::register_officials() {
    const auto& table = claims_officials::officials();
    const std::size_t n = doc_.tokens.size();
    for (std::size_t t = 0; t < n; ++t) {
        if (!word(t) || !cap(t)) continue;
        const int at = claims_officials::first_with(fw(t));
        if (at < 0) continue;
        for (std::size_t o = static_cast<std::size_t>(at); o < table.size() && table[o].words[0] == fw(t); ++o) {
            const auto& off = table[o];
            // The name's words in order; a hyphen may join two ("Ching-te").
            std::size_t k = t, w = 0;
            while (w < off.words.size() && k < n) {
                if (!word(k) && raw(k) == "-" && w > 0) {
                    ++k;
                    continue;
                }
                if (!word(k) || fw(k) != off.words[w]) break;
                ++k;
                ++w;
            }
            if (w < off.words.size()) continue;
            std::string full;
            for (const auto& x : off.words) {
                if (!full.empty()) full += ' ';
                full += x;
                person_words_.insert(x);
            }
            // The same words as a title-introduced person, so a name the
            // article gave a country keeps it.
            std::string as_typed;
            for (std::size_t u = t; u < k; ++u) {
                if (!word(u)) continue;
                if (!as_typed.empty()) as_typed += ' ';
                as_typed += fw(u);
            }
            if (people_.count(as_typed) || (!off.surname.empty() && people_.count(off.surname))) break;
            people_.emplace(full, off.country);
            if (!off.surname.empty()) people_.emplace(off.surname, off.country);
            break;
        }
    }
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

// The actor phrase that ends at token `end` (inclusive), walking left over
// names, titles, possessives and place mentions.
// The full stop of a name's initial ("S." of "S. Jaishankar"): right
// after one capital letter.
bool Analyzer::initial_stop(std::size_t t) const {
    return t > 0 && raw(t) == "." && word(t - 1) && cap(t - 1) && fw(t - 1).size() == 1 &&
           doc_.tokens[t - 1].span.end == doc_.tokens[t].span.start;
}

ActorPhrase Analyzer::phrase_left(std::size_t end, std::size_t first) const {
    // A hyphen inside a name, or a word it joins ("Lai Ching-te", "Abdel
    // Fattah el-Sisi"): written with no space on either side.
    auto joined = [&](std::size_t t) {
        const auto& tk = doc_.tokens;
        const bool to_next =
            t + 1 < tk.size() && tk[t].span.end == tk[t + 1].span.start && (raw(t) == "-" || raw(t + 1) == "-");
        const bool to_prev = t > 0 && tk[t - 1].span.end == tk[t].span.start && (raw(t) == "-" || raw(t - 1) == "-");
        return to_next && to_prev ? raw(t) == "-" : (to_next || to_prev) && raw(t) != "-";
    };
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
            } else if (lex::is_title_word(f) || (cap(t) && !lex::is_function_word(f) && !lex::find_cue(f)) ||
                       (t == end && lex::is_document_noun(f))) {
                k = t;
            } else if (f == "the") {
                k = t;
                break;
            } else if (f == "of" && k <= end && t > first &&
                       (lex::is_body_noun(fw(t - 1)) || lex::is_title_word(fw(t - 1)))) {
                k = t;  // "ministry of defence", "Secretary of State"
            } else if (joined(t)) {
                k = t;  // "Ching-te", "el-Sisi"
            } else {
                break;
            }
        } else if (raw(t) == "," && k <= end && word(k) && cap(k) && t > first && word(t - 1) &&
                   lex::is_title_word(fw(t - 1))) {
            k = t;  // "prime minister, Nikol Pashinyan"
        } else if (raw(t) == "-" && t > first && k <= end && joined(t)) {
            k = t;
        } else if (initial_stop(t) && t > first) {
            k = t;  // "S. Jaishankar", "George W. Bush"
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
        } else if (initial_stop(k) && k > start && k + 1 < end && cap(k + 1)) {
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

// "it", "he", "the ministry", "the spokesman", "the government": the most
// recent actor of this paragraph or the one before ("he", "she" and "they":
// this paragraph only) that matches the words: an actor named with
// "ministry" for "the ministry", a person for "he" and "she"; else the most
// recent actor there.
std::string Analyzer::refer_back(std::size_t s, std::string_view head) const {
    const std::size_t para = tok_para_[sent_first(s)];
    const bool pronoun = lex::is_pronoun(head);
    const bool personal = head == "he" || head == "she";
    const bool this_paragraph_only = pronoun && head != "it";
    // A live blog's entries are each their own context.
    const std::size_t entry = doc_.shape.entry_of(doc_.tokens[sent_first(s)].span.start);
    auto near = [&](const NotedActor& a) {
        return !a.country.empty() && a.entry == entry &&
               (a.paragraph == para || (!this_paragraph_only && a.paragraph + 1 == para));
    };
    for (auto it = noted_.rbegin(); it != noted_.rend(); ++it) {
        if (!near(*it)) continue;
        if (personal && it->person) return it->country;
        if (head == "it" && !it->person) return it->country;  // a country or body, not a person
        if (!pronoun && fold(it->text).find(head) != std::string::npos) return it->country;
    }
    for (auto it = noted_.rbegin(); it != noted_.rend(); ++it) {
        if (near(*it)) return it->country;
    }
    return {};
}

// Whether phrase `r`, after a verb of speech, is that verb's speaker (an
// inverted "..., said Armenia's foreign ministry") rather than the subject
// of the clause it governs ("Herders near the river say Kenyan rangers
// have taken their cattle", "say Azerbaijan has moved its posts"): not a
// people's adjective alone, nor followed by a verb of its own.
bool Analyzer::inverted_speaker(const ActorPhrase& r, std::size_t end) const {
    if (r.first == kNone) return false;
    const int last = tok_mention_[r.last - 1];
    if (last >= 0 && mentions_[static_cast<std::size_t>(last)].demonym) return false;
    // After the speaker: the end, a mark, a name, a preposition, an adverb
    // or a word of time ("said the ministry on Friday", "said the
    // ministry late on Friday", "said Peskov, adding"). Any other word
    // is a verb of the phrase's own ("say Azerbaijan has moved", "said
    // the border ran along the lake").
    const std::size_t nx = r.last;
    if (nx >= end || !word(nx) || cap(nx) || in_quote(nx)) return true;
    static const lex::WordTable kAfter{"yesterday", "today",  "tonight", "late",    "earlier", "later",  "last",
                                       "this",      "next",   "and",     "but",     "while",   "as",     "who",
                                       "which",     "whose",  "when",    "after",   "before",  "since",  "during",
                                       "until",     "amid",   "citing",  "adding",  "saying",  "quoted", "by",
                                       "under",     "within", "without", "through", "than",    "via"};
    const auto f = fw(nx);
    return lex::is_preposition(f) || kAfter.contains(f) || (lex::is_adverb(f) && !lex::find_cue(f)) ||
           lex::is_participle(f);
}

// Who issued the document an actor phrase names ("The statement",
// "the ministry's note", "The communique"): the most recent actor of this
// paragraph or the one before, as "it" finds it, or one named with the
// possessor's title ("the ministry's statement": "the ministry").
std::string Analyzer::document_issuer(const ActorPhrase& a, std::size_t s) const {
    std::string_view head = "it";
    for (std::size_t t = a.first; t + 1 < a.last; ++t) {
        if (word(t) && lex::is_title_word(fw(t))) head = fw(t);
    }
    // "His statement", "her letter": a person's; "their note": the last actor.
    const auto det = fw(a.first);
    if (det == "his") head = "he";
    if (det == "her") head = "she";
    if (det == "their") head = "they";
    return refer_back(s, head);
}

// The country of an actor phrase: its first government-naming mention
// ("Armenia's ambassador to Russia" is Armenia's), else a person the article
// introduced, else, for "the ministry" and the like, the last actor.
void Analyzer::resolve(ActorPhrase& a, std::size_t s) const {
    if (a.first == kNone) return;
    const Span span{doc_.tokens[a.first].span.start, doc_.tokens[a.last - 1].span.end};
    a.text = doc_.text.substr(span.start, span.size());
    strip_padding(a.text);
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
    if (issuer_phrase(a)) return;
    if (lex::is_document_noun(fw(a.last - 1))) {
        a.country = document_issuer(a, s);
        return;
    }
    bool definite = a.last - a.first >= 2 && fw(a.first) == "the";
    for (std::size_t t = a.first + 1; definite && t < a.last; ++t) definite = lex::is_title_word(fw(t));
    if (definite) a.country = refer_back(s, fw(a.last - 1));
    // "Spokesman Sylvain Ekenge said", after "The Congolese army says":
    // a spokesperson the article names without a country speaks for the
    // actor just before, as "the spokesman" does. Not other titles: an
    // unknown "President X" may be anyone's.
    const auto f = fw(a.first);
    if (a.country.empty() && (f == "spokesman" || f == "spokeswoman" || f == "spokesperson")) {
        bool named = a.last - a.first >= 2;
        for (std::size_t t = a.first + 1; named && t < a.last; ++t) named = word(t) && cap(t);
        if (named) a.country = refer_back(s, f);
    }
}

// The subject of the verb at `cue`: the actor phrase before it, past
// auxiliaries and adverbs; or, when that names no actor, the phrase before
// a restrictive "who" clause ("Iraqi lawmakers who brought the case said").
std::optional<ActorPhrase> Analyzer::subject_left(std::size_t cue, std::size_t s) {
    if (auto a = subject_before(cue, s)) return a;
    const std::size_t who = restrictive_who(cue, s);
    if (who == kNone) return std::nullopt;
    return subject_before(who, s);
}

// The "who" of a relative clause that stands between a subject and its
// verb with no comma: "Bolivian officials who attended the hearing said".
// Within a few words, in the same clause: no punctuation, quotation or
// other speech verb between them (the comma form, ", who ...,", is
// find_relative_clause's).
std::size_t Analyzer::restrictive_who(std::size_t cue, std::size_t s) const {
    const std::size_t first = sent_first(s);
    std::size_t words = 0;
    for (std::size_t t = cue; t > first && words < 12;) {
        --t;
        if (in_quote(t)) return kNone;
        if (!word(t)) {
            if (is_apostrophe(t) || raw(t) == "-") continue;
            return kNone;
        }
        ++words;
        const auto f = fw(t);
        if (f == "who") return t > first && word(t - 1) ? t : kNone;
        if (tok_mention_[t] < 0 && lex::find_cue(f)) return kNone;
    }
    return kNone;
}

std::optional<ActorPhrase> Analyzer::subject_before(std::size_t cue, std::size_t s) {
    const std::size_t first = sent_first(s);
    std::size_t j = cue;
    if (fw(cue) == "saying" && cue > first && fw(cue - 1) == "as") --j;  // "quoted X as saying"
    static const lex::WordTable kAlsoSkip{"did",    "does", "do",  "not",   "never",      "t",         "could", "must",
                                          "should", "can",  "may", "might", "reportedly", "allegedly", "ever",  "yet"};
    std::size_t skipped = 0;
    while (j > first && skipped < 9) {
        const std::size_t t = j - 1;
        if (in_quote(t)) break;
        const auto f = fw(t);
        // "Ankara has long maintained", "Manila has never formally dropped".
        const bool adverb = !cap(t) && tok_mention_[t] < 0 && lex::is_adverb(f);
        // "The statement said", "the ministry's note said": a document as
        // the subject, not the "in a statement" of "Baku, in a statement,
        // said" or "Baku, in its statement, said".
        if (lex::is_document_noun(f) && word(t) && t > first) {
            const std::size_t pw = prev_word(t, first);
            const std::size_t in = pw != kNone ? prev_word(pw, first) : kNone;
            if (in != kNone && fw(in) == "in" && lex::is_determiner(fw(pw))) {
                j = in;
                skipped += 3;
                continue;
            }
            if (pw != kNone && fw(pw) != "a" && fw(pw) != "an") break;
        }
        if (lex::is_skippable(f) || kAlsoSkip.contains(f) || is_apostrophe(t) || adverb) {
            --j;
            ++skipped;
            continue;
        }
        break;
    }
    if (j <= first) return std::nullopt;
    std::size_t end = j - 1;
    // "Moscow, which keeps a base at Gyumri in northern Armenia, urged ...":
    // the subject stands before the relative clause, not at its end. Only
    // the sentence's first relative clause can be it: a later one closes
    // no earlier than the first does.
    find_relative_clause(s);
    const std::size_t k = rel_comma_;
    if (k != kNone && k + 1 < cue && k <= end && rel_close_ < cue) end = k - 1;
    if (in_quote(end) || !word(end)) return std::nullopt;
    // "a spokesman for the Ministry of Foreign Affairs of Ethiopia, Nebiat
    // Getachew, said": the name between commas is an apposition; the
    // subject is the phrase before it. (After a title word, "Pakistan's
    // Foreign Office, Mumtaz Zahra Baloch", phrase_left walks over the
    // comma itself and keeps the name.)
    if (const std::size_t title_end = before_apposition(end, first); title_end != kNone) end = title_end;
    if (auto fp = first_person(end)) return fp;
    if (lex::is_pronoun(fw(end))) {
        ActorPhrase a;
        a.first = end;
        a.last = end + 1;
        a.text = std::string(raw(end));
        a.country = refer_back(s, fw(end));
        if (a.country.empty()) return std::nullopt;
        return a;
    }
    ActorPhrase a = phrase_left(end, first);
    if (a.first == kNone) return std::nullopt;
    // "troops in Armenia said" is not Armenia speaking.
    const std::size_t before = prev_word(a.first, first);
    if (before != kNone && before + 1 == a.first &&
        (lex::is_preposition(fw(before)) || fw(before) == "by" || fw(before) == "representing")) {
        if (!office_before(a, before, first, s)) return std::nullopt;
        return a;
    }
    resolve(a, s);
    if (a.country.empty()) return std::nullopt;
    return a;
}

// The end of the phrase before an apposed name: `end` is the last word
// of ", Name Surname," (capitalised, no place that names a government, at
// most four words, a comma after it) and the phrase before the first
// comma ends in an office noun or a place that names a government ("of
// Ethiopia", "in Baku"), not in a title word, which phrase_left crosses
// the comma from. kNone for any other shape.
std::size_t Analyzer::before_apposition(std::size_t end, std::size_t first) const {
    if (end + 1 >= doc_.tokens.size() || raw(end + 1) != ",") return kNone;
    std::size_t k = end + 1, words = 0;
    while (k > first) {
        const std::size_t t = k - 1;
        if (word(t)) {
            if (!cap(t) || lex::is_title_word(fw(t)) || lex::is_function_word(fw(t)) || lex::find_cue(fw(t)) ||
                (tok_mention_[t] >= 0 && !mentions_[tok_mention_[t]].actor_country.empty()) || ++words > 4)
                return kNone;
        } else if (!(raw(t) == "-" || initial_stop(t))) {
            break;
        }
        k = t;
    }
    if (words == 0 || k <= first + 1 || raw(k - 1) != ",") return kNone;
    const std::size_t title = k - 2;
    if (!word(title) || lex::is_title_word(fw(title))) return kNone;
    const bool office = lex::is_body_noun(fw(title)) ||
                        (tok_mention_[title] >= 0 && !mentions_[tok_mention_[title]].actor_country.empty());
    return office ? title : kNone;
}

// The subject phrase `a` follows preposition `before`; whose voice it is:
//   "Morocco's ambassador to the United Nations", "envoy at": the envoy's
//   post, whose country is before it;
//   "a spokesman for Pakistan's Foreign Office", "spokeswoman of the
//   ministry": the body spoken for, unless the title has a country of its
//   own ("Russia's special envoy for Syria");
//   "the government in Kabul", "the authorities in Caracas": a government
//   named by its seat (a capital or country) is that country's; "troops in
//   Armenia" is no speaker.
// Sets a's span and country; false when the phrase is no speaker.
bool Analyzer::office_before(ActorPhrase& a, std::size_t before, std::size_t first, std::size_t s) const {
    const std::size_t title = prev_word(before, first);
    if (title == kNone || title + 1 != before) return false;
    const auto p = fw(before);
    // "A statement from Guyana's foreign ministry": the body's.
    if (lex::is_document_noun(fw(title)) && (p == "from" || p == "by" || p == "of")) {
        resolve(a, s);
        return !a.country.empty();
    }
    if (!lex::is_title_word(fw(title))) return false;
    ActorPhrase envoy = phrase_left(title, first);
    if (envoy.first == kNone) return false;
    // "A lawyer for Kenya": the article is the phrase's.
    if (const std::size_t art = prev_word(envoy.first, first);
        art != kNone && art + 1 == envoy.first && (fw(art) == "a" || fw(art) == "an" || fw(art) == "the"))
        envoy.first = art;
    if (p == "to" || p == "at") {
        a.first = envoy.first;
        resolve(a, s);
        return !a.country.empty();
    }
    if (p == "for" || p == "of" || p == "representing") {
        // The title's own country is a place in its words, not what "the
        // spokesman" would refer back to.
        bool own = false;
        for (std::size_t t = envoy.first; t <= title && !own; ++t)
            own = tok_mention_[t] >= 0 && !mentions_[tok_mention_[t]].actor_country.empty();
        if (own) {
            a.first = envoy.first;
            resolve(a, s);
            return !a.country.empty();
        }
        resolve(a, s);
        if (a.country.empty()) return false;
        const std::string country = a.country;
        a.first = envoy.first;
        resolve(a, s);
        a.country = country;
        return true;
    }
    static const lex::WordTable kSeated{"government", "authorities", "administration", "leadership", "regime",
                                        "junta",      "cabinet",     "ministry",       "ministries"};
    if (p != "in" || !kSeated.contains(fw(title))) return false;
    // The seat itself: the whole phrase after "in" is one government-naming place.
    if (tok_mention_[a.first] < 0 || mentions_[tok_mention_[a.first]].last != a.last) return false;
    const std::string seat = mentions_[tok_mention_[a.first]].actor_country;
    if (seat.empty()) return false;
    a.first = envoy.first;
    resolve(a, s);
    // A demonym before the title names the government ("the Cypriot
    // government in Nicosia"); else the seat does.
    if (a.country.empty()) a.country = seat;
    return true;
}

void Analyzer::find_relative_clause(std::size_t s) {
    if (rel_sentence_ == s) return;
    rel_sentence_ = s;
    rel_comma_ = rel_close_ = kNone;
    const std::size_t first = sent_first(s), end = sent_end(s);
    for (std::size_t k = first + 1; k + 1 < end; ++k) {
        if (raw(k) != "," || in_quote(k)) continue;
        const auto rel = fw(k + 1);
        // ", backed by Turkey,", ", sent to the embassy,": a participle's
        // aside reads as a relative clause.
        static const lex::WordTable kParticiple{"sent", "written", "made", "given", "led", "held", "seen", "known"};
        const bool participle = word(k + 1) && !cap(k + 1) && tok_mention_[k + 1] < 0 &&
                                ((rel.size() > 4 && rel.ends_with("ed")) || kParticiple.contains(rel));
        if (rel != "which" && rel != "who" && rel != "whose" && rel != "where" && !participle) continue;
        rel_comma_ = k;
        for (std::size_t c = k + 2; c < end; ++c) {
            if (raw(c) == ",") {
                rel_close_ = c;
                break;
            }
        }
        return;
    }
}

void Analyzer::note_actor(std::size_t s, const std::string& country, const std::string& text) {
    const std::size_t para = tok_para_[sent_first(s)];
    // A person: named ("Peskov", a word of a person the article introduced)
    // or titled as one ("Azerbaijan's president").
    static const lex::WordTable kPersonTitles{
        "president", "minister",   "premier", "chancellor", "secretary", "spokesman", "spokeswoman", "spokesperson",
        "envoy",     "ambassador", "king",    "queen",      "leader",    "governor",  "he",          "she"};
    bool person = false;
    std::string word;
    const std::string folded = fold(text);
    for (std::size_t i = 0; i <= folded.size(); ++i) {
        if (i < folded.size() && folded[i] != ' ') {
            word += folded[i];
            continue;
        }
        if (kPersonTitles.contains(word) || person_words_.count(word)) person = true;
        word.clear();
    }
    if (noted_.size() == 8) noted_.erase(noted_.begin());
    noted_.push_back({para, country, text, person, doc_.shape.entry_of(doc_.tokens[sent_first(s)].span.start)});
}

}  // namespace borderline::claims_detail
