// Mentions -> Places: longest-match lookup of token windows in the gazetteer,
// then a choice among the candidates of each mention using the article's
// context (countries named, population and rank, sentence position).
#include <borderline/fold.hpp>
#include <borderline/geoparse.hpp>

#include "geocode/resolver.hpp"

#include <algorithm>
#include <mutex>
#include <set>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace borderline {

using geoparse_detail::all_caps_word;

namespace {

bool is_connector(const Token& t) { return !t.is_word && t.folded.empty(); }  // hyphens and dashes

bool starts_ascii_letter(std::string_view s) {
    return !s.empty() && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'));
}

/// The last token of a word written with an apostrophe inside it
/// ("N'Djamena", "Ren'ai", "d'Ivoire"), which the tokenizer cuts in three:
/// `at` itself when none follows. A possessive "s" is not part of the word.
std::size_t elision_end(std::span<const Token> toks, std::size_t at) {
    while (at + 2 < toks.size() && toks[at + 1].folded == "'" && toks[at + 1].span.start == toks[at].span.end &&
           toks[at + 2].is_word && toks[at + 2].span.start == toks[at + 1].span.end && toks[at + 2].folded != "s") {
        at += 2;
    }
    return at;
}

/// `key` and the folded word from `from` to `to` (an elided word's pieces
/// joined by apostrophes, as the gazetteer folds the name).
void append_elided(std::string& key, std::span<const Token> toks, std::size_t from, std::size_t to) {
    key += toks[from].folded;
    for (std::size_t k = from + 2; k <= to; k += 2) {
        key += '\'';
        key += toks[k].folded;
    }
}

/// A list of readings that is not one of the gazetteer's own, kept for the
/// life of the program, since a Mention only views its readings. There are
/// no more such lists than keys in the gazetteer (see abbreviation_after),
/// and each is kept once.
std::span<const NameRef> kept_refs(const std::vector<NameRef>& refs) {
    static std::mutex mutex;
    static std::set<std::vector<NameRef>, decltype([](const std::vector<NameRef>& a, const std::vector<NameRef>& b) {
                        return std::ranges::lexicographical_compare(a, b, [](const NameRef& x, const NameRef& y) {
                            return std::pair(x.entry, x.role) < std::pair(y.entry, y.role);
                        });
                    })>
        kept;
    const std::lock_guard lock(mutex);
    return *kept.insert(refs).first;
}

/// "Slidell, La.", "Surrey, B.C.", "HELENA, Mont. (AP)": a newsroom's
/// abbreviation of a state or province after a name and a comma names the
/// state, as "Fresno, California" does, though "La" alone is no name (the
/// gazetteer knows it with its full stop). Returns the token after the
/// abbreviation, or `at` when the tokens from `at` are no such
/// abbreviation; `provinces` gets the provinces the abbreviation names.
std::size_t abbreviation_after(std::span<const Token> toks, std::string_view text, const Gazetteer& gaz, std::size_t at,
                               std::string& key, std::span<const NameRef>& provinces) {
    if (at + 2 >= toks.size() || toks[at].folded != "," || text.substr(toks[at].span.end, 1) != " ") return at;
    const Token& word = toks[at + 1];
    if (!word.is_word || !word.capitalised || word.span.start != toks[at].span.end + 1 || word.folded.size() > 5) {
        return at;
    }
    const Token& stop = toks[at + 2];
    if (stop.folded != "." || stop.span.start != word.span.end) return at;
    key.assign(word.folded);
    key += '.';
    const std::span<const NameRef> refs = gaz.probe(key).refs;
    std::vector<NameRef> admin1;
    for (const NameRef& r : refs) {
        if (gaz.entry(r.entry).kind == PlaceKind::admin1) admin1.push_back(r);
    }
    if (admin1.empty()) return at;
    // Mostly every reading of the abbreviation is a province.
    provinces = admin1.size() == refs.size() ? refs : kept_refs(admin1);
    return at + 3;
}

}  // namespace

std::vector<Mention> find_mentions(const Document& doc, const Gazetteer& gaz, std::size_t limit) {
    std::vector<Mention> out;
    // Views, not references to the document's members: as the loop appends
    // to `out`, the compiler would load their size and data again for every
    // token.
    const std::span<const Token> toks = doc.tokens;
    const std::string_view text = doc.text;
    const std::size_t max_words = std::min<std::size_t>(gaz.max_words(), 8);
    std::string joined;                  // the key once it has more than the first word
    std::span<const NameRef> provinces;  // of an abbreviation after a name ("Slidell, La.")
    std::string elided;                  // a first word written with an apostrophe inside
    std::size_t i = 0;
    while (i < toks.size() && out.size() <= limit) {
        const Token& first = toks[i];
        if (!first.is_word) {
            ++i;
            continue;
        }
        const std::string_view first_text(text.data() + first.span.start, first.span.size());
        // Names in cased scripts are proper nouns: "spread" is not Spread.
        if (!first.capitalised && starts_ascii_letter(first_text)) {
            ++i;
            continue;
        }
        // Read on word by word (spaces or hyphens on one line) while some name
        // starts with the words so far; the longest name found wins. Most
        // keys are one word, looked up as the token has it, without a copy.
        std::string_view key = first.folded;
        std::size_t last = i, best_last = 0;
        // A name with an apostrophe inside its first word reads on as one
        // word when the gazetteer knows a name that starts so.
        if (const std::size_t e = elision_end(toks, i); e != i) {
            elided.clear();
            append_elided(elided, toks, i, e);
            const NameInfo glued = gaz.probe(elided);
            if (!glued.refs.empty() || glued.extends) {
                key = elided;
                last = e;
            }
        }
        NameInfo best;
        bool have = false;
        NameInfo one_word;
        bool lower_after_first = true;  // every word after the first written in lower case
        for (std::size_t n = 1;; ++n) {
            const NameInfo info = gaz.probe(key);
            if (n == 1) one_word = info;
            if (n > 1) lower_after_first = lower_after_first && !toks[last].capitalised;
            if (!info.refs.empty()) {
                best = info;
                best_last = last;
                have = true;
            }
            if (!info.extends || n >= max_words) break;
            if (n == 1) joined.assign(key);
            std::size_t j = last + 1;
            // "St. Petersburg": a full stop right after a word may belong to the name.
            if (j < toks.size() && toks[j].folded == "." && toks[j].span.start == toks[last].span.end &&
                gaz.probe(joined + ".").extends) {
                joined += '.';
                ++j;
            }
            if (j < toks.size() && is_connector(toks[j]) && j + 1 < toks.size() && toks[j + 1].is_word) ++j;
            if (j >= toks.size() || !toks[j].is_word) break;
            const std::string_view gap(text.data() + toks[last].span.end, toks[j].span.start - toks[last].span.end);
            if (gap.find('\n') != std::string_view::npos) break;
            const std::size_t words = joined.size();
            joined += ' ';
            std::size_t e = elision_end(toks, j);
            if (e != j) {
                append_elided(joined, toks, j, e);
                const NameInfo glued = gaz.probe(joined);
                if (glued.refs.empty() && !glued.extends) {
                    joined.resize(words + 1);
                    e = j;
                }
            }
            if (e == j) joined += toks[j].folded;
            key = joined;
            last = e;
        }
        // "a Spanish town", "the French port": a people's adjective before a
        // common noun in lower case is the adjective, not the longer name
        // written in capitals (Spanish Town, Jamaica). Waters keep their
        // name however written ("the Indian ocean").
        const auto demonym = [](const NameRef& r) { return r.role == NameRole::demonym; };
        const auto water = [&](const NameRef& r) {
            const PlaceKind k = gaz.entry(r.entry).kind;
            return k == PlaceKind::water || k == PlaceKind::feature;
        };
        if (have && best_last != i && lower_after_first && !one_word.refs.empty() &&
            std::ranges::all_of(one_word.refs, demonym) && std::ranges::none_of(best.refs, water)) {
            best = one_word;
            best_last = i;
        }
        if (!have) {
            ++i;
            continue;
        }
        // Two-letter names only as capitals ("US", "UK"), never "In" or "Is".
        if (best_last == i && first.folded.size() <= 2 && !all_caps_word(first_text)) {
            ++i;
            continue;
        }
        Mention m;
        m.span = {first.span.start, toks[best_last].span.end};
        m.text = text.substr(m.span.start, m.span.size());
        m.candidates = best.refs;
        m.role = best.refs.front().role;
        m.common_word = best.common_word;
        out.push_back(std::move(m));
        i = best_last + 1;
        if (const std::size_t after = abbreviation_after(toks, text, gaz, i, joined, provinces); after != i) {
            Mention state;
            state.span = {toks[i + 1].span.start, toks[after - 1].span.end};
            state.text = text.substr(state.span.start, state.span.size());
            state.candidates = provinces;
            state.role = state.candidates.front().role;
            out.push_back(std::move(state));
            i = after;
        }
    }
    return out;
}

std::vector<Place> resolve_places(const Document& doc, const Gazetteer& gaz, const std::vector<Mention>& mentions) {
    // Names in the article's furniture (a live blog's timestamps, a byline,
    // the author's biography, a release's contact lines) are not places of
    // the story: "By Jordan Lake", "she teaches at the University of Warsaw".
    // They are left out here, not by find_mentions, so that the claims stage
    // still reads the biography for the author's country.
    if (doc.shape.furniture.empty()) return geoparse_detail::Resolver(doc, gaz, mentions).run();
    std::vector<Mention> story;
    story.reserve(mentions.size());
    for (const Mention& m : mentions) {
        if (!doc.shape.is_furniture(m.span.start)) story.push_back(m);
    }
    return geoparse_detail::Resolver(doc, gaz, story).run();
}

}  // namespace borderline
