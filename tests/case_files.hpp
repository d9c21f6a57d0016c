// The test-case files of a data folder: its .txt files in name order, so
// cases run (and are reported) in the same order on every machine. Plain
// C++ (no Boost.Test), for the unit tests and bench/eval_shapes alike.
#pragma once

#include <algorithm>
#include <filesystem>
#include <vector>

namespace borderline::test {

inline std::vector<std::filesystem::path> case_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace borderline::test
