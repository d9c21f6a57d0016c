// Gazetteer: every name the bundled data knows, folded for matching.
#pragma once

#include <borderline/geodata.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace borderline {

enum class PlaceKind { country, admin1, place, water, dispute };

const char* to_string(PlaceKind k);

/// One gazetteer entry: a thing on the map.
struct Entry {
    std::string id;        ///< stable: "country:ARM", "admin1:AM-SU", "place:AM:Yerevan"
    std::string name;      ///< display name (English where the data has one)
    PlaceKind kind = PlaceKind::place;
    std::string country;   ///< ISO 3166-1 alpha-3 (Natural Earth code where ISO has none)
    std::string admin1;    ///< ISO 3166-2 of the province, when known
    double lon = 0;
    double lat = 0;
    std::int64_t population = 0;
    int rank = 0;          ///< 0 best; Natural Earth scalerank for places
    bool capital = false;  ///< national capital
};

/// How a name refers to its entry.
enum class NameRole : std::uint8_t {
    name,     ///< the entry's own name or an alternative name
    demonym,  ///< "Armenian", "Azeri": refers to the country
    metonym,  ///< "the Kremlin", "Whitehall": a seat of government
};

struct NameRef {
    std::uint32_t entry;
    NameRole role;
};

class Gazetteer {
public:
    /// Build the gazetteer from the data folder's layers and name tables.
    explicit Gazetteer(const GeoData& data);

    [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }
    [[nodiscard]] const Entry& entry(std::uint32_t i) const { return entries_[i]; }
    /// Entries whose folded name equals fold(name).
    [[nodiscard]] const std::vector<NameRef>* find_folded(std::string_view folded) const;
    /// Entry index by id, or -1.
    [[nodiscard]] std::int64_t by_id(const std::string& id) const;
    /// Longest name, in words, of any entry (bounds the matcher's window).
    [[nodiscard]] std::size_t max_words() const { return max_words_; }
    /// Entries matching a free-text query, best first.
    [[nodiscard]] std::vector<std::uint32_t> lookup(std::string_view query) const;

private:
    std::uint32_t add(Entry e);
    void add_name(std::string_view name, std::uint32_t entry, NameRole role);

    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::vector<NameRef>> names_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::size_t max_words_ = 1;
};

}  // namespace borderline
