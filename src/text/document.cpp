// Document: reads an article in any of the accepted formats and turns it into
// normalised UTF-8 with sentences and tokens.
//
// Markup is blanked out rather than removed: tags, Markdown markers, a web
// page's furniture (text/html.cpp) and invalid UTF-8 bytes become spaces,
// so every byte offset into Document::text is also an offset into the
// input file. Only JSON input,
// whose text is a decoded string, has offsets into that string instead.
#include <borderline/document.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/input.hpp>

#include "text/html.hpp"
#include "text/shape_detect.hpp"

#include <utf8proc.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

namespace borderline {

namespace {

/// Replace invalid UTF-8 bytes by spaces; returns how many were replaced.
std::size_t scrub_utf8(std::string& s) {
    std::size_t replaced = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        // ASCII is always valid: skipped eight bytes at a time while no byte
        // has its top bit set (most of any English text), then one by one.
        while (i + 8 <= s.size()) {
            std::uint64_t eight;
            std::memcpy(&eight, s.data() + i, 8);
            if ((eight & 0x8080808080808080ull) != 0) break;
            i += 8;
        }
        if (i >= s.size()) break;
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        utf8proc_int32_t c;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &c);
        if (n <= 0) {
            s[i] = ' ';
            ++replaced;
            ++i;
        } else {
            i += static_cast<std::size_t>(n);
        }
    }
    return replaced;
}

bool looks_binary(std::string_view s) {
    if (s.find('\0') != std::string_view::npos) return true;
    std::size_t control = 0;
    // Bitwise & rather than &&, and a one-byte count per block of 255: then
    // the compiler counts a whole vector register of bytes per instruction
    // (a wider count made it widen every byte first), and this reads every
    // byte of the input.
    for (std::size_t at = 0; at < s.size(); at += 255) {
        std::uint8_t in_block = 0;
        for (unsigned char c : s.substr(at, 255)) {
            in_block += static_cast<std::uint8_t>((c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != '\f'));
        }
        control += in_block;
    }
    return control * 100 > s.size();  // more than 1% control characters
}

InputFormat detect_format(std::string_view bytes, const std::string& name) {
    auto ends = [&](std::string_view ext) {
        if (name.size() < ext.size()) return false;
        std::string tail = name.substr(name.size() - ext.size());
        std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
        return tail == ext;
    };
    if (ends(".json")) return InputFormat::json;
    if (ends(".html") || ends(".htm")) return InputFormat::html;
    if (ends(".md") || ends(".markdown")) return InputFormat::markdown;
    const auto first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string_view::npos) {
        if (bytes[first] == '{') return InputFormat::json;
        if (bytes[first] == '<') return InputFormat::html;
    }
    return InputFormat::text;
}

/// Blank Markdown markers: heading hashes, emphasis, list bullets and link targets.
void blank_markdown(std::string& s) {
    bool line_start = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\n') {
            line_start = true;
            continue;
        }
        if (line_start && (c == '#' || c == '>' || ((c == '-' || c == '+') && i + 1 < s.size() && s[i + 1] == ' '))) {
            s[i] = ' ';
            continue;
        }
        if (c != ' ' && c != '\t') line_start = false;
        if (c == '*' || c == '_' || c == '`' || c == '[') {
            s[i] = ' ';
        } else if (c == ']' && i + 1 < s.size() && s[i + 1] == '(') {
            const auto close = s.find(')', i);
            const auto stop = close == std::string::npos ? s.size() : close + 1;
            for (std::size_t k = i; k < stop; ++k) {
                if (s[k] != '\n') s[k] = ' ';
            }
            i = stop - 1;
        } else if (c == ']') {
            s[i] = ' ';
        }
    }
}

/// The first line that is not blank, without its leading and trailing blanks.
std::string_view first_line(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        const auto a = line.find_first_not_of(" \t\r");
        if (a != std::string_view::npos) {
            const auto b = line.find_last_not_of(" \t\r");
            return line.substr(a, b - a + 1);
        }
        start = end + 1;
    }
    return {};
}

std::string collapse_spaces(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    // Written through a pointer into a string of the longest size, then cut
    // to length: a push_back per byte, or an append per word, cost more than
    // the rest of reading the headline.
    std::string out(s.size(), ' ');
    char* const begin = out.data();
    char* o = begin;
    bool space_before = false;
    for (const char c : s) {
        if (is_space(c)) {
            space_before = o != begin;  // one space between words, none before the first
            continue;
        }
        if (space_before) {
            *o++ = ' ';
            space_before = false;
        }
        *o++ = c;
    }
    out.resize(static_cast<std::size_t>(o - begin));  // no trailing space
    return out;
}

// The classifications below have an ASCII branch first: most of any
// English text is ASCII, and asking utf8proc (or the C library's locale
// tables) about every byte cost more than the rest of tokenising.

/// For each byte, whether it is an ASCII letter or digit (std::isalnum in
/// the C locale, which the program never changes): one look-up for the byte
/// loops over words.
constexpr std::array<bool, 256> kAsciiAlnum = [] {
    std::array<bool, 256> table{};
    for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = true;
    for (int c = 'a'; c <= 'z'; ++c) {
        const int upper = c - 'a' + 'A';
        table[static_cast<std::size_t>(c)] = table[static_cast<std::size_t>(upper)] = true;
    }
    return table;
}();

bool is_ascii_alnum(char b) { return kAsciiAlnum[static_cast<unsigned char>(b)]; }

bool is_word_cp(utf8proc_int32_t c) {
    if (c < 0x80) return kAsciiAlnum[static_cast<std::size_t>(c)];
    switch (utf8proc_category(c)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO:
            return true;
        default:
            return false;
    }
}

bool is_space_cp(utf8proc_int32_t c) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') return true;
    // No other ASCII character is a space separator.
    return c >= 0x80 && utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

bool is_upper_cp(utf8proc_int32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}

/// One code point of the text: its value and its length in bytes.
struct Cp {
    utf8proc_int32_t c;
    std::size_t len;
};

/// The code point starting at byte `at` (< s.size()); an invalid byte reads
/// as a one-byte space.
Cp cp_at(std::string_view s, std::size_t at) {
    const auto b = static_cast<unsigned char>(s[at]);
    if (b < 0x80) return {b, 1};
    utf8proc_int32_t c;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + at),
                                    static_cast<utf8proc_ssize_t>(s.size() - at), &c);
    if (n <= 0) return {' ', 1};
    return {c, static_cast<std::size_t>(n)};
}

/// For each byte, whether a run of it is one token ("&&&&", "-----"):
/// markup debris, see tokenize.
constexpr std::array<bool, 256> kRunMark = [] {
    std::array<bool, 256> table{};
    for (const char c : std::string_view("&*=#~_+|\\^%$@<>`-")) table[static_cast<unsigned char>(c)] = true;
    return table;
}();

/// For each byte, whether it is an ASCII mark that is a token folded as
/// itself: not a letter, digit or space, and not one of the marks fold_into
/// drops or replaces (hyphen, underscore, backquote). Commas, full stops,
/// quotes and brackets are a quarter of the tokens of news text.
constexpr std::array<bool, 256> kPlainMark = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x80; ++c) table[static_cast<std::size_t>(c)] = !kAsciiAlnum[static_cast<std::size_t>(c)];
    for (const char c : std::string_view(" \t\r\n\f-_`")) table[static_cast<unsigned char>(c)] = false;
    return table;
}();

/// The folded form of a token that is one of the marks news text writes
/// outside ASCII (curly quotes, dashes, the ellipsis), or null for other
/// code points: fold's own result, made once, where a fold per token cost
/// a decode, a case fold and a string each time.
const std::string* common_mark_fold(utf8proc_int32_t c) {
    static constexpr std::array<utf8proc_int32_t, 7> kMarks{0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026};
    static const std::array<std::string, kMarks.size()> folded = [] {
        std::array<std::string, kMarks.size()> out;
        for (std::size_t k = 0; k < kMarks.size(); ++k) {
            utf8proc_uint8_t utf8[4];
            const auto len = utf8proc_encode_char(kMarks[k], utf8);
            out[k] = fold(std::string_view(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(len)));
        }
        return out;
    }();
    const auto* it = std::find(kMarks.begin(), kMarks.end(), c);
    return it == kMarks.end() ? nullptr : &folded[static_cast<std::size_t>(it - kMarks.begin())];
}

// Words after which a full stop does not end the sentence.
bool is_abbreviation(std::string_view folded) {
    static const std::array<std::string_view, 16> kAbbrev{"mr", "mrs",  "ms",  "dr",  "gen", "col", "lt", "sgt",
                                                          "st", "prof", "rep", "sen", "gov", "no",  "vs", "jr"};
    return std::find(kAbbrev.begin(), kAbbrev.end(), folded) != kAbbrev.end() ||
           folded.find('.') != std::string_view::npos;
}

// A name's initial ("minister S. Jaishankar", "George W. Bush"): one
// capital letter after a word. Not a lettered zone or plan
// ("in Area C. Palestinian officials said"), which ends its sentence.
bool is_initial(const std::vector<Token>& tokens, std::size_t at) {
    const Token& letter = tokens[at];
    if (letter.folded.size() != 1 || !letter.capitalised || at == 0) return false;
    const Token& before = tokens[at - 1];
    if (!before.is_word || before.span.end == letter.span.start) return false;
    static const std::array<std::string_view, 16> kLettered{"area",  "zone",  "plan",  "sector",  "phase", "grade",
                                                            "class", "group", "block", "section", "camp",  "line",
                                                            "type",  "level", "annex", "part"};
    return std::find(kLettered.begin(), kLettered.end(), before.folded) == kLettered.end();
}

/// Where a dotted abbreviation (U.S., U.K.) ends, given the end `j` of its
/// first capital: full stops each followed by one word character make one
/// token. `j` itself when none follows; `ascii` stays true only for ASCII.
std::size_t dotted_abbreviation_end(std::string_view t, std::size_t j, bool& ascii) {
    const std::size_t n = t.size();
    auto is_word_at = [&](std::size_t at) { return is_word_cp(cp_at(t, at).c); };
    if (j + 1 >= n || t[j] != '.' || !is_word_at(j + 1)) return j;
    std::size_t k = j;
    while (k + 1 < n && t[k] == '.') {
        const Cp letter = cp_at(t, k + 1);
        if (!is_word_cp(letter.c)) break;
        const std::size_t after = k + 1 + letter.len;
        if (after < n && is_word_at(after)) break;
        k = after;
    }
    if (k < n && t[k] == '.') ++k;
    if (k <= j + 1) return j;
    ascii = ascii && std::all_of(t.begin() + static_cast<std::ptrdiff_t>(j), t.begin() + static_cast<std::ptrdiff_t>(k),
                                 [](char a) { return static_cast<unsigned char>(a) < 0x80; });
    return k;
}

/// Whether token `index`, a mark ending at byte `after`, ends its sentence:
/// a full stop, "!" or "?" that closes no abbreviation or initial, with a
/// capital (or a quote, a line break, the end) after it.
bool ends_sentence(const std::vector<Token>& tokens, std::size_t index, std::string_view t, std::size_t after) {
    const std::string_view f = tokens[index].folded;
    if (f.size() != 1 || (f[0] != '.' && f[0] != '!' && f[0] != '?')) return false;
    const bool abbrev = index >= 1 && tokens[index - 1].is_word &&
                        (is_abbreviation(tokens[index - 1].folded) || is_initial(tokens, index - 1));
    const std::size_t n = t.size();
    std::size_t k = after;
    Cp at_k{0, 0};
    while (k < n && (at_k = cp_at(t, k), is_space_cp(at_k.c) && at_k.c != '\n')) k += at_k.len;
    while (k < n && (at_k = cp_at(t, k), at_k.c == '"' || at_k.c == 0x201D || at_k.c == 0x2019)) k += at_k.len;
    const bool next_upper = k >= n || at_k.c == '\n' || is_upper_cp(at_k.c) || at_k.c == '"' || at_k.c == 0x201C;
    return !abbrev && next_upper && k > after;
}

// Works on byte offsets and decodes code points as it goes (all the
// look-ahead is a few code points), rather than decoding the whole text
// into an array first.
void tokenize(Document& d) {
    const std::string_view t = d.text;
    const std::size_t n = t.size();
    auto folded_text = std::make_shared<FoldedText>();
    std::string& lowered = folded_text->lowered;
    lowered = t;
    for (char& a : lowered) a = (a >= 'A' && a <= 'Z') ? static_cast<char>(a - 'A' + 'a') : a;
    // About one token per five bytes of English, and at most one per two
    // bytes when words or marks are separated by spaces (runs of one mark
    // are one token): reserving that bound never moves the tokens, and the
    // pages of the reserve that are not used are never touched. Growing
    // from a smaller reserve copied hundreds of megabytes on 20 MB of
    // one-letter words.
    d.tokens.reserve(n / 2 + 16);
    // About one sentence per hundred bytes: room for most articles at once.
    d.sentences.reserve(n / 64 + 8);
    d.sentence_tokens.reserve(n / 64 + 8);
    std::size_t i = 0;
    bool at_sentence_start = true;
    std::size_t sentence_begin = 0;
    std::size_t sentence_first_token = 0;
    auto close_sentence = [&](std::size_t end_byte) {
        if (d.tokens.size() > sentence_first_token) {
            d.sentences.push_back({sentence_begin, end_byte});
            d.sentence_tokens.emplace_back(sentence_first_token, d.tokens.size());
        }
        sentence_first_token = d.tokens.size();
        at_sentence_start = true;
    };
    // The text ends in a NUL (std::string keeps one after its last byte),
    // which is no letter: it ends the scans over letters without a bounds test.
    const char* const text = d.text.c_str();
    const char* const low = lowered.c_str();
    while (i < n) {
        // The two commonest cases first: a space, and a word of ASCII
        // letters and digits followed by an ASCII byte other than a full
        // stop after a single letter ("U.S."). The general path below gives
        // them the same tokens with more tests.
        const auto b = static_cast<unsigned char>(text[i]);
        if (b == ' ') {
            ++i;
            continue;
        }
        if (kAsciiAlnum[b]) {
            std::size_t j = i + 1;
            while (is_ascii_alnum(text[j])) ++j;
            const auto after = static_cast<unsigned char>(text[j]);
            if (after < 0x80 && !(after == '.' && j == i + 1)) {
                if (at_sentence_start && d.tokens.size() == sentence_first_token) sentence_begin = i;
                Token& word = d.tokens.emplace_back();
                word.span = {i, j};
                // Lower-casing is its fold, which the lowered text holds.
                word.folded = std::string_view(low + i, j - i);
                word.is_word = true;
                word.capitalised = b >= 'A' && b <= 'Z';
                word.sentence_start = at_sentence_start;
                at_sentence_start = false;
                i = j;
                continue;
            }
        }
        if (kPlainMark[b]) {
            // What the general path below makes of such a mark, with its
            // tests and a code point decode for every comma and quote.
            const std::size_t index = d.tokens.size();
            if (at_sentence_start && index == sentence_first_token) sentence_begin = i;
            std::size_t j = i + 1;
            // A run mark is never NUL, so the text's final NUL ends the run.
            if (kRunMark[b]) {
                while (text[j] == text[i]) ++j;
            }
            Token& mark = d.tokens.emplace_back();
            mark.span = {i, j};
            mark.folded = std::string_view(low + i, j - i);
            i = j;
            if ((b == '.' || b == '!' || b == '?') && ends_sentence(d.tokens, index, t, i)) close_sentence(j);
            continue;
        }
        const Cp cp = cp_at(t, i);
        const auto c = cp.c;
        if (c == '\n') {
            // A line break ends a sentence: headlines, paragraphs and list
            // items carry no full stop.
            close_sentence(i);
            i += cp.len;
            continue;
        }
        if (is_space_cp(c)) {
            i += cp.len;
            continue;
        }
        const std::size_t index = d.tokens.size();
        if (at_sentence_start && index == sentence_first_token) sentence_begin = i;
        Token tok;
        // Whether the token is ASCII letters, digits and full stops, or one
        // ASCII punctuation mark other than those fold_into drops or
        // replaces: then folding is only lower-casing.
        bool ascii_token = cp.len == 1;
        if (is_word_cp(c)) {
            std::size_t j = i + cp.len;
            while (true) {
                // ASCII letters and digits, most of every word, on a short path.
                while (is_ascii_alnum(text[j])) ++j;
                if (j == n || static_cast<unsigned char>(t[j]) < 0x80) break;
                const Cp next = cp_at(t, j);
                if (!is_word_cp(next.c)) break;
                ascii_token = false;
                j += next.len;
            }
            if (j == i + cp.len && is_upper_cp(c)) j = dotted_abbreviation_end(t, j, ascii_token);
            tok.span = {i, j};
            tok.is_word = true;
            const auto cat =
                c < 0x80 ? (is_upper_cp(c) ? UTF8PROC_CATEGORY_LU : UTF8PROC_CATEGORY_LL) : utf8proc_category(c);
            tok.capitalised = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
            tok.sentence_start = at_sentence_start;
            at_sentence_start = false;
            i = j;
        } else {
            std::size_t j = i + cp.len;
            // A run of one repeated symbol ("&&&&", "-----", "****") is one
            // token: markup debris of millions of them once cost a token
            // each, gigabytes and seconds (issue 22). Marks that end a
            // sentence, quote or separate clauses stay one token each.
            if (cp.len == 1 && kRunMark[static_cast<unsigned char>(c)]) {
                while (j < n && t[j] == t[i]) ++j;
            }
            tok.span = {i, j};
            ascii_token = ascii_token && c != '-' && c != '_' && c != '`';
            i = j;
        }
        if (ascii_token) {
            // What fold_into gives for these bytes is what the lower-cased
            // text already holds at the same place.
            tok.folded = std::string_view(lowered).substr(tok.span.start, tok.span.size());
        } else if (const std::string* mark = tok.span.size() == cp.len ? common_mark_fold(c) : nullptr) {
            tok.folded = *mark;
        } else {
            tok.folded = folded_text->others.emplace_back(fold(t.substr(tok.span.start, tok.span.size())));
        }
        d.tokens.push_back(tok);
        if (tok.is_word) continue;
        if (ends_sentence(d.tokens, index, t, i)) close_sentence(tok.span.end);
    }
    close_sentence(n);
    d.folded_text = std::move(folded_text);
}

}  // namespace

Document make_document(std::string_view bytes, const std::string& source_name, const ReadOptions& options) {
    const std::string& name = source_name;
    if (bytes.size() > options.max_bytes) {
        throw InputError(name + ": input is " + std::to_string(bytes.size() / (1024 * 1024)) +
                             " MB, over the limit of " + std::to_string(options.max_bytes / (1024 * 1024)) +
                             " MB; split the article or raise the limit",
                         "max_bytes");
    }
    if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
        throw InputError(name + ": the file is empty; give an article with some text");
    }
    if (looks_binary(bytes)) {
        throw InputError(name + ": this is not text (binary data); give a plain text, Markdown, HTML or JSON article");
    }
    Document d;
    d.source_name = name;
    d.format = detect_format(bytes, name);
    if (d.format == InputFormat::json) {
        // Invalid UTF-8 is replaced as in every other format (README), not
        // refused: the JSON parser would throw on it inside a string.
        std::string valid(bytes);
        d.replaced_bytes = scrub_utf8(valid);
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(valid);
        } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e400
            throw InputError(name + ": not valid JSON (" + std::string(e.what()) +
                             "); give a JSON object with a \"text\" field");
        }
        if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
            throw InputError(name + ": the JSON has no \"text\" string; give an object with title/date/text fields");
        }
        if (j.contains("title") && j["title"].is_string()) d.title = j["title"].get<std::string>();
        if (j.contains("date") && j["date"].is_string()) d.date = j["date"].get<std::string>();
        d.text = d.title.empty() ? j["text"].get<std::string>() : d.title + "\n\n" + j["text"].get<std::string>();
    } else {
        d.text.assign(bytes);
        if (d.text.compare(0, 3, "\xEF\xBB\xBF") == 0) d.text.replace(0, 3, "   ");
        if (d.format == InputFormat::html) {
            d.title = html::read_html(d.text);
        } else if (d.format == InputFormat::markdown) {
            blank_markdown(d.text);
        }
    }
    d.replaced_bytes += scrub_utf8(d.text);
    // The headline is cut to 300 bytes before its spaces are collapsed;
    // the cut can split a character, which the scrub then blanks.
    const std::string_view title = d.title.empty() ? first_line(d.text) : std::string_view(d.title);
    d.title = collapse_spaces(title.substr(0, 300));
    scrub_utf8(d.title);
    tokenize(d);
    d.shape = detect_shape(d.text, d.folded_text->lowered);
    // "PRESS RELEASE" on the first line is the release's mark, not its
    // headline: the next line (the issuer's name, or the real headline).
    if (d.shape.kind == ShapeKind::press_release && is_bare_release_mark(d.title)) {
        const std::size_t at = d.text.find(d.title);
        const std::size_t next = at == std::string::npos ? std::string::npos : d.text.find('\n', at);
        if (next != std::string::npos) {
            const std::string_view rest = first_line(std::string_view(d.text).substr(next + 1));
            if (!rest.empty()) d.title = collapse_spaces(rest.substr(0, 300));
        }
    }
    return d;
}

Document read_document(const std::string& path, const ReadOptions& options) {
    InputBounds bounds;
    bounds.max_bytes = options.max_bytes;
    bounds.streams = true;  // named on the command line: a pipe or /dev/stdin is the user's choice
    bounds.folder_hint = "give a file (or use `borderline batch` for folders)";
    return make_document(read_bounded(path, bounds), path, options);
}

}  // namespace borderline
