// Mentions and Places: finding the names in a Document and resolving each.
#pragma once

#include <borderline/document.hpp>
#include <borderline/gazetteer.hpp>

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace borderline {

/// A span of the text that names something in the gazetteer.
struct Mention {
    Span span;
    std::string text;
    NameRole role = NameRole::name;
    /// The readings of the name: a view of the gazetteer's index, valid as
    /// long as the Gazetteer. A copy of each list cost a heap allocation per
    /// mention, and another per mention a Place keeps.
    std::span<const NameRef> candidates;
    bool common_word = false;  ///< the name is also an ordinary English word
};

/// A mention resolved to one entry: a mentioned place.
struct Place {
    std::uint32_t entry = 0;
    double confidence = 0;
    std::vector<Mention> mentions;
};

/// Find the names of gazetteer entries in the text (longest match wins).
/// Stops after `limit` + 1 mentions: a caller that refuses texts over a
/// limit need not collect millions first.
std::vector<Mention> find_mentions(const Document& doc, const Gazetteer& gaz,
                                   std::size_t limit = std::numeric_limits<std::size_t>::max());

/// Resolve mentions to places using the article's context. Places are ordered
/// by first mention.
std::vector<Place> resolve_places(const Document& doc, const Gazetteer& gaz, const std::vector<Mention>& mentions);

}  // namespace borderline
