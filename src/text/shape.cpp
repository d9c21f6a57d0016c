// The article's shape, from its lines: timestamps that open entries (live
// blog), "Q:"/"A:" or "NAME:" turns (transcript), a release header or an
// issuing body that opens the text in the present tense (press release), an
// opinion label, byline and author biography (opinion), a short body
// (brief). Hand-written scanning rather than regular expressions: a text
// of 20 MB has hundreds of thousands of lines, and std::regex costs
// microseconds a line.
#include <borderline/shape.hpp>

#include <algorithm>
#include <array>
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

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

/// `hay.find(needle, from)` through glibc's memmem: string_view::find
/// looks for the needle's first byte and compares at each, and these
/// needles start with a space or a common letter, so it compared at most
/// bytes of the text (half of extract's time went to finding the shape).
std::size_t find_text(std::string_view hay, std::string_view needle, std::size_t from = 0) {
    if (from > hay.size()) return std::string_view::npos;
    const void* p = ::memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - hay.data()) : std::string_view::npos;
}

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

bool starts_with_folded(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && lowered(s.substr(0, prefix.size())) == prefix;
}

/// A non-blank line: its bytes [start, end) without the surrounding blanks.
struct Line {
    std::size_t start = 0, end = 0;
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
/// "MS ROSSI:"): its length with the colon, and its folded words.
std::size_t turn_label(std::string_view line, std::string& name, Turn::Role& role) {
    const std::size_t colon = line.find(':');
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
    const std::string folded = lowered(label);
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
    name = folded;
    return colon + 1;
}

bool is_word_start(std::string_view s, std::size_t i) {
    return i < s.size() &&
           (is_upper(s[i]) || is_lower(s[i]) || is_digit(s[i]) || static_cast<unsigned char>(s[i]) >= 0x80) &&
           (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\t' || s[i - 1] == '(' || s[i - 1] == '"');
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
/// Defence said ...", "... says").
std::size_t issuer_at(std::string_view s, bool& verb) {
    verb = false;
    const auto w = words_of(s.substr(0, std::min<std::size_t>(s.size(), 400)));
    std::size_t k = 0;
    if (k < w.size() && lowered(s.substr(w[k].first, w[k].second - w[k].first)) == "the") ++k;
    bool body = false;
    std::size_t end = 0, last_kept = 0;
    for (; k < w.size(); ++k) {
        const std::string_view word = s.substr(w[k].first, w[k].second - w[k].first);
        const std::string_view b = bare(word);
        const std::string f = lowered(b);
        const bool capital = !b.empty() && (is_upper(b[0]) || static_cast<unsigned char>(b[0]) >= 0x80);
        const bool joins = f == "of" || f == "the" || f == "and" || f == "for" || f == "in" || f == "on";
        // "Spokesperson of the Ministry", "Ministry of Foreign Affairs,
        // African Cooperation and ...": a comma goes on to a capital.
        const bool comma_on =
            b.size() + 1 == word.size() && word.back() == ',' && k + 1 < w.size() && is_upper(s[w[k + 1].first]);
        if (capital) {
            std::string stem = f;
            if (stem.size() > 2 && stem.ends_with("'s")) stem.resize(stem.size() - 2);
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
    while (v < w.size() && lowered(bare(s.substr(w[v].first, w[v].second - w[v].first))).ends_with("ly")) ++v;
    if (v < w.size()) {
        const std::string f = lowered(bare(s.substr(w[v].first, w[v].second - w[v].first)));
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
/// "served" among its first five words, and a word of a career.
bool is_bio(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == '*' || line[i] == '_' || line[i] == '-' || is_blank(line[i]) ||
                               static_cast<unsigned char>(line[i]) == 0xE2)) {
        i += static_cast<unsigned char>(line[i]) == 0xE2 ? 3 : 1;  // an em dash before the name
    }
    if (i >= line.size() || line.size() - i > 400 || !is_upper(line[i])) return false;
    const std::string f = lowered(line.substr(i));
    const auto w = words_of(f);
    bool verb = false;
    for (std::size_t k = 1; k < w.size() && k < 6; ++k) {
        const std::string_view word = bare(std::string_view(f).substr(w[k].first, w[k].second - w[k].first));
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

void find_transcript(std::string_view text, const std::vector<Line>& lines, ArticleShape& shape) {
    std::vector<Turn> turns;
    std::map<std::string, std::size_t> named;
    std::size_t questions = 0, answers = 0;
    for (std::size_t l = 1; l < lines.size(); ++l) {
        const std::string_view line = text.substr(lines[l].start, lines[l].end - lines[l].start);
        Turn t;
        const std::size_t n = turn_label(line, t.name, t.role);
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

void find_release(std::string_view text, const std::vector<Line>& lines, ArticleShape& shape) {
    bool marked = false;
    for (std::size_t l = 0; l < lines.size() && l < 4; ++l) {
        const std::string f = lowered(text.substr(lines[l].start, lines[l].end - lines[l].start));
        // A header line: the mark and no sentence ("... rejects the
        // statement of the Senate." is the release speaking).
        if (is_heading(f) && has_any(f, kReleaseMarks)) {
            marked = true;
            if (l > 0) shape.furniture.push_back({lines[l].start, lines[l].end});
        }
    }
    for (std::size_t l = lines.size() > 3 ? lines.size() - 3 : 1; l < lines.size(); ++l) {
        const std::string f = lowered(text.substr(lines[l].start, lines[l].end - lines[l].start));
        if (std::any_of(kReleaseEnds.begin(), kReleaseEnds.end(), [&](std::string_view e) {
                return f == e || f.starts_with(e) || f.starts_with("- " + std::string(e));
            })) {
            marked = true;
            shape.furniture.push_back({lines[l].start, text.size()});
            break;
        }
    }
    // The issuing bodies: in a header line ("Statement by the Ministry of
    // ..."), or opening a paragraph in the present tense, in the first
    // lines. The claims stage takes the first that names a country.
    bool opens = false;
    for (std::size_t l = 0; l < lines.size() && l < 6; ++l) {
        const std::string_view line = text.substr(lines[l].start, lines[l].end - lines[l].start);
        const std::string f = lowered(line);
        // Each lead is looked for only in a line with its first word.
        const bool statement = find_text(f, "statement ") != std::string_view::npos;
        const bool press = find_text(f, "press ") != std::string_view::npos;
        for (std::string_view lead : {"", "statement by the ", "statement by ", "statement of the ",
                                      "press release of the ", "press release by the ", "press service of the "}) {
            std::size_t at = 0;
            if (!lead.empty()) {
                if (lead.starts_with("statement") ? !statement : !press) continue;
                at = find_text(f, lead);
                if (at == std::string_view::npos) continue;
                at += lead.size();
            } else if (l == 0 && !marked) {
                continue;  // a headline is not the release speaking
            } else {
                // "TBILISI, 4 March 2025 — The Ministry ...": past a dateline.
                for (std::size_t i = 0; i < line.size() && i < 60; ++i) {
                    if (const std::size_t sep = separator_at(line, i);
                        sep && line[i] != ':' && i > 0 && is_blank(line[i - 1])) {
                        at = i + sep;
                        while (at < line.size() && is_blank(line[at])) ++at;
                        break;
                    }
                }
            }
            bool verb = false;
            const std::size_t n = issuer_at(line.substr(at), verb);
            if (n == 0) continue;
            // A line that is only the body's name ("Ministry of Foreign
            // Affairs of the Republic of Serbia") heads a marked release.
            const bool header = marked && line.find_first_not_of(" \t\r", at + n) == std::string_view::npos;
            if (lead.empty() && !verb && !header) continue;
            shape.issuers.push_back({lines[l].start + at, lines[l].start + at + n});
            opens = opens || (lead.empty() && verb);
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

void find_opinion(std::string_view text, const std::vector<Line>& lines, ArticleShape& shape,
                  std::vector<ShapeSpan>& bylines) {
    bool label = false, byline = false;
    for (std::size_t l = 0; l < lines.size() && l < 4; ++l) {
        const std::string_view line = text.substr(lines[l].start, lines[l].end - lines[l].start);
        const std::string f = lowered(line);
        const bool is_label = std::find(kOpinionMarks.begin(), kOpinionMarks.end(), bare(f)) != kOpinionMarks.end() ||
                              std::any_of(kOpinionMarks.begin(), kOpinionMarks.end(), [&](std::string_view m) {
                                  return f.starts_with(std::string(m) + ":") || f.starts_with(std::string(m) + " |");
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
        const std::string_view line = text.substr(lines[l].start, lines[l].end - lines[l].start);
        if (is_bio(line)) {
            if (!shape.bio.end) shape.bio = {lines[l].start, lines[l].end};
            shape.furniture.push_back({lines[l].start, lines[l].end});
        }
    }
    // The first person is counted only when it can decide (a full scan of
    // the text, five times).
    const bool opinion = label || ((shape.bio.end || byline) && [&] {
                             const std::size_t mine = first_person(text);
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
        for (std::size_t i = lines[l].start; i < lines[l].end && n <= most; ++i) {
            if (is_word_start(text, i) && !shape.is_furniture(i)) ++n;
        }
    }
    return n;
}

}  // namespace

ArticleShape detect_shape(std::string_view text) {
    ArticleShape shape;
    const std::vector<Line> lines = lines_of(text);
    if (lines.size() < 2) return shape;
    // The byline and the biography are furniture whatever the shape; the
    // first shape found wins, in this order.
    find_transcript(text, lines, shape);
    if (shape.kind == ShapeKind::news) find_liveblog(text, lines, shape);
    if (shape.kind == ShapeKind::news) find_release(text, lines, shape);
    ArticleShape opinion;
    std::vector<ShapeSpan> bylines;
    find_opinion(text, lines, opinion, bylines);
    if (shape.kind == ShapeKind::news && opinion.kind == ShapeKind::opinion) {
        shape.kind = opinion.kind;
        shape.bio = opinion.bio;
        shape.furniture = std::move(opinion.furniture);
    }
    // A byline names no place in any shape; a last paragraph that reads
    // like a biography is one only in an opinion piece ("Visbek is a
    // former market town ..." ends a news story).
    shape.furniture.insert(shape.furniture.end(), bylines.begin(), bylines.end());
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
