// HTML as saved from news sites. A saved page is mostly not the article:
// navigation, "most read" boxes and footers are full of city names. The
// page is read in three linear passes: the markup is cut into tags and
// text, the tags into elements (a stack that closes what a close tag
// leaves open), both in html_markup.cpp, and the elements decide which
// bytes are the article's. Everything else becomes blanks, so offsets into
// the text are offsets into the file; character references are decoded
// where they stand (html_entities.cpp).
#include "text/html.hpp"
#include "text/html_parts.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace borderline::html {

using namespace detail;

namespace {

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
