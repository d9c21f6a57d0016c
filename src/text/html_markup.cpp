// The page cut into tags and the tags into elements, and which elements
// are page furniture. Each pass is linear: a saved page can be megabytes
// of markup around a few kilobytes of article.
#include "text/html_parts.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace borderline::html::detail {

namespace {

bool iequals_at(std::string_view s, std::size_t at, std::string_view word) {
    if (at + word.size() > s.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (lower(s[at + i]) != word[i]) return false;
    }
    return true;
}

bool is_void(std::string_view n) {
    static constexpr std::array<std::string_view, 15> kVoid{"area",  "base",   "br",    "col",  "embed",
                                                            "hr",    "img",    "input", "link", "meta",
                                                            "param", "source", "track", "wbr",  "keygen"};
    return std::find(kVoid.begin(), kVoid.end(), n) != kVoid.end();
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

}  // namespace

bool is_inline(std::string_view n) {
    static constexpr std::array<std::string_view, 20> kInline{"a",     "abbr", "b",      "bdi", "bdo",  "cite", "code",
                                                              "data",  "em",   "font",   "i",   "mark", "q",    "s",
                                                              "small", "span", "strong", "sub", "sup",  "time"};
    return std::find(kInline.begin(), kInline.end(), n) != kInline.end() || n == "u";
}

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

}  // namespace borderline::html::detail
