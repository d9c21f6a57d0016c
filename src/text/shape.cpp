// The article's shape, from its lines: timestamps that open entries (live
// blog), "Q:"/"A:" or "NAME:" turns (transcript), a release header or an
// issuing body that opens the text in the present tense (press release), an
// opinion label, byline and author biography (opinion), a short body
// (brief). Hand-written scanning rather than regular expressions: a text
// of 20 MB has hundreds of thousands of lines, and std::regex costs
// microseconds a line.
#include <borderline/shape.hpp>

#include "text/shape_detect.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>

namespace borderline {

const char* to_string(ShapeKind k) {
    switch (k) {
        case ShapeKind::news:
            return "news";
        case ShapeKind::liveblog:
            return "liveblog";
        case ShapeKind::transcript:
            return "transcript";
        case ShapeKind::press_release:
            return "press_release";
        case ShapeKind::opinion:
            return "opinion";
        case ShapeKind::brief:
            return "brief";
    }
    return "news";
}

bool ArticleShape::is_furniture(std::size_t at) const {
    const auto it =
        std::partition_point(furniture.begin(), furniture.end(), [&](const ShapeSpan& s) { return s.end <= at; });
    return it != furniture.end() && it->contains(at);
}

std::size_t ArticleShape::entry_of(std::size_t at) const {
    return static_cast<std::size_t>(std::upper_bound(entries.begin(), entries.end(), at) - entries.begin());
}

/// `hay.find(needle, from)` through glibc's memmem: string_view::find
/// looks for the needle's first byte and compares at each, and these
/// needles start with a space or a common letter, so it compared at most
/// bytes of the text (half of extract's time went to finding the shape).
std::size_t find_text(std::string_view hay, std::string_view needle, std::size_t from) {
    if (from > hay.size()) return std::string_view::npos;
    const void* p = ::memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - hay.data()) : std::string_view::npos;
}

namespace {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_folded(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(s[i]) != prefix[i]) return false;
    }
    return true;
}

/// `s` starts with `word` and then `then` ("opinion:" for "opinion", ":").
bool starts_with_then(std::string_view s, std::string_view word, std::string_view then) {
    return s.starts_with(word) && s.substr(word.size()).starts_with(then);
}

/// A non-blank line: its bytes [start, end) without the surrounding blanks.
struct Line {
    std::size_t start = 0, end = 0;
};

/// The article as written and with its ASCII letters lower-cased, of the
/// same length (an offset into one is one into the other): the steps
/// compare lower-cased words as views of `low`, where a lower-cased copy
/// of each line they read cost an allocation and a copy of a paragraph.
struct Page {
    std::string_view text, low;
    [[nodiscard]] std::string_view line(const Line& l) const { return text.substr(l.start, l.end - l.start); }
    [[nodiscard]] std::string_view lowered(const Line& l) const { return low.substr(l.start, l.end - l.start); }
};

std::vector<Line> lines_of(std::string_view text) {
    std::vector<Line> out;
    std::size_t a = 0;
    while (a < text.size()) {
        std::size_t b = text.find('\n', a);
        if (b == std::string_view::npos) b = text.size();
        std::size_t s = a, e = b;
        while (s < e && is_blank(text[s])) ++s;
        while (e > s && is_blank(text[e - 1])) --e;
        if (e > s) out.push_back({s, e});
        a = b + 1;
    }
    return out;
}

// Dashes and bars that separate a timestamp or a dateline from the text.
std::size_t separator_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    if (s[i] == '-' || s[i] == '|' || s[i] == ':' || s[i] == ']' || s[i] == ')') return 1;
    if (s[i] != '\xE2') return 0;
    if (s.substr(i, 3) == "\xE2\x80\x94" || s.substr(i, 3) == "\xE2\x80\x93") return 3;  // em and en dash
    return 0;
}

/// The length of a timestamp that opens the line ("14:05", "9.30am",
/// "14:05 GMT —", "[08:12 local]"), 0 when there is none. A number such as
/// "12.50 percent" is not one: the time must end the line or be followed by
/// am/pm, a time zone or a separator.
std::size_t timestamp_prefix(std::string_view line) {
    std::size_t i = 0;
    if (i < line.size() && (line[i] == '[' || line[i] == '(')) ++i;
    const std::size_t d0 = i;
    while (i < line.size() && is_digit(line[i]) && i - d0 < 2) ++i;
    if (i == d0 || i >= line.size() || (line[i] != ':' && line[i] != '.')) return 0;
    ++i;
    if (i + 2 > line.size() || !is_digit(line[i]) || !is_digit(line[i + 1])) return 0;
    i += 2;
    if (i < line.size() && is_digit(line[i])) return 0;
    bool marked = false;
    auto skip_blanks = [&] {
        while (i < line.size() && is_blank(line[i])) ++i;
    };
    skip_blanks();
    for (std::string_view ampm : {"a.m.", "p.m.", "am", "pm"}) {
        if (starts_with_folded(line.substr(i), ampm) &&
            (i + ampm.size() == line.size() || !is_lower(lower(line[i + ampm.size()])))) {
            i += ampm.size();
            marked = true;
            break;
        }
    }
    skip_blanks();
    // A zone: two to five capitals ("GMT", "CEST"), maybe "+3", or "local".
    std::size_t z = i;
    while (z < line.size() && is_upper(line[z]) && z - i < 5) ++z;
    if (z - i >= 2 && (z == line.size() || !is_lower(line[z]))) {
        i = z;
        while (i < line.size() && (line[i] == '+' || line[i] == '-' || is_digit(line[i])) && i - z < 3) ++i;
        marked = true;
    } else if (starts_with_folded(line.substr(i), "local")) {
        i += 5;
        marked = true;
    }
    skip_blanks();
    if (const std::size_t sep = separator_at(line, i)) {
        i += sep;
        marked = true;
        skip_blanks();
        if (const std::size_t sep2 = separator_at(line, i)) i += sep2;  // "14:05 GMT] —"
        skip_blanks();
    }
    if (i == line.size()) return i;
    return marked ? i : 0;
}

constexpr auto kNotTurns = std::to_array<std::string_view>(
    {"read also",     "read more", "update",  "updated",       "breaking",   "related",          "watch",    "note",
     "editor's note", "photo",     "video",   "correction",    "source",     "sources",          "see also", "listen",
     "advertisement", "ends",      "contact", "media contact", "background", "notes to editors", "by"});

/// A turn label that opens the line ("Q:", "A.", "Answer:", "ALIYEV:",
/// "MS ROSSI:"): its length with the colon, and its folded words. `low`
/// is the line lower-cased.
std::size_t turn_label(std::string_view line, std::string_view low, std::string& name, Turn::Role& role) {
    // A label is at most 40 bytes: the rest of a paragraph is not searched.
    const std::size_t colon = line.substr(0, 41).find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 40) {
        // "Q." and "A." are labels too.
        if (line.size() > 3 && (line[0] == 'Q' || line[0] == 'A') && line[1] == '.' && line[2] == ' ') {
            role = line[0] == 'Q' ? Turn::Role::question : Turn::Role::answer;
            name = line[0] == 'Q' ? "q" : "a";
            return 2;
        }
        return 0;
    }
    const std::string_view label = line.substr(0, colon);
    const std::string_view folded = low.substr(0, colon);
    if (colon + 1 < line.size() && !is_blank(line[colon + 1])) return 0;  // "14:05", "http:"
    if (folded == "q" || folded == "question" || folded == "interviewer") {
        role = Turn::Role::question;
    } else if (folded == "a" || folded == "answer") {
        role = Turn::Role::answer;
    } else {
        // A name in capitals, of one to four words.
        std::size_t words = 0;
        bool word = false;
        for (const char c : label) {
            if (is_upper(c) || c == '\'' || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80) {
                if (!word) ++words;
                word = true;
            } else if (c == ' ') {
                word = false;
            } else {
                return 0;
            }
        }
        if (words == 0 || words > 4) return 0;
        if (std::find(kNotTurns.begin(), kNotTurns.end(), folded) != kNotTurns.end()) return 0;
        role = Turn::Role::named;
    }
    name.assign(folded);
    return colon + 1;
}

/// For each byte: 1 when a word can start with it (a letter, a digit or a
/// byte of a multi-byte character), and when it can come before a word
/// (a blank, a line break, an opening bracket or quote).
constexpr std::array<std::uint8_t, 256> kWordByte = [] {
    std::array<std::uint8_t, 256> t{};
    for (std::size_t c = 0; c < 256; ++c) {
        const char b = static_cast<char>(c);
        t[c] = is_upper(b) || is_lower(b) || is_digit(b) || c >= 0x80;
    }
    return t;
}();
constexpr std::array<std::uint8_t, 256> kBeforeWord = [] {
    std::array<std::uint8_t, 256> t{};
    for (const char b : {' ', '\n', '\t', '(', '"'}) t[static_cast<unsigned char>(b)] = 1;
    return t;
}();

bool is_word_start(std::string_view s, std::size_t i) {
    return i < s.size() && kWordByte[static_cast<unsigned char>(s[i])] &&
           (i == 0 || kBeforeWord[static_cast<unsigned char>(s[i - 1])]);
}

/// The words of `s` as [start, end) pairs (split at blanks).
std::vector<std::pair<std::size_t, std::size_t>> words_of(std::string_view s) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (is_blank(s[i]) || s[i] == '\n')) ++i;
        const std::size_t a = i;
        while (i < s.size() && !is_blank(s[i]) && s[i] != '\n') ++i;
        if (i > a) out.emplace_back(a, i);
    }
    return out;
}

/// The words of `s` as words_of splits them, found only as far as they are
/// asked for: the steps read the first few words of a line, and a line is
/// often a whole paragraph.
class Words {
public:
    explicit Words(std::string_view s) : s_(s) {}
    /// Whether `s` has a word `k` (0 the first).
    bool has(std::size_t k) {
        while (words_.size() <= k && at_ < s_.size()) {
            while (at_ < s_.size() && (is_blank(s_[at_]) || s_[at_] == '\n')) ++at_;
            const std::size_t a = at_;
            while (at_ < s_.size() && !is_blank(s_[at_]) && s_[at_] != '\n') ++at_;
            if (at_ > a) words_.emplace_back(a, at_);
        }
        return k < words_.size();
    }
    /// Word `k` as [start, end), once has(k) said it is there.
    const std::pair<std::size_t, std::size_t>& operator[](std::size_t k) const { return words_[k]; }

private:
    std::string_view s_;
    std::size_t at_ = 0;
    std::vector<std::pair<std::size_t, std::size_t>> words_;
};

std::string_view bare(std::string_view w) {
    while (!w.empty() && !is_upper(w.back()) && !is_lower(w.back()) && !is_digit(w.back())) w.remove_suffix(1);
    return w;
}

constexpr auto kBodies = std::to_array<std::string_view>({"ministry", "government", "embassy", "office", "presidency",
                                                          "mission", "department", "service", "cabinet", "secretariat",
                                                          "chancellery", "administration", "council"});

/// The issuing body at the start of `s` ("The Ministry of Foreign Affairs
/// of the Republic of Moldova", "Georgia's Ministry of Defence", "The
/// Embassy of Japan in Seoul"): its length, 0 when `s` opens with none.
/// `verb`: set to whether a present-tense verb of a release follows
/// ("condemns", "strongly rejects"), and not a report's ("The Ministry of
/// Defence said ...", "... says"). `low` is `s` lower-cased.
std::size_t issuer_at(std::string_view s, std::string_view low, bool& verb) {
    verb = false;
    Words w(s.substr(0, std::min<std::size_t>(s.size(), 400)));
    // A word of `s` lower-cased, without its trailing marks.
    auto bare_low = [&](std::size_t k) {
        return low.substr(w[k].first, bare(s.substr(w[k].first, w[k].second - w[k].first)).size());
    };
    std::size_t k = 0;
    if (w.has(k) && low.substr(w[k].first, w[k].second - w[k].first) == "the") ++k;
    bool body = false;
    std::size_t end = 0, last_kept = 0;
    for (; w.has(k); ++k) {
        const std::string_view word = s.substr(w[k].first, w[k].second - w[k].first);
        const std::string_view b = bare(word);
        const std::string_view f = low.substr(w[k].first, b.size());
        const bool capital = !b.empty() && (is_upper(b[0]) || static_cast<unsigned char>(b[0]) >= 0x80);
        const bool joins = f == "of" || f == "the" || f == "and" || f == "for" || f == "in" || f == "on";
        // "Spokesperson of the Ministry", "Ministry of Foreign Affairs,
        // African Cooperation and ...": a comma goes on to a capital.
        const bool comma_on =
            b.size() + 1 == word.size() && word.back() == ',' && w.has(k + 1) && is_upper(s[w[k + 1].first]);
        if (capital) {
            std::string_view stem = f;
            if (stem.size() > 2 && stem.ends_with("'s")) stem.remove_suffix(2);
            if (std::find(kBodies.begin(), kBodies.end(), stem) != kBodies.end()) body = true;
            end = w[k].first + b.size();
            last_kept = k;
            if (b.size() != word.size() && !comma_on) break;  // "Moldova," ends the phrase
        } else if (!joins || end == 0) {
            break;
        }
    }
    if (!body || end == 0) return 0;
    std::size_t v = last_kept + 1;
    while (w.has(v) && bare_low(v).ends_with("ly")) ++v;
    if (w.has(v)) {
        const std::string_view f = bare_low(v);
        // A news story's lede says "says" and "warns"; a release
        // "rejects", "condemns", "welcomes", "reaffirms".
        static constexpr auto kReporting = std::to_array<std::string_view>(
            {"says", "tells", "reports", "claims", "warns", "believes", "thinks",  "was",    "has",      "its",
             "does", "plans", "wants",   "hopes",  "fears", "expects",  "insists", "admits", "confirms", "denies"});
        verb = f.size() > 3 && f.ends_with("s") && !f.ends_with("ss") &&
               std::find(kReporting.begin(), kReporting.end(), f) == kReporting.end();
    }
    return end;
}

constexpr auto kReleaseMarks = std::to_array<std::string_view>(
    {"press release", "for immediate release", "press statement", "statement by", "statement of", "communique",
     "communiqu\xC3\xA9", "press service", "news release", "official statement"});
constexpr auto kReleaseEnds =
    std::to_array<std::string_view>({"ends", "-ends-", "###", "-30-", "media contact", "media enquiries",
                                     "for media enquiries", "press office", "press contact", "contact:"});
constexpr auto kOpinionMarks = std::to_array<std::string_view>(
    {"opinion", "op-ed", "comment", "commentary", "analysis", "viewpoint", "guest column", "column", "perspective"});
constexpr auto kBioWords = std::to_array<std::string_view>(
    {"fellow",        "professor", "former",     "columnist",  "director", "author",   "researcher",
     "analyst",       "minister",  "ambassador", "diplomat",   "editor",   "lecturer", "member",
     "senior",        "adviser",   "advisor",    "journalist", "writer",   "scholar",  "historian",
     "correspondent", "served",    "teaches",    "chair",      "head"});

/// A line with no sentence in it: a header, a title, a dateline.
bool is_heading(std::string_view line) {
    while (!line.empty() && (is_blank(line.back()) || line.back() == '"')) line.remove_suffix(1);
    return !line.empty() && line.back() != '.' && line.back() != '!' && line.back() != '?';
}

}  // namespace

bool is_bare_release_mark(std::string_view line) {
    std::string f;
    for (const char c : line) {
        if (c >= 'A' && c <= 'Z')
            f += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || c == ' ' || static_cast<unsigned char>(c) >= 0x80)
            f += c;
    }
    while (!f.empty() && f.back() == ' ') f.pop_back();
    while (!f.empty() && f.front() == ' ') f.erase(f.begin());
    static constexpr auto kBare = std::to_array<std::string_view>(
        {"press release", "for immediate release", "press statement", "news release", "communique", "communiqu\xC3\xA9",
         "official statement", "statement", "media release"});
    return std::find(kBare.begin(), kBare.end(), f) != kBare.end();
}

namespace {

bool has_any(std::string_view folded, const auto& words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return find_text(folded, w) != std::string_view::npos; });
}

/// "By Jane Roe" or "By Jane Roe, Senior Fellow": a short line.
bool is_byline(std::string_view line) {
    if (line.size() > 90 || !starts_with_folded(line, "by ") || line.size() < 5 || !is_upper(line[3])) return false;
    const auto w = words_of(line.substr(3));
    return !w.empty() && w.size() <= 8;
}

/// An author's biography: "Jane Roe is Estonia's former defence minister.",
/// "The author is ...", "— Jane Roe teaches history at ...". Short, a
/// capitalised name (or "the author/writer") and "is", "was", "teaches",
/// "served" among its first five words, and a word of a career. `low` is
/// the line lower-cased.
bool is_bio(std::string_view line, std::string_view low) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == '*' || line[i] == '_' || line[i] == '-' || is_blank(line[i]) ||
                               static_cast<unsigned char>(line[i]) == 0xE2)) {
        i += static_cast<unsigned char>(line[i]) == 0xE2 ? 3 : 1;  // an em dash before the name
    }
    if (i >= line.size() || line.size() - i > 400 || !is_upper(line[i])) return false;
    const std::string_view f = low.substr(i);
    Words w(f);
    bool verb = false;
    for (std::size_t k = 1; k < 6 && w.has(k); ++k) {
        const std::string_view word = bare(f.substr(w[k].first, w[k].second - w[k].first));
        if (word == "is" || word == "was" || word == "teaches" || word == "served" || word == "writes" ||
            word == "has") {
            verb = true;
            break;
        }
    }
    if (f.starts_with("the views expressed") || f.starts_with("views expressed")) return true;
    return verb && has_any(f, kBioWords);
}

std::size_t first_person(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t p = find_text(text, "I "); p != std::string_view::npos; p = find_text(text, "I ", p + 2)) {
        if (p == 0 || text[p - 1] == ' ' || text[p - 1] == '\n') ++n;
    }
    for (std::string_view w : {" my ", " I'm ", " I\xE2\x80\x99m ", " me "}) {
        for (std::size_t p = find_text(text, w); p != std::string_view::npos; p = find_text(text, w, p + 1)) ++n;
    }
    return n;
}

// The steps, each on the article's lines; lines[0] is the headline.

void find_liveblog(std::string_view text, const std::vector<Line>& lines, ArticleShape& shape) {
    std::vector<ShapeSpan> stamps;
    for (std::size_t l = 1; l < lines.size(); ++l) {
        const std::string_view line = text.substr(lines[l].start, lines[l].end - lines[l].start);
        if (const std::size_t n = timestamp_prefix(line)) stamps.push_back({lines[l].start, lines[l].start + n});
    }
    // Three entries at least, and a good part of the paragraphs: a story
    // may give one or two times at the start of a line.
    if (stamps.size() < 3 || stamps.size() * 5 < (lines.size() - 1)) return;
    shape.kind = ShapeKind::liveblog;
    for (const ShapeSpan& s : stamps) {
        shape.furniture.push_back(s);
        shape.entries.push_back(s.start);
    }
}

void find_transcript(const Page& page, const std::vector<Line>& lines, ArticleShape& shape) {
    const std::string_view text = page.text;
    std::vector<Turn> turns;
    std::map<std::string, std::size_t> named;
    std::size_t questions = 0, answers = 0;
    for (std::size_t l = 1; l < lines.size(); ++l) {
        Turn t;
        const std::size_t n = turn_label(page.line(lines[l]), page.lowered(lines[l]), t.name, t.role);
        if (n == 0) continue;
        t.label = {lines[l].start, lines[l].start + n};
        if (t.role == Turn::Role::question) ++questions;
        if (t.role == Turn::Role::answer) ++answers;
        if (t.role == Turn::Role::named) ++named[t.name];
        turns.push_back(std::move(t));
    }
    std::size_t speakers = 0;  // names with two turns or more
    for (const auto& [name, n] : named) speakers += n >= 2 ? 1 : 0;
    const bool qa = questions >= 2 && answers >= 2;
    if (!qa && speakers < 2) return;
    // Only the kind of label that makes the transcript: with Q/A, a stray
    // "NOTE:" is not a turn, and the other way round.
    std::erase_if(turns, [&](const Turn& t) {
        return qa ? t.role == Turn::Role::named : t.role != Turn::Role::named || named[t.name] < 2;
    });
    for (std::size_t i = 0; i < turns.size(); ++i) {
        std::size_t b = turns[i].label.end;
        while (b < text.size() && is_blank(text[b])) ++b;
        turns[i].body = {b, i + 1 < turns.size() ? turns[i + 1].label.start : text.size()};
        shape.furniture.push_back(turns[i].label);
    }
    shape.intro = {lines.size() > 1 ? lines[1].start : 0, turns.front().label.start};
    shape.turns = std::move(turns);
    shape.kind = ShapeKind::transcript;
}

void find_release(const Page& page, const std::vector<Line>& lines, ArticleShape& shape) {
    bool marked = false;
    for (std::size_t l = 0; l < lines.size() && l < 4; ++l) {
        const std::string_view f = page.lowered(lines[l]);
        // A header line: the mark and no sentence ("... rejects the
        // statement of the Senate." is the release speaking).
        if (is_heading(f) && has_any(f, kReleaseMarks)) {
            marked = true;
            if (l > 0) shape.furniture.push_back({lines[l].start, lines[l].end});
        }
    }
    for (std::size_t l = lines.size() > 3 ? lines.size() - 3 : 1; l < lines.size(); ++l) {
        const std::string_view f = page.lowered(lines[l]);
        if (std::any_of(kReleaseEnds.begin(), kReleaseEnds.end(), [&](std::string_view e) {
                return f == e || f.starts_with(e) || starts_with_then(f, "- ", e);
            })) {
            marked = true;
            shape.furniture.push_back({lines[l].start, page.text.size()});
            break;
        }
    }
    // The issuing bodies: in a header line ("Statement by the Ministry of
    // ..."), or opening a paragraph in the present tense, in the first
    // lines. The claims stage takes the first that names a country.
    // The openings first: without them or a mark the text is no release
    // and its issuers are dropped, so the leads are not looked for (their
    // searches went through the first six paragraphs of every article).
    constexpr std::size_t kIssuerLines = 6;
    std::array<ShapeSpan, kIssuerLines> opening{};
    bool opens = false;
    for (std::size_t l = 0; l < lines.size() && l < kIssuerLines; ++l) {
        if (l == 0 && !marked) continue;  // a headline is not the release speaking
        const std::string_view line = page.line(lines[l]);
        // "TBILISI, 4 March 2025 — The Ministry ...": past a dateline.
        std::size_t at = 0;
        for (std::size_t i = 1; i < line.size() && i < 60; ++i) {
            // A separator after a blank: the blank is looked at first, as
            // few bytes follow one.
            if (!is_blank(line[i - 1]) || line[i] == ':') continue;
            if (const std::size_t sep = separator_at(line, i)) {
                at = i + sep;
                while (at < line.size() && is_blank(line[at])) ++at;
                break;
            }
        }
        bool verb = false;
        const std::size_t n = issuer_at(line.substr(at), page.lowered(lines[l]).substr(at), verb);
        if (n == 0) continue;
        // A line that is only the body's name ("Ministry of Foreign
        // Affairs of the Republic of Serbia") heads a marked release.
        const bool header = marked && line.find_first_not_of(" \t\r", at + n) == std::string_view::npos;
        if (!verb && !header) continue;
        opening[l] = {lines[l].start + at, lines[l].start + at + n};
        opens = opens || verb;
    }
    if (!marked && !opens) {
        shape.furniture.clear();
        return;
    }
    for (std::size_t l = 0; l < lines.size() && l < kIssuerLines; ++l) {
        if (opening[l].end) {
            shape.issuers.push_back(opening[l]);
            continue;
        }
        const std::string_view line = page.line(lines[l]);
        const std::string_view f = page.lowered(lines[l]);
        // Each lead is looked for only in a line with its first word.
        const bool statement = find_text(f, "statement ") != std::string_view::npos;
        const bool press = find_text(f, "press ") != std::string_view::npos;
        for (std::string_view lead : {"statement by the ", "statement by ", "statement of the ",
                                      "press release of the ", "press release by the ", "press service of the "}) {
            if (lead.starts_with("statement") ? !statement : !press) continue;
            std::size_t at = find_text(f, lead);
            if (at == std::string_view::npos) continue;
            at += lead.size();
            bool verb = false;
            const std::size_t n = issuer_at(line.substr(at), f.substr(at), verb);
            if (n == 0) continue;
            shape.issuers.push_back({lines[l].start + at, lines[l].start + at + n});
            break;
        }
    }
    if ((marked || opens) && !shape.issuers.empty()) {
        shape.kind = ShapeKind::press_release;
    } else if (marked) {
        shape.kind = ShapeKind::press_release;  // a release whose issuer is only its header's words
    } else {
        shape.issuers.clear();
        shape.furniture.clear();
    }
}

void find_opinion(const Page& page, const std::vector<Line>& lines, ArticleShape& shape,
                  std::vector<ShapeSpan>& bylines) {
    bool label = false, byline = false;
    for (std::size_t l = 0; l < lines.size() && l < 4; ++l) {
        const std::string_view line = page.line(lines[l]);
        const std::string_view f = page.lowered(lines[l]);
        // The line is a mark ("Opinion", "ANALYSIS.") or opens with one and
        // a colon or a bar ("Comment: ...", "Opinion | ...").
        const std::size_t bare_size = bare(f).size();
        const bool is_label = std::any_of(kOpinionMarks.begin(), kOpinionMarks.end(), [&](std::string_view m) {
            if (f.empty() || f[0] != m[0] || !f.starts_with(m)) return false;
            const std::string_view rest = f.substr(m.size());
            return bare_size == m.size() || rest.starts_with(":") || rest.starts_with(" |");
        });
        if (is_label && l > 0) {
            label = true;
            shape.furniture.push_back({lines[l].start, lines[l].end});
        } else if (is_label) {
            label = true;  // "Opinion: ..." in the headline
        }
        if (l > 0 && is_byline(line)) {
            byline = true;
            bylines.push_back({lines[l].start, lines[l].end});
        }
    }
    for (std::size_t l = lines.size() > 2 ? lines.size() - 2 : 1; l < lines.size(); ++l) {
        if (is_bio(page.line(lines[l]), page.lowered(lines[l]))) {
            if (!shape.bio.end) shape.bio = {lines[l].start, lines[l].end};
            shape.furniture.push_back({lines[l].start, lines[l].end});
        }
    }
    // The first person is counted only when it can decide (a full scan of
    // the text, five times).
    const bool opinion = label || (shape.bio.end && byline) || ((shape.bio.end || byline) && [&] {
                             const std::size_t mine = first_person(page.text);
                             return (shape.bio.end && (byline || mine >= 2)) || (byline && mine >= 3);
                         }());
    if (opinion) shape.kind = ShapeKind::opinion;
}

/// The body's words, counted up to `most` + 1: enough to tell a brief, and
/// a long article is not read to its end for it.
std::size_t count_body_words(std::string_view text, const std::vector<Line>& lines, const ArticleShape& shape,
                             std::size_t most) {
    std::size_t n = 0;
    for (std::size_t l = 1; l < lines.size() && n <= most; ++l) {
        if (!shape.furniture.empty()) {
            for (std::size_t i = lines[l].start; i < lines[l].end && n <= most; ++i) {
                if (is_word_start(text, i) && !shape.is_furniture(i)) ++n;
            }
            continue;
        }
        // Without furniture (most articles): the word starts of 64 bytes at
        // a time without a branch, the count capped at the end.
        for (std::size_t i = lines[l].start; i < lines[l].end && n <= most;) {
            const std::size_t stop = std::min(lines[l].end, i + 64);
            for (; i < stop; ++i) {
                n += kWordByte[static_cast<unsigned char>(text[i])] &
                     kBeforeWord[static_cast<unsigned char>(text[i - 1])];
            }
        }
    }
    return std::min(n, most + 1);
}

}  // namespace

ArticleShape detect_shape(std::string_view text) {
    std::string low(text);
    for (char& c : low) c = lower(c);
    return detect_shape(text, low);
}

ArticleShape detect_shape(std::string_view text, std::string_view lowered) {
    if (lowered.size() != text.size()) return detect_shape(text);  // not the text's lower case
    ArticleShape shape;
    const std::vector<Line> lines = lines_of(text);
    if (lines.size() < 2) return shape;
    const Page page{text, lowered};
    // The byline and the biography are furniture whatever the shape; the
    // first shape found wins, in this order.
    find_transcript(page, lines, shape);
    if (shape.kind == ShapeKind::news) find_liveblog(text, lines, shape);
    if (shape.kind == ShapeKind::news) find_release(page, lines, shape);
    ArticleShape opinion;
    std::vector<ShapeSpan> bylines;
    find_opinion(page, lines, opinion, bylines);
    if (shape.kind == ShapeKind::news && opinion.kind == ShapeKind::opinion) {
        shape.kind = opinion.kind;
        shape.bio = opinion.bio;
        shape.furniture = std::move(opinion.furniture);
    }
    // A byline names no place in any shape; a last paragraph that reads
    // like a biography is one only in an opinion piece ("Visbek is a
    // former market town ..." ends a news story).
    shape.furniture.insert(shape.furniture.end(), bylines.begin(), bylines.end());
    find_corrections(page.low, shape.furniture);
    std::sort(shape.furniture.begin(), shape.furniture.end(),
              [](const ShapeSpan& a, const ShapeSpan& b) { return a.start < b.start; });
    // Overlapping spans (a bio that is also a release's last line) merge.
    std::vector<ShapeSpan> merged;
    for (const ShapeSpan& s : shape.furniture) {
        if (!merged.empty() && s.start <= merged.back().end) {
            merged.back().end = std::max(merged.back().end, s.end);
        } else {
            merged.push_back(s);
        }
    }
    shape.furniture = std::move(merged);
    // A brief: a short item of news (the issue's 100-150 words, with room
    // either side).
    constexpr std::size_t kBriefWords = 170;
    shape.body_words = count_body_words(text, lines, shape, kBriefWords);
    if (shape.kind == ShapeKind::news && shape.body_words >= 60 && shape.body_words <= kBriefWords)
        shape.kind = ShapeKind::brief;
    return shape;
}

}  // namespace borderline
