// The officials table (geodata/officials.tsv, built into the program): heads
// of state and government, foreign and defence ministers and spokespeople,
// with the country they spoke for on the table's as_of date. Internal to
// src/claims.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace borderline::claims_officials {

struct Official {
    std::vector<std::string> words;  ///< the full name, folded, one word each
    std::string surname;             ///< folded; empty when the name is not used alone
    std::string country;             ///< ISO alpha-3
};

/// The table, sorted by first word (the officials who share one are
/// neighbours).
const std::vector<Official>& officials();

/// Index of the first official whose name starts with folded word `w`, or -1.
int first_with(std::string_view w);

/// Parses the TSV text (name, iso3, office, as_of, surname; '#' comments).
std::vector<Official> parse_officials(std::string_view tsv);

}  // namespace borderline::claims_officials
