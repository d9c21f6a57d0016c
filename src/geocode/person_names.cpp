// Runs of capitalised words that a given name opens: "arrested Paul Francis
// Floyd", "Associated Press writers Paul Wiseman and Josh Boak". The given
// names are geodata/given_names.tsv, built into the program; a name in that
// list followed by more capitalised words makes the run a person's, so
// that none of its words is read as a place (Paul in Cape Verde, Francis
// and Floyd in the United States).
#include <borderline/fold.hpp>

#include "geocode/resolver.hpp"
#include "text/word_table.hpp"

#include <algorithm>
#include <vector>

namespace borderline::geoparse_detail {

extern const std::string_view kGivenNamesTsv;  // given_names_data.cpp, generated

namespace {

std::vector<std::string_view> given_name_list() {
    std::vector<std::string_view> out;
    std::string_view tsv = kGivenNamesTsv;
    while (!tsv.empty()) {
        const std::size_t nl = tsv.find('\n');
        std::string_view line = tsv.substr(0, nl);
        tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
        line = line.substr(0, line.find('\t'));
        if (!line.empty() && line.front() != '#') out.push_back(line);
    }
    return out;
}

// Folded given names, read once (3,500 names: microseconds).
bool is_given_name(std::string_view folded) {
    static const WordTable names(given_name_list(), [](std::string_view w) { return w; });
    return names.contains(folded);
}

// Words after a given name that make the pair a place or something named
// after one, not a person: designators ("Jordan Valley", "Florence County",
// "Victoria Falls" when the gazetteer lacks it) and institutions ("Georgia
// Senate", "Austin Police", "Israel Defense Forces"); is_non_place_head's
// papers, schools and companies too.
bool keeps_the_place(std::string_view w) {
    static const WordTable words{
        "river", "lake", "sea", "valley", "basin", "delta", "county", "parish", "borough", "township", "district",
        "province", "region", "state", "town", "village", "island", "islands", "isle", "bay", "gulf", "strait", "falls",
        "beach", "heights", "hills", "hill", "springs", "harbour", "harbor", "creek", "mountain", "mountains", "peak",
        "pass", "canyon", "gorge", "plateau", "peninsula", "cape", "coast", "point", "port", "reef", "desert", "forest",
        "canal", "lagoon", "senate", "house", "assembly", "legislature", "parliament", "congress", "council",
        "government", "police", "army", "navy", "forces", "defense", "defence", "guard", "court", "tech", "power",
        "zoo", "museum", "observer", "gazette", "chronicle", "star", "mail", "express", "telegraph", "agreement",
        "accord", "accords", "declaration", "convention", "treaty", "summit", "open", "marathon", "national",
        "international", "republic", "party", "board", "office", "embassy", "ministry", "department", "authority",
        "metro", "transit", "rail", "railway",
        // Papers and broadcasters named after their city ("Orlando
        // Sentinel", "Boston Globe").
        "sentinel", "globe", "bee", "inquirer", "enquirer", "examiner", "dispatch", "courier", "register", "record",
        "review", "independent", "guardian", "echo", "argus", "democrat", "today", "weekly", "magazine", "radio",
        "television", "tv", "broadcasting", "sun", "standard",
        // Buildings and venues, which the gazetteer may hold in full.
        "inn", "gateway", "mall", "plaza", "hall", "tower", "towers", "lodge", "arena", "gardens", "terrace",
        "pavilion", "bridge"};
    return words.contains(w) || is_non_place_head(w);
}

}  // namespace

// Tokens a and b are one space or hyphen apart, or a few spaces ("Vernon
// Adkins" written with two).
bool Resolver::run_joined(std::int64_t a, std::int64_t b) const {
    if (words_joined(a, b)) return true;
    const std::size_t from = token(a).span.end, to = token(b).span.start;
    return to > from && to - from <= 3 &&
           std::all_of(doc_.text.begin() + static_cast<std::ptrdiff_t>(from),
                       doc_.text.begin() + static_cast<std::ptrdiff_t>(to), [](char c) { return c == ' '; });
}

// The next word of a run of capitalised words after token i, or -1: the
// word joined to it, or the word after a middle initial ("Carey L. Biron").
std::int64_t Resolver::next_run_word(std::int64_t i) const {
    const auto n = static_cast<std::int64_t>(doc_.tokens.size());
    // Most words are followed by punctuation or a word in lower case that
    // is too long for a particle ("bin", "von", "dos"): no table asked.
    if (i + 1 >= n || !token(i + 1).is_word || (!token(i + 1).capitalised && token(i + 1).folded.size() > 4) ||
        !run_joined(i, i + 1))
        return -1;
    if (is_name_word(i + 1) && token(i + 1).folded.size() > 1) return i + 1;
    // "L. Biron": the letter, its full stop against it, then one space.
    if (i + 3 < n && token(i + 1).is_word && token(i + 1).capitalised && token(i + 1).folded.size() == 1 &&
        token(i + 2).folded == "." && token(i + 2).span.start == token(i + 1).span.end && run_joined(i + 2, i + 3) &&
        is_name_word(i + 3))
        return i + 3;
    return -1;
}

// The word before token i in its run, or -1 (the mirror of next_run_word).
std::int64_t Resolver::previous_run_word(std::int64_t i) const {
    if (i <= 0 || token(i).sentence_start) return -1;
    const Token& before = token(i - 1);
    if (before.is_word && (before.capitalised || before.folded.size() <= 4) && run_joined(i - 1, i) &&
        is_name_word(i - 1))
        return i - 1;
    if (i >= 3 && token(i - 1).folded == "." && run_joined(i - 1, i) &&
        token(i - 2).span.end == token(i - 1).span.start && token(i - 2).is_word && token(i - 2).capitalised &&
        token(i - 2).folded.size() == 1 && run_joined(i - 3, i - 2) && is_name_word(i - 3))
        return i - 3;
    return -1;
}

// "Nine-year-old Georgia", "47-year-old Paul": an age written before it.
bool Resolver::age_before(std::int64_t first) const {
    if (first < 1 || token(first - 1).folded != "old") return false;
    const std::string_view before = std::string_view(doc_.text).substr(0, token(first).span.start);
    return before.ends_with("-year-old ") || before.ends_with("-years-old ") || before.ends_with("-Year-Old ");
}

// Whether the line of token i is written in title case, as a headline is
// ("Kenya Floods Leave Thousands Homeless"): no word of four letters or
// more in lower case on it ("of", "and" may be). A line of prose has one
// within a few dozen words.
bool Resolver::title_case_line(std::int64_t i) const {
    constexpr std::int64_t kReach = 40;
    const auto n = static_cast<std::int64_t>(doc_.tokens.size());
    auto lower_word = [&](std::int64_t j) {
        const Token& t = token(j);
        return t.is_word && !t.capitalised && t.folded.size() >= 4;
    };
    auto new_line_between = [&](std::int64_t a, std::int64_t b) {
        const std::string_view gap(doc_.text.data() + token(a).span.end, token(b).span.start - token(a).span.end);
        return gap.find('\n') != std::string_view::npos;
    };
    for (std::int64_t j = i; j > 0 && j > i - kReach && !new_line_between(j - 1, j);) {
        if (lower_word(--j)) return false;
    }
    for (std::int64_t j = i + 1; j < n && j < i + kReach && !new_line_between(j - 1, j); ++j) {
        if (lower_word(j)) return false;
    }
    return true;
}

// "his wife, Dora", "girlfriend Olivia", "husband Leonard": a word for
// kin right before a given name, or before it and a comma. Not "partner"
// or "friend", which news writes of countries ("strategic partner India").
bool Resolver::kin_before(std::int64_t g) const {
    static const WordTable kin{"wife",     "husband",       "girlfriend",  "boyfriend",   "fiance", "fiancee", "widow",
                               "widower",  "son",           "daughter",    "mother",      "father", "brother", "sister",
                               "grandson", "granddaughter", "grandmother", "grandfather", "niece",  "nephew",  "cousin",
                               "stepson",  "stepdaughter",  "mom",         "dad",         "mum"};
    if (g >= 1 && token(g - 1).is_word && kin.contains(token(g - 1).folded) && words_joined(g - 1, g)) return true;
    return g >= 2 && token(g - 1).folded == "," && token(g - 2).is_word && kin.contains(token(g - 2).folded);
}

// The mention that starts at the token, or -1.
std::int64_t Resolver::mention_starting_at(std::int64_t token_index) const {
    const std::size_t byte = token(token_index).span.start;
    const auto it = std::lower_bound(mentions_.begin(), mentions_.end(), byte,
                                     [](const Mention& m, std::size_t b) { return m.span.start < b; });
    return it != mentions_.end() && it->span.start == byte ? it - mentions_.begin() : -1;
}

// Whether mention k (or -1: none) names, by its own name `folded`, a
// place of note: a country, province or Natural Earth city, not only a
// GeoNames town.
bool Resolver::noted_place(std::int64_t k, std::string_view folded) const {
    return k >= 0 && std::ranges::any_of(candidates_of(static_cast<std::size_t>(k)), [&](const Candidate& c) {
               return c.entry.rank < 12 && fold(c.entry.name) == folded;
           });
}

// Whether mention `outer` names, by its own name, a province or country
// that holds a reading of mention `inner`.
bool Resolver::holds_a_reading(std::size_t outer, std::size_t inner) const {
    const auto inners = candidates_of(inner);
    return std::ranges::any_of(candidates_of(outer), [&](const Candidate& o) {
        const bool province = o.entry.kind == PlaceKind::admin1, country = o.entry.kind == PlaceKind::country;
        if ((!province && !country) || fold(o.entry.name) != folded_texts_[outer]) return false;
        return std::ranges::any_of(inners, [&](const Candidate& i) {
            return i.entry.kind != PlaceKind::country &&
                   (province ? i.admin1 != 0 && i.admin1 == o.admin1 : i.country == o.country);
        });
    });
}

// Whether mention k names a country by its own name.
bool Resolver::names_country(std::size_t k) const {
    return std::ranges::any_of(candidates_of(k), [&](const Candidate& c) {
        return c.entry.kind == PlaceKind::country && fold(c.entry.name) == folded_texts_[k];
    });
}

// Whether a reading of mention k is a place so well known that a run of
// names holding it is rather a list or a heading ("Georgia Tbilisi",
// "Florence Italy"): a country (or, with `provinces`, a province) by its
// own name, a national capital, a city of a million people.
bool Resolver::names_great_place(std::size_t k, bool provinces) const {
    const auto cands = candidates_of(k);
    for (std::size_t i = 0; i < cands.size(); ++i) {
        const Entry& e = cands[i].entry;
        if (mentions_[k].candidates[i].role != NameRole::name) continue;
        if (e.capital || e.population >= 1000000) return true;
        if ((e.kind == PlaceKind::country || (provinces && e.kind == PlaceKind::admin1)) &&
            fold(e.name) == folded_texts_[k])
            return true;
    }
    return false;
}

// The run of capitalised words holding token `first`, and the part of it
// that is a person's name because a given name opens it. A run is walked
// once; the mentions inside it reuse it.
Resolver::GivenRun Resolver::given_name_run(std::int64_t first, std::int64_t last) {
    if (first >= given_run_.start && first <= given_run_.end) return given_run_;
    // Back to the run's first word. A run walked before ends the walk, and
    // the words after a given name are walked only when one opens the run:
    // most mentions are in no such run, and a line of a thousand names
    // stays linear.
    GivenRun run;
    run.start = first;
    for (std::int64_t p = previous_run_word(first); p >= 0; p = previous_run_word(p)) {
        if (p >= given_run_.start && p <= given_run_.end) {
            run.start = given_run_.start;
            break;
        }
        run.start = p;
    }
    run.end = last;
    given_run_ = run;
    const std::int64_t g = run.start;
    const Token& given = token(g);
    // A word alone, with no age, kin or "and" around it, is no person's by
    // these rules: most mentions leave here, before the given-name lookup.
    const auto n = static_cast<std::int64_t>(doc_.tokens.size());
    if (g == first && g == last && next_run_word(g) < 0 && !age_before(g) && !kin_before(g) &&
        !(g + 1 < n && (token(g + 1).folded == "and" || token(g + 1).folded == "&")))
        return run;
    // Not a month ("In May Kyiv said"), a title or a word opening a clause.
    if (!given.capitalised || given.folded.size() < 2 || !is_given_name(given.folded) || !is_name_word(g) ||
        all_caps_word(std::string_view(doc_.text).substr(given.span.start, given.span.size())))
        return run;
    for (std::int64_t q = next_run_word(g); q >= 0; q = next_run_word(q)) run.end = std::max(q, last);
    given_run_ = run;
    // "George Town", "Victoria Falls", "Santa Ana": the gazetteer knows the
    // name with the words after it; that is the place.
    const std::int64_t own = mention_starting_at(g);
    if (own >= 0 && around_[static_cast<std::size_t>(own)].last > g) return run;
    // "German Chambers of Commerce": a people's name is no given name here.
    if (own >= 0 && std::ranges::any_of(mentions_[static_cast<std::size_t>(own)].candidates,
                                        [](const NameRef& r) { return r.role != NameRole::name; }))
        return run;
    // An age before or after, or kin before: the given name is a
    // person's even where it is a great place too ("Nine-year-old Georgia
    // Stevens"). A speech verb or a person's "who" after says so only of a
    // lesser one, as a team may open with a city ("Houston Rockets said").
    const std::int64_t e = run.end;
    const bool aged = age_before(g) || kin_before(g) || age_follows(e);
    const bool speaks = (e + 1 < n && token(e + 1).is_word && is_speech_verb(token(e + 1).folded)) ||
                        (e + 2 < n && token(e + 1).folded == "," && token(e + 2).folded == "who");
    const std::int64_t second = next_run_word(g);
    if (second < 0) {
        // Alone, a given name is a person's after an age ("Nine-year-old
        // Georgia is lacing her skates"; not "a 25-year-old Paris, Missouri,
        // man", nor "Kyiv said": a place may speak), after kin ("his wife,
        // Dora", "girlfriend Olivia"), or joined by "and" to another that
        // opens a person's name ("Brent and Lynnette Hain").
        const bool verb_next = g + 1 < n && token(g + 1).is_word && !token(g + 1).capitalised;
        if ((age_before(g) && verb_next) || kin_before(g) || couple_follows(g)) {
            given_run_.person_from = g;
            given_run_.evidence = true;
        }
        return given_run_;
    }
    if (keeps_the_place(token(second).folded)) return run;
    // "Boston Celtics", "Denver Broncos", "Charlotte Hornets": a place of
    // note and a plural no gazetteer knows is a team, not a person
    // ("Charlotte Williams": Williams is a town's name too).
    const std::string_view next = token(second).folded;
    const bool plural = next.size() >= 5 && next.back() == 's' && next[next.size() - 2] != 's' && run.end == second &&
                        mention_starting_at(second) < 0;
    if (plural && !aged && noted_place(own, given.folded)) return run;
    if (!aged && title_case_line(g)) return run;
    // "Georgia Tbilisi", "Florence Italy": a great place after the given
    // name, unless the run goes on to a plain surname ("Marcus Kent
    // Harper"). After a given name that is no place or only a town
    // ("Lorena Durango") only a country: the pair opens no list, yet "Star
    // India" is a company.
    const bool noted = noted_place(own, given.folded);
    if (const std::int64_t m2 = mention_starting_at(second); m2 >= 0) {
        const auto great = [&](std::int64_t m) {
            return names_great_place(static_cast<std::size_t>(m), noted) &&
                   (noted || names_country(static_cast<std::size_t>(m)));
        };
        const std::int64_t last_mention = mention_starting_at(run.end);
        // "Troy Michigan", "Lincoln Nebraska": a town and the province or
        // country that holds it, with no comma between.
        if (own >= 0 && around_[static_cast<std::size_t>(m2)].last == run.end &&
            holds_a_reading(static_cast<std::size_t>(m2), static_cast<std::size_t>(own)))
            return run;
        if (great(m2) &&
            (around_[static_cast<std::size_t>(m2)].last >= run.end || (last_mention >= 0 && great(last_mention))))
            return run;
    }
    // A given name that is a country, a capital or a great city ("Kobe
    // Bryant", "Jordan Henderson") stays itself without an age or kin (or
    // a title: in_person_run); the words after it are the surname.
    const bool great_given = own >= 0 && names_great_place(static_cast<std::size_t>(own), false);
    given_run_.person_from = great_given && !aged ? second : g;
    given_run_.evidence = aged || (speaks && !great_given);
    return given_run_;
}

// Whether "and" and a second given name opening a two-word person's name
// follow token g: "Brent and Lynnette Hain".
bool Resolver::couple_follows(std::int64_t g) const {
    const auto n = static_cast<std::int64_t>(doc_.tokens.size());
    if (g + 3 >= n || (token(g + 1).folded != "and" && token(g + 1).folded != "&")) return false;
    const std::int64_t other = g + 2;
    const Token& t = token(other);
    if (!t.is_word || !t.capitalised || !is_name_word(other) || !is_given_name(t.folded)) return false;
    const std::int64_t surname = next_run_word(other);
    // The surname no place ("between Charlotte and Raleigh-Durham").
    return surname >= 0 && !keeps_the_place(token(surname).folded) && next_run_word(surname) < 0 &&
           mention_starting_at(surname) < 0;
}

// Mentions inside a run that a given name opens are read as a person's
// name, as after a title.
void Resolver::mark_given_name_runs() {
    for (std::size_t k = 0; k < n_; ++k) {
        Around& ar = around_[k];
        if (ar.first < 0 || ar.last < 0 || ar.ctx.titled) continue;
        const GivenRun run = given_name_run(ar.first, ar.last);
        if (run.person_from < 0 || ar.first < run.person_from || ar.last > run.end) continue;
        ar.ctx.titled = true;
        // The given name alone, with nothing else saying it is a person's,
        // is that person's here only: "Alberta Liquor Store Association"
        // must not take Alberta from the rest of the article.
        ar.given_person = ar.first == run.start;
        ar.quiet_person = ar.given_person && !run.evidence;
    }
}

}  // namespace borderline::geoparse_detail
