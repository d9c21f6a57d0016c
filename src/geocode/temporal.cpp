// Telling a date word from a place of the same name by its neighbours: a day
// number, a year, a time, another date word, or a preposition that takes a
// month ("in March", "since May").
#include "geocode/temporal.hpp"
#include "text/word_table.hpp"

#include <initializer_list>
#include <string_view>
#include <vector>

namespace borderline {

namespace {

enum class DateWord { none, month, month_short, weekday, weekday_short, zone, feast, era };

// One table of every date word, rather than a set per kind asked in turn:
// a mention's word and its neighbours were compared with up to seventy.
DateWord date_word(std::string_view w) {
    struct Named {
        std::string_view word;
        DateWord kind;
    };
    static const std::vector<Named> words = [] {
        std::vector<Named> v;
        auto add = [&](DateWord kind, std::initializer_list<std::string_view> list) {
            for (std::string_view x : list) v.push_back({x, kind});  // a repeated word keeps its first kind
        };
        add(DateWord::month, {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                              "october", "november", "december"});
        add(DateWord::month_short,
            {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"});
        add(DateWord::weekday, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
        add(DateWord::weekday_short, {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"});
        // Time zones as newsrooms write them after a clock time.
        add(DateWord::zone, {"gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk",  "est",  "edt", "cst", "cdt",
                             "mst", "mdt", "pst", "pdt", "ist",  "jst", "kst",  "aest", "aedt", "hkt", "sgt", "wib"});
        add(DateWord::feast,
            {"christmas", "easter", "ramadan", "eid", "nowruz", "thanksgiving", "hanukkah", "passover", "diwali"});
        // "500 B.C.": the era after a year, not British Columbia.
        add(DateWord::era, {"b.c.", "b.c", "bc", "bce", "b.c.e.", "a.d.", "ad"});
        return v;
    }();
    static const WordTable table(words, [](const Named& n) { return n.word; });
    const int i = table.find(w);
    return i < 0 ? DateWord::none : words[static_cast<std::size_t>(i)].kind;
}

}  // namespace

bool is_month_or_weekday(std::string_view folded) {
    const DateWord k = date_word(folded);
    return k == DateWord::month || k == DateWord::weekday;
}

namespace {

// "3", "03", "2024", "3rd", "21st": a day number or a year.
bool is_number(const Token& t) {
    if (!t.is_word || t.folded.empty() || t.folded.size() > 4 + 2) return false;
    std::size_t digits = 0;
    while (digits < t.folded.size() && t.folded[digits] >= '0' && t.folded[digits] <= '9') ++digits;
    if (digits == 0 || digits > 4) return false;
    const std::string_view rest = t.folded.substr(digits);
    return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
}

// Words that take a month or a day: "in March", "since May", "by Friday".
bool takes_a_date(std::string_view w) {
    static const WordTable words{"in",     "on",    "since",   "until", "till", "by",    "from", "through",
                                 "during", "early", "late",    "mid",   "last", "next",  "this", "before",
                                 "after",  "of",    "between", "and",   "to",   "every", "each"};
    return words.contains(w);
}

// Words that follow a feast's name when it is a day: "Christmas Day", "Easter Sunday".
bool day_word(std::string_view w) {
    return w == "day" || w == "eve" || w == "holiday" || w == "holidays" || w == "truce" || w == "ceasefire" ||
           date_word(w) == DateWord::weekday || w == "morning" || w == "week" || w == "break";
}

}  // namespace

bool is_temporal(const Document& doc, std::int64_t first, std::int64_t last) {
    if (first < 0 || last < first) return false;
    const auto& toks = doc.tokens;
    const auto n = static_cast<std::int64_t>(toks.size());
    // Dates are one word: "Nov", "March", "Tuesday"; "Mon State" is the place.
    if (last != first) return false;
    const Token& t = toks[static_cast<std::size_t>(first)];
    const DateWord kind = date_word(t.folded);
    if (kind == DateWord::none) return false;
    // The neighbouring tokens, skipping a full stop right after the word
    // ("Sept. 12") and a comma ("Tuesday, 3 November").
    auto at = [&](std::int64_t i) -> const Token* {
        return i >= 0 && i < n ? &toks[static_cast<std::size_t>(i)] : nullptr;
    };
    std::int64_t after = last + 1;
    bool full_stop = false;
    if (const Token* a = at(after); a && a->folded == "." && a->span.start == t.span.end) {
        full_stop = true;
        ++after;
    }
    if (const Token* a = at(after); a && a->folded == ",") ++after;
    const Token* next = at(after);
    const Token* prev = at(first - 1);
    if (prev && prev->folded == ",") prev = at(first - 2);
    const bool number_next = next && is_number(*next);
    const bool number_prev = prev && is_number(*prev);
    const bool date_next = next && next->is_word && date_word(next->folded) != DateWord::none &&
                           date_word(next->folded) != DateWord::feast;
    const bool date_prev = prev && prev->is_word && date_word(prev->folded) != DateWord::none &&
                           date_word(prev->folded) != DateWord::feast;
    switch (kind) {
        case DateWord::weekday:
            return true;  // no place is called "Tuesday" in the news
        case DateWord::month:
            return number_next || number_prev || date_next || date_prev || (prev && takes_a_date(prev->folded));
        case DateWord::month_short:
            // "Sept.", "Nov 3", "3 Nov", "Mon 4 Nov"
            return full_stop || number_next || number_prev || date_next || date_prev;
        case DateWord::weekday_short:
            return number_next || date_next || date_prev || number_prev;
        case DateWord::zone:
            return number_prev || date_prev || (prev && prev->folded == "(");
        case DateWord::feast:
            return next && next->is_word && day_word(next->folded);
        case DateWord::era:
            return number_prev;
        case DateWord::none:
            break;
    }
    return false;
}

}  // namespace borderline
