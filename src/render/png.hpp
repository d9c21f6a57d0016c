// PNG encoding of the rendered image (see png.cpp).
#pragma once

#include <cairo.h>

#include <string>

namespace borderline {

/// The image surface (CAIRO_FORMAT_RGB24) as PNG bytes with its resolution
/// (pHYs) in dots per inch. The same pixels always give the same bytes.
/// Throws OutputError.
std::string encode_png(cairo_surface_t* surface, double dpi);

}  // namespace borderline
