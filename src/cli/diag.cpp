// Warnings, notes and stage timings on stderr, by verbosity (diag.hpp).
#include "diag.hpp"

#include <cstdarg>
#include <cstdio>

namespace borderline::cli {

namespace {
Verbosity g_verbosity = Verbosity::normal;

void vprint(const char* prefix, const char* format, va_list args) {
    std::fputs(prefix, stderr);
    std::vfprintf(stderr, format, args);
    std::fputc('\n', stderr);
}
}  // namespace

void set_verbosity(Verbosity v) { g_verbosity = v; }
Verbosity verbosity() { return g_verbosity; }

void warn(const char* format, ...) {
    if (g_verbosity == Verbosity::quiet) return;
    va_list args;
    va_start(args, format);
    vprint("borderline: warning: ", format, args);
    va_end(args);
}

void note(const char* format, ...) {
    if (g_verbosity == Verbosity::quiet) return;
    va_list args;
    va_start(args, format);
    vprint("", format, args);
    va_end(args);
}

StageClock::StageClock() : last_(std::chrono::steady_clock::now()) {}

void StageClock::lap(const char* stage) {
    const auto now = std::chrono::steady_clock::now();
    report(stage, std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
}

double StageClock::elapsed() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - last_).count();
}

void StageClock::lap_extract(const StageTimes& times, double extracted) {
    const double total = elapsed();
    report("geoparse", extracted - times.claims_ms - times.scene_ms);
    report("claims", times.claims_ms);
    report("scene", times.scene_ms + (total - extracted));
    last_ = std::chrono::steady_clock::now();
}

void StageClock::report(const char* stage, double ms) {
    if (g_verbosity == Verbosity::verbose) std::fprintf(stderr, "borderline: stage %-8s %8.1f ms\n", stage, ms);
}

}  // namespace borderline::cli
