// Map furniture: scale bar, locator inset, title band and footer.
#include "painter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace borderline::renderer {

namespace {

double nice_length(double target) {
    const double p = std::pow(10.0, std::floor(std::log10(target)));
    for (double m : {5.0, 2.0, 1.0}) {
        if (m * p <= target) return m * p;
    }
    return p;
}

}  // namespace

Rect MapPainter::scale_rect() const {
    const double w = 260 * k_, h = 38 * k_;
    return {map_.x + map_.w - w - 12 * k_, map_.y + map_.h - h - 12 * k_, w, h};
}

void MapPainter::draw_scale_bar(const View& v, const Rect& box) {
    const double mpp = v.metres_per_pixel();
    if (mpp <= 0) return;
    // The bar is a round number of the scene's unit: kilometres or statute miles.
    const bool miles = scene_.units == "mi";
    const double unit = miles ? 1609.344 : 1000.0;
    const double length = nice_length(box.w * 0.8 * mpp / unit);
    const double px = length * unit / mpp;
    const double x0 = box.x + box.w - px - 10 * k_, y0 = box.y + box.h - 12 * k_;
    char number[32];
    std::snprintf(number, sizeof number, "%g", length);
    const std::string label = std::string(number) + " " + std::string(word(miles ? MapWord::mi : MapWord::km));
    auto l = text_.layout(label, style_.label_size * k_ * 0.85, false);
    const Rect e = Text::extents(l.get());
    cairo_rectangle(cr_, x0 - 8 * k_, box.y + 2 * k_, px + 16 * k_, box.h - 4 * k_);
    set(cr_, Colour{style_.paper.r, style_.paper.g, style_.paper.b, 0.85});
    fill();
    cairo_rectangle(cr_, x0, y0 - 4 * k_, px / 2, 4 * k_);
    set(cr_, style_.text);
    fill();
    cairo_rectangle(cr_, x0 + px / 2, y0 - 4 * k_, px / 2, 4 * k_);
    set(cr_, style_.paper);
    fill_preserve();
    set(cr_, style_.text);
    cairo_set_line_width(cr_, 1 * k_);
    stroke();
    cairo_rectangle(cr_, x0, y0 - 4 * k_, px, 4 * k_);
    stroke();
    text_.draw(l.get(), x0 + px / 2 - e.w / 2, y0 - 6 * k_ - e.h, style_.text, 0);
}

bool MapPainter::want_inset() const {
    const Box& b = scene_.bbox;
    return scene_.inset && b.width() < 30 && b.height() < 25 && !scene_.parties.empty();
}

Rect MapPainter::inset_rect() const {
    const double w = std::round(std::min(map_.w * 0.22, 300 * k_));
    const double h = std::round(w * 0.72);
    return {map_.x + map_.w - w - std::round(12 * k_), map_.y + std::round(12 * k_), w, h};
}

void MapPainter::draw_inset(const Rect& box, const View& main) {
    draw_inset_map(box, main);
    draw_inset_frame(box);
}

SurfacePtr MapPainter::inset_apart(const Rect& box, const View& main) const {
    // Its own surface of the box's size, its own context and painter: it
    // shares only what is read (the scene, data, style and main view).
    SurfacePtr surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(box.w), static_cast<int>(box.h)));
    CairoPtr cr(cairo_create(surface.get()));
    cairo_set_antialias(cr.get(), cairo_get_antialias(cr_));
    cairo_translate(cr.get(), -box.x, -box.y);
    MapPainter inset(cr.get(), scene_, data_, style_);
    inset.map_ = map_;
    inset.draw_inset_map(box, main);
    check(cr.get(), "locator inset");
    cairo_surface_flush(surface.get());
    return surface;
}

void MapPainter::draw_inset_map(const Rect& box, const View& main) {
    const Box& b = scene_.bbox;
    const double cx = (b.west + b.east) / 2, cy = (b.south + b.north) / 2;
    const Box wide{cx - 38, std::max(-80.0, cy - 24), cx + 38, std::min(84.0, cy + 24)};
    char proj[160];
    std::snprintf(proj, sizeof proj, "+proj=laea +lat_0=%.3f +lon_0=%.3f +datum=WGS84 +units=m +no_defs", cy, cx);
    View v(proj, wide, box);
    save();
    cairo_rectangle(cr_, box.x, box.y, box.w, box.h);
    clip();
    set(cr_, style_.background);
    paint_all();
    const Layer& countries = data_.layer("countries_small");
    cairo_new_path(cr_);
    // Outlines to 1.5 pixels: the inset is for orientation, and its
    // strokes cost more than the main map's at full detail.
    for (std::size_t i : countries.query(v.visible())) {
        path_polygons(cr_, v, countries.features()[i].polygons, nullptr, nullptr, nullptr, 1.5);
    }
    set(cr_, style_.land);
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
    fill_preserve();
    set(cr_, style_.country_outline);
    cairo_set_line_width(cr_, 0.4 * k_);
    stroke();
    for (const auto& p : scene_.parties) {
        cairo_new_path(cr_);
        for (std::size_t i : countries.query(v.visible())) {
            if (countries.value(i, "iso_a3") == p.country) {
                path_polygons(cr_, v, countries.features()[i].polygons, nullptr, nullptr, nullptr, 1.5);
            }
        }
        set(cr_, mix(style_.land, party_colour(p), 0.7));
        fill();
    }
    // The main map's frame, traced through its corners.
    cairo_new_path(cr_);
    const Rect& a = main.area();
    bool first = true;
    for (int i = 0; i <= 80; ++i) {
        double px = 0, py = 0;
        if (i <= 20) {
            px = a.x + a.w * i / 20.0;
            py = a.y;
        } else if (i <= 40) {
            px = a.x + a.w;
            py = a.y + a.h * (i - 20) / 20.0;
        } else if (i <= 60) {
            px = a.x + a.w * (60 - i) / 20.0;
            py = a.y + a.h;
        } else {
            px = a.x;
            py = a.y + a.h * (80 - i) / 20.0;
        }
        double lon = 0, lat = 0, x = 0, y = 0;
        if (!main.inverse(px, py, lon, lat) || !v.to_px(lon, lat, x, y)) continue;
        if (first)
            cairo_move_to(cr_, x, y);
        else
            cairo_line_to(cr_, x, y);
        first = false;
    }
    cairo_close_path(cr_);
    set(cr_, style_.disputed_boundary);
    cairo_set_line_width(cr_, 1.8 * k_);
    stroke();
    restore();
}

void MapPainter::draw_inset_frame(const Rect& box) {
    cairo_rectangle(cr_, box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);
    set(cr_, style_.frame);
    cairo_set_line_width(cr_, 1);
    stroke();
}

void MapPainter::draw_title(double h) {
    const double pad = 18 * k_;
    auto title = text_.layout(scene_.title.empty() ? "borderline" : scene_.title, style_.title_size * k_, true);
    Text::set_width(title.get(), width_ - 2 * pad);
    pango_layout_set_ellipsize(title.get(), PANGO_ELLIPSIZE_END);
    const Rect te = Text::extents(title.get());
    double y = scene_.subtitle.empty() ? (h - te.h) / 2 : h * 0.1;
    text_.draw(title.get(), pad, y, style_.text, 0);
    if (!scene_.subtitle.empty()) {
        auto sub = text_.layout(scene_.subtitle, style_.label_size * k_, false);
        Text::set_width(sub.get(), width_ - 2 * pad);
        pango_layout_set_ellipsize(sub.get(), PANGO_ELLIPSIZE_END);
        text_.draw(sub.get(), pad, y + te.h, mix(style_.text, style_.paper, 0.3), 0);
    }
}

void MapPainter::draw_footer(double h) {
    const double pad = 18 * k_;
    const double size = style_.label_size * k_ * 0.72;
    if (!scene_.note.empty()) {
        // The note is the map's own words (a caveat, a date of the data),
        // so it reads in the text colour, above the credit line.
        const double note_h = note_height(scene_);
        auto n = text_.layout(scene_.note, style_.label_size * k_ * 0.85, false);
        Text::set_width(n.get(), width_ - 2 * pad);
        pango_layout_set_ellipsize(n.get(), PANGO_ELLIPSIZE_END);
        const Rect ne = Text::extents(n.get());
        text_.draw(n.get(), pad, height_ - h + (note_h - ne.h) / 2 + 3 * k_, style_.text, 0);
        h -= note_h;
    }
    std::string attribution = std::string(word(MapWord::data_credit)) + " " + std::string(word(MapWord::map_credit));
    if (!scene_.source.empty()) attribution += " " + fill_in(word(MapWord::source), {scene_.source});
    const std::string disclaimer(word(MapWord::disclaimer));
    auto a = text_.layout(attribution, size, false);
    auto d = text_.layout(disclaimer, size, false, -1, true);
    const Rect ae = Text::extents(a.get()), de = Text::extents(d.get());
    const double top = height_ - h;
    const Colour grey = mix(style_.text, style_.paper, 0.35);
    if (ae.w + de.w + 3 * pad < width_) {
        // The credit where a line starts (left, or right when right to left),
        // the disclaimer at the other end.
        const bool rtl = text_.rtl();
        text_.draw(a.get(), rtl ? width_ - pad - ae.w : pad, top + (h - ae.h) / 2, grey, 0);
        text_.draw(d.get(), rtl ? pad : width_ - pad - de.w, top + (h - de.h) / 2, grey, 0);
    } else {
        Text::set_width(a.get(), width_ - 2 * pad);
        pango_layout_set_ellipsize(a.get(), PANGO_ELLIPSIZE_END);
        Text::set_width(d.get(), width_ - 2 * pad);
        pango_layout_set_ellipsize(d.get(), PANGO_ELLIPSIZE_END);
        text_.draw(a.get(), pad, top + 2, grey, 0);
        text_.draw(d.get(), pad, top + 2 + ae.h, grey, 0);
    }
}

}  // namespace borderline::renderer
