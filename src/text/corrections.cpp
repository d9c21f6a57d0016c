// Corrections at the foot of a story: the sentence that tells what an
// earlier version said is furniture, not the story's text (see
// detect_shape).
#include "text/shape_detect.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace borderline {

/// A correction's account of what an earlier version said ("Correction: An
/// earlier version of this story said the island lies in Lake Albert."):
/// the sentence that names "an earlier (previous, original) version of
/// this/the ...". Its places are the mistake, not the story's; the
/// sentence that corrects it ("It lies in Lake Victoria.") stays text.
void find_corrections(std::string_view low, std::vector<ShapeSpan>& out) {
    constexpr std::string_view kVersion = " version of th";
    for (std::size_t at = find_text(low, kVersion); at != std::string_view::npos;
         at = find_text(low, kVersion, at + kVersion.size())) {
        const std::string_view before = low.substr(0, at);
        if (!before.ends_with("earlier") && !before.ends_with("previous") && !before.ends_with("original")) continue;
        // Of this story, not of a treaty or a bill ("an earlier version of
        // the agreement placed the border at ..." is the story's).
        std::string_view rest = low.substr(at + kVersion.size());
        if (rest.starts_with("is ")) {
            rest.remove_prefix(3);
        } else if (rest.starts_with("e ")) {
            rest.remove_prefix(2);
        } else {
            continue;
        }
        static constexpr std::array<std::string_view, 9> kWritings{"story", "article",  "report",  "item", "post",
                                                                   "piece", "headline", "caption", "map"};
        if (std::none_of(kWritings.begin(), kWritings.end(), [&](std::string_view w) { return rest.starts_with(w); }))
            continue;
        // The sentence: from after the last full stop, colon or line break
        // before it ("Correction: An earlier ...") to its own full stop.
        std::size_t start = at;
        while (start > 0) {
            const char c = low[start - 1];
            if (c == '\n' || c == ':' ||
                ((c == '.' || c == '!' || c == '?') && start < low.size() && low[start] == ' '))
                break;
            --start;
        }
        while (start < at && (low[start] == ' ' || low[start] == '\t' || low[start] == '\r')) ++start;
        std::size_t end = at + kVersion.size();
        while (end < low.size() && low[end] != '\n' &&
               !(low[end] == '.' && (end + 1 == low.size() || low[end + 1] == ' ' || low[end + 1] == '\n')))
            ++end;
        out.push_back({start, end});
    }
}

}  // namespace borderline
