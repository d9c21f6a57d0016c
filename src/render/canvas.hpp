// Drawing primitives shared by the renderer's files: owners for the Cairo and
// Pango handles, rectangles in pixels, colours and Pango text.
#pragma once

#include <borderline/error.hpp>
#include <borderline/render.hpp>
#include <borderline/style.hpp>

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <numbers>
#include <string>
#include <vector>

namespace borderline::renderer {

constexpr double kPi = std::numbers::pi;

// ---- RAII for the C handles -------------------------------------------------
struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GObjectDeleter {
    void operator()(void* o) const { g_object_unref(o); }
};
struct FontDescDeleter {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using FontDescPtr = std::unique_ptr<PangoFontDescription, FontDescDeleter>;

/// Throws OutputError when the context has failed.
void check(cairo_t* cr, const char* what);

/// Makes fontconfig's configuration current, once per process, before Pango
/// first asks for it (see canvas.cpp). Every path to Pango calls it.
void prepare_fonts();

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    [[nodiscard]] bool overlaps(const Rect& o) const {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
    [[nodiscard]] bool inside(const Rect& o) const {
        return x >= o.x && y >= o.y && x + w <= o.x + o.w && y + h <= o.y + o.h;
    }
};

inline void set(cairo_t* cr, const Colour& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

inline Colour mix(const Colour& a, const Colour& b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, a.a + (b.a - a.a) * t};
}

class SvgWriter;

/// Pango layouts in the style's font, and drawing them with a halo (as
/// <text> when writing SVG). In the map's language: the font of its script
/// after the style's, and right to left (right-aligned) for Arabic.
///
/// Every layout is made at kLayoutSize and drawn scaled to the size asked
/// for. Each new size of a font cost Pango a fontconfig match and sort (on
/// two threads it starts and waits for), a font, its metrics and a shaping
/// plan: about a millisecond each, for 13 sizes and styles on the sample
/// article. At one size there is one of each per style (regular, bold,
/// italic), and Cairo makes the glyphs at the size they are drawn.
/// Widths in layout units are the scaled ones: set them with set_width().
class Text {
public:
    Text(cairo_t* cr, const Style& style, SvgWriter* svg = nullptr, std::string lang = "en");
    [[nodiscard]] bool rtl() const { return rtl_; }

    LayoutPtr layout(const std::string& text, double size, bool bold, double width = -1, bool italic = false,
                     double letter_spacing = 0) const;
    /// The layout's size in pixels, as drawn.
    static Rect extents(PangoLayout* l);
    /// Drawn size / layout size.
    static double scale_of(PangoLayout* l);
    /// Wrap or ellipsize at `width` pixels, as drawn.
    static void set_width(PangoLayout* l, double width);
    /// Each glyph's advance to whole pixels at the drawn size, as hinted
    /// metrics gave them: Cairo puts each glyph on a whole pixel, and
    /// unrounded advances left uneven gaps between letters. Done once per
    /// laying out of the text, before it is measured or drawn.
    static void snap_advances(PangoLayout* l);
    static constexpr double kLayoutSize = 14;
    void draw(PangoLayout* l, double x, double y, const Colour& colour, double halo) const;

private:
    cairo_t* cr_;
    const Style& style_;
    SvgWriter* svg_;
    std::string lang_;
    std::string font_;  // the style's font, then the script's
    bool rtl_ = false;
};

/// Keeps placed label boxes so no two overlap.
class Placer {
public:
    explicit Placer(Rect bounds) : bounds_(bounds) {}
    void reserve(const Rect& r, const std::string& what) { taken_.push_back({what, r.x, r.y, r.w, r.h}); }
    [[nodiscard]] bool fits(const Rect& r) const;
    bool take(const Rect& r, const std::string& what) {
        if (!fits(r)) return false;
        taken_.push_back({what, r.x, r.y, r.w, r.h});
        return true;
    }
    [[nodiscard]] const std::vector<LabelBox>& boxes() const { return taken_; }

private:
    Rect bounds_;
    std::vector<LabelBox> taken_;
};

}  // namespace borderline::renderer
