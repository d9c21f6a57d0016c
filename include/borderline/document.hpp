// Document: an article as normalised UTF-8 text with sentences and tokens.
#pragma once

#include <borderline/shape.hpp>

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace borderline {

/// A byte range [start, end) into Document::text.
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    [[nodiscard]] std::size_t size() const { return end - start; }
};

/// A word or punctuation run; `folded` is the case- and accent-folded form,
/// a view into the folded text of the Document the token belongs to.
struct Token {
    Span span;
    std::string_view folded;
    bool is_word = false;         ///< letters or digits (vs punctuation)
    bool capitalised = false;     ///< first character is an upper-case letter
    bool sentence_start = false;  ///< first word of its sentence
};

/// Where the tokens' folded forms live: one buffer for most of them rather
/// than a string each, which cost a heap allocation per token.
struct FoldedText {
    /// The text with ASCII letters lower-cased: the folded form of every
    /// token of ASCII letters, digits and plain punctuation is in it at the
    /// token's own place.
    std::string lowered;
    /// The folded forms of the other tokens, one string each; a deque never
    /// moves its elements, so views of them stay valid as it grows.
    std::deque<std::string> others;
};

enum class InputFormat { text, markdown, html, json };

/// The article after format detection, text extraction and normalisation.
struct Document {
    std::string source_name;  ///< file name for messages ("-" for stdin)
    InputFormat format = InputFormat::text;
    std::string title;               ///< headline: first line of text, or the JSON/HTML title
    std::string date;                ///< from JSON `date` when present
    std::string text;                ///< normalised UTF-8 body (title included as first line)
    std::size_t replaced_bytes = 0;  ///< invalid UTF-8 bytes replaced by U+FFFD
    std::vector<Span> sentences;
    std::vector<Token> tokens;
    /// What Token::folded views. Shared and never changed, so copies and
    /// moves of the Document keep every token valid.
    std::shared_ptr<const FoldedText> folded_text;
    /// For each sentence, the index of its first token and one past the last.
    std::vector<std::pair<std::size_t, std::size_t>> sentence_tokens;
    /// What kind of article the text is (live blog, transcript, ...) and
    /// its words that are not the story (detect_shape, src/text/shape.cpp).
    ArticleShape shape;
};

/// Limits applied while reading an article.
struct ReadOptions {
    std::size_t max_bytes = 20u * 1024u * 1024u;
};

/// Build a Document from raw input bytes. Throws InputError for input that is
/// empty, binary or over the size limit.
Document make_document(std::string_view bytes, const std::string& source_name, const ReadOptions& options = {});

/// Read a file (or standard input for "-") and build its Document.
Document read_document(const std::string& path, const ReadOptions& options = {});

}  // namespace borderline
