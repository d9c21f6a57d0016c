// SvgWriter: the painter's operations as SVG elements (see svg_writer.hpp).
#include "svg_writer.hpp"

#include <borderline/safe_text.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace borderline::renderer {

namespace {

/// A coordinate or size in pixels: two decimals, no trailing zeros. Enough
/// for a 20,000-pixel canvas, and the same bytes on every machine.
std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string hex(double r, double g, double b) {
    const auto c = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c(r), c(g), c(b));
    return buf;
}

/// fill="..." or stroke="..." with its opacity when it is not opaque.
std::string paint_attrs(const char* what, double r, double g, double b, double a) {
    std::string s = std::string(" ") + what + "=\"" + hex(r, g, b) + "\"";
    if (a < 1) s += std::string(" ") + what + "-opacity=\"" + num(std::round(a * 1000) / 1000) + "\"";
    return s;
}

std::string source_attrs(cairo_t* cr, const char* what) {
    double r = 0, g = 0, b = 0, a = 1;
    // Every source the painter sets is a solid colour.
    cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a);
    return paint_attrs(what, r, g, b, a);
}

/// Letter spacing set on a layout, in pixels; 0 when none.
double letter_spacing(PangoLayout* layout) {
    PangoAttrList* list = pango_layout_get_attributes(layout);
    if (list == nullptr) return 0;
    double spacing = 0;
    GSList* attrs = pango_attr_list_get_attributes(list);
    for (GSList* a = attrs; a != nullptr; a = a->next) {
        const auto* attr = static_cast<PangoAttribute*>(a->data);
        if (attr->klass->type == PANGO_ATTR_LETTER_SPACING) {
            spacing = static_cast<double>(reinterpret_cast<const PangoAttrInt*>(attr)->value) / PANGO_SCALE;
        }
    }
    g_slist_free_full(attrs, reinterpret_cast<GDestroyNotify>(pango_attribute_destroy));
    return spacing;
}

/// The text Pango shows on an ellipsized one-line layout: the longest
/// prefix that fits with "…" after it, measured with the same font.
std::string ellipsized_text(PangoLayout* layout) {
    const std::string full = pango_layout_get_text(layout);
    const int width = pango_layout_get_width(layout);
    PangoLayout* probe = pango_layout_copy(layout);
    pango_layout_set_ellipsize(probe, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_width(probe, -1);
    // Character boundaries of the text, then the longest prefix that fits.
    std::vector<std::size_t> cuts;
    for (const char* p = full.c_str(); *p != '\0'; p = g_utf8_next_char(p)) {
        cuts.push_back(static_cast<std::size_t>(p - full.c_str()));
    }
    const auto prefix = [&](std::size_t chars) {
        std::string p = full.substr(0, chars < cuts.size() ? cuts[chars] : full.size());
        while (!p.empty() && p.back() == ' ') p.pop_back();
        return p + "\u2026";
    };
    std::size_t lo = 0, hi = cuts.size();  // lo characters fit; more than hi do not
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        pango_layout_set_text(probe, prefix(mid).c_str(), -1);
        int w = 0, h = 0;
        pango_layout_get_size(probe, &w, &h);
        if (w <= width) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    const std::string best = prefix(lo);
    g_object_unref(probe);
    return best;
}

}  // namespace

std::string xml_text(const std::string& raw) {
    // Only characters XML allows (no U+FFFE/U+FFFF, no invalid UTF-8 either).
    const std::string in = printable_text(raw);
    std::string out;
    out.reserve(in.size());
    for (const char c : in) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                if (u >= 0x20 || c == '\t' || c == '\n') out += c;
        }
    }
    return out;
}

SvgWriter::SvgWriter(double width, double height) : width_(width), height_(height) {}

void SvgWriter::open(const std::string& element) {
    body_ += indent_ + element + "\n";
    indent_ += "  ";
}

void SvgWriter::begin_group(const char* id) { open(std::string("<g id=\"") + id + "\">"); }

void SvgWriter::end_group() {
    indent_.resize(indent_.size() - 2);
    body_ += indent_ + "</g>\n";
}

void SvgWriter::save() { saves_.push_back(clip_groups_); }

void SvgWriter::restore() {
    const int keep = saves_.empty() ? 0 : saves_.back();
    if (!saves_.empty()) saves_.pop_back();
    while (clip_groups_ > keep) {
        end_group();
        --clip_groups_;
    }
}

std::string SvgWriter::path_data(cairo_t* cr) const {
    cairo_path_t* path = cairo_copy_path(cr);
    std::string d;
    // Appended piece by piece: paths of whole countries are long.
    const auto point = [&d](const cairo_path_data_t& p) {
        d += num(p.point.x);
        d += ' ';
        d += num(p.point.y);
    };
    for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
        const cairo_path_data_t* p = &path->data[i];
        switch (p->header.type) {
            case CAIRO_PATH_MOVE_TO:
                d += 'M';
                point(p[1]);
                break;
            case CAIRO_PATH_LINE_TO:
                d += 'L';
                point(p[1]);
                break;
            case CAIRO_PATH_CURVE_TO:
                d += 'C';
                point(p[1]);
                d += ' ';
                point(p[2]);
                d += ' ';
                point(p[3]);
                break;
            case CAIRO_PATH_CLOSE_PATH:
                d += 'Z';
                break;
        }
    }
    cairo_path_destroy(path);
    return d;
}

void SvgWriter::fill(cairo_t* cr) {
    const std::string d = path_data(cr);
    if (d.empty()) return;
    std::string e = "<path d=\"" + d + "\"" + source_attrs(cr, "fill");
    if (cairo_get_fill_rule(cr) == CAIRO_FILL_RULE_EVEN_ODD) e += " fill-rule=\"evenodd\"";
    body_ += indent_ + e + "/>\n";
}

void SvgWriter::stroke(cairo_t* cr) {
    const std::string d = path_data(cr);
    if (d.empty()) return;
    std::string e = "<path d=\"" + d + "\" fill=\"none\"" + source_attrs(cr, "stroke") + " stroke-width=\"" +
                    num(cairo_get_line_width(cr)) + "\"";
    switch (cairo_get_line_cap(cr)) {
        case CAIRO_LINE_CAP_ROUND:
            e += " stroke-linecap=\"round\"";
            break;
        case CAIRO_LINE_CAP_SQUARE:
            e += " stroke-linecap=\"square\"";
            break;
        case CAIRO_LINE_CAP_BUTT:
            break;
    }
    switch (cairo_get_line_join(cr)) {
        case CAIRO_LINE_JOIN_ROUND:
            e += " stroke-linejoin=\"round\"";
            break;
        case CAIRO_LINE_JOIN_BEVEL:
            e += " stroke-linejoin=\"bevel\"";
            break;
        case CAIRO_LINE_JOIN_MITER:
            // SVG's default limit is 4, Cairo's 10.
            e += " stroke-miterlimit=\"" + num(cairo_get_miter_limit(cr)) + "\"";
            break;
    }
    const int dashes = cairo_get_dash_count(cr);
    if (dashes > 0) {
        std::vector<double> dash(static_cast<std::size_t>(dashes));
        double offset = 0;
        cairo_get_dash(cr, dash.data(), &offset);
        e += " stroke-dasharray=\"";
        for (std::size_t i = 0; i < dash.size(); ++i) {
            if (i > 0) e += ',';
            e += num(dash[i]);
        }
        e += "\"";
        if (offset != 0) e += " stroke-dashoffset=\"" + num(offset) + "\"";
    }
    body_ += indent_ + e + "/>\n";
}

void SvgWriter::clip(cairo_t* cr) {
    const std::string id = "clip-" + std::to_string(++next_clip_);
    std::string rule = cairo_get_fill_rule(cr) == CAIRO_FILL_RULE_EVEN_ODD ? " clip-rule=\"evenodd\"" : "";
    body_ += indent_ + "<clipPath id=\"" + id + "\"><path d=\"" + path_data(cr) + "\"" + rule + "/></clipPath>\n";
    open("<g clip-path=\"url(#" + id + ")\">");
    ++clip_groups_;
}

void SvgWriter::paint(cairo_t* cr) {
    body_ += indent_ + "<rect width=\"" + num(width_) + "\" height=\"" + num(height_) + "\"" +
             source_attrs(cr, "fill") + "/>\n";
}

void SvgWriter::text(PangoLayout* layout, double scale, double x, double y, const Colour& colour, double halo,
                     const Colour& halo_colour) {
    const double unit = scale / PANGO_SCALE;  // layout units -> pixels as drawn
    const PangoFontDescription* fd = pango_layout_get_font_description(layout);
    std::string font;
    if (fd != nullptr) {
        if (const char* family = pango_font_description_get_family(fd)) {
            font += " font-family=\"" + xml_text(family) + "\"";
        }
        font += " font-size=\"" + num(pango_font_description_get_size(fd) * unit) + "px\"";
        if (pango_font_description_get_weight(fd) >= PANGO_WEIGHT_BOLD) font += " font-weight=\"bold\"";
        if (pango_font_description_get_style(fd) == PANGO_STYLE_ITALIC) font += " font-style=\"italic\"";
    }
    if (const double ls = letter_spacing(layout) * scale; ls > 0) font += " letter-spacing=\"" + num(ls) + "\"";
    std::string look = paint_attrs("fill", colour.r, colour.g, colour.b, colour.a);
    if (halo > 0) {
        // Cairo strokes the glyph outlines in the halo colour, then fills
        // them; paint-order does the same in one element.
        look += paint_attrs("stroke", halo_colour.r, halo_colour.g, halo_colour.b, halo_colour.a) + " stroke-width=\"" +
                num(halo) + "\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
    }
    const char* all = pango_layout_get_text(layout);
    const bool ellipsized = pango_layout_is_ellipsized(layout);
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
        const PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        const double baseline = pango_layout_iter_get_baseline(it) * unit;
        std::string words = ellipsized ? ellipsized_text(layout)
                                       : std::string(all + line->start_index, static_cast<std::size_t>(line->length));
        while (!words.empty() && (words.back() == ' ' || words.back() == '\n')) words.pop_back();
        if (words.empty()) continue;
        // Each word at the x where Pango put it: an SVG renderer's font
        // and advances may differ from ours, and over a long line the
        // difference grows to several pixels. Words stay words, so the
        // text is still edited as text.
        std::string spans;
        double first_x = x + logical.x * unit;
        for (std::size_t i = 0; i < words.size();) {
            const std::size_t end = std::min(words.find(' ', i), words.size());
            PangoRectangle at;
            pango_layout_index_to_pos(layout, line->start_index + static_cast<int>(i), &at);
            int left = at.x;
            if (at.width < 0) {
                // A right-to-left word: Pango gives its first character's
                // leading edge, the word's right end; the <tspan> starts at
                // its left end, the trailing edge of its last character.
                left = at.x + at.width;
                const char* w = words.c_str();
                if (const char* last = g_utf8_find_prev_char(w + i, w + end)) {
                    PangoRectangle b;
                    pango_layout_index_to_pos(layout, line->start_index + static_cast<int>(last - w), &b);
                    left = std::min({left, b.x, b.x + b.width});
                }
            }
            const double wx = x + left * unit;
            if (i == 0) first_x = wx;
            std::size_t next = end;
            while (next < words.size() && words[next] == ' ') ++next;
            spans += "<tspan x=\"" + num(wx) + "\">" + xml_text(words.substr(i, next - i)) + "</tspan>";
            i = next;
        }
        body_ += indent_ + "<text xml:space=\"preserve\" x=\"" + num(first_x) + "\" y=\"" + num(y + baseline) + "\"" +
                 font + look + ">" + spans + "</text>\n";
        if (ellipsized) break;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

std::string SvgWriter::finish(const std::string& title, const std::string& description) {
    while (clip_groups_ > 0) {
        end_group();
        --clip_groups_;
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width_) + "px\" height=\"" + num(height_) +
           "px\" viewBox=\"0 0 " + num(width_) + " " + num(height_) + "\">\n";
    out += "  <title>" + xml_text(title) + "</title>\n";
    out += "  <desc>" + xml_text(description) + "</desc>\n";
    out += body_;
    out += "</svg>\n";
    return out;
}

}  // namespace borderline::renderer
