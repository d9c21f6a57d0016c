// borderline places: look a name up in the gazetteer.
#include "commands.hpp"

#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/gazetteer.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace borderline::cli {

int run_places(const PlacesOptions& o) {
    const GeoData data(data_paths());
    const Gazetteer gaz(data);
    auto hits = gaz.lookup(o.query);
    if (hits.empty()) {
        throw NothingToMapError("no gazetteer entry matches '" + o.query + "'; check the spelling");
    }
    if (hits.size() > o.limit) hits.resize(o.limit);
    if (o.json) {
        nlohmann::json out = nlohmann::json::array();
        for (auto i : hits) out.push_back(to_json(gaz.entry(i)));
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::printf("%-32s %-8s %-4s %10s %10s %12s  %s\n", "name", "kind", "iso3", "lon", "lat", "population", "id");
    for (auto i : hits) {
        const Entry& e = gaz.entry(i);
        std::printf("%-32s %-8s %-4s %10.4f %10.4f %12lld  %s\n", std::string(e.name).c_str(), to_string(e.kind),
                    std::string(e.country).c_str(), e.lon, e.lat, static_cast<long long>(e.population),
                    std::string(e.id).c_str());
    }
    return 0;
}

}  // namespace borderline::cli
