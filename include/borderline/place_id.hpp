// PlaceId: a gazetteer entry's stable id ("country:ARM", "admin1:AM-SU",
// "place:AM:Yerevan", "dispute:crimea"). The ids are part of the output
// (extract JSON, batch reports) and keys between stages, so they are built and
// read in this one place, not by string pasting and cutting at each use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace borderline {

class PlaceId {
public:
    /// "country:ARM": a country by its ISO 3166-1 alpha-3 (or Natural Earth) code.
    static PlaceId country(std::string_view iso3) { return PlaceId("country", iso3); }
    /// "admin1:AM-SU": a province by its ISO 3166-2 code.
    static PlaceId admin1(std::string_view iso_3166_2) { return PlaceId("admin1", iso_3166_2); }
    /// "admin1:ARM:Syunik": a province without a usable ISO 3166-2 code.
    static PlaceId admin1(std::string_view iso3, std::string_view name) {
        return PlaceId("admin1", std::string(iso3) + ':' + std::string(name));
    }
    /// "place:AM:Yerevan": a Natural Earth populated place (ISO alpha-2, ASCII name).
    static PlaceId place(std::string_view iso2, std::string_view name) {
        return PlaceId("place", std::string(iso2) + ':' + std::string(name));
    }
    /// "town:AM:Goris": a GeoNames town (ISO alpha-2, name).
    static PlaceId town(std::string_view iso2, std::string_view name) {
        return PlaceId("town", std::string(iso2) + ':' + std::string(name));
    }
    static PlaceId water(std::string_view name) { return PlaceId("water", name); }
    static PlaceId region(std::string_view name) { return PlaceId("region", name); }
    /// "dispute:crimea": a dispute by its registry id.
    static PlaceId dispute(std::string_view registry_id) { return PlaceId("dispute", registry_id); }
    /// "feature:kunashir": a border feature by its id in geodata/features.tsv.
    static PlaceId feature(std::string_view feature_id) { return PlaceId("feature", feature_id); }

    /// The id as text, or nothing when `text` has no "kind:" prefix.
    static std::optional<PlaceId> parse(std::string_view text) {
        const auto colon = text.find(':');
        if (colon == std::string_view::npos || colon == 0) return std::nullopt;
        PlaceId id;
        id.text_ = text;
        id.colon_ = colon;
        return id;
    }
    /// Whether `text` is an id at all ("country:ARM"), not a bare code ("ARM").
    static bool is_id(std::string_view text) { return parse(text).has_value(); }
    /// The registry id of a dispute's id ("crimea" of "dispute:crimea"), else nothing.
    static std::optional<std::string_view> dispute_key(std::string_view text) {
        constexpr std::string_view prefix = "dispute:";
        if (!text.starts_with(prefix)) return std::nullopt;
        return text.substr(prefix.size());
    }

    /// The same id made unique by a count ("place:US:Portland~2"): two
    /// entries of the data that would share one id.
    [[nodiscard]] PlaceId numbered(int n) const {
        PlaceId id = *this;
        id.text_ += '~' + std::to_string(n);
        return id;
    }

    [[nodiscard]] std::string_view kind() const { return std::string_view(text_).substr(0, colon_); }
    /// Everything after the kind: "ARM", "AM:Yerevan".
    [[nodiscard]] std::string_view key() const { return std::string_view(text_).substr(colon_ + 1); }
    [[nodiscard]] const std::string& str() const& { return text_; }
    [[nodiscard]] std::string str() && { return std::move(text_); }
    operator std::string_view() const { return text_; }  // NOLINT: an id reads as its text

    friend bool operator==(const PlaceId& a, const PlaceId& b) { return a.text_ == b.text_; }
    friend bool operator==(const PlaceId& a, std::string_view b) { return a.text_ == b; }

private:
    PlaceId() = default;
    PlaceId(std::string_view kind, std::string_view key)
        : text_(std::string(kind) + ':' + std::string(key)), colon_(kind.size()) {}

    std::string text_;
    std::size_t colon_ = 0;
};

}  // namespace borderline
