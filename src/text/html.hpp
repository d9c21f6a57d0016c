// Reading HTML as it is saved from news sites (internal to src/text).
#pragma once

#include <string>
#include <string_view>

namespace borderline::html {

/// Turns a saved web page into article text in place: everything but the
/// article's body is blanked (the schema.org JSON-LD `articleBody` when the
/// page has one, else the `<article>` / `<main>` element, less navigation,
/// headers, footers, asides, forms, scripts, menus and lists of links), tags
/// become blanks (block tags a line break), and character references are
/// decoded where they stand, padded so that every byte keeps its offset.
/// Returns the headline: JSON-LD `headline`, else `og:title`, else
/// `<title>`, decoded and without a site suffix (" | World News").
std::string read_html(std::string& s);

/// Decodes every HTML5 character reference (named, decimal, hex) in `s`.
std::string decode_entities(std::string_view s);

/// The title without a trailing site name: " | World News", " - Site
/// Name", " — Site" (a short last part after a separator), or the page's
/// `site_name` wherever it ends the title.
std::string strip_site_suffix(std::string_view title, std::string_view site_name = {});

}  // namespace borderline::html
