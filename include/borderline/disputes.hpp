// Disputes: the project's registry of disputed territories and their polygons.
#pragma once

#include <borderline/geometry.hpp>
#include <borderline/layer.hpp>

#include <filesystem>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace borderline {

/// One disputed territory (geodata/disputes.json joined with the polygon
/// that tools/build_disputes.py made for it in geodata/disputes.shp).
struct Dispute {
    std::string id;
    std::string name;
    std::vector<std::string> aliases;
    std::vector<std::string> folded_names;  ///< fold() of the name and every alias, for matching
    std::vector<std::string> parties;       ///< ISO alpha-3 of every claimant
    std::string administered_by;            ///< ISO alpha-3, or the de facto entity's name
    std::string status;                     ///< annexed, occupied, breakaway, claimed, administered
    int since = 0;
    std::string kind;         ///< land, island, maritime or sector
    int settled_year = 0;     ///< year the dispute was settled; 0 while it is open
    std::string settled_how;  ///< treaty, court ruling or arbitration (empty while open)
    const MultiPolygon* polygon = nullptr;
    Box bbox;
    LonLat label;  ///< inside the largest part (label_x/label_y that build_disputes.py wrote)

    [[nodiscard]] bool settled() const { return settled_year != 0; }
};

/// Read the registry file (geodata/disputes.json) once and join each entry
/// with its polygon in `polygons` (the disputes layer), in file order.
/// Entries without an id or a polygon are left out. Throws DataError when
/// the file is missing or is not a JSON array. The registry and the
/// gazetteer both read the disputes through this.
std::vector<Dispute> read_disputes(const std::filesystem::path& registry_file, const Layer& polygons);

/// The registry, sorted by id. Read-only after construction. GeoData owns
/// the one the program uses (GeoData::disputes()).
class DisputeRegistry {
public:
    DisputeRegistry(const std::filesystem::path& registry_file, const Layer& polygons);
    [[nodiscard]] const std::vector<Dispute>& all() const { return disputes_; }
    [[nodiscard]] const Dispute* find(const std::string& id) const;
    /// Disputes whose id, name or an alias contains the folded query.
    [[nodiscard]] std::vector<const Dispute*> search(const std::string& query) const;
    /// True when `iso3` is a party to some dispute.
    [[nodiscard]] bool is_party(const std::string& iso3) const;
    /// Positions in all() of the disputes that have `folded` among their
    /// folded_names, in order; empty when none has.
    [[nodiscard]] std::span<const std::size_t> named_by(const std::string& folded) const;

private:
    std::vector<Dispute> disputes_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_folded_name_;
};

}  // namespace borderline
