// Character references, decoded where they stand. The decoded character is
// never longer than its reference, and the bytes it frees become invisible
// combining marks inside a word ("L&iacute;nea" stays one word, which the
// folding for matching strips) or spaces elsewhere, so offsets into the
// text stay offsets into the file.
#include "text/html.hpp"
#include "text/html_parts.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>
#include <string_view>

namespace borderline::html {

using namespace detail;

namespace {

struct HtmlEntity {
    std::string_view name, text;
};

#include "text/html_entities.inc"

void append_utf8(std::string& out, char32_t c) {
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// HTML5 maps these numeric references to the Windows-1252 characters that
// pages meant by them (&#146; is a right single quotation mark).
char32_t windows_1252(char32_t c) {
    static constexpr std::array<char32_t, 32> kC1{0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (c >= 0x80 && c <= 0x9F) return kC1[c - 0x80] ? kC1[c - 0x80] : U' ';
    return c;
}

/// The character reference at s[i] == '&': its length, and its text in
/// `out`; 0 when there is none. Looks at most 40 bytes ahead, so a page of
/// '&' without ';' is read in linear time (an unbounded search for ';' was
/// quadratic: 1 MB took seven seconds).
std::size_t reference_at(std::string_view s, std::size_t i, std::string& out) {
    out.clear();
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
        ++j;
        const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
        if (hex) ++j;
        const std::size_t digits = j;
        char32_t c = 0;
        while (j < s.size() && j < digits + 8 &&
               (hex ? std::isxdigit(static_cast<unsigned char>(s[j])) : digit(s[j]))) {
            const char d = lower(s[j]);
            c = c * (hex ? 16 : 10) + static_cast<char32_t>(digit(d) ? d - '0' : d - 'a' + 10);
            ++j;
        }
        if (j == digits || (j < s.size() && alnum(s[j]))) return 0;
        if (j < s.size() && s[j] == ';') ++j;
        c = windows_1252(c);
        if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
        if (c < 0x20 && c != '\n' && c != '\t') c = U' ';
        append_utf8(out, c);
        return j - i;
    }
    while (j < s.size() && j < i + 40 && alnum(s[j])) ++j;
    if (j == i + 1 || j >= s.size() || s[j] != ';') return 0;
    const std::string_view name = s.substr(i + 1, j - i - 1);
    const auto* end = kHtmlEntities + kHtmlEntityCount;
    const auto* it =
        std::lower_bound(kHtmlEntities, end, name, [](const HtmlEntity& e, std::string_view n) { return e.name < n; });
    if (it == end || it->name != name) return 0;
    out.assign(it->text);
    return j + 1 - i;
}

bool word_start(std::string_view text) {
    if (text.empty()) return false;
    utf8proc_int32_t c;
    if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                         static_cast<utf8proc_ssize_t>(text.size()), &c) <= 0)
        return false;
    if (c < 0x80) return alnum(static_cast<char>(c));
    const auto cat = utf8proc_category(c);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;  // letters, marks, numbers
}

/// Writes `text` over s[at, at + len) (len >= text.size()). The bytes left
/// over become blanks; when the text is a letter, or comes right before a
/// lower-case letter, invisible combining marks (U+034F, U+FE00: the
/// tokenizer keeps them inside a word and folding drops them) placed on the
/// side of the word it belongs to.
void put(std::string& s, std::size_t at, std::size_t len, std::string_view text) {
    std::size_t pad = len - text.size();
    // An opening mark of two bytes (JSON's \" before a word) keeps its
    // word: ` "Lipulekh`, not `" Lipulekh`, which no quotation opens.
    if (pad == 1 && text.size() == 1 && at > 0 && at + len < s.size() && !alnum(s[at - 1]) &&
        (alnum(s[at + len]) || static_cast<unsigned char>(s[at + len]) >= 0x80)) {
        s[at] = ' ';
        s[at + 1] = text[0];
        return;
    }
    // A mark before a lower-case letter ("Kosovo&rsquo;s", "don&rsquo;t")
    // is padded on the letter's side too, so the "s" stays next to it.
    const bool before_lower = at + len < s.size() && s[at + len] >= 'a' && s[at + len] <= 'z';
    if (pad == 0 || pad == 1 || (!word_start(text) && !before_lower)) {
        std::memcpy(&s[at], text.data(), text.size());
        std::memset(&s[at + text.size()], ' ', pad);
        return;
    }
    const bool after_word =
        word_start(text) && at > 0 && (alnum(s[at - 1]) || static_cast<unsigned char>(s[at - 1]) >= 0x80);
    std::size_t o = after_word ? at : at + text.size();
    if (pad % 2 == 1) {
        std::memcpy(&s[o], "\xEF\xB8\x80", 3);  // U+FE00
        o += 3;
        pad -= 3;
    }
    for (; pad > 0; pad -= 2, o += 2) std::memcpy(&s[o], "\xCD\x8F", 2);  // U+034F
    std::memcpy(&s[after_word ? o : at], text.data(), text.size());
}

}  // namespace

/// Decodes the references in s[a, b) in place.
void detail::decode_range(std::string& s, std::size_t a, std::size_t b) {
    std::string text;
    for (std::size_t i = a; i < b; ++i) {
        if (s[i] != '&') continue;
        const std::size_t len = reference_at(std::string_view(s).substr(0, b), i, text);
        if (len == 0 || text.size() > len) continue;  // &nGt; and &nLt; are longer decoded: left as written
        put(s, i, len, text);
        i += len - 1;
    }
}

void detail::decode_json_string(std::string& s, std::size_t a, std::size_t b) {
    for (std::size_t i = a; i + 1 < b; ++i) {
        if (s[i] != '\\') continue;
        const char e = s[i + 1];
        std::string text;
        std::size_t len = 2;
        switch (e) {
            case 'n':
            case 'r':
                text = "\n";
                break;
            case 't':
            case 'b':
            case 'f':
                text = " ";
                break;
            case 'u': {
                auto hex4 = [&](std::size_t at, char32_t& out) {
                    if (at + 4 > b) return false;
                    out = 0;
                    for (std::size_t k = at; k < at + 4; ++k) {
                        const char d = lower(s[k]);
                        if (!std::isxdigit(static_cast<unsigned char>(d))) return false;
                        out = out * 16 + static_cast<char32_t>(digit(d) ? d - '0' : d - 'a' + 10);
                    }
                    return true;
                };
                char32_t c = 0;
                if (!hex4(i + 2, c)) break;
                len = 6;
                if (c >= 0xD800 && c <= 0xDBFF && i + 12 <= b && s[i + 6] == '\\' && s[i + 7] == 'u') {
                    char32_t lo = 0;
                    if (hex4(i + 8, lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                        c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                        len = 12;
                    }
                }
                if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
                if (c < 0x20) c = U' ';
                append_utf8(text, c);
                break;
            }
            default:
                text.assign(1, e);
                break;  // \" \\ \/
        }
        if (text.empty() || text.size() > len) continue;
        put(s, i, len, text);
        i += len - 1;
    }
}

std::string decode_entities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::string text;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::size_t len = s[i] == '&' ? reference_at(s, i, text) : 0;
        if (len == 0) {
            out += s[i];
            continue;
        }
        out += text;
        i += len - 1;
    }
    return out;
}

}  // namespace borderline::html
