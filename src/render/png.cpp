// PNG encoding of a Cairo image surface, compressed on several threads.
//
// Not cairo_surface_write_to_png: it uses zlib level 6 with a search over
// all five filters (106 ms for the 1600x1000 sample) and writes no
// resolution. Maps are large flat areas, for which level 3 with the Up
// filter gives files about 10% larger in a third of the time; but libpng
// compresses on one thread, and that was still a fifth of the run. Here the image is cut into bands of a fixed number of
// rows; each band is filtered and deflated on its own (raw deflate ended by
// a sync flush, the last one finished), and the pieces are joined into the
// one zlib stream an IDAT chunk holds, with their Adler-32 sums combined.
// libpng still writes the signature, IHDR, pHYs, the chunks' CRCs and IEND.
// The bands do not depend on the number of threads, so the bytes are the
// same on every machine.
#include "png.hpp"

#include <borderline/error.hpp>

#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <system_error>
#include <thread>
#include <vector>

namespace borderline {

namespace {

constexpr int kBandRows = 128;         // rows per independently deflated band
constexpr int kLevel = 3;              // flat map colours: level 3 is near level 6's size
constexpr unsigned char kFilterUp = 2;  // each row as the difference to the row above

struct Band {
    std::string deflated;
    uLong adler = 1;
    uLong raw_size = 0;
    bool ok = false;
};

/// Cairo's RGB24 pixel (a native-endian 0x00RRGGBB word) as R, G, B bytes.
inline void put_rgb(const unsigned char* px, unsigned char* out) {
    std::uint32_t v = 0;
    std::memcpy(&v, px, 4);
    out[0] = static_cast<unsigned char>(v >> 16);
    out[1] = static_cast<unsigned char>(v >> 8);
    out[2] = static_cast<unsigned char>(v);
}

/// Filter rows [y0, y1) with the Up filter and deflate them: a raw deflate
/// stream that the next band continues (sync flush), or ends (last band).
void deflate_band(const unsigned char* data, int width, int stride, int y0, int y1, bool last, Band& band) {
    const std::size_t row_bytes = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char> prev(row_bytes, 0), cur(row_bytes), line(row_bytes + 1);
    if (y0 > 0) {
        const unsigned char* above = data + static_cast<std::ptrdiff_t>(y0 - 1) * stride;
        for (int x = 0; x < width; ++x) put_rgb(above + 4 * x, &prev[3 * static_cast<std::size_t>(x)]);
    }
    z_stream z{};
    if (deflateInit2(&z, kLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return;
    band.deflated.resize(deflateBound(&z, static_cast<uLong>((row_bytes + 1) * static_cast<std::size_t>(y1 - y0))) + 64);
    z.next_out = reinterpret_cast<Bytef*>(band.deflated.data());
    z.avail_out = static_cast<uInt>(band.deflated.size());
    bool ok = true;
    for (int y = y0; y < y1 && ok; ++y) {
        const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
        for (int x = 0; x < width; ++x) put_rgb(row + 4 * x, &cur[3 * static_cast<std::size_t>(x)]);
        line[0] = kFilterUp;
        for (std::size_t i = 0; i < row_bytes; ++i) line[i + 1] = static_cast<unsigned char>(cur[i] - prev[i]);
        band.adler = adler32(band.adler, line.data(), static_cast<uInt>(line.size()));
        band.raw_size += static_cast<uLong>(line.size());
        z.next_in = line.data();
        z.avail_in = static_cast<uInt>(line.size());
        const int flush = y + 1 < y1 ? Z_NO_FLUSH : (last ? Z_FINISH : Z_SYNC_FLUSH);
        const int st = deflate(&z, flush);
        ok = z.avail_in == 0 && (st == Z_OK || st == Z_STREAM_END || st == Z_BUF_ERROR) && z.avail_out > 0;
        std::swap(prev, cur);
    }
    band.deflated.resize(band.deflated.size() - z.avail_out);
    deflateEnd(&z);
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
            deflate_band(data, w, stride, y0, std::min(h, y0 + kBandRows), b + 1 == bands.size(), bands[b]);
        }
    };
    // Up to three helper threads beside this one, never more than the bands.
    const std::size_t threads = std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 4, bands.size()});
    std::vector<std::jthread> pool;
    try {
        for (std::size_t i = 1; i < threads; ++i) pool.emplace_back(work);
    } catch (const std::system_error&) {
        // No more threads to be had: the ones running and this one finish.
    }
    work();
    pool.clear();  // joins

    // The zlib stream: header (deflate, 32K window, "fast" level), the
    // bands, and the Adler-32 of all filtered rows.
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
