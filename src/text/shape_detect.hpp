// Shape detection given the lower-cased text make_document already has
// (internal to src/text).
#pragma once

#include <borderline/shape.hpp>

#include <string_view>

namespace borderline {

/// detect_shape(text), given also `lowered`, the text with its ASCII
/// letters lower-cased (FoldedText::lowered: the same length as `text`):
/// every step compares lower-cased words, as views of it.
ArticleShape detect_shape(std::string_view text, std::string_view lowered);

}  // namespace borderline
