// DisputeRegistry: reads the authored registry and joins each entry with its
// built polygon.
#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace borderline {

namespace {

// One registry entry joined with its feature; polygon stays null when the
// layer has none of its id.
Dispute read_entry(const nlohmann::json& d, const Layer& layer,
                   const std::unordered_map<std::string, std::size_t>& feature_of) {
    Dispute x;
    x.id = d["id"].get<std::string>();
    const auto it = feature_of.find(x.id);
    if (x.id.empty() || it == feature_of.end()) return x;  // no polygon: left out
    x.name = d.value("name", x.id);
    for (const auto& a : d.value("aliases", nlohmann::json::array())) {
        if (a.is_string()) x.aliases.push_back(a.get<std::string>());
    }
    for (const auto& p : d.value("parties", nlohmann::json::array())) {
        if (p.is_string()) x.parties.push_back(p.get<std::string>());
    }
    x.folded_names.push_back(fold(x.name));
    for (const auto& a : x.aliases) x.folded_names.push_back(fold(a));
    x.administered_by = d.value("administered_by", "");
    x.status = d.value("status", "");
    if (d.contains("since") && d["since"].is_number_integer()) x.since = d["since"].get<int>();
    x.kind = d.value("kind", "");
    if (const auto st = d.find("settled"); st != d.end() && st->is_object()) {
        if (st->contains("year") && (*st)["year"].is_number_integer()) x.settled_year = (*st)["year"].get<int>();
        x.settled_how = st->value("how", "");
    }
    const std::size_t i = it->second;
    const Feature& f = layer.features()[i];
    x.polygon = &f.polygons;
    x.bbox = f.bbox;
    x.label = {std::atof(layer.value(i, "label_x").c_str()), std::atof(layer.value(i, "label_y").c_str())};
    return x;
}

}  // namespace

std::vector<Dispute> read_disputes(const std::filesystem::path& path, const Layer& layer) {
    std::ifstream in(path);
    if (!in) throw DataError("dispute registry " + path.string() + " is missing; reinstall or rebuild geodata/");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw DataError("dispute registry " + path.string() + " is not valid JSON: " + e.what());
    }
    if (!j.is_array()) throw DataError("dispute registry " + path.string() + " is not a JSON array");
    std::unordered_map<std::string, std::size_t> feature_of;
    for (std::size_t i = 0; i < layer.size(); ++i) feature_of.try_emplace(layer.value(i, "id"), i);
    std::vector<Dispute> out;
    for (const auto& d : j) {
        if (!d.is_object() || !d.contains("id") || !d["id"].is_string()) continue;
        try {
            out.push_back(read_entry(d, layer, feature_of));
        } catch (const nlohmann::json::exception& e) {
            // A field of the wrong type: one line naming the entry, not a crash.
            throw DataError("dispute registry " + path.string() + ": entry " + d["id"].get<std::string>() + ": " +
                            e.what());
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
