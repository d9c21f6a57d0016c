// PNG encoding of a Cairo image surface, compressed on several threads.
//
// Not cairo_surface_write_to_png: it uses zlib level 6 with a search over
// all five filters (106 ms for the 1600x1000 sample) and writes no
// resolution, and libpng compresses on one thread. Here the image is cut
// into bands of a fixed number of rows; each band is deflated on its own
// (raw deflate ended by a sync flush, the last one finished), and the pieces
// are joined into the one zlib stream an IDAT chunk holds, with their
// Adler-32 sums combined. libpng still writes the signature, IHDR, pHYs, the
// text chunks, the chunks' CRCs and IEND. The bands do not depend on the
// number of threads, so the bytes are the same on every machine.
//
// Rows are not filtered (filter type None). Maps are large flat areas, and
// deflate finds a flat row in the row above (4,800 bytes back at 1600
// pixels) as well as in its own runs: on the base map and the sample
// article, None at level 3 gives files 21-23% smaller than the Up filter
// did, for the same deflate time, and saves the filtering pass. zlib's
// levels 1-3 cost the same here and level 3 is the smallest; levels 4 and
// up (lazy matching) take twice as long for 15% less; Z_RLE is no faster
// and, without the Up filter, ten times larger. (Measured on the two maps
// with every combination; bench/README.md.)
#include "png.hpp"

#include <borderline/error.hpp>

#include <libdeflate.h>
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <system_error>
#include <thread>
#include <vector>

namespace borderline {

namespace {

constexpr int kBandRows = 128;  // rows per independently deflated band
constexpr int kLevel = 3;       // flat map colours: see the top of the file
constexpr unsigned char kFilterNone = 0;

struct Band {
    std::string deflated;
    uLong adler = 1;
    uLong raw_size = 0;
    bool ok = false;
};

/// One row of Cairo's RGB24 pixels (native-endian 0x00RRGGBB words) as the
/// PNG scanline: the filter byte, then R, G, B of each pixel.
void scanline(const unsigned char* row, int width, unsigned char* out) {
    *out++ = kFilterNone;
    for (int x = 0; x < width; ++x, row += 4, out += 3) {
        std::uint32_t v = 0;
        std::memcpy(&v, row, 4);
        out[0] = static_cast<unsigned char>(v >> 16);
        out[1] = static_cast<unsigned char>(v >> 8);
        out[2] = static_cast<unsigned char>(v);
    }
}

/// Deflate rows [y0, y1): a raw deflate stream that the next band continues
/// (sync flush), or ends (last band). The output grows as deflate writes it:
/// a buffer of deflateBound's worst case (the size of the raw rows) would be
/// allocated and zeroed for a band that compresses thirtyfold.
void deflate_band(const unsigned char* data, int width, int stride, int y0, int y1, bool last, Band& band) {
    std::vector<unsigned char> line(static_cast<std::size_t>(width) * 3 + 1);
    z_stream z{};
    if (deflateInit2(&z, kLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return;
    const std::unique_ptr<z_stream, int (*)(z_stream*)> end(&z, deflateEnd);  // also when append throws
    std::array<unsigned char, 32768> chunk;
    bool ok = true;
    for (int y = y0; y < y1 && ok; ++y) {
        scanline(data + static_cast<std::ptrdiff_t>(y) * stride, width, line.data());
        // libdeflate's Adler-32 (vectorised): zlib's took 17M instructions
        // of the base map's 370M, libdeflate's under a tenth of that.
        band.adler = libdeflate_adler32(static_cast<std::uint32_t>(band.adler), line.data(), line.size());
        band.raw_size += static_cast<uLong>(line.size());
        z.next_in = line.data();
        z.avail_in = static_cast<uInt>(line.size());
        const int flush = y + 1 < y1 ? Z_NO_FLUSH : (last ? Z_FINISH : Z_SYNC_FLUSH);
        do {  // until deflate leaves room: all input taken and, when flushing, all output out
            z.next_out = chunk.data();
            z.avail_out = static_cast<uInt>(chunk.size());
            const int st = deflate(&z, flush);
            ok = st == Z_OK || st == Z_STREAM_END || st == Z_BUF_ERROR;
            band.deflated.append(reinterpret_cast<const char*>(chunk.data()), chunk.size() - z.avail_out);
        } while (ok && z.avail_out == 0);
        ok = ok && z.avail_in == 0;
    }
    band.ok = ok;
}

}  // namespace

std::string encode_png(cairo_surface_t* surface, double dpi, const PngText& text) {
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    if (!data || w <= 0 || h <= 0) throw OutputError("PNG encoding failed: no image");

    std::vector<Band> bands(static_cast<std::size_t>((h + kBandRows - 1) / kBandRows));
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t b = next++; b < bands.size(); b = next++) {
            const int y0 = static_cast<int>(b) * kBandRows;
            try {
                deflate_band(data, w, stride, y0, std::min(h, y0 + kBandRows), b + 1 == bands.size(), bands[b]);
            } catch (const std::bad_alloc&) {
                bands[b].ok = false;  // reported below, on the calling thread
            }
        }
    };
    // Up to three helper threads beside this one, never more than the bands.
    const std::size_t threads =
        std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 4, bands.size()});
    std::vector<std::jthread> pool;
    try {
        for (std::size_t i = 1; i < threads; ++i) pool.emplace_back(work);
    } catch (const std::system_error&) {
        // No more threads to be had: the ones running and this one finish.
    }
    work();
    pool.clear();  // joins

    // The zlib stream: header (deflate, 32K window, "fast" level), the
    // bands, and the Adler-32 of all scanlines.
    std::string idat = {'\x78', '\x5e'};
    uLong adler = 1;
    for (const Band& b : bands) {
        if (!b.ok) throw OutputError("PNG encoding failed: out of memory");
        idat += b.deflated;
        adler = adler32_combine(adler, b.adler, static_cast<z_off_t>(b.raw_size));
    }
    for (int shift = 24; shift >= 0; shift -= 8) idat += static_cast<char>((adler >> shift) & 0xff);

    std::string out;
    out.reserve(idat.size() + 128);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        throw OutputError("PNG encoding failed: out of memory");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw OutputError("PNG encoding failed");
    }
    png_set_write_fn(
        png, &out,
        [](png_structp p, png_bytep bytes, png_size_t n) {
            static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(bytes), n);
        },
        nullptr);
    png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    const auto ppm = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
    // Plain ASCII goes in tEXt, which every reader shows; anything else in
    // iTXt, as tEXt is Latin-1 and a title in UTF-8 would read wrongly.
    std::vector<std::string> values;
    values.reserve(text.entries.size());
    std::vector<png_text> chunks;
    for (const auto& [key, value] : text.entries) {
        std::string clean;
        bool ascii = true;
        for (const char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 && c != '\n') continue;  // no control characters (nor NUL) in a text chunk
            ascii = ascii && u < 0x80;
            clean += c;
        }
        if (clean.empty()) continue;
        values.push_back(std::move(clean));
        png_text t{};
        t.compression = ascii ? PNG_TEXT_COMPRESSION_NONE : PNG_ITXT_COMPRESSION_NONE;
        t.key = const_cast<char*>(key.c_str());
        chunks.push_back(t);
    }
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        chunks[i].text = values[i].data();
        if (chunks[i].compression == PNG_TEXT_COMPRESSION_NONE) {
            chunks[i].text_length = values[i].size();
        } else {
            chunks[i].itxt_length = values[i].size();
        }
    }
    if (!chunks.empty()) png_set_text(png, info, chunks.data(), static_cast<int>(chunks.size()));
    png_write_info(png, info);
    png_write_chunk(png, reinterpret_cast<png_const_bytep>("IDAT"), reinterpret_cast<png_const_bytep>(idat.data()),
                    idat.size());
    png_write_chunk(png, reinterpret_cast<png_const_bytep>("IEND"), nullptr, 0);
    png_destroy_write_struct(&png, &info);
    return out;
}

}  // namespace borderline
