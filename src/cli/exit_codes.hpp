// The program's exit codes (README's table, stable) and the mapping from the
// library's error kinds and settings to what the command line says.
#pragma once

#include <borderline/error.hpp>

#include <string>

namespace borderline::cli {

enum class ExitCode : int {
    ok = 0,
    usage = 1,           ///< bad command line
    bad_input = 2,       ///< input unreadable or not text; bundled data missing
    nothing_to_map = 3,  ///< no place found
    batch_partial = 4,   ///< some items of a batch failed
    output_failed = 5,   ///< the output could not be written
};

[[nodiscard]] ExitCode exit_code(ErrorKind kind);

/// The error's message as the command line says it: a library setting
/// becomes its option ("focus X ..." -> "--focus X ..."), with a hint where
/// the option's name is not in the message.
[[nodiscard]] std::string cli_message(const Error& e);

}  // namespace borderline::cli
