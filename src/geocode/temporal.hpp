// Dates, times and durations that share their spelling with a place: "Nov 3"
// (Nov, Tajikistan), "Mon 4 Nov" (Mon State, Myanmar), "in March" (March,
// Cambridgeshire), "14:05 GMT", "Christmas Day".
#pragma once

#include <borderline/document.hpp>

#include <cstdint>
#include <string_view>

namespace borderline {

/// Whether the name spanning tokens first..last of `doc` is part of a date,
/// a time or a day's name rather than a place.
bool is_temporal(const Document& doc, std::int64_t first, std::int64_t last);

/// Whether the folded word is a month's or a weekday's full name: no one's
/// first name before a place ("On Tuesday Moscow said", "In March Kyiv").
bool is_month_or_weekday(std::string_view folded);

}  // namespace borderline
