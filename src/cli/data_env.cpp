// Where the program's data is: the only place that reads the environment for
// it (the library takes a DataPaths value).
#include "commands.hpp"

#include <cstdlib>
#include <system_error>

namespace borderline::cli {

namespace {

std::filesystem::path env_path(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? std::filesystem::path(v) : std::filesystem::path();
}

/// PREFIX/share/borderline when this program runs from PREFIX/bin and the
/// data was installed beside it (cmake --install), else empty.
std::filesystem::path installed_root(std::filesystem::path* prefix) {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    *prefix = exe.parent_path().parent_path();
    const auto root = *prefix / "share" / "borderline";
    return std::filesystem::exists(root / "geodata" / "countries.shp", ec) ? root : std::filesystem::path();
}

}  // namespace

DataPaths data_paths() {
    std::filesystem::path prefix;
    const auto installed = installed_root(&prefix);
    DataPaths p = installed.empty() ? DataPaths::built() : DataPaths::under(installed);
    if (!installed.empty()) p.layer_tool = prefix / "libexec" / "borderline" / "borderline_layers";
    if (const auto root = env_path("BORDERLINE_DATA"); !root.empty()) {
        p.geodata = root / "geodata";
        p.styles = root / "styles";
    }
    if (const auto cache = env_path("BORDERLINE_LAYER_CACHE"); !cache.empty()) p.layer_cache = cache;
    if (const auto cache = env_path("BORDERLINE_GAZETTEER_CACHE"); !cache.empty()) p.gazetteer_cache = cache;
    return p;
}

}  // namespace borderline::cli
