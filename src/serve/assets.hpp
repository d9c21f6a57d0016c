// The desk page's files, compiled into the program (cmake/embed_assets.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace borderline::serve {

struct Asset {
    std::string_view path;  ///< "/index.html", "/desk.js", ...
    std::string_view bytes;
};

/// Every file of src/serve/www, by path.
const std::vector<Asset>& assets();

}  // namespace borderline::serve
