// The parts of the HTML reader (html.cpp) that have their own job: the
// character references decoded in place (html_entities.cpp) and the page
// cut into tags and elements (html_markup.cpp). Internal to src/text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace borderline::html::detail {

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool digit(char c) { return c >= '0' && c <= '9'; }
inline bool alnum(char c) { return alpha(c) || digit(c); }
inline bool space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

/// Decodes the character references in s[a, b) in place; what a reference
/// frees is padded so every byte keeps its offset.
void decode_range(std::string& s, std::size_t a, std::size_t b);

/// Decodes the JSON escapes of a string literal's bytes s[a, b) in place
/// (each is at least as long as what it stands for); "\n" keeps its line
/// break.
void decode_json_string(std::string& s, std::size_t a, std::size_t b);

struct Tag {
    std::size_t start = 0, end = 0;  // the tag's bytes [start, end)
    std::string name;                // lower case
    bool closing = false;
    std::string_view attrs;
    std::size_t raw_end = 0;  // script/style/title/textarea: where the content ends (the close tag)
};

struct Element {
    std::string_view name;
    std::size_t start = 0, inner = 0, close = 0, end = 0;  // open tag start, content start, close tag start, end
    std::string_view attrs;
    std::size_t text = 0, link_text = 0, links = 0;  // non-blank bytes of text, of it inside <a>, <a> elements
    bool in_boilerplate = false;                     // inside nav/aside/footer (of the page, not dropped yet)
};

/// Cuts the page into tags; comments, doctypes and the content of raw-text
/// elements are skipped over whole, so every byte is looked at a bounded
/// number of times.
std::vector<Tag> scan_tags(std::string_view s);

/// Elements from the tags: a close tag closes the nearest open element of
/// its name and every element opened inside it and left open. Text is
/// counted into the element it is in.
std::vector<Element> build_elements(std::string_view s, const std::vector<Tag>& tags);

/// The value of attribute `name` in a tag's attribute text, or empty.
std::string_view attribute(std::string_view attrs, std::string_view name);

/// Whether the tag leaves its text in the same line (a, span, em...).
bool is_inline(std::string_view name);

/// Page furniture inside the article's container: navigation, forms,
/// scripts, boxes named like sidebars and blocks that are mostly links.
bool is_dropped(const Element& e);

}  // namespace borderline::html::detail
