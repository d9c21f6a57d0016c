// Shared test fixture: the bundled data and gazetteer, loaded once per run.
#pragma once

#include <borderline/gazetteer.hpp>
#include <borderline/geodata.hpp>

#include <cairo.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <memory>

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

}  // namespace borderline::test
