// HTML as saved from news sites. A saved page is mostly not the article:
// navigation, "most read" boxes and footers are full of city names. The
// page is read in three linear passes: the markup is cut into tags and
// text, the tags into elements (a stack that closes what a close tag
// leaves open), and the elements decide which bytes are the article's.
// Everything else becomes blanks, so offsets into the text are offsets into
// the file. Character references are decoded where they stand: the decoded
// character is never longer than its reference, and the bytes it frees
// become invisible combining marks inside a word ("L&iacute;nea" stays one
// word, which the folding for matching strips) or spaces elsewhere.
#include "text/html.hpp"

#include <utf8proc.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace borderline::html {

namespace {

struct HtmlEntity {
    std::string_view name, text;
};

#include "text/html_entities.inc"

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool alnum(char c) { return alpha(c) || digit(c); }
bool space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

bool iequals_at(std::string_view s, std::size_t at, std::string_view word) {
    if (at + word.size() > s.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (lower(s[at + i]) != word[i]) return false;
    }
    return true;
}

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

/// Decodes the references in s[a, b) in place.
void decode_range(std::string& s, std::size_t a, std::size_t b) {
    std::string text;
    for (std::size_t i = a; i < b; ++i) {
        if (s[i] != '&') continue;
        const std::size_t len = reference_at(std::string_view(s).substr(0, b), i, text);
        if (len == 0 || text.size() > len) continue;  // &nGt; and &nLt; are longer decoded: left as written
        put(s, i, len, text);
        i += len - 1;
    }
}

// ---------------------------------------------------------------------------
// Markup

struct Tag {
    std::size_t start = 0, end = 0;  // the tag's bytes [start, end)
    std::string name;                // lower case
    bool closing = false;
    std::string_view attrs;
    std::size_t raw_end = 0;  // script/style/title/textarea: where the content ends (the close tag)
};

bool is_void(std::string_view n) {
    static constexpr std::array<std::string_view, 15> kVoid{"area",  "base",   "br",    "col",  "embed",
                                                            "hr",    "img",    "input", "link", "meta",
                                                            "param", "source", "track", "wbr",  "keygen"};
    return std::find(kVoid.begin(), kVoid.end(), n) != kVoid.end();
}

bool is_inline(std::string_view n) {
    static constexpr std::array<std::string_view, 20> kInline{"a",     "abbr", "b",      "bdi", "bdo",  "cite", "code",
                                                              "data",  "em",   "font",   "i",   "mark", "q",    "s",
                                                              "small", "span", "strong", "sub", "sup",  "time"};
    return std::find(kInline.begin(), kInline.end(), n) != kInline.end() || n == "u";
}

/// Cuts the page into tags; comments, doctypes and the content of raw-text
/// elements are skipped over whole, so every byte is looked at a bounded
/// number of times.
std::vector<Tag> scan_tags(std::string_view s) {
    std::vector<Tag> tags;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const std::size_t lt = s.find('<', i);
        if (lt == std::string_view::npos) break;
        i = lt + 1;
        if (s.compare(lt, 4, "<!--") == 0) {
            const auto e = s.find("-->", lt + 4);
            Tag t;
            t.start = lt;
            t.end = e == std::string_view::npos ? n : e + 3;
            t.name = "!--";
            tags.push_back(std::move(t));
            i = tags.back().end;
            continue;
        }
        std::size_t j = lt + 1;
        const bool closing = j < n && s[j] == '/';
        if (closing) ++j;
        const bool special = j < n && (s[j] == '!' || s[j] == '?');
        if (!special && (j >= n || !alpha(s[j]))) continue;  // a '<' in text
        Tag t;
        t.start = lt;
        t.closing = closing;
        if (!special) {
            const std::size_t name_start = j;
            while (j < n && (alnum(s[j]) || s[j] == '-' || s[j] == ':')) ++j;
            t.name.reserve(j - name_start);
            for (std::size_t k = name_start; k < j; ++k) t.name += lower(s[k]);
        } else {
            t.name = "!";
        }
        const std::size_t attrs = j;
        // To the '>' that is not inside a quoted attribute value.
        char quote = 0;
        while (j < n && (quote || s[j] != '>')) {
            if (quote) {
                if (s[j] == quote) quote = 0;
            } else if ((s[j] == '"' || s[j] == '\'') && j > attrs && (s[j - 1] == '=' || space(s[j - 1]))) {
                quote = s[j];
            }
            ++j;
        }
        t.attrs = s.substr(attrs, j - attrs);
        t.end = j < n ? j + 1 : n;
        i = t.end;
        if (!closing && (t.name == "script" || t.name == "style" || t.name == "title" || t.name == "textarea")) {
            std::size_t k = i;
            std::size_t found = n;
            while ((k = s.find("</", k)) != std::string_view::npos) {
                if (iequals_at(s, k + 2, t.name)) {
                    found = k;
                    break;
                }
                k += 2;
            }
            t.raw_end = found;
            i = found;
        }
        tags.push_back(std::move(t));
    }
    return tags;
}

/// The value of attribute `name` in a tag's attribute text, or empty.
std::string_view attribute(std::string_view attrs, std::string_view name) {
    std::size_t i = 0;
    const std::size_t n = attrs.size();
    while (i < n) {
        while (i < n && (space(attrs[i]) || attrs[i] == '/')) ++i;
        const std::size_t a = i;
        while (i < n && !space(attrs[i]) && attrs[i] != '=' && attrs[i] != '/') ++i;
        const std::string_view key = attrs.substr(a, i - a);
        while (i < n && space(attrs[i])) ++i;
        std::string_view value;
        if (i < n && attrs[i] == '=') {
            ++i;
            while (i < n && space(attrs[i])) ++i;
            if (i < n && (attrs[i] == '"' || attrs[i] == '\'')) {
                const char q = attrs[i++];
                const std::size_t v = i;
                while (i < n && attrs[i] != q) ++i;
                value = attrs.substr(v, i - v);
                if (i < n) ++i;
            } else {
                const std::size_t v = i;
                while (i < n && !space(attrs[i])) ++i;
                value = attrs.substr(v, i - v);
            }
        }
        if (key.size() == name.size() && iequals_at(key, 0, name)) return value;
        if (i == a) ++i;
    }
    return {};
}

struct Element {
    std::string_view name;
    std::size_t start = 0, inner = 0, close = 0, end = 0;  // open tag start, content start, close tag start, end
    std::string_view attrs;
    std::size_t text = 0, link_text = 0, links = 0;  // non-blank bytes of text, of it inside <a>, <a> elements
    bool in_boilerplate = false;                     // inside nav/aside/footer (of the page, not dropped yet)
};

/// Elements from the tags: a close tag closes the nearest open element of
/// its name and every element opened inside it and left open; a close tag
/// with no open element of its name is ignored (counted per name, so no
/// search of the stack for it). Text is counted into the element it is in.
std::vector<Element> build_elements(std::string_view s, const std::vector<Tag>& tags) {
    std::vector<Element> els;
    els.reserve(tags.size() / 2 + 1);
    std::vector<std::size_t> stack;
    std::vector<std::pair<std::string_view, std::size_t>> open_count;  // name -> open elements (few names)
    auto count_of = [&](std::string_view name) -> std::size_t& {
        for (auto& [n, c] : open_count) {
            if (n == name) return c;
        }
        open_count.emplace_back(name, 0);
        return open_count.back().second;
    };
    std::size_t in_a = 0;
    auto count_text = [&](std::size_t a, std::size_t b) {
        if (stack.empty() || a >= b) return;
        std::size_t k = 0;
        for (std::size_t i = a; i < b; ++i) k += space(s[i]) ? 0 : 1;
        els[stack.back()].text += k;
        if (in_a > 0) els[stack.back()].link_text += k;
    };
    auto pop = [&](std::size_t at, std::size_t end) {
        const std::size_t e = stack.back();
        stack.pop_back();
        els[e].close = at;
        els[e].end = end;
        --count_of(els[e].name);
        if (els[e].name == "a" && in_a > 0) --in_a;
        if (!stack.empty()) {
            Element& p = els[stack.back()];
            p.text += els[e].text;
            p.link_text += els[e].link_text;
            p.links += els[e].links + (els[e].name == "a" ? 1 : 0);
        }
    };
    std::size_t prev_end = 0;
    for (const Tag& t : tags) {
        count_text(prev_end, t.start);
        prev_end = t.raw_end ? t.raw_end : t.end;
        if (t.name == "!--" || t.name == "!") continue;
        if (t.closing) {
            std::size_t& c = count_of(t.name);
            if (c == 0) continue;
            while (!stack.empty() && els[stack.back()].name != t.name) pop(t.start, t.start);
            if (!stack.empty()) pop(t.start, t.end);
            continue;
        }
        if (is_void(t.name) || (!t.attrs.empty() && t.attrs.back() == '/')) continue;
        Element e;
        e.name = t.name;
        e.start = t.start;
        e.inner = t.end;
        e.attrs = t.attrs;
        if (!stack.empty()) {
            const Element& p = els[stack.back()];
            e.in_boilerplate = p.in_boilerplate || p.name == "nav" || p.name == "aside" || p.name == "footer";
        }
        if (t.raw_end) {  // script and the like: content and close tag are one element
            e.close = t.raw_end;
            e.end = s.find('>', t.raw_end);
            e.end = e.end == std::string_view::npos ? s.size() : e.end + 1;
            els.push_back(e);
            continue;
        }
        stack.push_back(els.size());
        ++count_of(e.name);
        if (e.name == "a") ++in_a;
        els.push_back(e);
    }
    count_text(prev_end, s.size());
    while (!stack.empty()) pop(s.size(), s.size());
    return els;
}

// Words in class and id values of page furniture: menus, sidebars, share
// buttons, "most read" and "related" boxes, bylines and author notes.
bool boilerplate_word(std::string_view w) {
    static constexpr std::array<std::string_view, 44> kWords{
        "nav",         "navbar",          "navigation",    "menu",       "menubar",    "sidebar",     "related",
        "share",       "sharing",         "social",        "newsletter", "breadcrumb", "breadcrumbs", "footer",
        "promo",       "advert",          "advertisement", "ad",         "ads",        "comments",    "comment",
        "recommended", "recommendations", "trending",      "popular",    "mostread",   "mostpopular", "subscribe",
        "cookie",      "cookies",         "byline",        "author",     "bio",        "tags",        "topics",
        "masthead",    "banner",          "widget",        "outbrain",   "taboola",    "readmore",    "readnext",
        "skip",        "toolbar"};
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

bool boilerplate_attr(std::string_view value) {
    std::string word, joined;
    auto flush = [&] {
        const bool hit = boilerplate_word(word);
        word.clear();
        return hit;
    };
    for (std::size_t i = 0; i <= value.size(); ++i) {
        const char c = i < value.size() ? lower(value[i]) : ' ';
        if (space(c)) {
            if (flush() || boilerplate_word(joined)) return true;
            joined.clear();
        } else if (c == '-' || c == '_') {
            if (flush()) return true;
        } else {
            word += c;
            joined += c;
        }
    }
    return false;
}

bool is_dropped(const Element& e) {
    static constexpr std::array<std::string_view, 16> kNames{
        "nav",      "header", "footer", "aside",  "form",   "script", "style", "noscript",
        "template", "svg",    "button", "select", "iframe", "object", "menu",  "dialog"};
    if (std::find(kNames.begin(), kNames.end(), e.name) != kNames.end()) return true;
    if (e.name == "title" || e.name == "textarea" || e.name == "head") return true;
    const auto role = attribute(e.attrs, "role");
    if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" ||
        role == "search" || role == "menu" || role == "menubar")
        return true;
    if (attribute(e.attrs, "aria-hidden") == "true") return true;
    if (boilerplate_attr(attribute(e.attrs, "class")) || boilerplate_attr(attribute(e.attrs, "id"))) return true;
    // Lists of links ("most read", "more on this story") and blocks of them.
    const bool list = e.name == "ul" || e.name == "ol" || e.name == "dl";
    if (list && e.text > 0 && e.link_text * 10 >= e.text * 6) return true;
    if ((e.name == "div" || e.name == "section" || e.name == "p" || e.name == "table") && e.links >= 2 &&
        e.link_text * 10 >= e.text * 8)
        return true;
    return false;
}

// ---------------------------------------------------------------------------
// JSON-LD

struct LinkedData {
    std::size_t body_a = 0, body_b = 0;  // the articleBody string's bytes (inside its quotes)
    std::string headline;
};

bool article_type(const nlohmann::json& t) {
    auto one = [](const nlohmann::json& v) {
        if (!v.is_string()) return false;
        const std::string& s = v.get_ref<const std::string&>();
        return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "LiveBlogPosting" || s == "Report";
    };
    if (t.is_array()) return std::any_of(t.begin(), t.end(), one);
    return one(t);
}

/// The articles described in a JSON-LD value (an object, an array of them,
/// or an @graph): their headline and body length.
void find_articles(const nlohmann::json& j, std::string& headline, std::size_t& body, int depth) {
    if (depth > 8) return;
    if (j.is_array()) {
        for (const auto& v : j) find_articles(v, headline, body, depth + 1);
        return;
    }
    if (!j.is_object()) return;
    if (const auto g = j.find("@graph"); g != j.end()) find_articles(*g, headline, body, depth + 1);
    const auto t = j.find("@type");
    const auto b = j.find("articleBody");
    if (t == j.end() || !article_type(*t) || b == j.end() || !b->is_string()) return;
    const std::size_t len = b->get_ref<const std::string&>().size();
    if (len <= body) return;
    body = len;
    const auto h = j.find("headline");
    headline = h != j.end() && h->is_string() ? h->get<std::string>() : std::string{};
}

/// The longest "articleBody" string literal in s[a, b): its bytes.
std::pair<std::size_t, std::size_t> body_literal(std::string_view s, std::size_t a, std::size_t b) {
    std::pair<std::size_t, std::size_t> best{0, 0};
    const std::string_view key = "\"articleBody\"";
    for (std::size_t k = s.find(key, a); k != std::string_view::npos && k < b; k = s.find(key, k + 1)) {
        std::size_t i = k + key.size();
        while (i < b && space(s[i])) ++i;
        if (i >= b || s[i] != ':') continue;
        ++i;
        while (i < b && space(s[i])) ++i;
        if (i >= b || s[i] != '"') continue;
        const std::size_t open = ++i;
        while (i < b && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
        if (i < b && i - open > best.second - best.first) best = {open, i};
    }
    return best;
}

LinkedData linked_data(std::string_view s, const std::vector<Element>& els) {
    LinkedData best;
    std::size_t best_len = 0;
    for (const Element& e : els) {
        if (e.name != "script" || attribute(e.attrs, "type").find("ld+json") == std::string_view::npos) continue;
        const auto j = nlohmann::json::parse(s.substr(e.inner, e.close - e.inner), nullptr, false);
        if (j.is_discarded()) continue;
        std::string headline;
        std::size_t len = 0;
        find_articles(j, headline, len, 0);
        if (len <= best_len) continue;
        const auto [a, b] = body_literal(s, e.inner, e.close);
        if (b <= a) continue;
        best_len = len;
        best = {a, b, headline};
    }
    return best;
}

/// Decodes the JSON escapes of a string literal's bytes in place (each is
/// at least as long as what it stands for); "\n" keeps its line break.
void decode_json_string(std::string& s, std::size_t a, std::size_t b) {
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

// ---------------------------------------------------------------------------
// Titles

std::string collapse(std::string_view s) {
    std::string out;
    bool gap = false;
    for (const char c : s) {
        if (space(c)) {
            gap = !out.empty();
            continue;
        }
        if (gap) out += ' ';
        gap = false;
        out += c;
    }
    return out;
}

std::size_t words_in(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (const char c : s) {
        if (space(c)) {
            in = false;
        } else if (!in) {
            in = true;
            ++n;
        }
    }
    return n;
}

std::string meta_content(std::string_view s, const std::vector<Tag>& tags, std::string_view property) {
    for (const Tag& t : tags) {
        if (t.closing || t.name != "meta") continue;
        if (attribute(t.attrs, "property") == property || attribute(t.attrs, "name") == property)
            return std::string(attribute(t.attrs, "content"));
    }
    (void)s;
    return {};
}

}  // namespace

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

std::string strip_site_suffix(std::string_view title_in, std::string_view site_name) {
    std::string title = collapse(title_in);
    static constexpr std::array<std::string_view, 6> kSeparators{
        " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB "};
    const std::string site = collapse(site_name);
    for (int round = 0; round < 2; ++round) {
        std::size_t cut = std::string::npos, sep_len = 0;
        for (const auto sep : kSeparators) {
            const auto p = title.rfind(sep);
            if (p != std::string::npos && (cut == std::string::npos || p > cut)) {
                cut = p;
                sep_len = sep.size();
            }
        }
        if (cut == std::string::npos || cut == 0) break;
        const std::string_view tail = std::string_view(title).substr(cut + sep_len);
        const std::string_view head = std::string_view(title).substr(0, cut);
        // A site name: the page says so, or a short tail after a longer headline.
        const bool named = !site.empty() && tail.find(site) != std::string_view::npos;
        if (!named && !(words_in(tail) <= 4 && words_in(head) >= 3 && words_in(head) > words_in(tail))) break;
        title.resize(cut);
    }
    return title;
}

std::string read_html(std::string& s) {
    const std::vector<Tag> tags = scan_tags(s);
    const std::vector<Element> els = build_elements(s, tags);
    const std::size_t n = s.size();
    std::vector<unsigned char> keep(n, 0);
    auto mark = [&](std::size_t a, std::size_t b, unsigned char v) {
        if (a < b && a < n) std::memset(keep.data() + a, v, std::min(b, n) - a);
    };

    // The article's container: JSON-LD articleBody, else itemprop=articleBody,
    // else the <article> with the most text outside page furniture, else
    // <main>, else <body>, else the whole page.
    const LinkedData ld = linked_data(s, els);
    const Element* region = nullptr;
    if (ld.body_b <= ld.body_a) {
        for (const Element& e : els) {
            if (!region && attribute(e.attrs, "itemprop") == "articleBody") region = &e;
        }
        for (const Element& e : els) {
            if (!region || region->name == "article") {
                if (e.name == "article" && !e.in_boilerplate && (!region || e.text > region->text)) region = &e;
            }
        }
        for (const Element& e : els) {
            if (!region && (e.name == "main" || attribute(e.attrs, "role") == "main")) region = &e;
        }
        for (const Element& e : els) {
            if (!region && e.name == "body") region = &e;
        }
        if (region) {
            mark(region->inner, region->close, 1);
        } else {
            mark(0, n, 1);
        }
        // Furniture inside it, outermost first (one pass: what lies inside
        // a dropped element is passed over; what encloses the container is
        // not looked at).
        std::size_t dropped_until = 0;
        for (const Element& e : els) {
            if (e.start < dropped_until) continue;
            if (region && (e.end <= region->inner || e.start <= region->start)) continue;
            if (region && e.start >= region->close) break;
            if (is_dropped(e)) {
                mark(e.start, e.end, 0);
                dropped_until = e.end;
            }
        }
    }
    // The headline: the longest <h1> of the container, else of the page
    // outside its furniture (a site's logo is often a short <h1>).
    const Element* h1 = nullptr;
    for (const Element& e : els) {
        if (e.name != "h1" || e.in_boilerplate) continue;
        const bool inside = region && e.start >= region->start && e.end <= region->end;
        const bool h1_inside = h1 && region && h1->start >= region->start && h1->end <= region->end;
        if (!h1 || (inside && !h1_inside) || (inside == h1_inside && e.text > h1->text)) h1 = &e;
    }
    if (h1) mark(h1->inner, h1->close, 1);
    // Raw text (scripts, styles, the <title>) and tags are never text.
    for (const Element& e : els) {
        if (e.name == "script" || e.name == "style" || e.name == "title" || e.name == "textarea")
            mark(e.inner, e.close, 0);
    }
    mark(ld.body_a, ld.body_b, 1);
    for (const Tag& t : tags) mark(t.start, t.end, 0);
    for (const Element& e : els) {
        if (e.name == "script" || e.name == "style" || e.name == "title" || e.name == "textarea")
            mark(e.close, e.end, 0);
    }

    std::string title;
    for (const Element& e : els) {
        if (e.name == "title") {
            title = s.substr(e.inner, e.close - e.inner);
            break;
        }
    }
    const std::string og = meta_content(s, tags, "og:title");
    const std::string site = decode_entities(meta_content(s, tags, "og:site_name"));
    if (!ld.headline.empty()) {
        title = ld.headline;
    } else if (!og.empty()) {
        title = og;
    }
    title = strip_site_suffix(decode_entities(title), site);

    // Blank what is not kept; a block tag or a dropped element leaves a
    // line break so the text on either side is not one sentence.
    for (std::size_t i = 0; i < n; ++i) {
        if (!keep[i]) s[i] = ' ';
    }
    for (const Tag& t : tags) {
        if (!is_inline(t.name) && t.start < n) s[t.start] = '\n';
    }
    if (ld.body_b > ld.body_a) {
        decode_json_string(s, ld.body_a, ld.body_b);
        // Some sites put markup in the body: blank its tags too.
        for (std::size_t i = ld.body_a; i < ld.body_b; ++i) {
            if (s[i] != '<' || i + 1 >= ld.body_b || !(alpha(s[i + 1]) || s[i + 1] == '/')) continue;
            const auto close = s.find('>', i);
            const std::size_t e = close == std::string::npos || close >= ld.body_b ? ld.body_b : close + 1;
            std::memset(&s[i], ' ', e - i);
            s[i] = '\n';
            i = e - 1;
        }
    }
    for (std::size_t i = 0; i < n;) {
        if (!keep[i]) {
            ++i;
            continue;
        }
        const std::size_t a = i;
        while (i < n && keep[i]) ++i;
        decode_range(s, a, i);
    }
    return title;
}

}  // namespace borderline::html
