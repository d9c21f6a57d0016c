// Shared test fixture: the bundled data and gazetteer, loaded once per run.
#pragma once

#include <borderline/gazetteer.hpp>
#include <borderline/geodata.hpp>

#include <filesystem>
#include <memory>

namespace borderline::test {

inline const GeoData& data() {
    static const GeoData d(std::filesystem::path(BORDERLINE_TEST_DIR) / ".." / "geodata");
    return d;
}

inline const Gazetteer& gazetteer() {
    static const Gazetteer g(data());
    return g;
}

inline std::filesystem::path source_dir() { return std::filesystem::path(BORDERLINE_TEST_DIR) / ".."; }

/// Great-circle distance in km.
double km_between(double lon1, double lat1, double lon2, double lat2);

}  // namespace borderline::test
