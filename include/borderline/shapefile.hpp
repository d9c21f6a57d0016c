// Reading the bundled shapefiles through GDAL/OGR. Only the data-preparation
// tools (borderline_layers) and the tests link this (library borderline::shapes):
// the program itself reads the binary layer cache they write, so it starts
// without loading GDAL and its hundred shared libraries.
#pragma once

#include <borderline/geodata.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace borderline {

/// Read layer `name` (name.shp, or name.shp.zip) of the folder `dir`; with
/// `simplify` > 0, each geometry is simplified (GEOS, topology kept) to that
/// tolerance in degrees. Throws DataError when it cannot be read.
std::unique_ptr<Layer> read_shapefile_layer(const std::filesystem::path& dir, const std::string& name,
                                            double simplify = 0);

}  // namespace borderline
