// DisputeRegistry: reads the authored registry and joins each entry with its
// built polygon.
#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace borderline {

DisputeRegistry::DisputeRegistry(const GeoData& data) {
    const auto path = data.dir() / "disputes.json";
    std::ifstream in(path);
    if (!in) throw DataError("dispute registry " + path.string() + " is missing; reinstall or rebuild geodata/");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw DataError("dispute registry " + path.string() + " is not valid JSON: " + e.what());
    }
    const Layer& layer = data.layer("disputes");
    for (const auto& d : j) {
        Dispute x;
        x.id = d.value("id", "");
        x.name = d.value("name", x.id);
        for (const auto& a : d.value("aliases", nlohmann::json::array())) x.aliases.push_back(a.get<std::string>());
        for (const auto& p : d.value("parties", nlohmann::json::array())) x.parties.push_back(p.get<std::string>());
        x.folded_names.push_back(fold(x.name));
        for (const auto& a : x.aliases) x.folded_names.push_back(fold(a));
        x.administered_by = d.value("administered_by", "");
        x.status = d.value("status", "");
        if (d.contains("since") && d["since"].is_number_integer()) x.since = d["since"].get<int>();
        for (std::size_t i = 0; i < layer.size(); ++i) {
            if (layer.value(i, "id") != x.id) continue;
            const Feature& f = layer.features()[i];
            x.polygon = &f.polygons;
            x.bbox = f.bbox;
            x.label = {std::atof(layer.value(i, "label_x").c_str()), std::atof(layer.value(i, "label_y").c_str())};
        }
        if (!x.id.empty() && x.polygon) disputes_.push_back(std::move(x));
    }
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
