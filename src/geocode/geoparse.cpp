// Mentions -> Places: longest-match lookup of token windows in the gazetteer,
// then a choice among the candidates of each mention using the article's
// context (countries named, population and rank, sentence position).
#include <borderline/fold.hpp>
#include <borderline/geoparse.hpp>

#include "geocode/score.hpp"
#include "geocode/temporal.hpp"

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

std::vector<Mention> find_mentions(const Document& doc, const Gazetteer& gaz, std::size_t limit) {
    std::vector<Mention> out;
    // Views, not references to the document's members: as the loop appends
    // to `out`, the compiler would load their size and data again for every
    // token.
    const std::span<const Token> toks = doc.tokens;
    const std::string_view text = doc.text;
    const std::size_t max_words = std::min<std::size_t>(gaz.max_words(), 8);
    std::string joined;  // the key once it has more than the first word
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
        "mr",          "mrs",          "ms",      "miss",       "dr",       "sir",        "lady",        "lord",
        "president",   "senator",      "sen",     "rep",        "gov",      "governor",   "minister",    "spokesman",
        "spokeswoman", "spokesperson", "coach",   "player",     "captain",  "judge",      "general",     "gen",
        "colonel",     "col",          "officer", "sergeant",   "sgt",      "detective",  "professor",   "prof",
        "reverend",    "rev",          "pastor",  "father",     "brother",  "sister",     "uncle",       "aunt",
        "king",        "queen",        "prince",  "princess",   "pope",     "saint",      "chairman",    "ceo",
        "director",    "manager",      "striker", "midfielder", "defender", "goalkeeper", "quarterback", "guard",
        "forward",     "actor",        "actress", "singer",     "rapper",   "dear"};
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return titles.contains(w);
}

// Words after a name that make it an organisation or a thing, not the place.
bool is_non_place_head(std::string_view w) {
    static const std::unordered_set<std::string_view> heads{
        "post",     "times",     "journal", "herald", "tribune", "news",    "daily",   "university", "college",
        "school",   "institute", "club",    "fc",     "united",  "city",    "street",  "avenue",     "road",
        "hotel",    "airport",   "station", "park",   "square",  "theatre", "theater", "center",     "centre",
        "hospital", "church",    "stadium", "bridge", "company", "corp",    "inc",     "ltd",        "group",
        "bank",     "airlines",  "airways", "motors", "records", "press"};
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
    return after.starts_with("(") || after.starts_with(",") || after.starts_with("-") || after.starts_with("\u2014") ||
           after.starts_with("\u2013");
}

// Whether tokens first..last are two words or more, each capitalised, the
// first no article and no compass word ("Garden City", not "The City" or
// "West Coast", which stay the common phrases they are).
bool title_case_name(const Document& doc, std::int64_t first, std::int64_t last) {
    static const std::unordered_set<std::string_view> openers{
        "the",      "a",       "an",      "and",       "north",     "south",     "east",     "west",  "northern",
        "southern", "eastern", "western", "far",       "near",      "central",   "middle",   "upper", "lower",
        "inner",    "outer",   "greater", "northwest", "northeast", "southwest", "southeast"};
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
    static const std::unordered_set<std::string_view> kinds{"city",   "town",     "village",  "capital",      "port",
                                                            "suburb", "district", "province", "region",       "state",
                                                            "county", "island",   "resort",   "municipality", "hamlet"};
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

// Facts about a mention's surroundings: its tokens and the context its
// candidates are scored in.
struct Around {
    std::int64_t first = -1, last = -1;  // the mention's first and last token (-1: none there)
    MentionContext ctx;
};

// Places already placed (non-country), for the nearness bonus: each place
// once, with its first mention and how often it was chosen.
struct Anchor {
    std::uint32_t entry;
    std::size_t first_mention;
    std::size_t count;
    double lon, lat;  // of the entry, so candidates need not decode it again
};

// The resolution of one article's mentions, as named steps. The tables live
// as long as the resolver: they take their memory from one arena, a block on
// the stack first, instead of a malloc and a free for every vector, hash node
// and bucket array (a sixth of the work went to those).
class Resolver {
public:
    Resolver(const Document& doc, const Gazetteer& gaz, const std::vector<Mention>& mentions)
        : doc_(doc), gaz_(gaz), mentions_(mentions), n_(mentions.size()) {}

    std::vector<Place> run() {
        name_mentions();
        decode_candidates();
        read_surroundings();
        spread_person_names();
        find_qualifiers();
        mark_lists();
        count_country_names();
        for (int pass = 0; pass < 2; ++pass) {
            PassTables t(&arena_, n_);
            // (No choices in the first pass: nothing to settle or be near.)
            if (pass == 1) {
                settle_from_qualifiers(t);
                count_provinces(t);
                place_anchors(t);
            }
            choose(t);
            count_resolved_support();
        }
        return group_places();
    }

private:
    // Tables of one scoring pass, made from the previous pass's choices.
    struct PassTables {
        PassTables(std::pmr::memory_resource* m, std::size_t n)
            : anchors(m),
              anchor_of(m),
              near_anchors(m),
              settled(n, m),
              settled_here(n, m),
              province_support(m),
              provinces_by_name(m) {}
        // Scoring every mention against every other was quadratic (a 1 MB
        // run of repeated names took 76 s); the first 256 places are plenty
        // of context, and each candidate's near places are found once.
        std::pmr::vector<Anchor> anchors;
        std::pmr::unordered_map<std::uint32_t, std::size_t> anchor_of;
        std::pmr::unordered_map<std::uint32_t, std::pmr::vector<std::size_t>>
            near_anchors;  // candidate -> anchors within 300 km
        // Entries a "Town, Province" pair settles, for every mention of the
        // name in the article (the same name is the same place all through).
        // A mention's own pair outranks its name's: "Birmingham, England ...
        // Birmingham, Alabama" are two places. Short lists, only asked
        // whether they hold an entry.
        std::pmr::vector<std::pmr::vector<std::uint32_t>> settled;  // by name id
        std::pmr::vector<std::pmr::vector<std::uint32_t>> settled_here;
        // Provinces the article is about (named, or holding a place it names),
        // counted per name as country support is.
        Tally province_support;
        CountsByName provinces_by_name;
    };

    // Element i of this is mentions_[k].candidates[i] decoded.
    std::span<const Candidate> candidates_of(std::size_t k) const {
        return std::span<const Candidate>(decoded_).subspan(decoded_at_[k], mentions_[k].candidates.size());
    }
    Candidate candidate(std::uint32_t entry) {
        Candidate c{gaz_.entry(entry)};
        c.country = codes_(c.entry.country);
        c.admin1 = codes_(c.entry.admin1);
        return c;
    }
    const Token& token(std::int64_t i) const { return doc_.tokens[static_cast<std::size_t>(i)]; }
    // Token lookup by byte offset (tokens are in text order).
    std::int64_t token_index_at(std::size_t byte) const {
        const auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), byte,
                                         [](const Token& t, std::size_t b) { return t.span.start < b; });
        return it != doc_.tokens.end() && it->span.start == byte ? it - doc_.tokens.begin() : -1;
    }
    std::int64_t token_ending_at(std::size_t byte) const {
        auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), byte,
                                   [](const Token& t, std::size_t b) { return t.span.end < b; });
        return it != doc_.tokens.end() && it->span.end == byte ? it - doc_.tokens.begin() : -1;
    }
    bool is_water_word(std::int64_t t) const {
        if (t < 0 || t >= static_cast<std::int64_t>(doc_.tokens.size())) return false;
        const Token& k = token(t);
        const std::string_view f = k.folded;
        return k.is_word &&
               (f == "river" || f == "lake" || f == "sea" || f == "valley" || f == "basin" || f == "delta");
    }

    // Each mention's folded text; mentions of one name (folded text) share
    // an id, the index of the first of them, which keys the per-name tables.
    void name_mentions() {
        folded_texts_.resize(n_);
        for (std::size_t k = 0; k < n_; ++k) fold_into(mentions_[k].text, folded_texts_[k]);
        name_of_.resize(n_);
        std::pmr::unordered_map<std::string_view, std::size_t> first_of_name(&arena_);
        first_of_name.reserve(n_);
        for (std::size_t k = 0; k < n_; ++k) name_of_[k] = first_of_name.try_emplace(folded_texts_[k], k).first->second;
    }

    // The candidates' entries, decoded once for all the steps below (each
    // decode is a cache miss in the gazetteer's records); mentions of one
    // name share them.
    void decode_candidates() {
        std::size_t all_candidates = 0;
        for (const auto& m : mentions_) all_candidates += m.candidates.size();
        decoded_.reserve(all_candidates);
        decoded_at_.resize(n_);
        for (std::size_t k = 0; k < n_; ++k) {
            const auto& refs = mentions_[k].candidates;
            const std::size_t j = name_of_[k];
            if (j != k && std::ranges::equal(refs, mentions_[j].candidates, {}, &NameRef::entry, &NameRef::entry)) {
                decoded_at_[k] = decoded_at_[j];
                continue;
            }
            decoded_at_[k] = decoded_.size();
            for (const auto& r : refs) decoded_.push_back(candidate(r.entry));
        }
    }

    // The words around each mention: sentence start, capitals, titles and
    // names before, heads after, water words.
    void read_surroundings() {
        around_.resize(n_);
        for (std::size_t k = 0; k < n_; ++k) {
            const Mention& m = mentions_[k];
            Around& ar = around_[k];
            MentionContext& a = ar.ctx;
            const std::string& f = folded_texts_[k];
            a.folded_text = f;
            for (const Candidate& c : candidates_of(k)) {
                a.has_capital = a.has_capital || c.entry.capital;
                a.has_place = a.has_place || c.entry.kind == PlaceKind::place;
                a.has_admin1 = a.has_admin1 || c.entry.kind == PlaceKind::admin1;
                a.has_feature = a.has_feature || c.entry.kind == PlaceKind::feature;
            }
            const auto first = ar.first = token_index_at(m.span.start);
            const auto last = ar.last = token_ending_at(m.span.end);
            a.at_start = first >= 0 && token(first).sentence_start;
            // Capitals are shouting ("BREAKING NEWS"), except in a dateline.
            // "Garden City", "Little Rock", "Long Beach": common words, each
            // capitalised, make a proper name; "The City" is still the phrase.
            a.common = m.common_word && !title_case_name(doc_, first, last);
            a.dateline = is_dateline(doc_.text, m.span, a.at_start);
            a.temporal = is_temporal(doc_, first, last);
            a.kind_cue = kind_cue(first, last);
            // "The city of Bender": a common word named as a place is a name.
            if (a.kind_cue != KindCue::none) a.common = false;
            a.shouting = all_caps_word(m.text) && m.text.size() > 3 && !a.dateline;
            // "St. Peter's Basilica", "St Patrick's": a saint in the possessive
            // names a church, school or hospital, not the parish called after him.
            const bool saint = f.rfind("st ", 0) == 0 || f.rfind("st. ", 0) == 0 || f.rfind("saint ", 0) == 0;
            const std::string_view after = std::string_view(doc_.text).substr(m.span.end);
            a.saints = saint && (after.starts_with("'s") || after.starts_with("\u2019s"));
            a.river_word = (last >= 0 && is_water_word(last + 1)) || (first > 0 && is_water_word(first - 1));
            a.names_water = f.find("river") != std::string::npos || f.find("lake") != std::string::npos;
            if (first > 0) {
                const Token& prev = token(first - 1);
                a.titled = prev.is_word && is_title_word(prev.folded);
                // "Michael Jordan": a capitalised word that is no place, right before.
                const bool prev_is_mention = k > 0 && mentions_[k - 1].span.end == prev.span.end;
                // A word right after a live blog's timestamp opens its entry
                // ("9.05am: The United States said") as a sentence would.
                const bool opens_entry = prev.span.start > 0 && doc_.shape.is_furniture(prev.span.start - 1);
                a.after_name = prev.is_word && prev.capitalised && !prev.sentence_start && !prev_is_mention &&
                               !opens_entry && prev.span.end + 1 == m.span.start && !a.titled;
            }
            if (last >= 0 && static_cast<std::size_t>(last + 1) < doc_.tokens.size()) {
                const Token& next = token(last + 1);
                const bool next_is_mention = k + 1 < n_ && mentions_[k + 1].span.start == next.span.start;
                if (next.is_word && next.capitalised && next.span.start == m.span.end + 1 &&
                    (!next_is_mention || a.at_start)) {
                    a.org_next = is_non_place_head(next.folded);
                    a.person_next = !a.org_next && !all_caps_word(std::string_view(doc_.text).substr(next.span.start,
                                                                                                     next.span.size()));
                }
            }
        }
    }

    // The kind of place the words next to a name give it: "the town of X",
    // "X district", "the province of X".
    KindCue kind_cue(std::int64_t first, std::int64_t last) const {
        static const std::unordered_set<std::string_view> settlements{"town",    "village",    "city", "hamlet",
                                                                      "townlet", "settlement", "port"};
        static const std::unordered_set<std::string_view> provinces{
            "province", "region", "district", "governorate", "oblast",       "state", "county", "prefecture",
            "raion",    "rayon",  "canton",   "department",  "municipality", "krai",  "emirate"};
        auto cue = [&](std::string_view w) {
            return settlements.contains(w) ? KindCue::settlement
                   : provinces.contains(w) ? KindCue::province
                                           : KindCue::none;
        };
        if (first >= 2 && token(first - 1).folded == "of" && token(first - 2).is_word) {
            if (const KindCue k = cue(token(first - 2).folded); k != KindCue::none) return k;
        }
        // "Batken district", "Idlib province"; not "Jerusalem city council".
        if (last >= 0 && static_cast<std::size_t>(last + 1) < doc_.tokens.size() && token(last + 1).is_word) {
            const KindCue k = cue(token(last + 1).folded);
            if (k == KindCue::province) return k;
        }
        return KindCue::none;
    }

    // A name used once as a person's ("Boris Johnson", "Mr Johnson") is a
    // person's all through the article ("Johnson said").
    void spread_person_names() {
        std::pmr::vector<bool> person_name(n_, false, &arena_);  // by name id
        for (std::size_t k = 0; k < n_; ++k) {
            if (around_[k].ctx.after_name || around_[k].ctx.titled) person_name[name_of_[k]] = true;
        }
        for (std::size_t k = 0; k < n_; ++k) {
            if (person_name[name_of_[k]]) around_[k].ctx.person_next = true;
        }
    }

    // Names that say which of its readings another name is.
    void find_qualifiers() {
        // "Beverly Hills, California", "Kingston, Jamaica": a name followed by a
        // comma and the name of a province or country says which one it is.
        qualified_by_next_.assign(n_, false);
        for (std::size_t k = 0; k + 1 < n_; ++k) {
            const std::size_t a = mentions_[k].span.end, b = mentions_[k + 1].span.start;
            if (b <= a + 1 || doc_.text[a] != ',') continue;
            qualified_by_next_[k] = std::all_of(doc_.text.begin() + static_cast<std::ptrdiff_t>(a + 1),
                                                doc_.text.begin() + static_cast<std::ptrdiff_t>(b),
                                                [](char c) { return c == ' ' || c == '\t'; });
        }
        // "EDMONTON, Ky. (WBKO)", "Nelson, B.C.": a newsroom abbreviation of a
        // state or province after the comma names no place of its own (the
        // matcher does not take "Ky." as a name), yet says which town this is.
        abbreviated_after_.resize(n_);
        for (std::size_t k = 0; k < n_; ++k) {
            std::string_view after = std::string_view(doc_.text).substr(mentions_[k].span.end);
            if (!after.starts_with(", ")) continue;
            after.remove_prefix(2);
            const std::size_t len = after.find_first_of(" \t\n,;:)(");
            std::string_view word = after.substr(0, len);
            if (word.size() < 2 || word.size() > 7 || word[0] < 'A' || word[0] > 'Z') continue;
            std::string key = fold(word);
            auto refs = gaz_.find_folded(key);
            if (refs.empty() && key.back() == '.') refs = gaz_.find_folded(key.substr(0, key.size() - 1));
            for (const auto& r : refs) {
                if (gaz_.entry(r.entry).kind == PlaceKind::admin1) abbreviated_after_[k].push_back(candidate(r.entry));
            }
        }
        // "The English city of Salisbury", "the Syrian province of Idlib": a
        // country, nation or province, a word for a kind of place and "of" before
        // a name say which one it is, as a comma after it does.
        qualifier_before_.assign(n_, -1);
        for (std::size_t k = 1; k < n_; ++k) {
            const auto first = around_[k].first;
            const auto prev_end = around_[k - 1].last;
            if (first < 3 || prev_end < 0 || first - prev_end < 3 || first - prev_end > 5) continue;
            if (token(first - 1).folded != "of" || !is_kind_of_place(token(first - 2).folded)) continue;
            bool plain = true;  // only lower-case words between ("border town", "market town")
            for (auto i = prev_end + 1; i < first; ++i) plain = plain && token(i).is_word && !token(i).capitalised;
            if (plain) qualifier_before_[k] = static_cast<std::int64_t>(k - 1);
        }
    }

    // A list, though, can name a city after a city of the same province:
    // "Toronto, Ottawa, Montreal, Quebec and Halifax" is not Montreal's
    // province. A run of names joined by commas that goes on with "and" and a
    // name, or has four names or more, is a list; in a list a name is not read
    // as the province of the name before it (a town before a province or
    // country is still read as in it: "Nashville and Cordova, Tennessee").
    void mark_lists() {
        in_list_.assign(n_, false);
        for (std::size_t k = 0; k < n_;) {
            std::size_t last = k;
            while (last + 1 < n_ && qualified_by_next_[last]) ++last;
            bool list = last - k + 1 >= 4;
            if (last + 1 < n_ && last > k) {
                std::string_view gap(doc_.text.data() + mentions_[last].span.end,
                                     mentions_[last + 1].span.start - mentions_[last].span.end);
                if (gap.starts_with(",")) gap.remove_prefix(1);
                list = list || gap == " and " || gap == " or " || gap == " & ";
            }
            if (list) {
                for (std::size_t i = k; i <= last; ++i) in_list_[i] = true;
            }
            k = last + 1;
        }
    }

    // Support for each country from the article: first from the country
    // names (here), then (count_resolved_support) from every resolved place.
    // Votes are code keys, 0 (the key of "") for none. Votes are counted per
    // name as well: a town's own repetitions are no evidence for its country
    // ("Montana" said twice must not put the small Bulgarian town in
    // context). Larger units keep the plain count: a province named five
    // times is what the article is about.
    void count_country_names() {
        voted_.assign(n_, 0);
        for (std::size_t k = 0; k < n_; ++k) {
            // A demonym shared by several countries ("French": France and the
            // French Southern Lands) votes for the largest of them, not for
            // whichever the index lists first.
            int best_rank = 0;
            for (const Candidate& c : candidates_of(k)) {
                if (c.entry.kind == PlaceKind::country && (voted_[k] == 0 || c.entry.rank < best_rank)) {
                    voted_[k] = c.country;
                    best_rank = c.entry.rank;
                }
            }
            if (voted_[k] != 0) {
                ++support_[voted_[k]];
                votes_by_name_.add(name_of_[k], voted_[k]);
            }
        }
        add_abbreviation_support();
    }

    // A state abbreviation ("Mont.") names no place, yet says which country
    // the article is about, in both passes.
    void add_abbreviation_support() {
        for (std::size_t k = 0; k < n_; ++k) {
            if (abbreviated_after_[k].size() == 1) ++support_[abbreviated_after_[k].front().country];
        }
    }

    // Every resolved place supports its country.
    void count_resolved_support() {
        support_.clear();
        votes_by_name_.clear();
        for (std::size_t k = 0; k < n_; ++k) {
            voted_[k] = 0;
            if (!chosen_entry_[k] || chosen_entry_[k]->country == 0) continue;
            voted_[k] = chosen_entry_[k]->country;
            ++support_[voted_[k]];
            votes_by_name_.add(name_of_[k], voted_[k]);
        }
        add_abbreviation_support();
    }

    // The qualifiers found above, read with the first pass's choices: which
    // entries of a name they settle.
    void settle_from_qualifiers(PassTables& t) {
        auto settle = [&](std::size_t k, std::uint32_t entry) {
            t.settled[name_of_[k]].push_back(entry);
            t.settled_here[k].push_back(entry);
        };
        // The candidates of mention k that lie in the entry chosen for mention j.
        auto settle_within = [&](std::size_t k, std::size_t j) {
            if (!chosen_entry_[j]) return;
            const Entry& b = chosen_entry_[j]->entry;
            const auto entries = candidates_of(k);
            for (std::size_t c = 0; c < entries.size(); ++c) {
                if (lies_in(entries[c].entry, b)) settle(k, mentions_[k].candidates[c].entry);
            }
        };
        for (std::size_t k = 0; k < n_; ++k) {
            // The first pass's choices on either side decide the other side.
            if (k + 1 < n_ && qualified_by_next_[k]) settle_within(k, k + 1);
            // "Athens, Georgia": the pair may agree on readings neither
            // side would take alone (the Greek capital, the country).
            if (k + 1 < n_ && qualified_by_next_[k] && !in_list_[k]) {
                const auto here = candidates_of(k), next = candidates_of(k + 1);
                for (std::size_t cb = 0; cb < next.size(); ++cb) {
                    const Entry& b = next[cb].entry;
                    if (b.kind != PlaceKind::admin1 && b.kind != PlaceKind::country) continue;
                    for (std::size_t ca = 0; ca < here.size(); ++ca) {
                        if (!lies_in(here[ca].entry, b)) continue;
                        settle(k, mentions_[k].candidates[ca].entry);
                        settle(k + 1, mentions_[k + 1].candidates[cb].entry);
                    }
                }
            }
            for (const Candidate& province : abbreviated_after_[k]) {
                const auto entries = candidates_of(k);
                for (std::size_t c = 0; c < entries.size(); ++c) {
                    if (lies_in(entries[c].entry, province.entry)) settle(k, mentions_[k].candidates[c].entry);
                }
            }
            if (qualifier_before_[k] >= 0) settle_within(k, static_cast<std::size_t>(qualifier_before_[k]));
            if (k + 1 < n_ && qualified_by_next_[k] && chosen_entry_[k] && !in_list_[k]) {
                const Entry& a = chosen_entry_[k]->entry;
                const auto next = candidates_of(k + 1);
                for (std::size_t c = 0; c < next.size(); ++c) {
                    if (lies_in(a, next[c].entry)) settle(k + 1, mentions_[k + 1].candidates[c].entry);
                }
            }
        }
    }

    // Provinces the first pass's places lie in, and the state of a dateline.
    void count_provinces(PassTables& t) {
        for (std::size_t k = 0; k < n_; ++k) {
            if (!chosen_entry_[k]) continue;
            const Entry& e = chosen_entry_[k]->entry;
            if (e.admin1.empty() || (e.kind != PlaceKind::place && e.kind != PlaceKind::admin1)) continue;
            ++t.province_support[chosen_entry_[k]->admin1];
            t.provinces_by_name.add(name_of_[k], chosen_entry_[k]->admin1);
        }
        // "HELENA, Mont. (AP)": the state of the dateline is what the
        // story is about, whichever Helena the matcher offers.
        for (std::size_t k = 0; k < n_; ++k) {
            if (abbreviated_after_[k].size() == 1) ++t.province_support[abbreviated_after_[k].front().admin1];
        }
    }

    void place_anchors(PassTables& t) {
        for (std::size_t k = 0; k < n_; ++k) {
            if (!chosen_entry_[k]) continue;
            const auto idx = static_cast<std::uint32_t>(chosen_[k]);
            const Entry& e = chosen_entry_[k]->entry;
            if (e.kind != PlaceKind::place && e.kind != PlaceKind::admin1) continue;
            if (const auto it = t.anchor_of.find(idx); it != t.anchor_of.end()) {
                ++t.anchors[it->second].count;
            } else if (t.anchors.size() < 256) {
                t.anchor_of.emplace(idx, t.anchors.size());
                t.anchors.push_back({idx, k, 1, e.lon, e.lat});
            }
        }
    }

    // Whether the candidate `entry` of mention k lies within 300 km of a
    // place the article names elsewhere.
    bool near_other_place(PassTables& t, std::size_t k, std::uint32_t entry, const Entry& e) {
        if (t.anchors.empty()) return false;
        auto found = t.near_anchors.find(entry);
        if (found == t.near_anchors.end()) {
            std::pmr::vector<std::size_t> near(&arena_);
            for (std::size_t i = 0; i < t.anchors.size(); ++i) {
                const Anchor& o = t.anchors[i];
                if (o.entry != entry && within_km(e.lon, e.lat, o.lon, o.lat, 300)) near.push_back(i);
            }
            found = t.near_anchors.emplace(entry, std::move(near)).first;
        }
        for (const std::size_t i : found->second) {
            if (t.anchors[i].count > 1 || t.anchors[i].first_mention != k) return true;
        }
        return false;
    }

    // What the article says for candidate c of mention k.
    CandidateEvidence evidence(const PassTables& t, std::size_t k, const Candidate& c, std::uint32_t entry) const {
        CandidateEvidence ev;
        if (const auto it = support_.find(c.country); it != support_.end()) {
            ev.country_support = it->second - (voted_[k] == c.country ? 1 : 0);
            if (c.entry.kind == PlaceKind::place) {
                // The name's own votes, when it cast any, instead of this one's.
                if (const int own = votes_by_name_.count(name_of_[k], c.country); own > 0) {
                    ev.country_support = it->second - own;
                }
            }
        }
        ev.province_of_same_name = std::ranges::find(admin1_countries_, c.country) != admin1_countries_.end();
        // A mention's own qualifier, else its name's.
        const auto& settled_name = t.settled[name_of_[k]];
        const std::pmr::vector<std::uint32_t>* settles = !t.settled_here[k].empty() ? &t.settled_here[k]
                                                         : settled_name.empty()     ? nullptr
                                                                                    : &settled_name;
        ev.settled = settles && std::ranges::find(*settles, entry) != settles->end();
        if (c.entry.kind == PlaceKind::place && !c.entry.admin1.empty() && !t.province_support.empty()) {
            if (const auto it = t.province_support.find(c.admin1); it != t.province_support.end()) {
                ev.in_supported_province = it->second - t.provinces_by_name.count(name_of_[k], c.admin1) > 0;
            }
        }
        return ev;
    }

    // Each mention's best-scoring candidate, when it scores enough.
    void choose(PassTables& t) {
        chosen_.resize(n_, -1);
        chosen_entry_.resize(n_, nullptr);
        chosen_score_.resize(n_, 0);
        chosen_total_.resize(n_, 0);
        for (std::size_t k = 0; k < n_; ++k) {
            const Mention& m = mentions_[k];
            const auto entries = candidates_of(k);
            double best = 0, total = 0;
            const Candidate* best_entry = nullptr;
            std::uint32_t best_index = 0;
            admin1_countries_.clear();
            for (const Candidate& c : entries) {
                if (c.entry.kind == PlaceKind::admin1) admin1_countries_.push_back(c.country);
            }
            for (std::size_t c = 0; c < entries.size(); ++c) {
                const NameRef& r = m.candidates[c];
                const Candidate& cand = entries[c];
                CandidateEvidence ev = evidence(t, k, cand, r.entry);
                const auto near = [&] { return near_other_place(t, k, r.entry, cand.entry); };
                ev.near_other_place = LazyFact(near);
                const double s = score_candidate({cand.entry, r.role}, around_[k].ctx, ev);
                total += std::max(0.0, s);
                if (s > best) {
                    best = s;
                    best_entry = &cand;
                    best_index = r.entry;
                }
            }
            const bool resolved = best >= kMinScore && best_entry;
            chosen_[k] = resolved ? std::int64_t{best_index} : -1;
            chosen_entry_[k] = resolved ? best_entry : nullptr;
            chosen_score_[k] = best;
            chosen_total_[k] = total;
        }
    }

    // One place per chosen entry with all its mentions: the resolved
    // mentions sorted by entry, each entry's in text order, are the places.
    std::vector<Place> group_places() {
        std::pmr::vector<std::size_t> resolved(&arena_);
        for (std::size_t k = 0; k < n_; ++k) {
            if (chosen_[k] >= 0) resolved.push_back(k);
        }
        std::ranges::sort(resolved, [&](std::size_t a, std::size_t b) {
            return chosen_[a] != chosen_[b] ? chosen_[a] < chosen_[b] : a < b;
        });
        std::vector<Place> out;
        for (auto group = resolved.begin(); group != resolved.end();) {
            const auto idx = chosen_[*group];
            const auto end = std::find_if(group, resolved.end(), [&](std::size_t k) { return chosen_[k] != idx; });
            Place& p = out.emplace_back();
            p.entry = static_cast<std::uint32_t>(idx);
            p.mentions.reserve(static_cast<std::size_t>(end - group));
            for (; group != end; ++group) {
                const std::size_t k = *group;
                const double share = chosen_score_[k] / chosen_total_[k];
                const double strength = std::min(1.0, chosen_score_[k] / 10.0);
                p.confidence = std::max(p.confidence, std::round(100 * (0.5 * share + 0.5 * strength)) / 100);
                p.mentions.push_back(mentions_[k]);
            }
        }
        std::sort(out.begin(), out.end(), [](const Place& a, const Place& b) {
            return a.mentions.front().span.start < b.mentions.front().span.start;
        });
        return out;
    }

    std::array<std::byte, 32 * 1024> first_block_;
    std::pmr::monotonic_buffer_resource arena_{first_block_.data(), first_block_.size()};
    const Document& doc_;
    const Gazetteer& gaz_;
    const std::vector<Mention>& mentions_;
    const std::size_t n_;
    CodeKeys codes_;
    std::pmr::vector<std::string> folded_texts_{&arena_};
    std::pmr::vector<std::size_t> name_of_{&arena_};
    std::pmr::vector<Candidate> decoded_{&arena_};
    std::pmr::vector<std::size_t> decoded_at_{&arena_};
    std::pmr::vector<Around> around_{&arena_};
    std::pmr::vector<bool> qualified_by_next_ = std::pmr::vector<bool>(&arena_);
    std::pmr::vector<std::pmr::vector<Candidate>> abbreviated_after_{&arena_};
    std::pmr::vector<std::int64_t> qualifier_before_{&arena_};
    std::pmr::vector<bool> in_list_ = std::pmr::vector<bool>(&arena_);
    Tally support_{&arena_};
    std::pmr::vector<std::uint64_t> voted_{&arena_};
    CountsByName votes_by_name_{&arena_};
    std::pmr::vector<std::int64_t> chosen_{&arena_};
    std::pmr::vector<const Candidate*> chosen_entry_{&arena_};  // decoded, of chosen_[k]
    std::pmr::vector<double> chosen_score_{&arena_}, chosen_total_{&arena_};
    std::pmr::vector<std::uint64_t> admin1_countries_{&arena_};  // of one mention's candidates, reused
};

}  // namespace

std::vector<Place> resolve_places(const Document& doc, const Gazetteer& gaz, const std::vector<Mention>& mentions) {
    // Names in the article's furniture (a live blog's timestamps, a byline,
    // the author's biography, a release's contact lines) are not places of
    // the story: "By Jordan Lake", "she teaches at the University of Warsaw".
    // They are left out here, not by find_mentions, so that the claims stage
    // still reads the biography for the author's country.
    if (doc.shape.furniture.empty()) return Resolver(doc, gaz, mentions).run();
    std::vector<Mention> story;
    story.reserve(mentions.size());
    for (const Mention& m : mentions) {
        if (!doc.shape.is_furniture(m.span.start)) story.push_back(m);
    }
    return Resolver(doc, gaz, story).run();
}

}  // namespace borderline
