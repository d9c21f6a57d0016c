// borderline serve: the hand-over to the borderline-serve
// program that runs the map desk and the HTTP API (serve_main.cpp, src/serve/).
#include "commands.hpp"
#include "diag.hpp"

#include <borderline/error.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <unistd.h>

namespace borderline::cli {

void exec_serve(char** argv) {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const auto helper = (ec ? std::filesystem::path(argv[0]).parent_path() : self.parent_path()) / "borderline-serve";
    ::execv(helper.c_str(), argv);  // returns only on failure
    throw DataError("cannot start " + helper.string() + " (" + std::strerror(errno) +
                    "); it is installed beside borderline: reinstall or rebuild");
}

}  // namespace borderline::cli
