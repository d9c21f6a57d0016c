// Shared test fixture: the bundled data and gazetteer, loaded once per run.
#pragma once

#include <borderline/gazetteer.hpp>
#include <borderline/geodata.hpp>

#include <cairo.h>

#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace borderline::test {

inline const GeoData& data() {
    static const GeoData d(std::filesystem::path(BORDERLINE_TEST_DIR) / ".." / "geodata");
    return d;
}

inline const Gazetteer& gazetteer() {
    static const Gazetteer g(data());
    return g;
}

inline std::filesystem::path source_dir() { return std::filesystem::path(BORDERLINE_TEST_DIR) / ".."; }

using borderline::km_between;

/// An environment variable set for one scope: the old value (or its absence)
/// comes back when the scope ends, also when a failed check throws, so one
/// test's setting never leaks into the next.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        BOOST_REQUIRE(::setenv(name, value.c_str(), 1) == 0);
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_.c_str(), old_->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
    std::optional<std::string> old_;
};

/// A test precondition: a file of ../shared (the seed articles) is there.
/// When it is not, Boost reports the test as skipped rather than passed.
struct SharedFilePresent {
    std::filesystem::path file;
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
        boost::test_tools::assertion_result r(std::filesystem::exists(file));
        r.message() << file.string() << " is absent";
        return r;
    }
};

/// An SVG's words without its markup (a label's words sit in one tspan each).
inline std::string words_of(const std::string& svg) {
    std::string out;
    bool in_tag = false;
    for (const char c : svg) {
        if (c == '<' || c == '>') {
            in_tag = c == '<';
        } else if (!in_tag) {
            out += c;
        }
    }
    return out;
}

/// Decode PNG bytes into an image surface (the caller destroys it).
inline cairo_surface_t* decode_png(const std::string& bytes) {
    struct Reader {
        const std::string* b;
        std::size_t at = 0;
    } r{&bytes};
    return cairo_image_surface_create_from_png_stream(
        [](void* c, unsigned char* out, unsigned int n) {
            auto* rd = static_cast<Reader*>(c);
            if (rd->at + n > rd->b->size()) return CAIRO_STATUS_READ_ERROR;
            std::memcpy(out, rd->b->data() + rd->at, n);
            rd->at += n;
            return CAIRO_STATUS_SUCCESS;
        },
        &r);
}

/// Image comparison of the visual tests: a pixel differs when any channel
/// differs by more than kThreshold (of 255); two pictures match when at most
/// kAllowedShare of their pixels differ.
constexpr int kThreshold = 10;
constexpr double kAllowedShare = 0.002;

/// The share of pixels of two images of the same size that differ; 1 when
/// the sizes differ.
inline double differing_share(cairo_surface_t* a, cairo_surface_t* b) {
    if (cairo_surface_status(a) != CAIRO_STATUS_SUCCESS || cairo_surface_status(b) != CAIRO_STATUS_SUCCESS) return 1;
    const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b) || w == 0 || h == 0) return 1;
    cairo_surface_flush(a);
    cairo_surface_flush(b);
    long differing = 0;
    for (int y = 0; y < h; ++y) {
        const auto* ra = reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(a) +
                                                                y * cairo_image_surface_get_stride(a));
        const auto* rb = reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(b) +
                                                                y * cairo_image_surface_get_stride(b));
        for (int x = 0; x < w; ++x) {
            for (int shift : {0, 8, 16}) {
                const int da = static_cast<int>((ra[x] >> shift) & 255u);
                const int db = static_cast<int>((rb[x] >> shift) & 255u);
                if (std::abs(da - db) > kThreshold) {
                    ++differing;
                    break;
                }
            }
        }
    }
    return static_cast<double>(differing) / (static_cast<double>(w) * h);
}

}  // namespace borderline::test
