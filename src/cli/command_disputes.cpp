// borderline disputes: list the bundled disputed territories.
#include "commands.hpp"

#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/extract.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace borderline::cli {

void setup_disputes(CLI::App& app, DisputesOptions& o) {
    app.add_option("query", o.query, "Part of a name or alias, an id, or a party's ISO alpha-3 code");
    app.add_flag("--json", o.json, "Print a JSON array instead of a table");
}

namespace {
std::string joined(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}
}  // namespace

int run_disputes(const DisputesOptions& o) {
    const GeoData data(GeoData::default_dir());
    const auto hits = data.disputes().search(o.query);
    if (hits.empty()) throw NothingToMapError("no bundled dispute matches '" + o.query + "'; run `borderline disputes` for the list");
    if (o.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const Dispute* d : hits) out.push_back(to_json(*d));
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::printf("%-24s %-34s %-12s %-16s %s\n", "id", "name", "status", "parties", "administered by");
    for (const Dispute* d : hits) {
        std::printf("%-24s %-34s %-12s %-16s %s\n", d->id.c_str(), d->name.c_str(), d->status.c_str(),
                    joined(d->parties, ",").c_str(), d->administered_by.c_str());
    }
    return 0;
}

}  // namespace borderline::cli
