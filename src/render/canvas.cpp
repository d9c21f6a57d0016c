// Drawing primitives: failure checks, Pango text, the label placer.
#include "canvas.hpp"

#include <borderline/map_language.hpp>
#include <borderline/safe_text.hpp>

#include "svg_writer.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace borderline::renderer {

void check(cairo_t* cr, const char* what) {
    const auto st = cairo_status(cr);
    if (st != CAIRO_STATUS_SUCCESS) {
        throw OutputError(std::string("drawing failed at ") + what + ": " + cairo_status_to_string(st));
    }
}

void prepare_fonts() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Pango's first font lookup runs FcInit, which loads the system
        // configuration (fonts.conf and conf.d) and then also parses every
        // file of fontconfig's template folder (conf.avail, 41 files here)
        // for the descriptions fc-conflist prints: of the 24.7M
        // instructions FcInit took for the base map, 10M went to those.
        // The same configuration is loaded here without them, so the same
        // fonts and rules apply (maps are byte-identical); it stays current
        // for the life of the process. If it cannot be loaded, FcInit's own
        // fallback still runs when Pango asks.
        FcConfig* config = FcConfigCreate();
        if (!config) return;
        if (!FcConfigParseAndLoad(config, nullptr, FcTrue) || !FcConfigBuildFonts(config) ||
            !FcConfigSetCurrent(config)) {
            FcConfigDestroy(config);
        }
    });
}

namespace {

GQuark scale_quark() {
    static const GQuark q = g_quark_from_static_string("borderline-text-scale");
    return q;
}

GQuark snapped_quark() {
    static const GQuark q = g_quark_from_static_string("borderline-text-snapped");
    return q;
}

const cairo_font_options_t* unhinted() {
    static cairo_font_options_t* const options = [] {
        cairo_font_options_t* o = cairo_font_options_create();  // kept for the process
        cairo_font_options_set_hint_style(o, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
        return o;
    }();
    return options;
}

/// The font for the script of a map language, after the style's own (which
/// is Latin, Greek and Cyrillic in the bundled styles): fonts-noto-core's
/// Arabic and fonts-wqy-microhei's Chinese. The list is Pango's (and
/// SVG's) family list, so a reader without them still gets a fallback.
const char* script_font(std::string_view lang) {
    if (lang == "ar") return "Noto Sans Arabic";
    if (lang == "zh") return "WenQuanYi Micro Hei";
    return nullptr;
}

}  // namespace

Text::Text(cairo_t* cr, const Style& style, SvgWriter* svg, std::string lang)
    : cr_(cr), style_(style), svg_(svg), lang_(std::move(lang)), font_(style.font), rtl_(right_to_left(lang_)) {
    if (const char* f = script_font(lang_)) {
        // "Noto Sans 11" style strings: the family list goes before the size.
        font_ = style.font + "," + f;
    }
}

LayoutPtr Text::layout(const std::string& text, double size, bool bold, double width, bool italic,
                       double letter_spacing) const {
    prepare_fonts();
    LayoutPtr l(pango_cairo_create_layout(cr_));
    // Every layout is made at one size and drawn scaled (see the class):
    // the scale goes with the layout, for extents(), draw() and the SVG.
    const double scale = size > 0 ? size / kLayoutSize : 1.0;
    g_object_set_qdata_full(G_OBJECT(l.get()), scale_quark(), new double(scale),
                            [](gpointer p) { delete static_cast<double*>(p); });
    FontDescPtr fd(pango_font_description_from_string(font_.c_str()));
    pango_font_description_set_absolute_size(fd.get(), kLayoutSize * PANGO_SCALE);
    pango_font_description_set_weight(fd.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    if (italic) pango_font_description_set_style(fd.get(), PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(l.get(), fd.get());
    PangoContext* context = pango_layout_get_context(l.get());
    // Outlines unhinted and advances unrounded, so that the one size
    // scales to any other as the font designed it (hinting snaps to the
    // pixel grid of the size it is done at). It also spares FreeType's
    // auto-hinter, which analysed every glyph of each face and size.
    pango_cairo_context_set_font_options(context, unhinted());
    pango_context_set_round_glyph_positions(context, FALSE);
    if (lang_ != "en") {
        // The language picks the glyph forms and the fallback font
        // (Simplified Chinese, not Japanese, forms of Han characters).
        pango_context_set_language(context, pango_language_from_string(lang_ == "zh" ? "zh-cn" : lang_.c_str()));
        if (rtl_) {
            // Every paragraph right to left and flush right, the article's
            // English quotes and titles included, as an Arabic page sets them.
            pango_context_set_base_dir(context, PANGO_DIRECTION_RTL);
            pango_layout_set_auto_dir(l.get(), FALSE);
            pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
        }
    }
    pango_layout_context_changed(l.get());
    if (letter_spacing > 0) {
        letter_spacing /= scale;
        PangoAttrList* attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(static_cast<int>(letter_spacing * PANGO_SCALE)));
        pango_layout_set_attributes(l.get(), attrs);
        pango_attr_list_unref(attrs);
    }
    if (width > 0) {
        set_width(l.get(), width);
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    }
    // Cairo refuses (PDF) or copies into XML (SVG) what it is given: only
    // characters both accept (a headline may carry U+FFFE).
    const std::string shown = printable_text(text);
    pango_layout_set_text(l.get(), shown.c_str(), -1);
    return l;
}

double Text::scale_of(PangoLayout* l) {
    const auto* s = static_cast<const double*>(g_object_get_qdata(G_OBJECT(l), scale_quark()));
    return s ? *s : 1.0;
}

void Text::set_width(PangoLayout* l, double width) {
    pango_layout_set_width(l, static_cast<int>(width / scale_of(l) * PANGO_SCALE));
}

void Text::snap_advances(PangoLayout* l) {
    const double s = scale_of(l);
    // The layout's serial changes with its text, width or attributes (and
    // is never 0); moving advances does not change it.
    if (GPOINTER_TO_UINT(g_object_get_qdata(G_OBJECT(l), snapped_quark())) == pango_layout_get_serial(l)) return;
    const int target = pango_layout_get_width(l);
    const auto to_pixels = [s](int units) {  // layout units of a whole number of drawn pixels
        return static_cast<int>(std::lround(std::round(units * s / PANGO_SCALE) * PANGO_SCALE / s));
    };
    // Rounding can widen a line that Pango broke or ellipsized to fit:
    // then the text is laid out again a little narrower, until it fits
    // (at most a few rounds; the last one is kept as it is).
    for (int round = 0; round < 4; ++round) {
        int widest = 0;
        for (GSList* li = pango_layout_get_lines_readonly(l); li != nullptr; li = li->next) {
            int line_width = 0;
            for (GSList* r = static_cast<PangoLayoutLine*>(li->data)->runs; r != nullptr; r = r->next) {
                PangoGlyphString* glyphs = static_cast<PangoGlyphItem*>(r->data)->glyphs;
                for (int i = 0; i < glyphs->num_glyphs; ++i) {
                    PangoGlyphGeometry& g = glyphs->glyphs[i].geometry;
                    g.width = to_pixels(g.width);
                    g.x_offset = to_pixels(g.x_offset);
                    line_width += g.width;
                }
            }
            widest = std::max(widest, line_width);
        }
        if (target <= 0 || widest <= target || round == 3) break;
        pango_layout_set_width(l, pango_layout_get_width(l) - (widest - target));
    }
    g_object_set_qdata(G_OBJECT(l), snapped_quark(), GUINT_TO_POINTER(pango_layout_get_serial(l)));
}

Rect Text::extents(PangoLayout* l) {
    snap_advances(l);
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    const double s = scale_of(l) / PANGO_SCALE;
    return {0, 0, std::round(logical.width * s), std::round(logical.height * s)};
}

void Text::draw(PangoLayout* l, double x, double y, const Colour& colour, double halo) const {
    snap_advances(l);
    if (svg_ != nullptr) {
        // Words stay words in the SVG; the context needs no glyphs.
        svg_->text(l, scale_of(l), x, y, colour, halo, style_.halo);
        return;
    }
    cairo_save(cr_);
    const double s = scale_of(l);
    cairo_translate(cr_, x, y);
    cairo_scale(cr_, s, s);
    cairo_move_to(cr_, 0, 0);
    if (halo > 0) {
        pango_cairo_layout_path(cr_, l);
        set(cr_, style_.halo);
        cairo_set_line_width(cr_, halo / s);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr_);
        cairo_move_to(cr_, 0, 0);
    }
    set(cr_, colour);
    pango_cairo_show_layout(cr_, l);
    cairo_restore(cr_);
}

bool Placer::fits(const Rect& r) const {
    if (!r.inside(bounds_)) return false;
    return std::none_of(taken_.begin(), taken_.end(), [&](const LabelBox& t) {
        return Rect{t.x, t.y, t.w, t.h}.overlaps(r);
    });
}

}  // namespace borderline::renderer
