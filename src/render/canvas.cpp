// Drawing primitives: failure checks, Pango text, the label placer.
#include "canvas.hpp"

#include <borderline/map_language.hpp>
#include <borderline/safe_text.hpp>

#include "svg_writer.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
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
    FontDescPtr fd(pango_font_description_from_string(font_.c_str()));
    pango_font_description_set_absolute_size(fd.get(), size * PANGO_SCALE);
    pango_font_description_set_weight(fd.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    if (italic) pango_font_description_set_style(fd.get(), PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(l.get(), fd.get());
    if (lang_ != "en") {
        // The language picks the glyph forms and the fallback font
        // (Simplified Chinese, not Japanese, forms of Han characters).
        PangoContext* context = pango_layout_get_context(l.get());
        pango_context_set_language(context, pango_language_from_string(lang_ == "zh" ? "zh-cn" : lang_.c_str()));
        if (rtl_) {
            // Every paragraph right to left and flush right, the article's
            // English quotes and titles included, as an Arabic page sets them.
            pango_context_set_base_dir(context, PANGO_DIRECTION_RTL);
            pango_layout_set_auto_dir(l.get(), FALSE);
            pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
        }
        pango_layout_context_changed(l.get());
    }
    if (letter_spacing > 0) {
        PangoAttrList* attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(static_cast<int>(letter_spacing * PANGO_SCALE)));
        pango_layout_set_attributes(l.get(), attrs);
        pango_attr_list_unref(attrs);
    }
    if (width > 0) {
        pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    }
    // Cairo refuses (PDF) or copies into XML (SVG) what it is given: only
    // characters both accept (a headline may carry U+FFFE).
    const std::string shown = printable_text(text);
    pango_layout_set_text(l.get(), shown.c_str(), -1);
    return l;
}

Rect Text::extents(PangoLayout* l) {
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(l, &ink, &logical);
    return {0, 0, static_cast<double>(logical.width), static_cast<double>(logical.height)};
}

void Text::draw(PangoLayout* l, double x, double y, const Colour& colour, double halo) const {
    if (svg_ != nullptr) {
        // Words stay words in the SVG; the context needs no glyphs.
        svg_->text(l, x, y, colour, halo, style_.halo);
        return;
    }
    cairo_save(cr_);
    cairo_move_to(cr_, x, y);
    if (halo > 0) {
        pango_cairo_layout_path(cr_, l);
        set(cr_, style_.halo);
        cairo_set_line_width(cr_, halo);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr_);
        cairo_move_to(cr_, x, y);
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
