// The shape of an article, read from its text: a live blog, an interview
// transcript, a press release, an opinion piece, a brief or plain news.
// Each shape has words that are not the story (timestamps, turn labels, a
// byline, the author's biography) and a speaker the claims stage needs
// (the interviewee, the issuing body, the author). docs/claims.md has the rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace borderline {

enum class ShapeKind { news, liveblog, transcript, press_release, opinion, brief };

/// "news", "liveblog", "transcript", "press_release", "opinion", "brief".
const char* to_string(ShapeKind k);

/// A byte range of Document::text; the same as Span, kept here so that
/// this header does not need document.hpp.
struct ShapeSpan {
    std::size_t start = 0, end = 0;
    [[nodiscard]] bool contains(std::size_t at) const { return at >= start && at < end; }
};

/// A turn of a transcript: the label ("Q:", "A:", "ALIYEV:") and the words
/// up to the next turn.
struct Turn {
    ShapeSpan label;  ///< the label with its colon
    ShapeSpan body;   ///< the turn's words after the label
    enum class Role { question, answer, named } role = Role::named;
    std::string name;  ///< the label's words folded to lower case ("aliyev"), for named turns
};

struct ArticleShape {
    ShapeKind kind = ShapeKind::news;
    /// Text that is not the story and names no place: live-blog timestamps,
    /// turn labels, the byline and the author's biography, a release's
    /// header and contact lines, a correction's account of what an earlier
    /// version said. Sorted, not overlapping.
    std::vector<ShapeSpan> furniture;
    /// Live blog: where each entry starts (its timestamp), in order.
    std::vector<std::size_t> entries;
    /// Transcript: the turns in order; `intro` is the text before the
    /// first turn, where the interviewee is introduced.
    std::vector<Turn> turns;
    ShapeSpan intro;
    /// Press release: the words that may name the issuing body ("The
    /// Ministry of Foreign Affairs of the Republic of Moldova", "Department
    /// of Foreign Affairs"), in text order; the first that names a country is it.
    std::vector<ShapeSpan> issuers;
    /// Opinion: the author's biography ("Jane Roe is Estonia's former
    /// defence minister."); empty when there is none.
    ShapeSpan bio;
    /// Words of the article's body (headline, furniture excluded), counted
    /// up to 171: a longer body is no brief, and is not counted to its end.
    std::size_t body_words = 0;

    /// Whether byte `at` is in furniture.
    [[nodiscard]] bool is_furniture(std::size_t at) const;
    /// The live-blog entry of byte `at` (0 before the first one or when
    /// the article has none).
    [[nodiscard]] std::size_t entry_of(std::size_t at) const;
};

/// The shape of an article's normalised text (Document::text), the
/// headline being its first line. Pure: the same text gives the same shape.
ArticleShape detect_shape(std::string_view text);

/// Whether a line is only a release's mark ("PRESS RELEASE", "For
/// immediate release"): no headline, though it comes first.
bool is_bare_release_mark(std::string_view line);

}  // namespace borderline
