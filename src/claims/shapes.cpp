// Speakers the article's shape gives (Document::shape, src/text/shape.cpp):
// a transcript's answers are the interviewee's, whom the lines before the
// first turn introduce; a press release speaks for its issuing body
// ("we", "the Ministry", and its sentences without a speaker of their own);
// an opinion piece's "I" and "we" are the author's only when the biography
// says whose view it is (a government's title: "Estonia's former defence
// minister"); a live blog's entries are each their own context, so a
// pronoun never reaches back into the entry before.
#include <borderline/fold.hpp>

#include <tuple>

#include "claims/analyzer.hpp"

namespace borderline::claims_detail {

namespace {

// A title that makes an author, or an interviewee, speak for a country.
const lex::WordTable kGovernmentTitles{
    "minister",     "ministers",      "ambassador", "diplomat", "envoy",      "president", "official",  "negotiator",
    "adviser",      "advisor",        "parliament", "mp",       "senator",    "lawmaker",  "spokesman", "spokeswoman",
    "spokesperson", "representative", "secretary",  "premier",  "chancellor", "foreign",   "defence",   "defense"};

}  // namespace

// The tokens [first, end) of a byte span of the text.
std::pair<std::size_t, std::size_t> Analyzer::tokens_in(std::size_t start, std::size_t end) const {
    const auto& tk = doc_.tokens;
    auto at = [&](std::size_t pos) {
        return static_cast<std::size_t>(
            std::partition_point(tk.begin(), tk.end(), [&](const Token& t) { return t.span.start < pos; }) -
            tk.begin());
    };
    return {at(start), at(end)};
}

// The country that a government title ties to a name in [first, end)
// ("Latvia's deputy foreign minister", "a former Georgian diplomat"), with
// every mention the text has, resolved or not: the biography and a
// release's header are furniture, which places leave out.
std::string Analyzer::titled_country_in(std::size_t first, std::size_t end, std::size_t* at) const {
    for (const Mention& m : all_mentions_) {
        const MentionRef r = tokens_of(m.span);
        if (r.first < first || r.last > end || r.last == r.first) continue;
        std::string country;
        for (const NameRef& ref : m.candidates) {
            const Entry& e = gaz_.entry(ref.entry);
            if (ref.role != NameRole::name || e.kind == PlaceKind::country) {
                country = std::string(e.country);
                break;
            }
        }
        if (country.empty()) continue;
        for (std::size_t t = r.last; t < end && t < r.last + 5; ++t) {
            if (!word(t) || !kGovernmentTitles.contains(fw(t))) continue;
            if (at) *at = t;
            return country;
        }
    }
    return {};
}

void Analyzer::prepare_shape() {
    const ArticleShape& shape = doc_.shape;
    sent_answer_.assign(doc_.sentence_tokens.size(), kNone);
    if (shape.kind == ShapeKind::press_release) {
        for (const ShapeSpan& issuer : shape.issuers) {
            for (const Mention& m : all_mentions_) {
                if (m.span.start < issuer.start || m.span.end > issuer.end) continue;
                for (const NameRef& ref : m.candidates) {
                    const Entry& e = gaz_.entry(ref.entry);
                    if (ref.role != NameRole::name || e.kind == PlaceKind::country || e.capital) {
                        shape_speaker_.country = std::string(e.country);
                        break;
                    }
                }
                if (!shape_speaker_.country.empty()) break;
            }
            if (shape_speaker_.country.empty()) continue;
            std::tie(shape_speaker_.first, shape_speaker_.last) = tokens_in(issuer.start, issuer.end);
            shape_speaker_.text = doc_.text.substr(issuer.start, issuer.end - issuer.start);
            break;
        }
    } else if (shape.kind == ShapeKind::opinion && shape.bio.end > shape.bio.start) {
        const auto [a, b] = tokens_in(shape.bio.start, shape.bio.end);
        shape_speaker_.country = titled_country_in(a, b);
        // The author's name: the biography's first capitalised words.
        std::size_t k = next_word(a, b);
        const std::size_t name = k;
        while (k < b && k < name + 4 && word(k) && cap(k) && fw(k) != "the") ++k;
        if (k > name) {
            shape_speaker_.text = doc_.text.substr(doc_.tokens[name].span.start,
                                                   doc_.tokens[k - 1].span.end - doc_.tokens[name].span.start);
        }
        if (shape_speaker_.text.empty()) shape_speaker_.text = "the author";
    } else if (shape.kind == ShapeKind::transcript) {
        find_interviewee();
        for (std::size_t i = 0; i < shape.turns.size(); ++i) {
            const Turn& turn = shape.turns[i];
            ActorPhrase who;
            if (turn.role == Turn::Role::answer) {
                who = shape_speaker_;
            } else if (turn.role == Turn::Role::named) {
                // "ALIYEV:" or "MS ROSSI:": a person the article introduced.
                std::string last = turn.name;
                if (const auto sp = last.rfind(' '); sp != std::string::npos) last = last.substr(sp + 1);
                for (const std::string& key : {turn.name, last}) {
                    if (const auto it = people_.find(key); it != people_.end()) {
                        who.country = it->second;
                        who.text = doc_.text.substr(turn.label.start, turn.label.end - 1 - turn.label.start);
                        break;
                    }
                }
                if (who.country.empty() && !shape_speaker_.country.empty() &&
                    (fold(shape_speaker_.text).ends_with(last) || last == intro_name_)) {
                    who = shape_speaker_;
                }
            }
            if (who.country.empty()) continue;
            const auto [a, b] = tokens_in(turn.body.start, turn.body.end);
            if (a >= b) continue;
            answers_.push_back({a, b, who});
            for (std::size_t s = sentence_of(a); s < doc_.sentence_tokens.size() && sent_first(s) < b; ++s)
                sent_answer_[s] = answers_.size() - 1;
        }
    }
}

// The interviewee: the first person the lines before the first turn
// introduce with a country ("Armenia's foreign minister, Ararat Mirzoyan"),
// else the first country named with a title there ("Azerbaijan's
// president").
void Analyzer::find_interviewee() {
    const ShapeSpan intro = doc_.shape.intro;
    const auto [a, b] = tokens_in(intro.start, intro.end);
    for (std::size_t t = a; t < b; ++t) {
        if (!word(t) || !cap(t)) continue;
        std::string full;
        for (std::size_t u = t; u < b && u < t + 3 && word(u) && cap(u); ++u) {
            if (!full.empty()) full += ' ';
            full += fw(u);
            if (const auto it = people_.find(full); it != people_.end()) {
                shape_speaker_.country = it->second;
                shape_speaker_.first = t;
                shape_speaker_.last = u + 1;
                shape_speaker_.text =
                    doc_.text.substr(doc_.tokens[t].span.start, doc_.tokens[u].span.end - doc_.tokens[t].span.start);
            }
        }
        if (!shape_speaker_.country.empty()) return;
    }
    std::size_t titled = kNone;
    shape_speaker_.country = titled_country_in(a, b, &titled);
    if (shape_speaker_.country.empty()) return;
    shape_speaker_.text = shape_speaker_.country;
    // "Venezuela's ambassador to the United Nations, Rafael Ortega": the
    // first name a turn label gives after the title is the interviewee's.
    for (std::size_t t = titled; t < b && t < titled + 16; ++t) {
        if (!word(t) || !cap(t)) continue;
        for (const Turn& turn : doc_.shape.turns) {
            if (turn.role != Turn::Role::named) continue;
            std::string last = turn.name;
            if (const auto sp = last.rfind(' '); sp != std::string::npos) last = last.substr(sp + 1);
            if (fw(t) != last) continue;
            intro_name_ = last;
            shape_speaker_.text = std::string(raw(t));
            return;
        }
    }
}

// "I" and "we" as a subject: the release's issuer, the opinion author
// whose view the biography names; nobody otherwise.
std::optional<ActorPhrase> Analyzer::first_person(std::size_t t) const {
    if (fw(t) != "i" && fw(t) != "we") return std::nullopt;
    const ShapeKind k = doc_.shape.kind;
    if ((k != ShapeKind::press_release && k != ShapeKind::opinion) || shape_speaker_.country.empty())
        return std::nullopt;
    ActorPhrase a = shape_speaker_;
    a.first = t;
    a.last = t + 1;
    return a;
}

// In a release, "the Ministry", "the Government" and the issuer's own
// words are the issuer, whoever the text named last.
bool Analyzer::issuer_phrase(ActorPhrase& a) const {
    if (doc_.shape.kind != ShapeKind::press_release || shape_speaker_.country.empty()) return false;
    static const lex::WordTable kSelf{"kingdom", "republic", "department", "presidency", "embassy", "state"};
    const bool in_issuer = a.first < shape_speaker_.last && a.last > shape_speaker_.first;
    bool body = false;
    for (std::size_t t = a.first; t < a.last; ++t) body = body || lex::is_body_noun(fw(t)) || kSelf.contains(fw(t));
    const bool definite = fw(a.first) == "the" || fw(a.first) == "this" || fw(a.first) == "our";
    if (!in_issuer && !(body && definite)) return false;
    a.country = shape_speaker_.country;
    return true;
}

bool Analyzer::names_something(std::size_t first, std::size_t end, bool or_cue) const {
    for (std::size_t t = first; t < end; ++t) {
        if (tok_mention_[t] >= 0 && !mentions_[tok_mention_[t]].actor_only) return true;
        if (word(t) && lex::is_geographic_word(fw(t))) return true;
        if (or_cue && word(t) && lex::find_cue(fw(t))) return true;
    }
    return false;
}

// Each answer that names a place or a border matter, or takes a position
// ("we want talks"), is one claim of its speaker; the cues inside it were
// not read (they are the speaker's words).
void Analyzer::claim_answers() {
    for (const Answer& ans : answers_) {
        if (!names_something(ans.first, ans.end, true)) continue;
        Cue c;
        c.tok = ans.first;
        c.after = ans.first;
        c.actor = ans.who;
        emit({c}, ans.first, ans.end, sentence_of(ans.first), Excluded{});
    }
}

// A release's sentences that no speaker of their own claims, and that name
// a place or a border matter, are the issuer's.
void Analyzer::claim_release_sentences() {
    if (doc_.shape.kind != ShapeKind::press_release || shape_speaker_.country.empty()) return;
    std::vector<bool> covered(doc_.sentence_tokens.size(), false);
    for (const Made& m : made_) {
        for (std::size_t s = m.s_first; s <= m.s_last && s < covered.size(); ++s) covered[s] = true;
    }
    for (std::size_t s = 1; s < doc_.sentence_tokens.size(); ++s) {
        const std::size_t a = sent_first(s), b = sent_end(s);
        if (covered[s] || skip_sentence_[s] || a >= b || doc_.shape.is_furniture(doc_.tokens[a].span.start)) continue;
        if (!names_something(a, b)) continue;
        // A heading, a dateline ("Baku, 9 October") or a subtitle is no
        // statement: a statement ends as sentences do.
        const auto last = raw(b - 1);
        if (word(b - 1) || (last != "." && last != "!" && last != "\"" && last != "\xE2\x80\x9D")) continue;
        Cue c;
        c.tok = a;
        c.after = a;
        c.actor = shape_speaker_;
        emit({c}, a, b, s, Excluded{});
    }
}

}  // namespace borderline::claims_detail
