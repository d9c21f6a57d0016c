// DataPaths: where the library finds its data, passed in by the caller. The
// library reads no environment variable; the command-line program builds this
// value from $BORDERLINE_DATA and friends (src/cli/data_env.cpp).
#pragma once

#include <filesystem>

namespace borderline {

struct DataPaths {
    std::filesystem::path geodata;          ///< the bundled layers and tables (geodata/)
    std::filesystem::path styles;           ///< the bundled styles (styles/)
    std::filesystem::path layer_cache;      ///< folder of the binary layer cache (NAME.bin); empty: none
    std::filesystem::path gazetteer_cache;  ///< the gazetteer's cache file; empty: built in memory each time
    /// borderline_layers, run once to rewrite a missing or stale layer cache
    /// (geodata/ changed after the build); empty: a stale cache is an error.
    std::filesystem::path layer_tool;

    /// An installed data folder, as `cmake --install` lays it out
    /// (PREFIX/share/borderline): ROOT/geodata, ROOT/styles, ROOT/layers,
    /// ROOT/gazetteer.bin. The CMake package gives ROOT as borderline_DATA_DIR.
    static DataPaths under(const std::filesystem::path& root);

    /// The tree this library was built from: the source tree's geodata/ and
    /// styles/, the build folder's caches and borderline_layers.
    static DataPaths built();
};

}  // namespace borderline
