// Render: draws a Scene with Cairo (shapes) and Pango (text) on a PNG, SVG or
// PDF surface. The drawing itself is MapPainter's (painter.hpp, which lists
// the files of each part of the map); this file makes the surfaces and
// encodes the result.
#include <borderline/error.hpp>
#include <borderline/render.hpp>

#include "painter.hpp"
#include "png.hpp"
#include "svg.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>

namespace borderline {

using renderer::CairoPtr;
using renderer::MapPainter;
using renderer::SurfacePtr;

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
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
    PangoFontMap* map = pango_cairo_font_map_get_default();  // owned by Pango
    PangoFontFamily** families = nullptr;
    int n = 0;
    pango_font_map_list_families(map, &families, &n);
    bool found = false;
    for (int i = 0; i < n && !found; ++i) {
        found = g_ascii_strcasecmp(pango_font_family_get_name(families[i]), family.c_str()) == 0;
    }
    g_free(families);
    return found;
}

void load_map_layers(const GeoData& data) {
    // In the order drawing first needs them.
    for (const char* name : {"countries", "admin1", "lakes", "rivers", "boundaries", "disputed_lines", "countries_small"}) {
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
    if (scene.size.width < 200 || scene.size.height < 150 || scene.size.width > 20000 || scene.size.height > 20000) {
        throw UsageError("size " + std::to_string(scene.size.width) + "x" + std::to_string(scene.size.height) +
                         " is out of range; use between 200x150 and 20000x20000");
    }
    std::string out;
    SurfacePtr surface;
    const double w = scene.size.width, h = scene.size.height;
    switch (format) {
        case OutputFormat::png:
            surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, scene.size.width, scene.size.height));
            break;
        case OutputFormat::svg:
            surface.reset(cairo_svg_surface_create_for_stream(append_to_string, &out, w, h));
            break;
        case OutputFormat::pdf:
            surface.reset(cairo_pdf_surface_create_for_stream(append_to_string, &out, w, h));
            // Fixed metadata: the same scene gives the same bytes.
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "borderline");
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, scene.title.c_str());
            break;
    }
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        throw OutputError(std::string("cannot create the drawing surface: ") +
                          cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    {
        CairoPtr cr(cairo_create(surface.get()));
        MapPainter(cr.get(), scene, data, style).paint();
        renderer::check(cr.get(), "finishing");
    }
    if (format == OutputFormat::png) {
        cairo_surface_flush(surface.get());
        out = encode_png(surface.get(), scene.dpi);
    } else {
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
            throw OutputError(std::string("writing the map failed: ") +
                              cairo_status_to_string(cairo_surface_status(surface.get())));
        }
        if (format == OutputFormat::svg) out = renderer::add_svg_description(renderer::renumber_svg_surfaces(out), scene);
    }
    return out;
}

}  // namespace borderline
