// Shape detection given the lower-cased text make_document already has
// (internal to src/text).
#pragma once

#include <borderline/shape.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace borderline {

/// detect_shape(text), given also `lowered`, the text with its ASCII
/// letters lower-cased (FoldedText::lowered: the same length as `text`):
/// every step compares lower-cased words, as views of it.
ArticleShape detect_shape(std::string_view text, std::string_view lowered);

/// `hay.find(needle, from)`, through memmem (see shape.cpp).
std::size_t find_text(std::string_view hay, std::string_view needle, std::size_t from = 0);

/// The sentences of a correction that tell what an earlier version of the
/// story said, added to `out` (corrections.cpp); `lowered` as above.
void find_corrections(std::string_view lowered, std::vector<ShapeSpan>& out);

}  // namespace borderline
