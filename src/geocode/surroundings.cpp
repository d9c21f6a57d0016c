// The words around each mention and what they say about its readings:
// sentence start, capitals, titles and names before, organisation heads
// after, kind cues ("the town of X"), qualifiers ("Paris, Texas") and lists.
#include <borderline/fold.hpp>

#include "geocode/resolver.hpp"
#include "geocode/temporal.hpp"
#include "text/word_table.hpp"

#include <algorithm>
#include <charconv>

namespace borderline::geoparse_detail {

namespace {

// Words before a name that make it a person's: "Mr Jordan", "coach Porter".
bool is_title_word(std::string_view w) {
    static const WordTable titles{
        "mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "president", "senator", "sen", "rep", "gov", "governor",
        "minister", "spokesman", "spokeswoman", "spokesperson", "coach", "player", "captain", "judge", "general", "gen",
        "colonel", "col", "officer", "sergeant", "sgt", "detective", "professor", "prof", "reverend", "rev", "pastor",
        "father", "brother", "sister", "uncle", "aunt", "king", "queen", "prince", "princess", "pope", "saint",
        "chairman", "ceo", "director", "manager", "striker", "midfielder", "defender", "goalkeeper", "quarterback",
        "guard", "forward", "actor", "actress", "singer", "rapper", "dear",
        // Religious titles and honorifics: "Archbishop Lima", "Patriarch
        // Kirill", "Sheikh Mohammed", "Ayatollah Sistani".
        "archbishop", "bishop", "cardinal", "patriarch", "imam", "ayatollah", "sheikh", "sheik", "shaikh", "rabbi",
        "mullah", "mufti", "lama", "abbot", "deacon", "vicar", "monsignor", "msgr", "cleric", "preacher", "priest",
        "archimandrite", "hojatoleslam", "maulana", "swami", "guru", "emir", "sultan", "shah", "tsar", "czar",
        "emperor", "empress", "duke", "duchess", "baron", "baroness", "dame", "holiness", "majesty", "highness",
        "excellency", "hon", "honourable", "honorable",
        // Offices and callings written before a name: "Chancellor Merz",
        // "foreign secretary David Lammy", "envoy Witkoff".
        "chancellor", "ambassador", "envoy", "secretary", "commissioner", "mayor", "marshal", "admiral", "commander",
        "lieutenant", "lt", "brigadier", "speaker", "chairwoman", "chairperson", "leader", "lawmaker", "legislator",
        "congressman", "congresswoman", "councillor", "councilman", "mp", "prosecutor", "attorney", "lawyer",
        "journalist", "correspondent", "analyst", "diplomat", "negotiator",
        // Sport: "reigning champion Ashley Sutton", "driver Lando Norris".
        "champion", "driver", "rider", "teammate", "pitcher", "jockey", "boxer"};
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return titles.contains(w);
}

// Words before a name that make it a ship's: "the carrier Shandong", "the
// cruiser Moskva", "USS Hopper", "the icebreaker Kapitan Dranitsyn".
bool is_vessel_word(std::string_view w) {
    static const WordTable vessels{
        "carrier",    "frigate", "cruiser",   "destroyer", "corvette",    "submarine", "warship", "flagship",
        "battleship", "tanker",  "freighter", "trawler",   "icebreaker",  "ferry",     "vessel",  "ship",
        "boat",       "yacht",   "liner",     "dredger",   "minesweeper", "gunboat",   "cutter",  "uss",
        "hms",        "hmas",    "hmcs",      "hmnzs",     "ins",         "rfs",       "usns",    "roks",
        "brp",        "tcg",     "ara",       "mv",        "rv",          "uscgc",     "jds"};
    return vessels.contains(w);
}

// Little words inside names: "Mohammed bin Salman", "Ursula von der Leyen".
bool is_name_particle(std::string_view w) {
    static const WordTable particles{"bin", "ibn", "bint", "al",  "el",  "von", "van",
                                     "der", "de",  "da",   "dos", "del", "di",  "le"};
    return particles.contains(w);
}

// Capitalised words that open a clause and are never a person's first
// name: "OTTAWA — When Canada and Denmark split Hans Island" (after a
// dateline the story's first word is no sentence start, yet "When" makes
// no "When Canada" a person). Not "The": "The Washington Post", "The
// Atlantic", "The Irish" are titles and teams, whose name is no place.
bool is_opening_word(std::string_view w) {
    static const WordTable words{
        "a",       "an",     "in",    "on",      "at",     "for",   "from",    "with",     "by",      "to",      "of",
        "and",     "but",    "as",    "this",    "that",   "these", "those",   "his",      "her",     "its",     "our",
        "their",   "when",   "after", "before",  "while",  "since", "if",      "although", "though",  "because", "once",
        "until",   "unless", "where", "whereas", "unlike", "like",  "despite", "during",   "without", "under",   "both",
        "neither", "either", "so",    "yet",     "or",     "nor",   "then",    "now"};
    return words.contains(w);
}

}  // namespace

// Words after a name that make it an organisation or a thing, not the place.
bool is_non_place_head(std::string_view w) {
    static const WordTable heads{"post",       "times",   "journal",  "herald",    "tribune", "news",    "daily",
                                 "university", "college", "school",   "institute", "club",    "fc",      "united",
                                 "city",       "street",  "avenue",   "road",      "hotel",   "airport", "station",
                                 "park",       "square",  "theatre",  "theater",   "center",  "centre",  "hospital",
                                 "church",     "stadium", "bridge",   "company",   "corp",    "inc",     "ltd",
                                 "group",      "bank",    "airlines", "airways",   "motors",  "records", "press"};
    return heads.contains(w);
}

// Verbs that follow a speaker's name: "José Manuel Albares said".
bool is_speech_verb(std::string_view w) {
    static const WordTable verbs{"said",    "says",      "told",     "added",    "wrote",    "tweeted",
                                 "stated",  "warned",    "argued",   "insisted", "believes", "thinks",
                                 "thought", "explained", "recalled", "admitted", "replied",  "noted"};
    return verbs.contains(w);
}

namespace {

// "WASHINGTON (AP) —", "TORONTO — ", "LOS ANGELES, April 5 (GLOBE
// NEWSWIRE)", "(NEW YORK) —", "NEW DELHI: The court": the place a story was
// filed from, in capitals at the start of a sentence or line, then a
// bracket, a dash, a comma or a colon. A line may also open with it and go
// straight on in ordinary case ("LONDON The Latest on ...", "SAN ANTONIO
// Turner Sports analyst"): only the name is in capitals, so it is no
// shouted headline (nor a name: "WASHINGTON Christopher Steele", where the
// next word is a name the gazetteer knows too, is left as a run of names;
// `next_is_name`).
bool is_dateline(std::string_view text, Span span, bool sentence_start, bool next_is_name) {
    if (!all_caps_word(text.substr(span.start, span.size()))) return false;
    std::size_t b = span.start;
    if (b > 0 && text[b - 1] == '(') --b;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
    const bool opens_line = b == 0 || text[b - 1] == '\n';
    if (!opens_line && !sentence_start) return false;
    std::string_view after = text.substr(span.end);
    if (after.starts_with(")")) after.remove_prefix(1);
    const bool spaced = after.starts_with(" ");
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    if (after.starts_with("(") || after.starts_with(",") || after.starts_with(":") || after.starts_with("-") ||
        after.starts_with("\u2014") || after.starts_with("\u2013")) {
        return true;
    }
    return opens_line && spaced && !next_is_name && after.size() >= 2 && after[0] >= 'A' && after[0] <= 'Z' &&
           after[1] >= 'a' && after[1] <= 'z';
}

// Whether tokens first..last are two words or more, each capitalised, the
// first no article and no compass word ("Garden City", not "The City" or
// "West Coast", which stay the common phrases they are).
bool title_case_name(const Document& doc, std::int64_t first, std::int64_t last) {
    static const WordTable openers{"the",       "a",         "an",        "and",      "north",   "south", "east",
                                   "west",      "northern",  "southern",  "eastern",  "western", "far",   "near",
                                   "central",   "middle",    "upper",     "lower",    "inner",   "outer", "greater",
                                   "northwest", "northeast", "southwest", "southeast"};
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
    static const WordTable kinds{"city",   "town",     "village",  "capital",      "port",
                                 "suburb", "district", "province", "region",       "state",
                                 "county", "island",   "resort",   "municipality", "hamlet"};
    return kinds.contains(w);
}

}  // namespace

// Each mention's folded text; mentions of one name (folded text) share
// an id, the index of the first of them, which keys the per-name tables.
void Resolver::name_mentions() {
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
void Resolver::decode_candidates() {
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
void Resolver::read_surroundings() {
    around_.resize(n_);
    for (std::size_t k = 0; k < n_; ++k) {
        const Mention& m = mentions_[k];
        Around& ar = around_[k];
        MentionContext& a = ar.ctx;
        const std::string& f = folded_texts_[k];
        a.folded_text = f;
        for (const Candidate& c : candidates_of(k)) {
            a.has_capital = a.has_capital || c.entry.capital;
            if (c.entry.kind == PlaceKind::country) a.country_named = c.entry.country;
            a.has_place = a.has_place || c.entry.kind == PlaceKind::place;
            a.has_known_place =
                a.has_known_place || (c.entry.kind == PlaceKind::place && c.entry.population >= kKnownTown);
            a.has_admin1 = a.has_admin1 || c.entry.kind == PlaceKind::admin1;
            a.has_feature = a.has_feature || c.entry.kind == PlaceKind::feature;
            a.has_water = a.has_water || c.entry.kind == PlaceKind::water;
        }
        const auto first = ar.first = token_index_at(m.span.start);
        const auto last = ar.last = token_ending_at(m.span.end);
        a.at_start = first >= 0 && token(first).sentence_start;
        // Capitals are shouting ("BREAKING NEWS"), except in a dateline.
        // "Garden City", "Little Rock", "Long Beach": common words, each
        // capitalised, make a proper name; "The City" is still the phrase.
        a.common = m.common_word && !title_case_name(doc_, first, last);
        const bool next_is_name = k + 1 < n_ && last >= 0 && static_cast<std::size_t>(last + 1) < doc_.tokens.size() &&
                                  mentions_[k + 1].span.start == token(last + 1).span.start;
        a.dateline = is_dateline(doc_.text, m.span, a.at_start, next_is_name);
        a.temporal = is_temporal(doc_, first, last);
        a.kind_cue = kind_cue(first, last, a.kind_word);
        // "The city of Bender": a common word named as a place is a name.
        if (a.kind_cue != KindCue::none) a.common = false;
        // A dotted abbreviation is no shout: "B.C.", "P.E.I." have only two
        // or three letters.
        a.shouting =
            all_caps_word(m.text) && std::ranges::count_if(m.text, [](char c) { return c != '.'; }) > 3 && !a.dateline;
        // "St. Peter's Basilica", "St Patrick's": a saint in the possessive
        // names a church, school or hospital, not the parish called after him.
        const bool saint = f.rfind("st ", 0) == 0 || f.rfind("st. ", 0) == 0 || f.rfind("saint ", 0) == 0;
        const std::string_view after = std::string_view(doc_.text).substr(m.span.end);
        a.saints = saint && (after.starts_with("'s") || after.starts_with("\u2019s"));
        a.river_word = (last >= 0 && is_water_word(last + 1)) || (first > 0 && is_water_word(first - 1));
        a.names_water = f.find("river") != std::string::npos || f.find("lake") != std::string::npos;
        if (first > 0) {
            const Token& prev = token(first - 1);
            a.titled = (prev.is_word && is_title_word(prev.folded)) || in_person_run(first, last);
            a.vessel = prev.is_word && is_vessel_word(prev.folded);
            a.locative = prev.is_word && (prev.folded == "in" || prev.folded == "near" || prev.folded == "outside");
            // "Michael Jordan": a capitalised word that is no place, right before.
            const bool prev_is_mention = k > 0 && mentions_[k - 1].span.end == prev.span.end;
            // A word right after a live blog's timestamp opens its entry
            // ("9.05am: The United States said") as a sentence would.
            const bool opens_entry = prev.span.start > 0 && doc_.shape.is_furniture(prev.span.start - 1);
            // An acronym is no one's first name: "CBC Toronto", "BBC Scotland"
            // name a broadcaster's office in that place. (A longer word in
            // capitals is a dateline or a shout: "WASHINGTON Christopher".)
            const bool acronym = prev.span.size() >= 2 && prev.span.size() <= 4 &&
                                 all_caps_word(std::string_view(doc_.text).substr(prev.span.start, prev.span.size()));
            a.after_name = prev.is_word && prev.capitalised && !prev.sentence_start && !prev_is_mention &&
                           !opens_entry && prev.span.end + 1 == m.span.start && !a.titled && !acronym &&
                           !is_opening_word(prev.folded) && !is_month_or_weekday(prev.folded);
            // "Harry S. Truman", "John T. Murphy": after a person's initial.
            if (first >= 2 && prev.folded == "." && prev.span.end + 1 == m.span.start) {
                const Token& letter = token(first - 2);
                a.after_name = a.after_name || (letter.is_word && letter.capitalised && letter.folded.size() == 1 &&
                                                letter.span.end == prev.span.start && !a.titled);
            }
        }
        // "Stephon Clark, 22, was shot", "Andre Wilson, 38, told": a name
        // with an age in commas after it is a person's, as after a title.
        a.titled = a.titled || age_follows(last);
        if (last >= 0 && static_cast<std::size_t>(last + 1) < doc_.tokens.size()) {
            const Token& next = token(last + 1);
            const bool next_is_mention = k + 1 < n_ && mentions_[k + 1].span.start == next.span.start;
            if (next.is_word && next.capitalised && next.span.start == m.span.end + 1 &&
                (!next_is_mention || a.at_start)) {
                a.org_next = is_non_place_head(next.folded);
                // "Florida Senator Marco Rubio", "New York Gov. Andrew Cuomo":
                // an office after the name makes it the office's place, not
                // a person's first name.
                // A dateline is followed by the story's first words.
                a.person_next = !a.org_next && !a.dateline && !is_title_word(next.folded) &&
                                !all_caps_word(std::string_view(doc_.text).substr(next.span.start, next.span.size()));
            }
        }
    }
}

// Tokens a and b are one space or hyphen apart.
bool Resolver::words_joined(std::int64_t a, std::int64_t b) const {
    const std::size_t gap = token(b).span.start - token(a).span.end;
    return gap == 1 && (doc_.text[token(a).span.end] == ' ' || doc_.text[token(a).span.end] == '-');
}

// A word that may be part of a person's name: capitalised or a particle,
// no title ("The" opening a sentence is capitalised, yet no name: "The
// Glasgow Police Department says"), no opening word, month or weekday
// (but a month right after a title).
bool Resolver::is_name_word(std::int64_t i) const {
    const Token& t = token(i);
    // A month right after a title is a first name ("Foreign Minister
    // January Makamba").
    const bool month =
        is_month_or_weekday(t.folded) && !(i > 0 && token(i - 1).is_word && is_title_word(token(i - 1).folded));
    return t.is_word && (t.capitalised || is_name_particle(t.folded)) && !is_title_word(t.folded) &&
           t.folded != "the" && !is_opening_word(t.folded) && !month;
}

// Whether the name is part of a person's name written as a run of
// capitalised words: after a title ("foreign minister José Manuel Albares",
// "Prime Minister Navin Ramgoolam") or, when it is not the run's first word,
// before a speech verb ("José Manuel Albares said"). Only the words next to
// each other on one line make a run; "Mohammed bin Salman" has a particle.
bool Resolver::in_person_run(std::int64_t first, std::int64_t last) {
    if (first < 0 || last < 0) return false;
    // A month that is also a town ("March", "May") is no one's first name,
    // and must not start the run the next mention reuses ("In March Paris
    // said": Paris is not a surname).
    if (first == last && is_month_or_weekday(token(first).folded)) return false;
    const auto n = static_cast<std::int64_t>(doc_.tokens.size());
    auto joined = [&](std::int64_t a, std::int64_t b) { return words_joined(a, b); };
    auto name_word = [&](std::int64_t i) { return is_name_word(i); };
    // A run is walked once: the mentions inside it (a line of a thousand
    // names) reuse its ends, which keeps this linear.
    if (first < run_start_ || first > run_end_) {
        run_start_ = first;
        while (run_start_ > 0 && !token(run_start_).sentence_start && name_word(run_start_ - 1) &&
               joined(run_start_ - 1, run_start_))
            --run_start_;
        run_end_ = last;
        while (run_end_ + 1 < n && name_word(run_end_ + 1) && joined(run_end_, run_end_ + 1)) ++run_end_;
    }
    const std::int64_t start = run_start_, end = std::max(run_end_, last);
    // The run's own words only: a name that fills the run is the place itself.
    if (start == first && end == last) return false;
    if (start > 0 && token(start - 1).is_word && is_title_word(token(start - 1).folded) && joined(start - 1, start))
        return true;
    // "Paul Francis Floyd, 47, was arrested": every word of a run with an age after it.
    if (age_follows(end)) return true;
    // "José Manuel Albares said", "Austin Jackson, who lives in Texas":
    // a speech verb or a person's "who" after the run. Not for its first
    // word, which may be a place naming a team or paper ("Paris
    // Saint-Germain said", "Manchester United, who won").
    if (start >= first) return false;
    if (end + 1 < n && token(end + 1).is_word && is_speech_verb(token(end + 1).folded)) return true;
    return end + 2 < n && token(end + 1).folded == "," && token(end + 2).folded == "who";
}

bool Resolver::age_follows(std::int64_t last) const {
    if (last < 0 || static_cast<std::size_t>(last + 3) >= doc_.tokens.size()) return false;
    if (token(last + 1).folded != "," || token(last + 3).folded != ",") return false;
    const std::string_view age = token(last + 2).folded;
    int years = 0;
    const auto [end, err] = std::from_chars(age.data(), age.data() + age.size(), years);
    return err == std::errc() && end == age.data() + age.size() && age.size() <= 3 && years > 0 && years < 120;
}

// The kind of place the words next to a name give it: "the town of X",
// "X district", "the province of X", "the island of X", "the X valley",
// "the river X". `word` is set to the word that says it.
KindCue Resolver::kind_cue(std::int64_t first, std::int64_t last, std::string_view& word) const {
    static const WordTable settlements{"town", "village", "city", "hamlet", "townlet", "settlement", "port"};
    static const WordTable provinces{"province", "region",     "district",     "governorate", "oblast",
                                     "state",    "county",     "prefecture",   "raion",       "rayon",
                                     "canton",   "department", "municipality", "krai",        "emirate"};
    // Border features and waters (the gazetteer's feature kinds).
    static const WordTable features{"island", "islands",  "islet",     "islets",    "isle",  "atoll",  "reef",
                                    "shoal",  "cay",      "valley",    "pass",      "gorge", "river",  "glacier",
                                    "strait", "bay",      "gulf",      "lake",      "canal", "lagoon", "plateau",
                                    "peak",   "mountain", "mountains", "peninsula", "cape",  "enclave"};
    auto cue = [&](std::string_view w) {
        return settlements.contains(w) ? KindCue::settlement
               : provinces.contains(w) ? KindCue::province
               : features.contains(w)  ? KindCue::feature
                                       : KindCue::none;
    };
    if (first >= 2 && token(first - 1).folded == "of" && token(first - 2).is_word) {
        word = token(first - 2).folded;
        if (const KindCue k = cue(word); k != KindCue::none) return k;
    }
    // "Batken district", "Idlib province", "Tuzla island"; not "Jerusalem
    // city council".
    if (last >= 0 && static_cast<std::size_t>(last + 1) < doc_.tokens.size() && token(last + 1).is_word) {
        word = token(last + 1).folded;
        const KindCue k = cue(word);
        if (k == KindCue::province || k == KindCue::feature) return k;
    }
    // In apposition, by the phrase's last word: "Mitrovica, the divided
    // city on the Ibar", "Vorukh, a Tajik enclave", "Gallabat, a small
    // border town"; not "Boa Vista, the state capital" (a capital, of a
    // state) nor "Paris, the city's mayor".
    if (last >= 0 && static_cast<std::size_t>(last + 3) < doc_.tokens.size() && token(last + 1).folded == "," &&
        (token(last + 2).folded == "a" || token(last + 2).folded == "an" || token(last + 2).folded == "the")) {
        static const WordTable ends{"on", "in", "of", "near", "at", "by", "along", "that", "which", "where", "whose"};
        std::size_t head = 0;
        for (auto j = static_cast<std::size_t>(last) + 3;
             j < doc_.tokens.size() && j < static_cast<std::size_t>(last) + 7 && token(j).is_word &&
             !ends.contains(token(j).folded);
             ++j)
            head = j;
        const bool possessive = head != 0 && head + 1 < doc_.tokens.size() && token(head + 1).folded == "'s";
        if (head != 0 && !possessive) {
            if (const KindCue k = cue(token(head).folded); k != KindCue::none) {
                word = token(head).folded;
                return k;
            }
        }
    }
    // "the river Jordan", "the lake Sarez".
    if (first >= 2 && token(first - 2).folded == "the") {
        word = token(first - 1).folded;
        if (word == "river" || word == "lake") return KindCue::feature;
    }
    word = {};
    return KindCue::none;
}

// A name used once as a person's ("Boris Johnson", "Mr Johnson") is a
// person's all through the article ("Johnson said").
void Resolver::spread_person_names() {
    // By name id: 1, a person's name; 2, only as a given name opening a run
    // of names (person_names.cpp), which leaves a place after a word such
    // as "in" or "across" alone ("Virginia Lee said ... across Virginia").
    std::pmr::vector<std::uint8_t> person_name(n_, 0, &arena_);
    // By name id: a person's by a title, an age, a speech verb or a given
    // name, which a capitalised word before it ("By Trend Iran's") is not.
    std::pmr::vector<bool> someone(n_, false, &arena_);
    for (std::size_t k = 0; k < n_; ++k) {
        const MentionContext& a = around_[k].ctx;
        if (around_[k].quiet_person) continue;
        std::uint8_t& p = person_name[name_of_[k]];
        if (a.after_name || a.titled || a.vessel) p = around_[k].given_person && p != 1 ? 2 : 1;
        if (a.titled) someone[name_of_[k]] = true;
    }
    // Not over a mention's own words, though: "the carrier Shandong" does
    // not make "Shandong province" a ship. A country's name ("said
    // Georgia") is the person's only where the article gives the country
    // no other support (score_candidate), and not after "in", "near".
    for (std::size_t k = 0; k < n_; ++k) {
        MentionContext& a = around_[k].ctx;
        const KindCue cue = a.kind_cue;
        const std::uint8_t p = person_name[name_of_[k]];
        const bool spreads = p == 1 || (p == 2 && !(around_[k].first > 0 && after_place_word(around_[k].first)));
        if (spreads && cue != KindCue::settlement && cue != KindCue::province) a.person_next = true;
        a.person_elsewhere = spreads && someone[name_of_[k]] && cue == KindCue::none && !a.locative;
    }
}

// Whether a word that puts a place after it stands right before token i:
// "in", "across", "from", "throughout".
bool Resolver::after_place_word(std::int64_t i) const {
    static const WordTable words{"in",     "into",    "across", "throughout", "through", "to",     "from",
                                 "near",   "outside", "around", "at",         "of",      "within", "over",
                                 "toward", "towards", "via",    "inside",     "beyond"};
    const Token& prev = token(i - 1);
    return prev.is_word && !prev.capitalised && words.contains(prev.folded);
}

// "The city of Lviv" once: the name is the city all through the article
// ("sirens sounded in Lviv"), not the province it shares its name with,
// unless a mention says so itself ("Lviv region").
void Resolver::spread_city_names() {
    std::pmr::vector<bool> city_name(n_, false, &arena_);  // by name id
    for (std::size_t k = 0; k < n_; ++k) {
        const MentionContext& a = around_[k].ctx;
        if (a.kind_cue != KindCue::settlement || !a.has_place || !a.has_admin1) continue;
        // Only a city and a province of one country: "the town of Karak"
        // in Jordan, whose town the gazetteer lacks, says nothing for
        // Karak in Pakistan.
        const auto cands = candidates_of(k);
        for (const Candidate& c : cands) {
            if (c.entry.kind != PlaceKind::place) continue;
            for (const Candidate& p : cands) {
                if (p.entry.kind == PlaceKind::admin1 && p.country == c.country) city_name[name_of_[k]] = true;
            }
        }
    }
    for (std::size_t k = 0; k < n_; ++k) {
        MentionContext& a = around_[k].ctx;
        a.city_named = city_name[name_of_[k]] && a.kind_cue == KindCue::none;
    }
}

// Names that say which of its readings another name is.
void Resolver::find_qualifiers() {
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
    abbreviation_dotted_.assign(n_, false);
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
        // Only a newsroom's abbreviation ("Mo.") is so sure a qualifier
        // that a name with no reading in it is none of its namesakes
        // (settle_from_qualifiers); not a word such as "West".
        abbreviation_dotted_[k] = !abbreviated_after_[k].empty() && word.back() == '.';
    }
    // "Georgia's capital Tbilisi", "Armenia's capital, Yerevan": the country
    // of that capital.
    capital_next_.assign(n_, false);
    for (std::size_t k = 0; k + 1 < n_; ++k) {
        const std::size_t a = mentions_[k].span.end, b = mentions_[k + 1].span.start;
        if (b <= a) continue;
        const std::string_view gap(doc_.text.data() + a, b - a);
        capital_next_[k] = gap == "'s capital " || gap == "\u2019s capital " || gap == "'s capital, " ||
                           gap == "\u2019s capital, " || gap == "'s capital city " || gap == "\u2019s capital city ";
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
void Resolver::mark_lists() {
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

}  // namespace borderline::geoparse_detail
