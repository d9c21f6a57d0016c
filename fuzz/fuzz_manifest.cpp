// libFuzzer target: the batch manifest parser (JSON Lines) and id
// sanitising; every output name must stay a plain file name.
#include <borderline/batch.hpp>
#include <borderline/error.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/borderline-fuzz-" + std::to_string(getpid()) + ".jsonl";
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    } else {
        return 0;
    }
    try {
        for (const auto& item : borderline::collect_items({path})) {
            const auto& n = item.output;
            if (n.empty() || n.find('/') != std::string::npos || n[0] == '.' || n.size() > 110) __builtin_trap();
        }
    } catch (const borderline::Error&) {
    }
    return 0;
}
