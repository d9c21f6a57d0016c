// Exceptions with the context a user needs, and the kind of failure each is.
// The library knows nothing of processes or command lines: the program maps
// a kind to its exit code (src/cli/exit_codes.hpp) and a setting to its
// option, the HTTP server maps them to a status and a field.
#pragma once

#include <stdexcept>
#include <string>

namespace borderline {

/// What kind of failure an Error is, for the caller to act on.
enum class ErrorKind {
    usage,           ///< a setting the caller gave is not valid (a size, a focus, a shard)
    input,           ///< an input (article, style, scene) cannot be read or is not what it should be
    nothing_to_map,  ///< the article names no place the gazetteer knows
    output,          ///< an output cannot be written
    data,            ///< the bundled data is missing or broken: an installation problem
};

/// Base of every error borderline reports to the user.
class Error : public std::runtime_error {
public:
    /// `setting` names the option the error is about by its library name (the
    /// member of SceneOptions, BatchOptions or ReadOptions: "focus", "shard",
    /// "formats", "max_bytes", "bbox"), or is empty. When the message is about
    /// the setting's value it starts with the name ("focus Nagorno matches ...").
    Error(ErrorKind kind, const std::string& message, std::string setting = {})
        : std::runtime_error(message), kind_(kind), setting_(std::move(setting)) {}
    [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }
    [[nodiscard]] const std::string& setting() const noexcept { return setting_; }

private:
    ErrorKind kind_;
    std::string setting_;
};

/// A setting is not valid.
class UsageError : public Error {
public:
    explicit UsageError(const std::string& m, std::string setting = {})
        : Error(ErrorKind::usage, m, std::move(setting)) {}
};

/// An input (article, style, data file) cannot be read or is not what it should be.
class InputError : public Error {
public:
    explicit InputError(const std::string& m, std::string setting = {})
        : Error(ErrorKind::input, m, std::move(setting)) {}
};

/// The article names no place the gazetteer knows.
class NothingToMapError : public Error {
public:
    explicit NothingToMapError(const std::string& m, std::string setting = {})
        : Error(ErrorKind::nothing_to_map, m, std::move(setting)) {}
};

/// An output file cannot be written.
class OutputError : public Error {
public:
    explicit OutputError(const std::string& m) : Error(ErrorKind::output, m) {}
};

/// The bundled data is missing or broken: an installation problem.
class DataError : public Error {
public:
    explicit DataError(const std::string& m) : Error(ErrorKind::data, m) {}
};

}  // namespace borderline
