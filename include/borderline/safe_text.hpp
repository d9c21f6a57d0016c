// Text that every output format accepts as it is.
#pragma once

#include <string>
#include <string_view>

namespace borderline {

/// `s` with every character that an XML 1.0 document or a PDF text string
/// refuses replaced by a space: invalid UTF-8 (lone surrogates included),
/// NUL and the other C0 controls except tab, newline and carriage return,
/// DEL and the C1 controls, and the noncharacters U+FDD0..U+FDEF and
/// U+xFFFE/U+xFFFF. Articles may carry any of them in a headline or quote;
/// the SVG <title>/<desc> and the PDF metadata get this instead.
std::string printable_text(std::string_view s);

}  // namespace borderline
