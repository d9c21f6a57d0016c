// DisputeRegistry: reads the authored registry and joins each entry with its
// built polygon.
#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>

#include <simdjson.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>

namespace borderline {

namespace {

using simdjson::dom::element;

/// The entry's field `key` as text; `fallback` when absent. Any other type
/// is the registry's mistake, reported with the entry.
std::string text_field(simdjson::dom::object d, std::string_view key, std::string fallback) {
    const auto v = d[key];
    if (v.error() == simdjson::NO_SUCH_FIELD) return fallback;
    std::string_view s;
    if (v.get(s) != simdjson::SUCCESS) throw std::invalid_argument(std::string(key) + " is not a string");
    return std::string(s);
}

/// The strings of the entry's array field `key` (other items are skipped).
std::vector<std::string> text_list(simdjson::dom::object d, std::string_view key) {
    std::vector<std::string> out;
    simdjson::dom::array a;
    if (d[key].get(a) != simdjson::SUCCESS) return out;
    for (element e : a) {
        std::string_view s;
        if (e.get(s) == simdjson::SUCCESS) out.emplace_back(s);
    }
    return out;
}

/// The entry's integer field `key`, when it is one.
std::optional<int> int_field(simdjson::dom::object d, std::string_view key) {
    std::int64_t n = 0;
    if (d[key].get(n) != simdjson::SUCCESS || n < INT_MIN || n > INT_MAX) return std::nullopt;
    return static_cast<int>(n);
}

// One registry entry joined with its feature; polygon stays null when the
// layer has none of its id.
Dispute read_entry(simdjson::dom::object d, std::string_view id, const Layer& layer,
                   const std::unordered_map<std::string, std::size_t>& feature_of) {
    Dispute x;
    x.id = std::string(id);
    const auto it = feature_of.find(x.id);
    if (x.id.empty() || it == feature_of.end()) return x;  // no polygon: left out
    x.name = text_field(d, "name", x.id);
    x.aliases = text_list(d, "aliases");
    x.parties = text_list(d, "parties");
    x.folded_names.push_back(fold(x.name));
    for (const auto& a : x.aliases) x.folded_names.push_back(fold(a));
    x.administered_by = text_field(d, "administered_by", "");
    x.status = text_field(d, "status", "");
    if (const auto since = int_field(d, "since")) x.since = *since;
    x.kind = text_field(d, "kind", "");
    if (simdjson::dom::object st; d["settled"].get(st) == simdjson::SUCCESS) {
        if (const auto year = int_field(st, "year")) x.settled_year = *year;
        x.settled_how = text_field(st, "how", "");
    }
    const std::size_t i = it->second;
    const Feature& f = layer.features()[i];
    x.polygon = &f.polygons;
    x.bbox = f.bbox;
    x.label = {std::atof(layer.value(i, "label_x").c_str()), std::atof(layer.value(i, "label_y").c_str())};
    return x;
}

}  // namespace

// simdjson, not nlohmann: the registry is read before every map, and
// nlohmann's parse of its 100 KB took 17M instructions (a twentieth of a
// base map's); simdjson's DOM takes a small part of that.
std::vector<Dispute> read_disputes(const std::filesystem::path& path, const Layer& layer) {
    simdjson::padded_string text;
    if (simdjson::padded_string::load(path.string()).get(text) != simdjson::SUCCESS) {
        throw DataError("dispute registry " + path.string() + " is missing; reinstall or rebuild geodata/");
    }
    simdjson::dom::parser parser;
    element root;
    if (const auto err = parser.parse(text).get(root); err != simdjson::SUCCESS) {
        throw DataError("dispute registry " + path.string() + " is not valid JSON: " + simdjson::error_message(err));
    }
    simdjson::dom::array entries;
    if (root.get(entries) != simdjson::SUCCESS) {
        throw DataError("dispute registry " + path.string() + " is not a JSON array");
    }
    std::unordered_map<std::string, std::size_t> feature_of;
    for (std::size_t i = 0; i < layer.size(); ++i) feature_of.try_emplace(layer.value(i, "id"), i);
    std::vector<Dispute> out;
    for (element e : entries) {
        simdjson::dom::object d;
        std::string_view id;
        if (e.get(d) != simdjson::SUCCESS || d["id"].get(id) != simdjson::SUCCESS) continue;
        try {
            out.push_back(read_entry(d, id, layer, feature_of));
        } catch (const std::invalid_argument& err) {
            // A field of the wrong type: one line naming the entry, not a crash.
            throw DataError("dispute registry " + path.string() + ": entry " + std::string(id) + ": " + err.what());
        }
        if (out.back().polygon == nullptr) out.pop_back();
    }
    return out;
}

DisputeRegistry::DisputeRegistry(const std::filesystem::path& registry_file, const Layer& polygons)
    : disputes_(read_disputes(registry_file, polygons)) {
    std::sort(disputes_.begin(), disputes_.end(), [](const Dispute& a, const Dispute& b) { return a.id < b.id; });
    for (std::size_t i = 0; i < disputes_.size(); ++i) {
        for (const auto& n : disputes_[i].folded_names) {
            auto& v = by_folded_name_[n];
            if (v.empty() || v.back() != i) v.push_back(i);  // a name given twice counts once
        }
    }
}

std::span<const std::size_t> DisputeRegistry::named_by(const std::string& folded) const {
    const auto it = by_folded_name_.find(folded);
    if (it == by_folded_name_.end()) return {};
    return it->second;
}

const Dispute* DisputeRegistry::find(const std::string& id) const {
    // The registry is sorted by id.
    const auto it = std::ranges::lower_bound(disputes_, id, std::ranges::less{}, &Dispute::id);
    return it != disputes_.end() && it->id == id ? &*it : nullptr;
}

std::vector<const Dispute*> DisputeRegistry::search(const std::string& query) const {
    const std::string q = fold(query);
    std::vector<const Dispute*> out;
    for (const auto& d : disputes_) {
        bool hit = q.empty() || fold(d.id).find(q) != std::string::npos;
        for (const auto& a : d.folded_names) hit = hit || a.find(q) != std::string::npos;
        for (const auto& p : d.parties) hit = hit || fold(p) == q;
        if (hit) out.push_back(&d);
    }
    return out;
}

bool DisputeRegistry::is_party(const std::string& iso3) const {
    return std::any_of(disputes_.begin(), disputes_.end(), [&](const Dispute& d) {
        return std::find(d.parties.begin(), d.parties.end(), iso3) != d.parties.end();
    });
}

}  // namespace borderline
