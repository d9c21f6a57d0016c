// What the program says on stderr besides errors: warnings and notes (off
// with -q/--quiet) and stage timings (on with -v/--verbose). Errors are
// printed by main() whatever the verbosity.
#pragma once

#include <borderline/extract.hpp>

namespace CLI {
class App;
}  // namespace CLI

#include <chrono>

namespace borderline::cli {

enum class Verbosity { quiet, normal, verbose };

/// Set once by main() after parsing, before any subcommand runs.
void set_verbosity(Verbosity v);
[[nodiscard]] Verbosity verbosity();

/// Adds -q/--quiet, and with `timings` -v/--verbose, to a subcommand.
void add_verbosity_flags(CLI::App& app, bool timings);
/// The verbosity the flags of `app` ask for.
[[nodiscard]] Verbosity verbosity_of(const CLI::App& app);

/// "borderline: warning: ..." on stderr, unless quiet.
void warn(const char* format, ...) __attribute__((format(printf, 1, 2)));
/// A line of progress for a person watching ("batch: 3 rendered..."), unless quiet.
void note(const char* format, ...) __attribute__((format(printf, 1, 2)));

/// Wall time of the stages of one command, printed as each ends with -v:
/// "borderline: stage read 1.8 ms".
class StageClock {
public:
    StageClock();
    /// Ends the stage that began at the last lap (or at construction).
    void lap(const char* stage);
    /// Milliseconds since the last lap, without ending the stage.
    [[nodiscard]] double elapsed() const;
    /// Ends the article's stages: geoparse (opening the gazetteer, mentions,
    /// places; the first `extracted` ms less the library's claims and scene
    /// times), claims, and scene (the library's, plus what followed: edits
    /// of the scene, the JSON documents).
    void lap_extract(const StageTimes& times, double extracted);
    static void report(const char* stage, double ms);

private:
    std::chrono::steady_clock::time_point last_;
};

}  // namespace borderline::cli
