// Library errors -> exit codes and command-line wording (exit_codes.hpp).
#include "exit_codes.hpp"

#include <string_view>

namespace borderline::cli {

ExitCode exit_code(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::usage:
            return ExitCode::usage;
        case ErrorKind::input:
            return ExitCode::bad_input;
        case ErrorKind::nothing_to_map:
            return ExitCode::nothing_to_map;
        case ErrorKind::output:
            return ExitCode::output_failed;
        case ErrorKind::data:
            return ExitCode::bad_input;
    }
    return ExitCode::bad_input;
}

namespace {

struct SettingOption {
    std::string_view setting;
    std::string_view option;
    std::string_view hint;  ///< added after the message
};
constexpr SettingOption kOptions[] = {
    {"focus", "--focus", " (`borderline disputes` lists the dispute ids, `borderline places NAME` the places)"},
    {"shard", "--shard", ""},
    {"formats", "--formats", ""},
    {"max_bytes", "--max-input-mb", ""},
    {"bbox", "--bbox W,S,E,N", ""},
    {"marker", "--marker", ""},
    {"label", "--label", ""},
    {"exclude", "--exclude", ""},
    {"units", "--units", ""},
    {"lang", "--lang", ""},
};

}  // namespace

std::string cli_message(const Error& e) {
    std::string m = e.what();
    for (const auto& s : kOptions) {
        if (e.setting() != s.setting) continue;
        const std::string prefix = std::string(s.setting) + " ";
        if (m.rfind(prefix, 0) == 0) {
            m = std::string(s.option) + m.substr(s.setting.size());
        } else {
            m += " (" + std::string(s.option) + ")";
        }
        m += s.hint;
    }
    return m;
}

}  // namespace borderline::cli
