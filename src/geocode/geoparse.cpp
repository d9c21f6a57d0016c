// Mentions -> Places: longest-match lookup of token windows in the gazetteer,
// then a choice among the candidates of each mention using the article's
// context (countries named, population and rank, sentence position).
#include <borderline/fold.hpp>
#include <borderline/geoparse.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory_resource>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace borderline {

namespace {

bool is_connector(const Token& t) { return !t.is_word && t.folded.empty(); }  // hyphens and dashes

bool starts_ascii_letter(std::string_view s) {
    return !s.empty() && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'));
}

bool all_caps_word(std::string_view s) {
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

// km_between(...) < km, skipping the trigonometry for points far apart in
// latitude: a great-circle distance is at least the Earth's radius times the
// difference of latitude in radians (haversine: a >= sin^2(dlat/2)). The 1%
// margin keeps rounding from deciding any case the exact test would not.
bool within_km(double lon1, double lat1, double lon2, double lat2, double km) {
    constexpr double kKmPerDegree = kEarthRadiusKm * kRadiansPerDegree;
    if (std::abs(lat2 - lat1) * kKmPerDegree > km * 1.01) return false;
    return km_between(lon1, lat1, lon2, lat2) < km;
}

}  // namespace

std::vector<Mention> find_mentions(const Document& doc, const Gazetteer& gaz) {
    std::vector<Mention> out;
    // Views, not references to the document's members: as the loop appends
    // to `out`, the compiler would load their size and data again for every
    // token.
    const std::span<const Token> toks = doc.tokens;
    const std::string_view text = doc.text;
    const std::size_t max_words = std::min<std::size_t>(gaz.max_words(), 8);
    std::string joined;  // the key once it has more than the first word
    std::size_t i = 0;
    while (i < toks.size()) {
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
        NameInfo best;
        bool have = false;
        for (std::size_t n = 1;; ++n) {
            const NameInfo info = gaz.probe(key);
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
            joined += ' ';
            joined += toks[j].folded;
            key = joined;
            last = j;
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
        m.candidates.assign(best.refs.begin(), best.refs.end());
        m.role = best.refs.front().role;
        m.common_word = best.common_word;
        out.push_back(std::move(m));
        i = best_last + 1;
    }
    return out;
}

namespace {

// Words before a name that make it a person's: "Mr Jordan", "coach Porter".
bool is_title_word(std::string_view w) {
    static const std::unordered_set<std::string_view> titles{
        "mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "president", "senator", "sen", "rep", "gov",
        "governor", "minister", "spokesman", "spokeswoman", "spokesperson", "coach", "player", "captain", "judge",
        "general", "gen", "colonel", "col", "officer", "sergeant", "sgt", "detective", "professor", "prof",
        "reverend", "rev", "pastor", "father", "brother", "sister", "uncle", "aunt", "king", "queen", "prince",
        "princess", "pope", "saint", "chairman", "ceo", "director", "manager", "striker", "midfielder", "defender",
        "goalkeeper", "quarterback", "guard", "forward", "actor", "actress", "singer", "rapper", "dear"};
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return titles.contains(w);
}

// Words after a name that make it an organisation or a thing, not the place.
bool is_non_place_head(std::string_view w) {
    static const std::unordered_set<std::string_view> heads{
        "post", "times", "journal", "herald", "tribune", "news", "daily", "university", "college", "school",
        "institute", "club", "fc", "united", "city", "street", "avenue", "road", "hotel", "airport", "station",
        "park", "square", "theatre", "theater", "center", "centre", "hospital", "church", "stadium", "bridge",
        "company", "corp", "inc", "ltd", "group", "bank", "airlines", "airways", "motors", "records", "press"};
    return heads.contains(w);
}

// "WASHINGTON (AP) —", "TORONTO — ", "LOS ANGELES, April 5 (GLOBE
// NEWSWIRE)", "(NEW YORK) —": the place a story was filed from, in capitals
// at the start of a sentence or line, then a bracket, a dash or a comma.
bool is_dateline(std::string_view text, Span span, bool sentence_start) {
    if (!all_caps_word(text.substr(span.start, span.size()))) return false;
    std::size_t b = span.start;
    if (b > 0 && text[b - 1] == '(') --b;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
    const bool opens = b == 0 || text[b - 1] == '\n' || sentence_start;
    if (!opens) return false;
    std::string_view after = text.substr(span.end);
    if (after.starts_with(")")) after.remove_prefix(1);
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    return after.starts_with("(") || after.starts_with(",") || after.starts_with("-") ||
           after.starts_with("\u2014") || after.starts_with("\u2013");
}

// Whether tokens first..last are two words or more, each capitalised, the
// first no article and no compass word ("Garden City", not "The City" or
// "West Coast", which stay the common phrases they are).
bool title_case_name(const Document& doc, std::int64_t first, std::int64_t last) {
    static const std::unordered_set<std::string_view> openers{
        "the", "a", "an", "and", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "far", "near", "central", "middle", "upper", "lower", "inner", "outer", "greater", "northwest",
        "northeast", "southwest", "southeast"};
    if (first < 0 || last <= first) return false;
    if (openers.contains(doc.tokens[static_cast<std::size_t>(first)].folded)) return false;
    int words = 0;
    for (auto i = first; i <= last; ++i) {
        const Token& t = doc.tokens[static_cast<std::size_t>(i)];
        if (!t.is_word) continue;
        if (!t.capitalised) return false;
        ++words;
    }
    return words >= 2;
}

// Words for a kind of place: "the English city of", "the Syrian province of".
bool is_kind_of_place(std::string_view w) {
    static const std::unordered_set<std::string_view> kinds{
        "city", "town", "village", "capital", "port", "suburb", "district", "province", "region", "state",
        "county", "island", "resort", "municipality", "hamlet"};
    return kinds.contains(w);
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

// Counts by code key.
using Tally = std::pmr::unordered_map<std::uint64_t, int>;

// Counts per name (see resolve_places) and code key: how often the mentions
// of one name voted for a country or lay in a province.
class CountsByName {
public:
    explicit CountsByName(std::pmr::memory_resource* memory) : counts_(memory) {}
    void add(std::size_t name, std::uint64_t code) { ++counts_[{name, code}]; }
    /// 0 when never added.
    [[nodiscard]] int count(std::size_t name, std::uint64_t code) const {
        const auto it = counts_.find({name, code});
        return it == counts_.end() ? 0 : it->second;
    }
    void clear() { counts_.clear(); }

private:
    using Key = std::pair<std::size_t, std::uint64_t>;
    struct Hash {
        std::size_t operator()(const Key& k) const { return k.first ^ k.second * 0x9E3779B97F4A7C15ull; }
    };
    std::pmr::unordered_map<Key, int, Hash> counts_;
};

// Whether place `e` lies in `b`: a place in its province ("Brooklyn, New
// York"), a place or province in its country or nation ("Kingston, Jamaica",
// "the English city of Salisbury").
bool lies_in(const Entry& e, const Entry& b) {
    if (b.kind == PlaceKind::admin1) return e.kind == PlaceKind::place && !e.admin1.empty() && e.admin1 == b.admin1;
    if (b.kind == PlaceKind::country || b.kind == PlaceKind::region) {
        return !b.country.empty() && e.country == b.country &&
               (e.kind == PlaceKind::place || e.kind == PlaceKind::admin1);
    }
    return false;
}

}  // namespace

std::vector<Place> resolve_places(const Document& doc, const Gazetteer& gaz, const std::vector<Mention>& mentions) {
    // The tables below live as long as this call: they take their memory
    // from one arena, a block on the stack first, instead of a malloc and a
    // free for every vector, hash node and bucket array (a sixth of the
    // function's instructions went to those).
    std::array<std::byte, 32 * 1024> first_block;
    std::pmr::monotonic_buffer_resource arena(first_block.data(), first_block.size());
    // Token lookup by byte offset (tokens are in text order).
    auto token_index_at = [&](std::size_t byte) -> std::int64_t {
        const auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), byte,
                                         [](const Token& t, std::size_t b) { return t.span.start < b; });
        return it != doc.tokens.end() && it->span.start == byte ? it - doc.tokens.begin() : -1;
    };
    auto token_ending_at = [&](std::size_t byte) -> std::int64_t {
        auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), byte,
                                   [](const Token& t, std::size_t b) { return t.span.end < b; });
        return it != doc.tokens.end() && it->span.end == byte ? it - doc.tokens.begin() : -1;
    };
    auto is_water_word = [&](std::int64_t t) {
        if (t < 0 || t >= static_cast<std::int64_t>(doc.tokens.size())) return false;
        const Token& k = doc.tokens[static_cast<std::size_t>(t)];
        const std::string_view f = k.folded;
        return k.is_word && (f == "river" || f == "lake" || f == "sea" || f == "valley" || f == "basin" || f == "delta");
    };
    const std::size_t n = mentions.size();
    // Facts about each mention's surroundings.
    struct Around {
        std::int64_t first = -1, last = -1;  // the mention's first and last token (-1: none there)
        bool at_start = false, shouting = false, river_word = false, titled = false, person_next = false,
             org_next = false, after_name = false, saints = false, dateline = false, common = false,
             names_water = false;  // "... River", "Lake ..."
    };
    // Each mention's folded text, used here and in both scoring passes.
    std::pmr::vector<std::string> folded_texts(n, &arena);
    for (std::size_t k = 0; k < n; ++k) fold_into(mentions[k].text, folded_texts[k]);
    // Mentions of one name (folded text) share an id, the index of the first
    // of them, which keys the per-name tables below.
    std::pmr::vector<std::size_t> name_of(n, &arena);
    {
        std::pmr::unordered_map<std::string_view, std::size_t> first_of_name(&arena);
        first_of_name.reserve(n);
        for (std::size_t k = 0; k < n; ++k) name_of[k] = first_of_name.try_emplace(folded_texts[k], k).first->second;
    }
    // The candidates' entries, decoded once for all the loops below (each
    // decode is a cache miss in the gazetteer's records); mentions of one
    // name share them.
    CodeKeys codes;
    const auto candidate = [&](std::uint32_t entry) {
        Candidate c{gaz.entry(entry)};
        c.country = codes(c.entry.country);
        c.admin1 = codes(c.entry.admin1);
        return c;
    };
    std::pmr::vector<Candidate> decoded(&arena);
    std::size_t all_candidates = 0;
    for (const auto& m : mentions) all_candidates += m.candidates.size();
    decoded.reserve(all_candidates);
    std::pmr::vector<std::size_t> decoded_at(n, &arena);
    for (std::size_t k = 0; k < n; ++k) {
        const auto& refs = mentions[k].candidates;
        const std::size_t j = name_of[k];
        if (j != k && std::ranges::equal(refs, mentions[j].candidates, {}, &NameRef::entry, &NameRef::entry)) {
            decoded_at[k] = decoded_at[j];
            continue;
        }
        decoded_at[k] = decoded.size();
        for (const auto& r : refs) decoded.push_back(candidate(r.entry));
    }
    // Element i of this is mentions[k].candidates[i] decoded.
    const auto candidates_of = [&](std::size_t k) {
        return std::span<const Candidate>(decoded).subspan(decoded_at[k], mentions[k].candidates.size());
    };
    std::pmr::vector<Around> around(n, &arena);
    for (std::size_t k = 0; k < n; ++k) {
        const Mention& m = mentions[k];
        Around& a = around[k];
        const auto first = a.first = token_index_at(m.span.start);
        const auto last = a.last = token_ending_at(m.span.end);
        a.at_start = first >= 0 && doc.tokens[static_cast<std::size_t>(first)].sentence_start;
        // Capitals are shouting ("BREAKING NEWS"), except in a dateline.
        // "Garden City", "Little Rock", "Long Beach": common words, each
        // capitalised, make a proper name; "The City" is still the phrase.
        a.common = m.common_word && !title_case_name(doc, first, last);
        a.dateline = is_dateline(doc.text, m.span, a.at_start);
        a.shouting = all_caps_word(m.text) && m.text.size() > 3 && !a.dateline;
        // "St. Peter's Basilica", "St Patrick's": a saint in the possessive
        // names a church, school or hospital, not the parish called after him.
        {
            const std::string& f = folded_texts[k];
            const bool saint = f.rfind("st ", 0) == 0 || f.rfind("st. ", 0) == 0 || f.rfind("saint ", 0) == 0;
            const std::string_view after = std::string_view(doc.text).substr(m.span.end);
            a.saints = saint && (after.starts_with("'s") || after.starts_with("\u2019s"));
        }
        a.river_word = (last >= 0 && is_water_word(last + 1)) || (first > 0 && is_water_word(first - 1));
        a.names_water = folded_texts[k].find("river") != std::string::npos ||
                        folded_texts[k].find("lake") != std::string::npos;
        if (first > 0) {
            const Token& prev = doc.tokens[static_cast<std::size_t>(first - 1)];
            a.titled = prev.is_word && is_title_word(prev.folded);
            // "Michael Jordan": a capitalised word that is no place, right before.
            const bool prev_is_mention = k > 0 && mentions[k - 1].span.end == prev.span.end;
            a.after_name = prev.is_word && prev.capitalised && !prev.sentence_start && !prev_is_mention &&
                           prev.span.end + 1 == m.span.start && !a.titled;
        }
        if (last >= 0 && static_cast<std::size_t>(last + 1) < doc.tokens.size()) {
            const Token& next = doc.tokens[static_cast<std::size_t>(last + 1)];
            const bool next_is_mention = k + 1 < n && mentions[k + 1].span.start == next.span.start;
            if (next.is_word && next.capitalised && next.span.start == m.span.end + 1 && (!next_is_mention || a.at_start)) {
                a.org_next = is_non_place_head(next.folded);
                a.person_next = !a.org_next && !all_caps_word(std::string_view(doc.text).substr(
                                                   next.span.start, next.span.size()));
            }
        }
    }
    // A name used once as a person's ("Boris Johnson", "Mr Johnson") is a
    // person's all through the article ("Johnson said").
    std::pmr::vector<bool> person_name(n, false, &arena);  // by name id
    for (std::size_t k = 0; k < n; ++k) {
        if (around[k].after_name || around[k].titled) person_name[name_of[k]] = true;
    }
    for (std::size_t k = 0; k < n; ++k) {
        if (person_name[name_of[k]]) around[k].person_next = true;
    }
    // "Beverly Hills, California", "Kingston, Jamaica": a name followed by a
    // comma and the name of a province or country says which one it is.
    std::pmr::vector<bool> qualified_by_next(n, false, &arena);
    for (std::size_t k = 0; k + 1 < n; ++k) {
        const std::size_t a = mentions[k].span.end, b = mentions[k + 1].span.start;
        if (b <= a + 1 || doc.text[a] != ',') continue;
        qualified_by_next[k] = std::all_of(doc.text.begin() + static_cast<std::ptrdiff_t>(a + 1),
                                           doc.text.begin() + static_cast<std::ptrdiff_t>(b),
                                           [](char c) { return c == ' ' || c == '\t'; });
    }
    // "EDMONTON, Ky. (WBKO)", "Nelson, B.C.": a newsroom abbreviation of a
    // state or province after the comma names no place of its own (the
    // matcher does not take "Ky." as a name), yet says which town this is.
    std::pmr::vector<std::pmr::vector<Candidate>> abbreviated_after(n, &arena);
    for (std::size_t k = 0; k < n; ++k) {
        std::string_view after = std::string_view(doc.text).substr(mentions[k].span.end);
        if (!after.starts_with(", ")) continue;
        after.remove_prefix(2);
        const std::size_t len = after.find_first_of(" \t\n,;:)(");
        std::string_view word = after.substr(0, len);
        if (word.size() < 2 || word.size() > 7 || word[0] < 'A' || word[0] > 'Z') continue;
        std::string key = fold(word);
        auto refs = gaz.find_folded(key);
        if (refs.empty() && key.back() == '.') refs = gaz.find_folded(key.substr(0, key.size() - 1));
        for (const auto& r : refs) {
            if (gaz.entry(r.entry).kind == PlaceKind::admin1) abbreviated_after[k].push_back(candidate(r.entry));
        }
    }
    // "The English city of Salisbury", "the Syrian province of Idlib": a
    // country, nation or province, a word for a kind of place and "of" before
    // a name say which one it is, as a comma after it does.
    std::pmr::vector<std::int64_t> qualifier_before(n, -1, &arena);
    for (std::size_t k = 1; k < n; ++k) {
        const auto first = around[k].first;
        const auto prev_end = around[k - 1].last;
        if (first < 3 || prev_end < 0 || first - prev_end < 3 || first - prev_end > 5) continue;
        const auto& t = doc.tokens;
        const auto at = [&](std::int64_t i) -> const Token& { return t[static_cast<std::size_t>(i)]; };
        if (at(first - 1).folded != "of" || !is_kind_of_place(at(first - 2).folded)) continue;
        bool plain = true;  // only lower-case words between ("border town", "market town")
        for (auto i = prev_end + 1; i < first; ++i) plain = plain && at(i).is_word && !at(i).capitalised;
        if (plain) qualifier_before[k] = static_cast<std::int64_t>(k - 1);
    }
    // A list, though, can name a city after a city of the same province:
    // "Toronto, Ottawa, Montreal, Quebec and Halifax" is not Montreal's
    // province. A run of names joined by commas that goes on with "and" and a
    // name, or has four names or more, is a list; in a list a name is not read
    // as the province of the name before it (a town before a province or
    // country is still read as in it: "Nashville and Cordova, Tennessee").
    std::pmr::vector<bool> in_list(n, false, &arena);
    for (std::size_t k = 0; k < n;) {
        std::size_t last = k;
        while (last + 1 < n && qualified_by_next[last]) ++last;
        bool list = last - k + 1 >= 4;
        if (last + 1 < n && last > k) {
            std::string_view gap(doc.text.data() + mentions[last].span.end,
                                 mentions[last + 1].span.start - mentions[last].span.end);
            if (gap.starts_with(",")) gap.remove_prefix(1);
            list = list || gap == " and " || gap == " or " || gap == " & ";
        }
        if (list) {
            for (std::size_t i = k; i <= last; ++i) in_list[i] = true;
        }
        k = last + 1;
    }
    // Support for each country from the article: first from the country
    // names, then (second pass) from every resolved place. Votes are code
    // keys, 0 (the key of "") for none.
    Tally support(&arena);
    std::pmr::vector<std::uint64_t> voted(n, 0, &arena);
    // Votes counted per name as well: a town's own repetitions are no
    // evidence for its country ("Montana" said twice must not put the small
    // Bulgarian town in context). Larger units keep the plain count: a
    // province named five times is what the article is about.
    CountsByName votes_by_name(&arena);
    for (std::size_t k = 0; k < n; ++k) {
        // A demonym shared by several countries ("French": France and the
        // French Southern Lands) votes for the largest of them, not for
        // whichever the index lists first.
        int best_rank = 0;
        for (const Candidate& c : candidates_of(k)) {
            if (c.entry.kind == PlaceKind::country && (voted[k] == 0 || c.entry.rank < best_rank)) {
                voted[k] = c.country;
                best_rank = c.entry.rank;
            }
        }
        if (voted[k] != 0) {
            ++support[voted[k]];
            votes_by_name.add(name_of[k], voted[k]);
        }
    }
    // A state abbreviation ("Mont.") names no place, yet says which country
    // the article is about, in both passes.
    auto add_abbreviation_support = [&] {
        for (std::size_t k = 0; k < n; ++k) {
            if (abbreviated_after[k].size() == 1) ++support[abbreviated_after[k].front().country];
        }
    };
    add_abbreviation_support();
    std::pmr::vector<std::int64_t> chosen(n, -1, &arena);
    std::pmr::vector<const Candidate*> chosen_entry(n, nullptr, &arena);  // decoded, of chosen[k]
    std::pmr::vector<double> chosen_score(n, 0, &arena), chosen_total(n, 0, &arena);
    std::pmr::vector<std::uint64_t> admin1_countries(&arena);  // of one mention's candidates, reused
    for (int pass = 0; pass < 2; ++pass) {
        // Places already placed (non-country), for the nearness bonus: each
        // place once, with its first mention and how often it was chosen.
        // Scoring every mention against every other was quadratic (a 1 MB
        // run of repeated names took 76 s); the first 256 places are plenty
        // of context, and each candidate's near places are found once.
        struct Anchor {
            std::uint32_t entry;
            std::size_t first_mention;
            std::size_t count;
            double lon, lat;  // of the entry, so candidates need not decode it again
        };
        std::pmr::vector<Anchor> anchors(&arena);
        std::pmr::unordered_map<std::uint32_t, std::size_t> anchor_of(&arena);
        std::pmr::unordered_map<std::uint32_t, std::pmr::vector<std::size_t>> near_anchors(&arena);  // candidate -> anchors within 300 km
        // Entries a "Town, Province" pair settles, for every mention of the
        // name in the article (the same name is the same place all through).
        // A mention's own pair outranks its name's: "Birmingham, England ...
        // Birmingham, Alabama" are two places. Short lists, only asked
        // whether they hold an entry.
        std::pmr::vector<std::pmr::vector<std::uint32_t>> settled(n, &arena);  // by name id
        std::pmr::vector<std::pmr::vector<std::uint32_t>> settled_here(n, &arena);
        auto settle = [&](std::size_t k, std::uint32_t entry) {
            settled[name_of[k]].push_back(entry);
            settled_here[k].push_back(entry);
        };
        // Provinces the article is about (named, or holding a place it names),
        // counted per name as country support is.
        Tally province_support(&arena);
        CountsByName provinces_by_name(&arena);
        if (pass == 1) {
            // The candidates of mention k that lie in the entry chosen for mention j.
            auto settle_within = [&](std::size_t k, std::size_t j) {
                if (!chosen_entry[j]) return;
                const Entry& b = chosen_entry[j]->entry;
                const auto entries = candidates_of(k);
                for (std::size_t c = 0; c < entries.size(); ++c) {
                    if (lies_in(entries[c].entry, b)) settle(k, mentions[k].candidates[c].entry);
                }
            };
            for (std::size_t k = 0; k < n; ++k) {
                // The first pass's choices on either side decide the other side.
                if (k + 1 < n && qualified_by_next[k]) settle_within(k, k + 1);
                // "Athens, Georgia": the pair may agree on readings neither
                // side would take alone (the Greek capital, the country).
                if (k + 1 < n && qualified_by_next[k] && !in_list[k]) {
                    const auto here = candidates_of(k), next = candidates_of(k + 1);
                    for (std::size_t cb = 0; cb < next.size(); ++cb) {
                        const Entry& b = next[cb].entry;
                        if (b.kind != PlaceKind::admin1 && b.kind != PlaceKind::country) continue;
                        for (std::size_t ca = 0; ca < here.size(); ++ca) {
                            if (!lies_in(here[ca].entry, b)) continue;
                            settle(k, mentions[k].candidates[ca].entry);
                            settle(k + 1, mentions[k + 1].candidates[cb].entry);
                        }
                    }
                }
                for (const Candidate& province : abbreviated_after[k]) {
                    const auto entries = candidates_of(k);
                    for (std::size_t c = 0; c < entries.size(); ++c) {
                        if (lies_in(entries[c].entry, province.entry)) settle(k, mentions[k].candidates[c].entry);
                    }
                }
                if (qualifier_before[k] >= 0) settle_within(k, static_cast<std::size_t>(qualifier_before[k]));
                if (k + 1 < n && qualified_by_next[k] && chosen_entry[k] && !in_list[k]) {
                    const Entry& a = chosen_entry[k]->entry;
                    const auto next = candidates_of(k + 1);
                    for (std::size_t c = 0; c < next.size(); ++c) {
                        if (lies_in(a, next[c].entry)) settle(k + 1, mentions[k + 1].candidates[c].entry);
                    }
                }
            }
            for (std::size_t k = 0; k < n; ++k) {
                if (!chosen_entry[k]) continue;
                const Entry& e = chosen_entry[k]->entry;
                if (e.admin1.empty() || (e.kind != PlaceKind::place && e.kind != PlaceKind::admin1)) continue;
                ++province_support[chosen_entry[k]->admin1];
                provinces_by_name.add(name_of[k], chosen_entry[k]->admin1);
            }
            // "HELENA, Mont. (AP)": the state of the dateline is what the
            // story is about, whichever Helena the matcher offers.
            for (std::size_t k = 0; k < n; ++k) {
                if (abbreviated_after[k].size() == 1) ++province_support[abbreviated_after[k].front().admin1];
            }
            for (std::size_t k = 0; k < n; ++k) {
                if (!chosen_entry[k]) continue;
                const auto idx = static_cast<std::uint32_t>(chosen[k]);
                const Entry& e = chosen_entry[k]->entry;
                if (e.kind != PlaceKind::place && e.kind != PlaceKind::admin1) continue;
                if (const auto it = anchor_of.find(idx); it != anchor_of.end()) {
                    ++anchors[it->second].count;
                } else if (anchors.size() < 256) {
                    anchor_of.emplace(idx, anchors.size());
                    anchors.push_back({idx, k, 1, e.lon, e.lat});
                }
            }
        }
        for (std::size_t k = 0; k < n; ++k) {
            const Mention& m = mentions[k];
            const Around& a = around[k];
            const auto entries = candidates_of(k);
            double best = 0, total = 0;
            const Candidate* best_entry = nullptr;
            std::uint32_t best_index = 0;
            bool has_capital = false, has_place = false, has_feature = false;
            admin1_countries.clear();
            for (const Candidate& c : entries) {
                has_capital = has_capital || c.entry.capital;
                has_place = has_place || c.entry.kind == PlaceKind::place;
                has_feature = has_feature || c.entry.kind == PlaceKind::feature;
                if (c.entry.kind == PlaceKind::admin1) admin1_countries.push_back(c.country);
            }
            const std::string& folded_text = folded_texts[k];
            const auto& settled_name = settled[name_of[k]];
            const std::pmr::vector<std::uint32_t>* settles = !settled_here[k].empty() ? &settled_here[k]
                                                        : settled_name.empty()    ? nullptr
                                                                                  : &settled_name;
            for (std::size_t c = 0; c < entries.size(); ++c) {
                const NameRef& r = m.candidates[c];
                const Entry& e = entries[c].entry;
                const std::uint64_t country = entries[c].country, admin1 = entries[c].admin1;
                int ctx = 0;
                if (const auto it = support.find(country); it != support.end()) {
                    ctx = it->second - (voted[k] == country ? 1 : 0);
                    if (e.kind == PlaceKind::place) {
                        // The name's own votes, when it cast any, instead of this one's.
                        if (const int own = votes_by_name.count(name_of[k], country); own > 0) ctx = it->second - own;
                    }
                }
                const bool in_context = ctx > 0;
                double s = 0;
                switch (e.kind) {
                    case PlaceKind::country:
                        s = 10 - 0.3 * e.rank + 1.5 * std::min(ctx, 3);
                        // "Chad Smith scored": a first name opening the sentence.
                        if (a.titled || a.after_name || (a.person_next && a.at_start)) s = 0;
                        // A country's name in another language that is also a
                        // capital in English ("Tunis"): the city.
                        if (r.role == NameRole::name && has_capital && fold(e.name) != folded_text) s -= 5;
                        break;
                    case PlaceKind::region: s = 8; break;
                    // A dispute named after its main town ("Stepanakert"): the town.
                    // An island or pass the dispute is named after ("Kunashir"): the feature.
                    case PlaceKind::dispute: s = has_place || has_feature ? 2 : 9; break;
                    case PlaceKind::feature:
                        // Border features have specific names: a strong reading when
                        // the article is about the country, or when the name has
                        // several words ("Second Thomas Shoal"); a one-word name
                        // out of context ("Rhodes") is left alone.
                        s = in_context ? 7 - 0.5 * e.rank
                            : folded_text.find(' ') != std::string::npos ? 6 - 0.5 * e.rank
                                                                          : 0;
                        if (a.common) s -= 3;
                        break;
                    case PlaceKind::admin1:
                        // "West", "Western": compass words name provinces only in context.
                        s = in_context ? 8 + 0.5 * std::min(ctx, 4) : a.common ? 0 : 3;
                        // A story is filed from a city: "NEW YORK (AP)" is not the state.
                        if (a.dateline && has_place) s = 0;
                        break;
                    case PlaceKind::water:
                        s = a.river_word || a.names_water ? 9 : e.rank == 0 ? 6 : e.rank <= 1 ? 3 : 1;
                        break;
                    case PlaceKind::place:
                        if (e.rank >= 12) {
                            // GeoNames town: only in a country the article is about,
                            // and not a capitalised word opening a sentence.
                            s = in_context && !a.at_start && !a.common ? 3 : 0;
                        } else {
                            s = 2 + std::log10(static_cast<double>(e.population) + 10) / 2 + (e.capital ? 2.5 : 0) +
                                (in_context ? 3 : 0) - e.rank * 0.15 + (e.population >= 1000000 ? 2 : 0);
                            if (!in_context && e.population < 100000 && !e.capital) s = 0;
                            if (a.at_start && !in_context && !e.capital) s *= 0.5;
                            if (a.common) s -= 2;
                            // "Kandahar": the city more often than its province,
                            // when the city is a reading at all ("Montana" is
                            // not the small Bulgarian town just because
                            // Bulgaria has a province of that name too).
                            if (s > 0 && std::ranges::find(admin1_countries, country) != admin1_countries.end()) s += 2.5;
                        }
                        break;
                }
                if (settles && std::ranges::find(*settles, r.entry) != settles->end()) {
                    // Stated outright: stronger than size or fame ("Paris, Texas",
                    // "LONDON, Ky.").
                    s = std::max(s, 3.0) + 20;
                }
                if (e.kind == PlaceKind::place && s > 0 && !e.admin1.empty() && !province_support.empty()) {
                    // In a province the article names or places other names
                    // in: the Brooklyn of a New York story.
                    if (const auto it = province_support.find(admin1); it != province_support.end()) {
                        if (it->second - provinces_by_name.count(name_of[k], admin1) > 0) s += 3.5;
                    }
                }
                if (s > 0 && e.kind != PlaceKind::country && e.kind != PlaceKind::region) {
                    if (a.titled || a.after_name || a.person_next || a.org_next || a.saints) s = 0;
                    // (No anchors in the first pass: nothing to look for.)
                    if (!anchors.empty()) {
                        auto found = near_anchors.find(r.entry);
                        if (found == near_anchors.end()) {
                            std::pmr::vector<std::size_t> near(&arena);
                            for (std::size_t i = 0; i < anchors.size(); ++i) {
                                const Anchor& o = anchors[i];
                                if (anchors[i].entry != r.entry && within_km(e.lon, e.lat, o.lon, o.lat, 300)) {
                                    near.push_back(i);
                                }
                            }
                            found = near_anchors.emplace(r.entry, std::move(near)).first;
                        }
                        // Near another place of the article, not only this mention's own choice.
                        for (const std::size_t i : found->second) {
                            if (anchors[i].count > 1 || anchors[i].first_mention != k) {
                                s += 1;
                                break;
                            }
                        }
                    }
                }
                if (a.shouting && e.kind != PlaceKind::country) s = 0;
                total += std::max(0.0, s);
                if (s > best) {
                    best = s;
                    best_entry = &entries[c];
                    best_index = r.entry;
                }
            }
            const bool resolved = best >= 2.5 && best_entry;
            chosen[k] = resolved ? std::int64_t{best_index} : -1;
            chosen_entry[k] = resolved ? best_entry : nullptr;
            chosen_score[k] = best;
            chosen_total[k] = total;
        }
        // Second pass: every resolved place supports its country.
        support.clear();
        votes_by_name.clear();
        for (std::size_t k = 0; k < n; ++k) {
            voted[k] = 0;
            if (!chosen_entry[k] || chosen_entry[k]->country == 0) continue;
            voted[k] = chosen_entry[k]->country;
            ++support[voted[k]];
            votes_by_name.add(name_of[k], voted[k]);
        }
        add_abbreviation_support();
    }
    // One place per chosen entry with all its mentions: the resolved
    // mentions sorted by entry, each entry's in text order, are the places.
    std::pmr::vector<std::size_t> resolved(&arena);
    for (std::size_t k = 0; k < n; ++k) {
        if (chosen[k] >= 0) resolved.push_back(k);
    }
    std::ranges::sort(resolved, [&](std::size_t a, std::size_t b) {
        return chosen[a] != chosen[b] ? chosen[a] < chosen[b] : a < b;
    });
    std::vector<Place> out;
    for (auto group = resolved.begin(); group != resolved.end();) {
        const auto idx = chosen[*group];
        const auto end = std::find_if(group, resolved.end(), [&](std::size_t k) { return chosen[k] != idx; });
        Place& p = out.emplace_back();
        p.entry = static_cast<std::uint32_t>(idx);
        p.mentions.reserve(static_cast<std::size_t>(end - group));
        for (; group != end; ++group) {
            const std::size_t k = *group;
            const double share = chosen_score[k] / chosen_total[k];
            const double strength = std::min(1.0, chosen_score[k] / 10.0);
            p.confidence = std::max(p.confidence, std::round(100 * (0.5 * share + 0.5 * strength)) / 100);
            p.mentions.push_back(mentions[k]);
        }
    }
    std::sort(out.begin(), out.end(), [](const Place& a, const Place& b) {
        return a.mentions.front().span.start < b.mentions.front().span.start;
    });
    return out;
}

}  // namespace borderline
