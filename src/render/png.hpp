// PNG encoding of the rendered image (see png.cpp).
#pragma once

#include <cairo.h>

#include <string>
#include <utility>
#include <vector>

namespace borderline {

/// Text chunks of a PNG by keyword (PNG 1.2, 11.3.4.2: "Title",
/// "Description", "Source", "Copyright", "Software"); empty ones are left out.
struct PngText {
    std::vector<std::pair<std::string, std::string>> entries;
};

/// The image surface (CAIRO_FORMAT_RGB24) as PNG bytes with its resolution
/// (pHYs) in dots per inch and the given text chunks. The same pixels and
/// text always give the same bytes. Throws OutputError.
std::string encode_png(cairo_surface_t* surface, double dpi, const PngText& text = {});

}  // namespace borderline
