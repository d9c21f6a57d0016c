// Quotations: paragraphs and the quotation marks in them, the quotation an
// attribution closes ('"...," X said'), and a quotation that opens a
// sentence without a speaker of its own, which continues the claim before.
#include "claims/analyzer.hpp"

namespace borderline::claims_detail {

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

Quote* Analyzer::quote_closing_before(std::size_t np_first, std::size_t s) {
    // The quotation that closes shortly before the attribution, with no
    // speech verb in between ("...," Interfax quoted X as saying).
    // Quotations are sorted by their closing marks too: only those that
    // close in the seven tokens before are looked at.
    const std::size_t from = std::max(sent_first(s), np_first > 7 ? np_first - 7 : 0);
    auto it = std::partition_point(quotes_.begin(), quotes_.end(), [&](const Quote& q) { return q.close < from; });
    for (; it != quotes_.end() && it->close < np_first; ++it) {
        Quote& q = *it;
        bool verb = false;
        for (std::size_t t = q.close + 1; t < np_first; ++t) {
            const lex::CueWord* cw = word(t) ? lex::find_cue(fw(t)) : nullptr;
            verb = verb || (cw && cw->needs == lex::CueNeeds::none);  // "state news agency" is no verb
        }
        if (!verb) return &q;
    }
    return nullptr;
}

// Whether the quotation is attributed in its own sentence to someone new
// who is no actor ('"...," a Georgian priest said', '"...," said a
// fisherman'): a speech verb after it in its sentence and a speaker
// brought in with "a", "an", "another" or "one", someone not met before. Such a
// quotation is that person's, not the claim before's; a named speaker
// ('said Ali Velayati, an adviser to Iran's leader') or "he said" may be the
// actor of the claim before and still continues it.
bool Analyzer::attributed_to_other(const Quote& q, std::size_t s) const {
    static const lex::WordTable kIndefinite{"a", "an", "another", "one"};
    // The speaker may be long ('"...," a spokesman for Pakistan's Foreign
    // Office, Mumtaz Zahra Baloch, told reporters'): the verb is looked for
    // to the end of the sentence; the word after the quotation decides.
    const std::size_t end = sent_end(s);
    std::size_t first = kNone;
    for (std::size_t t = q.close + 1; t < end; ++t) {
        if (!word(t)) continue;
        const lex::CueWord* cw = lex::find_cue(fw(t));
        if (cw && cw->needs == lex::CueNeeds::none) {
            if (first != kNone) return kIndefinite.contains(fw(first));
            // Verb first: the word after it opens the speaker.
            for (std::size_t u = t + 1; u < end; ++u) {
                if (word(u)) return kIndefinite.contains(fw(u));
            }
            return false;
        }
        if (first == kNone) first = t;
    }
    return false;
}

// A quotation that opens a sentence and has no speaker of its own continues
// the claim made just before it.
void Analyzer::continue_quotes() {
    std::sort(made_.begin(), made_.end(),
              [](const Made& a, const Made& b) { return a.claim.span.start < b.claim.span.start; });
    // The last claim (in this order) that ends in each sentence.
    std::vector<std::size_t> last_made(doc_.sentence_tokens.size(), kNone);
    for (std::size_t m = 0; m < made_.size(); ++m) last_made[made_[m].s_last] = m;
    for (auto& q : quotes_) {
        if (q.consumed || q.close <= q.open + 1 || !words_over(q.open + 1, q.close, 3)) continue;
        const std::size_t s = sentence_of(q.open);
        if (sent_first(s) != q.open || skip_sentence_[s]) continue;
        // The sentence before, skipping ones that hold only punctuation.
        std::size_t p = s;
        while (p > 0) {
            --p;
            if (any_word(sent_first(p), sent_end(p))) break;
        }
        if (p == s) continue;
        if (last_made[p] == kNone) continue;
        if (attributed_to_other(q, s)) continue;
        const Made* prev = &made_[last_made[p]];
        const Cue cue;
        std::vector<Cue> group{cue};
        group.front().actor.country = prev->claim.actor.country;
        group.front().actor.text = prev->claim.actor.text;
        const std::size_t before = made_.size();
        emit(group, q.open + 1, q.close, s, {});
        if (made_.size() > before) {
            made_.back().quote = true;
            q.consumed = true;
            last_made[made_.back().s_last] = made_.size() - 1;
        }
    }
}

}  // namespace borderline::claims_detail
