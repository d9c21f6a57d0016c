// Exceptions with the context a user needs, and the exit code each maps to.
#pragma once

#include <stdexcept>
#include <string>

namespace borderline {

/// Process exit codes; a stable, documented interface (README, DESIGN.md).
enum class ExitCode : int {
    ok = 0,
    usage = 1,           ///< bad command line
    bad_input = 2,       ///< input unreadable or not text
    nothing_to_map = 3,  ///< no place found
    batch_partial = 4,   ///< some items of a batch failed
    output_failed = 5,   ///< the output could not be written
};

/// Base of every error borderline reports to the user.
class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    [[nodiscard]] ExitCode code() const noexcept { return code_; }

private:
    ExitCode code_;
};

/// The command line is wrong.
class UsageError : public Error {
public:
    explicit UsageError(const std::string& m) : Error(ExitCode::usage, m) {}
};

/// An input (article, style, data file) cannot be read or is not what it should be.
class InputError : public Error {
public:
    explicit InputError(const std::string& m) : Error(ExitCode::bad_input, m) {}
};

/// The article names no place the gazetteer knows.
class NothingToMapError : public Error {
public:
    explicit NothingToMapError(const std::string& m) : Error(ExitCode::nothing_to_map, m) {}
};

/// An output file cannot be written.
class OutputError : public Error {
public:
    explicit OutputError(const std::string& m) : Error(ExitCode::output_failed, m) {}
};

/// The bundled data is missing or broken: an installation problem.
class DataError : public Error {
public:
    explicit DataError(const std::string& m) : Error(ExitCode::bad_input, m) {}
};

}  // namespace borderline
