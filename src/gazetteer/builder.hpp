// The gazetteer's builder, internal to src/gazetteer/: turns the data
// folder's layers and name tables into the gazetteer's image (image.hpp).
#pragma once

#include <borderline/geodata.hpp>

#include <filesystem>
#include <string>

namespace borderline {

/// The gazetteer's image built from the layers and tables of `data`.
std::string build_gazetteer_image(const GeoData& data);

/// The key a cache of `dir`'s gazetteer must carry: this builder's build
/// stamp, the folder and the size and time of every file the image is built
/// from. It lives with the builder so that a change to the builder's code
/// changes the key.
std::string gazetteer_cache_key(const std::filesystem::path& dir);

}  // namespace borderline
