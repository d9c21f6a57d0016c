// Folding of names and text for matching: case, diacritics, quotes, hyphens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace borderline {

/// Case- and accent-folded form of a UTF-8 string: "Laçın" -> "lacin",
/// "Pithorāgarh" -> "pithoragarh". Typographic apostrophes and dashes become
/// ASCII; runs of spaces and hyphens become one space, so "Nagorno-Karabakh"
/// and "Nagorno Karabakh" fold alike.
std::string fold(std::string_view utf8);
/// fold(utf8) written into `out` (replacing what it held), for callers that
/// fold into strings already in place rather than move a new one there.
void fold_into(std::string_view utf8, std::string& out);

/// Levenshtein distance in bytes, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// True when `bytes` is valid UTF-8.
bool valid_utf8(std::string_view bytes);

}  // namespace borderline
