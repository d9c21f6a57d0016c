// Render: draws a Scene with Cairo (shapes) and Pango (text) on a PNG or PDF
// surface, and writes SVG from the same drawing (svg_writer.hpp). The drawing
// itself is MapPainter's (painter.hpp, which lists the files of each part of
// the map); this file makes the surfaces and encodes the result.
#include <borderline/error.hpp>
#include <borderline/render.hpp>
#include <borderline/safe_text.hpp>

#include "painter.hpp"
#include "png.hpp"
#include "svg_writer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace borderline {

using renderer::CairoPtr;
using renderer::MapPainter;
using renderer::SurfacePtr;

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

/// An image surface whose pixels the kernel may back with 2 MB pages.
/// Cairo's own allocation is touched 4 KB page by 4 KB page: a 1600x1000
/// map took 1,600 page faults to fill its background, about a third of
/// all the faults of a render.
cairo_surface_t* image_surface(int width, int height, bool opaque_paper) {
    constexpr std::size_t kHugePage = std::size_t{2} << 20;
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, width);
    const std::size_t bytes = static_cast<std::size_t>(stride) * static_cast<std::size_t>(height);
    void* pixels =
        stride > 0 ? std::aligned_alloc(kHugePage, (bytes + kHugePage - 1) / kHugePage * kHugePage) : nullptr;
    if (!pixels) return cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    ::madvise(pixels, (bytes + kHugePage - 1) / kHugePage * kHugePage, MADV_HUGEPAGE);  // a hint only
    // An opaque paper is painted over every pixel first (MapPainter::paint),
    // so the pixels are cleared only for a paper that lets them show
    // through (a memset of the 6.4 MB was a pass of its own).
    if (!opaque_paper) std::memset(pixels, 0, bytes);  // what cairo_image_surface_create gives
    cairo_surface_t* surface = cairo_image_surface_create_for_data(static_cast<unsigned char*>(pixels),
                                                                   CAIRO_FORMAT_RGB24, width, height, stride);
    static const cairo_user_data_key_t kPixels{};
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS ||
        cairo_surface_set_user_data(surface, &kPixels, pixels, std::free) != CAIRO_STATUS_SUCCESS) {
        std::free(pixels);  // the error surface does not own them; its status is reported by the caller
    }
    return surface;
}

/// PDF keywords: what a search for the map would use.
std::string keywords(const Scene& scene) {
    std::string k = "map, borders";
    for (const auto& p : scene.parties) k += ", " + p.name;
    for (const auto& d : scene.disputes) {
        if (d.mentioned || d.involves_party) k += ", " + d.name;
    }
    return k;
}

}  // namespace

std::vector<LabelBox> layout_labels(const Scene& scene, const GeoData& data, const Style& style) {
    SurfacePtr surface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr));
    CairoPtr cr(cairo_create(surface.get()));
    MapPainter painter(cr.get(), scene, data, style);
    painter.paint();
    return painter.placed();
}

bool font_available(const std::string& family) {
    renderer::prepare_fonts();
    // Pango's generic families, which fontconfig's rules resolve.
    static constexpr std::string_view kGeneric[] = {"sans", "sans-serif", "serif", "monospace", "system-ui"};
    if (std::any_of(std::begin(kGeneric), std::end(kGeneric),
                    [&](std::string_view g) { return g_ascii_strcasecmp(g.data(), family.c_str()) == 0; })) {
        return true;
    }
    // Fontconfig's own list of the fonts of that family (it compares
    // family names ignoring case), not Pango's list of every family: that
    // built a font map and a family object for each of the system's fonts,
    // 3-13 ms of the thread that prepares the fonts while the article is read.
    FcPattern* pattern = FcPatternCreate();
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, nullptr);
    bool found = false;
    if (pattern && objects &&
        FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()))) {
        if (FcFontSet* fonts = FcFontList(nullptr, pattern, objects)) {
            found = fonts->nfont > 0;
            FcFontSetDestroy(fonts);
        }
    }
    if (objects) FcObjectSetDestroy(objects);
    if (pattern) FcPatternDestroy(pattern);
    return found;
}

void load_map_layers(const GeoData& data, bool provinces) {
    // In the order drawing first needs them.
    for (const char* name : {"countries", "admin1", "lakes", "rivers", "boundaries", "disputed_lines", "maritime_lines",
                             "claim_lines", "countries_small"}) {
        if (!provinces && std::string_view(name) == "admin1") continue;
        try {
            (void)data.layer(name);
        } catch (const Error&) {
            // Drawing reports it when it needs the layer.
        }
    }
}

bool project_to_pixel(const Scene& scene, LonLat where, double& x, double& y) {
    const renderer::View v(scene.projection, scene.bbox, renderer::map_area(scene));
    return v.to_px(where.lon, where.lat, x, y);
}

std::string render_to_bytes(const Scene& scene, const GeoData& data, const Style& style, OutputFormat format) {
    if (!canvas_size_allowed(scene.size)) {
        throw UsageError("size " + std::to_string(scene.size.width) + "x" + std::to_string(scene.size.height) +
                         " is out of range; use between 200x150 and 20000x20000");
    }
    std::string out;
    SurfacePtr surface;
    std::optional<renderer::SvgWriter> svg;
    const double w = scene.size.width, h = scene.size.height;
    const double pdf_scale = 72.0 / (scene.dpi > 0 ? scene.dpi : 96.0);
    switch (format) {
        case OutputFormat::png:
            surface.reset(image_surface(scene.size.width, scene.size.height, style.paper.a >= 1));
            break;
        case OutputFormat::svg:
            // Drawn on an image like the PNG, so that text is measured and
            // placed exactly as there, while SvgWriter writes the document.
            surface.reset(image_surface(scene.size.width, scene.size.height, style.paper.a >= 1));
            svg.emplace(w, h);
            break;
        case OutputFormat::pdf:
            // The page has the map's physical size at its resolution: 1600
            // pixels at 96 dpi is 1200 pt; the drawing is scaled to it, so
            // text and lines keep their proportions.
            surface.reset(cairo_pdf_surface_create_for_stream(append_to_string, &out, w * pdf_scale, h * pdf_scale));
            // Fixed metadata: the same scene gives the same bytes.
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "borderline");
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                           scene.title.empty() ? "borderline" : printable_text(scene.title).c_str());
            break;
    }
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        throw OutputError(std::string("cannot create the drawing surface: ") +
                          cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    std::string alt;
    {
        CairoPtr cr(cairo_create(surface.get()));
        if (format == OutputFormat::pdf) cairo_scale(cr.get(), pdf_scale, pdf_scale);
        MapPainter painter(cr.get(), scene, data, style, svg ? &*svg : nullptr);
        painter.paint();
        renderer::check(cr.get(), "finishing");
        alt = printable_text(painter.alt_text());
    }
    // Metadata with only characters PDF strings and XML accept.
    const std::string title = scene.title.empty() ? "borderline" : printable_text(scene.title);
    // The files' metadata stay in English, for catalogues and search.
    const std::string copyright = std::string(map_word("en", MapWord::data_credit)) + " " +
                                  std::string(map_word("en", MapWord::map_credit)) + " " +
                                  std::string(map_word("en", MapWord::disclaimer));
    if (format == OutputFormat::png) {
        cairo_surface_flush(surface.get());
        PngText text;
        text.entries = {{"Title", title},
                        {"Description", alt},
                        {"Source", "borderline " BORDERLINE_VERSION},
                        {"Copyright", copyright}};
        out = encode_png(surface.get(), scene.dpi, text);
    } else if (format == OutputFormat::svg) {
        out = svg->finish(title, alt);
    } else {
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, alt.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_KEYWORDS,
                                       printable_text(keywords(scene)).c_str());
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
            throw OutputError(std::string("writing the map failed: ") +
                              cairo_status_to_string(cairo_surface_status(surface.get())));
        }
    }
    return out;
}

}  // namespace borderline
