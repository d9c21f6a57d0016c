// libFuzzer target: the style parser.
#include <borderline/error.hpp>
#include <borderline/style.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto st = borderline::parse_style(std::string_view(reinterpret_cast<const char*>(data), size), "f.json");
        if (st.parties.empty()) __builtin_trap();
    } catch (const borderline::Error&) {
    }
    return 0;
}
