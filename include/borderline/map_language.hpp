// The language a map is drawn in (render --lang): which languages there
// are, which run right to left, the map's own words in each (legend,
// scale bar, credit line) and the names of places in each.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace borderline {

/// The codes a map can be drawn in: en fr es de pt ru ar zh.
const std::vector<std::string>& map_languages();
[[nodiscard]] bool is_map_language(std::string_view code);
/// "en, fr, es, ..." for messages.
std::string map_language_list();
/// Whether the language is written right to left (Arabic).
[[nodiscard]] bool right_to_left(std::string_view code);

/// Throws UsageError (setting "lang") unless `code` is a map language.
void check_map_language(std::string_view code);

/// The words the map itself writes, apart from names and the article's own words.
enum class MapWord {
    disputed_area_hatched,     ///< legend: "Disputed area, hatched in the claimants' colours"
    disputed_area_as_claimed,  ///< legend: "Disputed area, shown as {} claims it"
    border_in_question,        ///< legend
    international_boundary,    ///< legend
    disputed_boundary,         ///< legend: "Disputed boundary or claim line"
    ceasefire_line,            ///< legend
    maritime_boundary,         ///< legend: "Maritime boundary (median or treaty line)"
    maritime_disputed,         ///< legend: "Disputed maritime boundary"
    also_named,                ///< legend: "Also named in the article: {}"
    list_separator,            ///< ", " between the names of that entry
    claim,                     ///< legend: "{actor} {stance}: “{quote}”", with {} three times in that order
    settled,                   ///< a settled dispute's label: "{name} (settled {year})"
    data_credit,               ///< "Data: Natural Earth (public domain), ..."
    map_credit,                ///< "Map: borderline."
    source,                    ///< "Source: {}"
    disclaimer,                ///< "Boundaries shown are not endorsed; ..."
    km,
    mi,
    asserts,
    denies,
    accuses,
    demands,
    reports,
    claim_line,         ///< legend: "{}'s claim line", a maritime claim line in the claimant's colour
    claim_line_approx,  ///< the same for a line whose vertices are approximate
    context_area,       ///< legend: a disputed area drawn faint, as context: not named, or named only in passing
};

/// The word in `lang` (English for a code that is not a map language).
std::string_view map_word(std::string_view lang, MapWord word);

/// The stance verb of a claim ("asserts", as claims write it) in `lang`;
/// an unknown stance is returned as it is.
std::string stance_word(std::string_view lang, std::string_view stance);

/// `pattern` with each "{}" replaced by the next of `args` in order.
std::string fill_in(std::string_view pattern, const std::vector<std::string>& args);

/// Names of places in the map languages other than English
/// (geodata/names_i18n.tsv, built by tools/build_names_i18n.py, and the
/// authored geodata/dispute_names.tsv), keyed "country:ISO3",
/// "admin1:ISO-3166-2", "geonames:ID" and "dispute:ID".
class MapNames {
public:
    MapNames() = default;
    /// Reads the files that exist of `files`; throws DataError naming the
    /// file and line of a malformed row.
    static MapNames read(const std::vector<std::filesystem::path>& files);

    /// The name of `key` in `lang`, or null.
    [[nodiscard]] const std::string* find(std::string_view key, std::string_view lang) const;
    [[nodiscard]] std::size_t size() const { return names_.size(); }

private:
    std::map<std::string, std::string, std::less<>> names_;  // "KEY\tLANG" -> name
};

}  // namespace borderline
