// Render: draws a Scene with Cairo (shapes) and Pango (text) on a PNG, SVG or
// PDF surface. Geometry is clipped in lon/lat to the visible area before it
// is projected, so far-away parts of large countries never reach Cairo as
// huge coordinates.
#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/projection.hpp>
#include <borderline/render.hpp>

#include "png.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

namespace borderline {

namespace {

constexpr double kPi = 3.14159265358979323846;

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

void check(cairo_t* cr, const char* what) {
    const auto st = cairo_status(cr);
    if (st != CAIRO_STATUS_SUCCESS) {
        throw OutputError(std::string("drawing failed at ") + what + ": " + cairo_status_to_string(st));
    }
}

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    [[nodiscard]] bool overlaps(const Rect& o) const {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
    [[nodiscard]] bool inside(const Rect& o) const {
        return x >= o.x && y >= o.y && x + w <= o.x + o.w && y + h <= o.y + o.h;
    }
};

// ---- Projection from lon/lat to pixels ---------------------------------------
class View {
public:
    View(const std::string& proj_string, const Box& bbox, const Rect& area)
        : proj_(Projection::parse(proj_string)), area_(area) {
        // Projected extent of the requested box, sampled along its edges.
        Box pb;
        for (int i = 0; i <= 32; ++i) {
            const double t = i / 32.0;
            const double lon = bbox.west + t * bbox.width(), lat = bbox.south + t * bbox.height();
            for (const LonLat& p : {LonLat{lon, bbox.south}, LonLat{lon, bbox.north}, LonLat{bbox.west, lat},
                                    LonLat{bbox.east, lat}}) {
                double x = p.lon, y = p.lat;
                if (fwd(x, y)) pb.expand(x, y);
            }
        }
        if (pb.empty()) throw UsageError("the extent cannot be projected; check --bbox");
        scale_ = std::min(area.w / pb.width(), area.h / pb.height());
        // Centre the box; the map fills the whole area, so it shows a little
        // more than asked along one axis.
        cx_ = (pb.west + pb.east) / 2;
        cy_ = (pb.south + pb.north) / 2;
        // Geographic area actually visible: inverse of the frame's edges.
        for (int i = 0; i <= 40; ++i) {
            const double t = i / 40.0;
            for (const auto& [px, py] :
                 {std::pair{area.x + t * area.w, area.y}, std::pair{area.x + t * area.w, area.y + area.h},
                  std::pair{area.x, area.y + t * area.h}, std::pair{area.x + area.w, area.y + t * area.h}}) {
                double lon = 0, lat = 0;
                if (inverse(px, py, lon, lat)) visible_.expand(lon, lat);
            }
        }
        visible_ = {std::max(-180.0, visible_.west - 1), std::max(-89.9, visible_.south - 1),
                    std::min(180.0, visible_.east + 1), std::min(89.9, visible_.north + 1)};
        if (bbox.width() >= 180) visible_ = {-180, -89.9, 180, 89.9};
        // A pole inside the map (a polar projection) is seen from every
        // meridian: the frame's edges alone would miss the land around it.
        for (const double pole : {89.9, -89.9}) {
            double px = 0, py = 0;
            if (to_px(0, pole, px, py) && px >= area.x && px <= area.x + area.w && py >= area.y &&
                py <= area.y + area.h) {
                visible_ = {-180, pole > 0 ? visible_.south : -89.9, 180, pole > 0 ? 89.9 : visible_.north};
            }
        }
        degrees_per_pixel_ = std::min(bbox.width() / area.w, bbox.height() / area.h);
    }

    bool fwd(double& x, double& y) const {
        double px = 0, py = 0;
        if (!proj_.forward(x, y, px, py) || std::abs(px) > 1e15 || std::abs(py) > 1e15) return false;
        x = px;
        y = py;
        return true;
    }

    /// lon/lat -> pixel; false when the point has no projection.
    bool to_px(double lon, double lat, double& px, double& py) const {
        double x = lon, y = lat;
        if (!fwd(x, y)) return false;
        px = area_.x + area_.w / 2 + (x - cx_) * scale_;
        py = area_.y + area_.h / 2 - (y - cy_) * scale_;
        return true;
    }

    /// Many points at once, in place; false when some point has no
    /// projection (the caller drops that ring or line: Cairo is never given
    /// an infinite coordinate).
    bool to_px(std::vector<double>& xs, std::vector<double>& ys) const {
        for (std::size_t i = 0; i < xs.size(); ++i) {
            double x = 0, y = 0;
            if (!proj_.forward(xs[i], ys[i], x, y)) return false;
            xs[i] = area_.x + area_.w / 2 + (x - cx_) * scale_;
            ys[i] = area_.y + area_.h / 2 - (y - cy_) * scale_;
        }
        return true;
    }

    bool inverse(double px, double py, double& lon, double& lat) const {
        const double x = (px - area_.x - area_.w / 2) / scale_ + cx_;
        const double y = -(py - area_.y - area_.h / 2) / scale_ + cy_;
        return proj_.inverse(x, y, lon, lat);
    }

    /// Metres per pixel along the parallel through the centre of the map.
    [[nodiscard]] double metres_per_pixel() const {
        double lon0 = 0, lat0 = 0, lon1 = 0, lat1 = 0;
        const double y = area_.y + area_.h / 2;
        if (!inverse(area_.x + area_.w * 0.45, y, lon0, lat0) || !inverse(area_.x + area_.w * 0.55, y, lon1, lat1)) {
            return 0;
        }
        const double d2r = kPi / 180;
        const double a = std::pow(std::sin((lat1 - lat0) * d2r / 2), 2) +
                         std::cos(lat0 * d2r) * std::cos(lat1 * d2r) * std::pow(std::sin((lon1 - lon0) * d2r / 2), 2);
        const double metres = 2 * 6371008.8 * std::asin(std::min(1.0, std::sqrt(a)));
        return metres / (area_.w * 0.1);
    }

    [[nodiscard]] const Box& visible() const { return visible_; }
    /// About how many degrees one pixel spans here: detail finer than this
    /// cannot show, so it is dropped before projecting.
    [[nodiscard]] double degrees_per_pixel() const { return degrees_per_pixel_; }
    [[nodiscard]] const Rect& area() const { return area_; }

private:
    Projection proj_;
    Rect area_;
    double scale_ = 1, cx_ = 0, cy_ = 0;
    Box visible_;
    double degrees_per_pixel_ = 0;
};

// ---- Clipping in lon/lat (Sutherland-Hodgman for rings, per segment for lines)
Ring clip_ring(Points in, const Box& b) {
    Ring out(in.begin(), in.end());
    if (std::all_of(in.begin(), in.end(), [&](const LonLat& p) { return b.contains(p.lon, p.lat); })) return out;
    for (int edge = 0; edge < 4 && !out.empty(); ++edge) {
        Ring next;
        auto inside = [&](const LonLat& p) {
            switch (edge) {
                case 0: return p.lon >= b.west;
                case 1: return p.lon <= b.east;
                case 2: return p.lat >= b.south;
                default: return p.lat <= b.north;
            }
        };
        auto cut = [&](const LonLat& p, const LonLat& q) {
            double t = 0;
            switch (edge) {
                case 0: t = (b.west - p.lon) / (q.lon - p.lon); break;
                case 1: t = (b.east - p.lon) / (q.lon - p.lon); break;
                case 2: t = (b.south - p.lat) / (q.lat - p.lat); break;
                default: t = (b.north - p.lat) / (q.lat - p.lat); break;
            }
            return LonLat{p.lon + t * (q.lon - p.lon), p.lat + t * (q.lat - p.lat)};
        };
        for (std::size_t i = 0; i < out.size(); ++i) {
            const LonLat& cur = out[i];
            const LonLat& prev = out[(i + out.size() - 1) % out.size()];
            const bool ci = inside(cur), pi = inside(prev);
            if (ci) {
                if (!pi) next.push_back(cut(prev, cur));
                next.push_back(cur);
            } else if (pi) {
                next.push_back(cut(prev, cur));
            }
        }
        out = std::move(next);
    }
    return out;
}

MultiLineString clip_line(Points in, const Box& b) {
    MultiLineString out;
    LineString cur;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const bool inside = b.contains(in[i].lon, in[i].lat);
        if (inside) {
            if (cur.empty() && i > 0) cur.push_back(in[i - 1]);  // keep the segment that enters
            cur.push_back(in[i]);
        } else if (!cur.empty()) {
            cur.push_back(in[i]);  // and the one that leaves
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (cur.size() > 1) out.push_back(std::move(cur));
    return out;
}

/// Break long segments (clip edges, meridians along a frame) into short ones
/// so that they follow the projection's curves instead of cutting chords.
Ring densify(Points in, bool closed) {
    constexpr double step = 0.5;  // degrees
    Ring out;
    out.reserve(in.size());
    const std::size_t n = in.size();
    const std::size_t segments = closed ? n : (n == 0 ? 0 : n - 1);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(in[i]);
        if (i >= segments) continue;
        const LonLat& a = in[i];
        const LonLat& b = in[(i + 1) % n];
        const double d = std::max(std::abs(b.lon - a.lon), std::abs(b.lat - a.lat));
        if (d <= 1.0) continue;
        const int k = static_cast<int>(std::ceil(d / step));
        for (int j = 1; j < k; ++j) {
            const double t = static_cast<double>(j) / k;
            out.push_back({a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)});
        }
    }
    return out;
}

/// Drop vertices closer than `tol` degrees (in both axes) to the last one
/// kept; the first and last always stay. At a small scale this removes most
/// of the 10m data's vertices, which would only cost projection and
/// tessellation time for no visible difference.
Ring thin(Points in, double tol) {
    if (in.size() < 4 || tol <= 0) return Ring(in.begin(), in.end());
    Ring out;
    out.reserve(in.size() / 2 + 2);
    out.push_back(in.front());
    for (std::size_t i = 1; i + 1 < in.size(); ++i) {
        const LonLat& last = out.back();
        if (std::abs(in[i].lon - last.lon) >= tol || std::abs(in[i].lat - last.lat) >= tol) out.push_back(in[i]);
    }
    out.push_back(in.back());
    return out;
}

// ---- Drawing helpers -----------------------------------------------------------
void set(cairo_t* cr, const Colour& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

Colour mix(const Colour& a, const Colour& b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, a.a + (b.a - a.a) * t};
}

/// Adds the projected rings of a multipolygon to the current path. With
/// `screen`, also returns the on-screen area (pixels squared) of the largest
/// part and, through cx/cy, that visible part's centroid: where a label goes.
/// `tolerance` is the vertex spacing kept, in pixels.
double path_polygons(cairo_t* cr, const View& v, const MultiPolygon& mp, const Rect* screen = nullptr,
                     double* cx = nullptr, double* cy = nullptr, double tolerance = 0.5) {
    double best_area = 0;
    for (const auto& poly : mp) {
        for (std::size_t r = 0; r < poly.size(); ++r) {
            Ring ring = densify(clip_ring(thin(poly[r], v.degrees_per_pixel() * tolerance), v.visible()), true);
            if (ring.size() < 3) continue;
            std::vector<double> xs(ring.size()), ys(ring.size());
            for (std::size_t i = 0; i < ring.size(); ++i) {
                xs[i] = ring[i].lon;
                ys[i] = ring[i].lat;
            }
            if (!v.to_px(xs, ys)) continue;
            cairo_move_to(cr, xs[0], ys[0]);
            for (std::size_t i = 1; i < xs.size(); ++i) cairo_line_to(cr, xs[i], ys[i]);
            cairo_close_path(cr);
            if (r != 0 || screen == nullptr) continue;
            Ring px(xs.size());
            for (std::size_t i = 0; i < xs.size(); ++i) px[i] = {xs[i], ys[i]};
            px = clip_ring(px, Box{screen->x, screen->y, screen->x + screen->w, screen->y + screen->h});
            double a = 0, ax = 0, ay = 0;
            for (std::size_t i = 0, j = px.empty() ? 0 : px.size() - 1; i < px.size(); j = i++) {
                const double cross = px[j].lon * px[i].lat - px[i].lon * px[j].lat;
                a += cross;
                ax += (px[j].lon + px[i].lon) * cross;
                ay += (px[j].lat + px[i].lat) * cross;
            }
            if (std::abs(a) / 2 > best_area) {
                best_area = std::abs(a) / 2;
                if (cx) *cx = ax / (3 * a);
                if (cy) *cy = ay / (3 * a);
            }
        }
    }
    return best_area;
}

void path_lines(cairo_t* cr, const View& v, const Lines& lines) {
    for (const auto& line : lines) {
        for (const auto& clipped : clip_line(line, v.visible())) {
            const LineString part = densify(thin(clipped, v.degrees_per_pixel() * 0.5), false);
            std::vector<double> xs(part.size()), ys(part.size());
            for (std::size_t i = 0; i < part.size(); ++i) {
                xs[i] = part[i].lon;
                ys[i] = part[i].lat;
            }
            if (!v.to_px(xs, ys)) continue;
            cairo_move_to(cr, xs[0], ys[0]);
            for (std::size_t i = 1; i < xs.size(); ++i) cairo_line_to(cr, xs[i], ys[i]);
        }
    }
}

class Text {
public:
    Text(cairo_t* cr, const Style& style) : cr_(cr), style_(style) {}

    LayoutPtr layout(const std::string& text, double size, bool bold, double width = -1, bool italic = false,
                     double letter_spacing = 0) const {
        LayoutPtr l(pango_cairo_create_layout(cr_));
        FontDescPtr fd(pango_font_description_from_string(style_.font.c_str()));
        pango_font_description_set_absolute_size(fd.get(), size * PANGO_SCALE);
        pango_font_description_set_weight(fd.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        if (italic) pango_font_description_set_style(fd.get(), PANGO_STYLE_ITALIC);
        pango_layout_set_font_description(l.get(), fd.get());
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
        pango_layout_set_text(l.get(), text.c_str(), -1);
        return l;
    }

    static Rect extents(PangoLayout* l) {
        PangoRectangle ink, logical;
        pango_layout_get_pixel_extents(l, &ink, &logical);
        return {0, 0, static_cast<double>(logical.width), static_cast<double>(logical.height)};
    }

    void draw(PangoLayout* l, double x, double y, const Colour& colour, double halo) const {
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

private:
    cairo_t* cr_;
    const Style& style_;
};

/// Keeps placed label boxes so no two overlap.
class Placer {
public:
    explicit Placer(Rect bounds) : bounds_(bounds) {}
    void reserve(const Rect& r, const std::string& what) { taken_.push_back({what, r.x, r.y, r.w, r.h}); }
    bool fits(const Rect& r) const {
        if (!r.inside(bounds_)) return false;
        return std::none_of(taken_.begin(), taken_.end(),
                            [&](const LabelBox& t) { return Rect{t.x, t.y, t.w, t.h}.overlaps(r); });
    }
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

std::string upper(const std::string& s) {
    // Country names are drawn in capitals; Pango has no text-transform in
    // 1.50, so do it for ASCII and leave other scripts as they are.
    std::string out = s;
    for (auto& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

double nice_length(double target) {
    const double p = std::pow(10.0, std::floor(std::log10(target)));
    for (double m : {5.0, 2.0, 1.0}) {
        if (m * p <= target) return m * p;
    }
    return p;
}

struct Drawn {
    bool international = false, disputed = false, ceasefire = false, indefinite = false, disputed_area = false,
         disputed_area_as_claimed = false;
    bool border_in_question = false;
};

// ---- The map -----------------------------------------------------------------
double scale_factor(const Scene& s) { return std::sqrt(static_cast<double>(s.size.width) * s.size.height) / 1265.0; }
// Bands and frames fall on whole pixels, so that clipping to them stays a
// plain rectangle (Cairo clips to an unaligned one through a mask).
double title_height(const Scene& s) { return std::round(std::max(48.0, 78 * scale_factor(s))); }
double footer_height(const Scene& s) { return std::round(std::max(30.0, 44 * scale_factor(s))); }
/// The map frame: the canvas less the title band and the footer.
/// With claims to list, the legend gets a side panel right of the map so it
/// never covers the area in question; it takes this share of the width.
constexpr double kPanelShare = 0.31;
bool has_panel(const Scene& s) { return !s.callouts.empty() && s.size.width >= 600; }

Rect map_area(const Scene& s) {
    const double t = title_height(s);
    const double w = has_panel(s) ? std::round(s.size.width * (1 - kPanelShare)) : s.size.width;
    return {0, t, w, s.size.height - t - footer_height(s)};
}

Rect panel_area(const Scene& s) {
    const Rect m = map_area(s);
    return {m.w, m.y, s.size.width - m.w, m.h};
}

class MapPainter {
public:
    MapPainter(cairo_t* cr, const Scene& scene, const GeoData& data, const Style& style)
        : cr_(cr), scene_(scene), data_(data), style_(style), text_(cr, style),
          k_(std::sqrt(static_cast<double>(scene.size.width) * scene.size.height) / 1265.0),
          width_(scene.size.width), height_(scene.size.height) {}

    void paint() {
        const double title_h = title_height(scene_);
        const double footer_h = footer_height(scene_);
        map_ = map_area(scene_);
        // Shapes are antialiased on a 4x4 grid rather than Cairo's default
        // 256 levels: no visible difference at map scale, and a third off
        // the time of the outlines and hatching. Text keeps the font options.
        cairo_set_antialias(cr_, CAIRO_ANTIALIAS_FAST);
        // Paper.
        set(cr_, style_.paper);
        cairo_paint(cr_);
        View view(scene_.projection, scene_.bbox, map_);
        Placer placer(Rect{map_.x + 2, map_.y + 2, map_.w - 4, map_.h - 4});

        cairo_save(cr_);
        cairo_rectangle(cr_, map_.x, map_.y, map_.w, map_.h);
        cairo_clip(cr_);
        set(cr_, style_.background);
        cairo_paint(cr_);
        draw_countries(view);
        draw_disputes(view);
        draw_water(view);
        draw_boundaries(view);
        check(cr_, "base layers");
        shown_claims_ = fit_claims();
        const Rect legend = legend_rect();
        const Rect scale = scale_rect();
        if (!has_panel(scene_)) placer.reserve(legend, "legend");
        placer.reserve(scale, "scale bar");
        Rect inset;
        if (want_inset()) {
            inset = inset_rect();
            placer.reserve(inset, "locator inset");
        }
        // The locus, its label and its markers are placed before the
        // callouts, which then sit around them on leader lines.
        draw_locator_ring(view);
        draw_dispute_labels(view, placer);
        draw_markers(view, placer);
        if (ring_.w > 0) placer.reserve(ring_, "locus");
        draw_callouts(view, placer);
        draw_country_labels(view, placer);
        placed_ = placer.boxes();
        cairo_restore(cr_);

        draw_legend(legend);
        draw_scale_bar(view, scale);
        if (want_inset()) draw_inset(inset, view);
        cairo_set_source_rgba(cr_, style_.frame.r, style_.frame.g, style_.frame.b, style_.frame.a);
        cairo_set_line_width(cr_, 1);
        cairo_rectangle(cr_, map_.x + 0.5, map_.y + 0.5, map_.w - 1, map_.h - 1);
        cairo_stroke(cr_);
        draw_title(title_h);
        draw_footer(footer_h);
        check(cr_, "map furniture");
    }

private:
    /// The worldview country as the legend names it: a party's name, else its code.
    std::string worldview_name() const {
        if (const Party* p = party(scene_.worldview)) return p->name;
        for (const auto& m : scene_.mentioned) {
            if (m.country == scene_.worldview) return m.name;
        }
        return scene_.worldview;
    }
    const Party* party(const std::string& iso3) const {
        for (const auto& p : scene_.parties) {
            if (p.country == iso3) return &p;
        }
        return nullptr;
    }
    bool mentioned(const std::string& iso3) const {
        return std::any_of(scene_.mentioned.begin(), scene_.mentioned.end(),
                           [&](const Party& p) { return p.country == iso3; });
    }
    Colour party_colour(const Party& p) const {
        return style_.parties[static_cast<std::size_t>(p.colour_index) % style_.parties.size()];
    }

    void draw_countries(const View& v) {
        // At a third of a pixel or less, the generalised outlines look the same.
        const Layer& countries = data_.layer(v.degrees_per_pixel() >= 0.15 ? "countries_small" : "countries");
        for (std::size_t i : countries.query(v.visible())) {
            const Feature& f = countries.features()[i];
            const std::string& iso = countries.value(i, "iso_a3");
            const Colour fill = country_fill(iso);
            cairo_new_path(cr_);
            path_polygons(cr_, v, f.polygons);
            cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
            set(cr_, fill);
            cairo_fill_preserve(cr_);
            set(cr_, style_.country_outline);
            cairo_set_line_width(cr_, 0.6 * k_);
            cairo_stroke(cr_);
        }
        // Provinces of the parties, faintly, for orientation.
        if (!scene_.parties.empty()) {
            const Layer& admin1 = data_.layer("admin1");
            cairo_new_path(cr_);
            // Vertices a pixel apart: these faint lines need no finer detail.
            for (std::size_t i : admin1.query(v.visible())) {
                if (!party(admin1.value(i, "adm0_a3"))) continue;
                path_polygons(cr_, v, admin1.features()[i].polygons, nullptr, nullptr, nullptr, 1.0);
            }
            set(cr_, mix(style_.country_outline, style_.land, 0.35));
            cairo_set_line_width(cr_, 0.5 * k_);
            const double dash[] = {2 * k_, 2 * k_};
            cairo_set_dash(cr_, dash, 2, 0);
            cairo_stroke(cr_);
            cairo_set_dash(cr_, nullptr, 0, 0);
        }
    }

    /// Fill colour of a country: its party colour, a tint when the article
    /// names it, plain land otherwise.
    Colour country_fill(const std::string& iso) const {
        if (const Party* p = party(iso)) return mix(style_.land, party_colour(*p), 0.55);
        if (mentioned(iso)) return mix(style_.land, style_.text, 0.10);
        return style_.land;
    }

    /// Disputed areas: in the worldview of one claimant, painted as its
    /// territory; otherwise hatched in the claimants' colours.
    void draw_disputes(const View& v) {
        const DisputeRegistry& registry = data_.disputes();
        // Largest first, so a specific area (Aksai Chin) is drawn over the
        // umbrella dispute that contains it (Kashmir) with its own claimants.
        std::vector<std::pair<const SceneDispute*, const Dispute*>> order;
        for (const SceneDispute& sd : scene_.disputes) {
            const Dispute* d = registry.find(sd.id);
            if (d && d->bbox.intersects(v.visible())) order.emplace_back(&sd, d);
        }
        std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
            return a.second->bbox.width() * a.second->bbox.height() > b.second->bbox.width() * b.second->bbox.height();
        });
        for (const auto& [sdp, d] : order) {
            const SceneDispute& sd = *sdp;
            const bool seen_as_own = !scene_.worldview.empty() &&
                                     std::find(d->parties.begin(), d->parties.end(), scene_.worldview) != d->parties.end();
            cairo_new_path(cr_);
            path_polygons(cr_, v, *d->polygon);
            cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
            if (seen_as_own) {
                set(cr_, country_fill(scene_.worldview));
                cairo_fill_preserve(cr_);
                drawn_.disputed_area_as_claimed = true;
            } else {
                hatch(sd);
                drawn_.disputed_area = true;
            }
            stroke_class("disputed", style_.disputed_boundary, style_.boundary_width * 0.9 * k_);
        }
    }

    /// Diagonal stripes, one colour per claimant, clipped to the current path
    /// (which is kept for the outline).
    void hatch(const SceneDispute& sd) {
        // Claimants that are parties to the story in their colours; any other
        // claimant in one neutral grey, so that every claim shows.
        std::vector<Colour> colours;
        bool other = false;
        for (const auto& p : sd.parties) {
            if (const Party* party_of = party(p)) {
                colours.push_back(party_colour(*party_of));
            } else {
                other = true;
            }
        }
        if (other || colours.empty()) colours.push_back(mix(style_.country_outline, style_.land, 0.3));
        cairo_path_t* outline = cairo_copy_path(cr_);
        cairo_save(cr_);
        cairo_clip_preserve(cr_);
        double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
        cairo_clip_extents(cr_, &x1, &y1, &x2, &y2);
        const double spacing = 9 * k_;
        cairo_set_line_width(cr_, spacing * 0.45);
        cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
        cairo_set_dash(cr_, nullptr, 0, 0);
        const double h = y2 - y1;
        // Stripes are anchored to the canvas, not the area, so neighbouring
        // areas line up.
        const long first = static_cast<long>(std::floor((x1 - h) / spacing));
        const long last = static_cast<long>(std::ceil(x2 / spacing));
        // One path per colour: each stroke through this clip costs as much
        // as the clip itself, so a hundred single-stripe strokes took longer
        // than the rest of the map.
        const long n = static_cast<long>(colours.size());
        for (long c = 0; c < n; ++c) {
            cairo_new_path(cr_);
            for (long i = first; i <= last; ++i) {
                if (((i % n) + n) % n != c) continue;
                const double x = static_cast<double>(i) * spacing;
                cairo_move_to(cr_, x, y2);
                cairo_line_to(cr_, x + h, y1);
            }
            set(cr_, colours[static_cast<std::size_t>(c)]);
            cairo_stroke(cr_);
        }
        cairo_restore(cr_);
        cairo_new_path(cr_);
        cairo_append_path(cr_, outline);
        cairo_path_destroy(outline);
    }

    void draw_dispute_labels(const View& v, Placer& placer) {
        const DisputeRegistry& registry = data_.disputes();
        // When the article names disputes, only those are labelled; otherwise
        // those its parties are party to.
        const bool any_named = std::any_of(scene_.disputes.begin(), scene_.disputes.end(),
                                           [](const SceneDispute& d) { return d.mentioned; });
        for (const SceneDispute& sd : scene_.disputes) {
            if (any_named ? !sd.mentioned : !sd.involves_party) continue;
            const Dispute* d = registry.find(sd.id);
            if (!d) continue;
            double x = 0, y = 0;
            if (!v.to_px(d->label.lon, d->label.lat, x, y)) continue;
            auto layout = text_.layout(sd.name, style_.label_size * k_ * 1.05, true, -1, true);
            const Rect e = Text::extents(layout.get());
            // Around the locator ring rather than across it.
            const bool ringed = ring_.w > 0 && x >= ring_.x && x <= ring_.x + ring_.w && y >= ring_.y &&
                                y <= ring_.y + ring_.h;
            const double out = ring_.h / 2 / e.h + 0.6;
            const std::vector<double> shifts =
                ringed ? std::vector<double>{-out, out, -1.1, 1.1} : std::vector<double>{0.0, -1.1, 1.1};
            for (double dy : shifts) {
                Rect r{x - e.w / 2, y - e.h / 2 + dy * e.h, e.w, e.h};
                if (placer.take(r, sd.name)) {
                    // A dispute the article does not name is context: a muted
                    // label, never the headline red of the story's own.
                    const Colour colour = sd.mentioned ? style_.disputed_boundary : mix(style_.land, style_.text, 0.55);
                    text_.draw(layout.get(), r.x, r.y, colour, 3.5 * k_);
                    break;
                }
            }
        }
    }

    void draw_water(const View& v) {
        const Layer& lakes = data_.layer("lakes");
        cairo_new_path(cr_);
        for (std::size_t i : lakes.query(v.visible())) path_polygons(cr_, v, lakes.features()[i].polygons);
        set(cr_, style_.water);
        cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_WINDING);
        cairo_fill(cr_);
        const Layer& rivers = data_.layer("rivers");
        const double span = v.visible().width();
        const int max_rank = span > 60 ? 4 : span > 25 ? 6 : 9;
        cairo_new_path(cr_);
        for (std::size_t i : rivers.query(v.visible())) {
            if (std::atoi(rivers.value(i, "scalerank").c_str()) > max_rank) continue;
            if (rivers.value(i, "featurecla") == "Lake Centerline") continue;
            path_lines(cr_, v, rivers.features()[i].lines);
        }
        set(cr_, style_.river);
        cairo_set_line_width(cr_, style_.river_width * k_);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr_);
    }

    void stroke_class(const std::string& cls, const Colour& c, double width) {
        set(cr_, c);
        cairo_set_line_width(cr_, width);
        cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
        if (cls == "international") {
            cairo_set_dash(cr_, nullptr, 0, 0);
        } else if (cls == "line_of_control" || cls == "ceasefire") {
            const double dash[] = {7 * k_, 3 * k_, 1.5 * k_, 3 * k_};
            cairo_set_dash(cr_, dash, 4, 0);
        } else if (cls == "indefinite") {
            const double dash[] = {1.5 * k_, 3 * k_};
            cairo_set_dash(cr_, dash, 2, 0);
        } else {
            const double dash[] = {6 * k_, 4 * k_};
            cairo_set_dash(cr_, dash, 2, 0);
        }
        cairo_stroke(cr_);
        cairo_set_dash(cr_, nullptr, 0, 0);
    }

    void draw_boundaries(const View& v) {
        const Layer& b = data_.layer("boundaries");
        // The border in question: a wide translucent band under the line.
        for (const auto& [x, y] : scene_.borders) {
            cairo_new_path(cr_);
            for (std::size_t i : b.query(v.visible())) {
                const auto& l = b.value(i, "adm0_a3_l");
                const auto& r = b.value(i, "adm0_a3_r");
                if ((l == x && r == y) || (l == y && r == x)) path_lines(cr_, v, b.features()[i].lines);
            }
            set(cr_, Colour{style_.disputed_boundary.r, style_.disputed_boundary.g, style_.disputed_boundary.b, 0.35});
            cairo_set_line_width(cr_, 7 * k_);
            cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
            cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
            cairo_stroke(cr_);
            drawn_.border_in_question = true;
        }
        for (const std::string cls : {"international", "indefinite", "disputed", "line_of_control"}) {
            cairo_new_path(cr_);
            bool any = false;
            for (std::size_t i : b.query(v.visible())) {
                const std::string& c = b.value(i, "class");
                if (c != cls) continue;
                path_lines(cr_, v, b.features()[i].lines);
                any = true;
            }
            if (!any) continue;
            if (cls == "international") drawn_.international = true;
            if (cls == "disputed") drawn_.disputed = true;
            if (cls == "line_of_control") drawn_.ceasefire = true;
            if (cls == "indefinite") drawn_.indefinite = true;
            const bool red = cls == "disputed" || cls == "line_of_control";
            stroke_class(cls, red ? style_.disputed_boundary : style_.boundary, style_.boundary_width * k_);
        }
        const Layer& d = data_.layer("disputed_lines");
        for (const std::string kind : {"claim", "former_oblast", "ceasefire"}) {
            cairo_new_path(cr_);
            bool any = false;
            for (std::size_t i : d.query(v.visible())) {
                if (d.value(i, "kind") != kind) continue;
                path_lines(cr_, v, d.features()[i].lines);
                any = true;
            }
            if (!any) continue;
            if (kind == "ceasefire") {
                drawn_.ceasefire = true;
                stroke_class("ceasefire", style_.disputed_boundary, style_.boundary_width * k_);
            } else {
                drawn_.disputed = true;
                stroke_class("disputed", style_.disputed_boundary, style_.boundary_width * 0.9 * k_);
            }
        }
    }

    void draw_markers(const View& v, Placer& placer) {
        // Capitals first, then the places the article names.
        std::vector<const Marker*> order;
        for (const auto& m : scene_.markers) order.push_back(&m);
        std::stable_sort(order.begin(), order.end(), [](const Marker* a, const Marker* b) {
            return static_cast<int>(a->area) < static_cast<int>(b->area);
        });
        for (const Marker* m : order) {
            double x = 0, y = 0;
            if (!v.to_px(m->where.lon, m->where.lat, x, y)) continue;
            const double r = (m->capital ? 4.2 : 3.4) * k_;
            Rect dot{x - r - 1, y - r - 1, 2 * r + 2, 2 * r + 2};
            const double size = style_.label_size * k_ * (m->area ? 0.95 : 1.0);
            auto layout = text_.layout(m->name, size, m->capital, -1, m->area);
            const Rect ext = Text::extents(layout.get());
            std::vector<Rect> candidates;
            if (m->area) {
                candidates = {{x - ext.w / 2, y - ext.h / 2, ext.w, ext.h}};
            } else {
                const double gap = r + 3 * k_;
                candidates = {{x + gap, y - ext.h / 2, ext.w, ext.h},
                              {x - gap - ext.w, y - ext.h / 2, ext.w, ext.h},
                              {x - ext.w / 2, y - gap - ext.h, ext.w, ext.h},
                              {x - ext.w / 2, y + gap, ext.w, ext.h}};
            }
            if (!m->area && !placer.fits(dot)) continue;
            for (const Rect& c : candidates) {
                if (!placer.fits(c)) continue;
                if (!m->area) {
                    placer.take(dot, "marker: " + m->name);
                    cairo_new_path(cr_);
                    if (m->capital) {
                        cairo_rectangle(cr_, x - r, y - r, 2 * r, 2 * r);
                    } else {
                        cairo_arc(cr_, x, y, r, 0, 2 * kPi);
                    }
                    set(cr_, style_.text);
                    cairo_fill_preserve(cr_);
                    set(cr_, style_.halo);
                    cairo_set_line_width(cr_, 1.2 * k_);
                    cairo_stroke(cr_);
                }
                placer.take(c, m->name);
                text_.draw(layout.get(), c.x, c.y, m->area ? mix(style_.text, style_.land, 0.25) : style_.text, 3 * k_);
                break;
            }
        }
    }

    void draw_country_labels(const View& v, Placer& placer) {
        const Layer& countries = data_.layer("countries");
        struct Candidate {
            std::string name;
            double x, y, area;
            int priority;
        };
        std::vector<Candidate> cands;
        // A part inside a disputed area drawn on the map (Crimea in Russia's
        // polygon) never carries the country's name: the area has its own
        // label, and in a worldview it is painted as another country.
        const DisputeRegistry& registry = data_.disputes();
        std::vector<const Dispute*> areas;
        for (const SceneDispute& sd : scene_.disputes) {
            if (const Dispute* d = registry.find(sd.id); d && d->polygon && d->bbox.intersects(v.visible())) {
                areas.push_back(d);
            }
        }
        for (std::size_t i : countries.query(v.visible())) {
            const std::string& iso = countries.value(i, "iso_a3");
            const Feature& f = countries.features()[i];
            MultiPolygon parts;
            for (std::size_t p = 0; p < f.polygons.size(); ++p) {
                const Box& b = p < f.part_boxes.size() ? f.part_boxes[p] : f.bbox;
                const LonLat mid{(b.west + b.east) / 2, (b.south + b.north) / 2};
                const bool disputed = std::any_of(areas.begin(), areas.end(), [&](const Dispute* d) {
                    return d->bbox.contains(mid.lon, mid.lat) && contains(*d->polygon, mid);
                });
                if (!disputed) parts.push_back(f.polygons[p]);
            }
            cairo_new_path(cr_);
            double cx = 0, cy = 0;
            const double area = path_polygons(cr_, v, parts, &map_, &cx, &cy);
            cairo_new_path(cr_);
            // Prefer the data's label point when it is on screen.
            double lx = 0, ly = 0;
            const double lon = std::atof(countries.value(i, "label_x").c_str());
            const double lat = std::atof(countries.value(i, "label_y").c_str());
            if (v.to_px(lon, lat, lx, ly) && lx > map_.x + 40 && lx < map_.x + map_.w - 40 && ly > map_.y + 20 &&
                ly < map_.y + map_.h - 20) {
                cx = lx;
                cy = ly;
            }
            if (area < 2500 * k_ * k_) continue;
            const int priority = party(iso) ? 0 : mentioned(iso) ? 1 : 2;
            cands.push_back({countries.value(i, "name"), cx, cy, area, priority});
        }
        std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
            if (a.priority != b.priority) return a.priority < b.priority;
            if (a.area != b.area) return a.area > b.area;
            return a.name < b.name;
        });
        for (const auto& c : cands) {
            const bool is_party = c.priority == 0;
            const double size = style_.label_size * k_ * (is_party ? 1.35 : 1.0);
            auto layout = text_.layout(upper(c.name), size, is_party, -1, false, 1.5 * k_);
            const Rect ext = Text::extents(layout.get());
            // Try the anchor, then a little above or below it.
            for (double dy : {0.0, -1.2, 1.2}) {
                Rect r{c.x - ext.w / 2, c.y - ext.h / 2 + dy * ext.h, ext.w, ext.h};
                if (placer.take(r, c.name)) {
                    const Colour col = is_party ? style_.text : mix(style_.text, style_.land, 0.45);
                    text_.draw(layout.get(), r.x, r.y, col, 3.5 * k_);
                    break;
                }
            }
        }
    }

    struct LegendItem {
        std::string label;
        int kind;  // 0 party, 2 solid, 3 dashed, 4 dash-dot, 5 dotted, 6 also named, 7 hatched area, 8 claim,
                   // 9 border in question, 10 disputed area painted as the worldview's territory
        int number = 0;
    };

    std::vector<LegendItem> legend_items(std::size_t claims) const {
        std::vector<LegendItem> items;
        for (const auto& p : scene_.parties) items.push_back({p.name, 0});
        // The swatch shows each disputed area as the map draws it: hatched,
        // or in a worldview painted as the claimant's own territory.
        if (drawn_.disputed_area) items.push_back({"Disputed area, hatched in the claimants' colours", 7});
        if (drawn_.disputed_area_as_claimed) {
            items.push_back({"Disputed area, shown as " + worldview_name() + " claims it", 10});
        }
        if (drawn_.border_in_question) items.push_back({"Border in question", 9});
        if (drawn_.international) items.push_back({"International boundary", 2});
        if (drawn_.disputed) items.push_back({"Disputed boundary or claim line", 3});
        if (drawn_.ceasefire) items.push_back({"Ceasefire line / line of control", 4});
        if (!scene_.mentioned.empty()) {
            std::string names;
            for (const auto& m : scene_.mentioned) names += (names.empty() ? "" : ", ") + m.name;
            items.push_back({"Also named in the article: " + names, 6});
        }
        for (std::size_t i = 0; i < claims && i < scene_.callouts.size(); ++i) {
            const Callout& c = scene_.callouts[i];
            items.push_back({c.actor_name + " " + c.stance + ": \u201C" + c.quote + "\u201D", 8, c.number});
        }
        return items;
    }

    [[nodiscard]] double legend_width() const {
        if (has_panel(scene_)) return panel_area(scene_).w - 24 * k_;
        return std::min(map_.w * 0.34, 330 * k_);
    }

    std::vector<LayoutPtr> legend_layouts(const std::vector<LegendItem>& items, double& height) const {
        const double row = style_.label_size * k_ * 1.6;
        const double size = style_.label_size * k_ * 0.9;
        const double text_x = 42 * k_;
        std::vector<LayoutPtr> layouts;
        height = 10 * k_;
        for (const auto& item : items) {
            auto l = text_.layout(item.label, size * (item.kind == 8 ? 0.95 : 1.0), item.kind == 0,
                                  legend_width() - text_x - 8 * k_);
            height += std::max(row, Text::extents(l.get()).h + 6 * k_);
            layouts.push_back(std::move(l));
        }
        return layouts;
    }

    /// How many claims the legend can list without growing past most of the
    /// map's height; only those get callouts on the map.
    std::size_t fit_claims() const {
        std::size_t n = scene_.callouts.size();
        while (n > 0) {
            double h = 0;
            legend_layouts(legend_items(n), h);
            if (h <= map_.h * (has_panel(scene_) ? 0.97 : 0.72)) break;
            --n;
        }
        return n;
    }

    Rect legend_rect() const {
        double h = 0;
        legend_layouts(legend_items(shown_claims_), h);
        if (has_panel(scene_)) {
            const Rect p = panel_area(scene_);
            return {p.x + 12 * k_, p.y + 4 * k_, legend_width(), h};
        }
        return {map_.x + 12 * k_, map_.y + map_.h - h - 12 * k_, legend_width(), h};
    }

    void draw_legend(const Rect& box) {
        const auto items = legend_items(shown_claims_);
        if (items.empty()) return;
        double h = 0;
        auto layouts = legend_layouts(items, h);
        const double row = style_.label_size * k_ * 1.6;
        const double text_x = 42 * k_;
        cairo_rectangle(cr_, box.x, box.y, box.w, h);
        set(cr_, Colour{style_.paper.r, style_.paper.g, style_.paper.b, 0.92});
        cairo_fill_preserve(cr_);
        set(cr_, mix(style_.frame, style_.paper, 0.5));
        cairo_set_line_width(cr_, 1);
        cairo_stroke(cr_);
        double y = box.y + 5 * k_;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const int kind = items[i].kind;
            const double th = Text::extents(layouts[i].get()).h;
            const double rh = std::max(row, th + 6 * k_);
            const double mid = kind == 8 ? y + 3 * k_ + 9 * k_ : y + rh / 2;
            const double sx = box.x + 10 * k_, sw = 24 * k_;
            cairo_new_path(cr_);
            if (kind == 0) {
                const Party& p = scene_.parties[i];
                cairo_rectangle(cr_, sx, mid - 7 * k_, sw, 14 * k_);
                set(cr_, mix(style_.land, party_colour(p), 0.55));
                cairo_fill_preserve(cr_);
                set(cr_, style_.country_outline);
                cairo_set_line_width(cr_, 0.8 * k_);
                cairo_stroke(cr_);
            } else if (kind >= 2 && kind <= 5) {
                cairo_move_to(cr_, sx, mid);
                cairo_line_to(cr_, sx + sw, mid);
                const std::string cls = kind == 2 ? "international" : kind == 3 ? "disputed" : kind == 4 ? "ceasefire" : "indefinite";
                stroke_class(cls, kind == 2 || kind == 5 ? style_.boundary : style_.disputed_boundary,
                             style_.boundary_width * k_ * 1.2);
            } else if (kind == 7) {
                cairo_rectangle(cr_, sx, mid - 7 * k_, sw, 14 * k_);
                SceneDispute sample;
                for (const auto& p : scene_.parties) sample.parties.push_back(p.country);
                set(cr_, style_.land);
                cairo_fill_preserve(cr_);
                hatch(sample);
                stroke_class("disputed", style_.disputed_boundary, 1.0 * k_);
            } else if (kind == 10) {
                cairo_rectangle(cr_, sx, mid - 7 * k_, sw, 14 * k_);
                set(cr_, country_fill(scene_.worldview));
                cairo_fill_preserve(cr_);
                stroke_class("disputed", style_.disputed_boundary, 1.0 * k_);
            } else if (kind == 6) {
                cairo_rectangle(cr_, sx, mid - 7 * k_, sw, 14 * k_);
                set(cr_, mix(style_.land, style_.text, 0.10));
                cairo_fill_preserve(cr_);
                set(cr_, style_.country_outline);
                cairo_set_line_width(cr_, 0.8 * k_);
                cairo_stroke(cr_);
            } else if (kind == 8) {
                draw_callout_badge(sx + sw / 2, mid, items[i].number);
            } else if (kind == 9) {
                cairo_move_to(cr_, sx, mid);
                cairo_line_to(cr_, sx + sw, mid);
                set(cr_, Colour{style_.disputed_boundary.r, style_.disputed_boundary.g, style_.disputed_boundary.b, 0.35});
                cairo_set_line_width(cr_, 7 * k_);
                cairo_stroke(cr_);
                cairo_move_to(cr_, sx, mid);
                cairo_line_to(cr_, sx + sw, mid);
                stroke_class("international", style_.boundary, style_.boundary_width * k_);
            }
            text_.draw(layouts[i].get(), box.x + text_x, kind == 8 ? y + 3 * k_ : mid - th / 2, style_.text, 0);
            y += rh;
        }
    }

    [[nodiscard]] double badge_radius() const { return 9.5 * k_; }

    void draw_callout_badge(double x, double y, int number) {
        cairo_new_path(cr_);
        cairo_arc(cr_, x, y, badge_radius(), 0, 2 * kPi);
        set(cr_, style_.text);
        cairo_fill_preserve(cr_);
        set(cr_, style_.paper);
        cairo_set_line_width(cr_, 1.5 * k_);
        cairo_stroke(cr_);
        auto l = text_.layout(std::to_string(number), style_.label_size * k_ * 0.85, true);
        const Rect e = Text::extents(l.get());
        text_.draw(l.get(), x - e.w / 2, y - e.h / 2, style_.paper, 0);
    }

    /// Numbered claim callouts: a dot on the place the claim is about and a
    /// numbered badge beside it, tied by a short leader line.
    /// A ring around a locus too small to see at the map's scale (an islet,
    /// a pass, a village), so the reader finds what the story is about.
    void draw_locator_ring(const View& v) {
        const Box& l = scene_.locus.bbox;
        if (l.empty()) return;
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (!v.to_px(l.west, l.south, x0, y0) || !v.to_px(l.east, l.north, x1, y1)) return;
        const double extent = std::max(std::abs(x1 - x0), std::abs(y1 - y0));
        // Big enough to see (not islets): its own outline and label show it.
        if (extent > 40 * k_ && !scene_.locus.point) return;
        const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, r = std::max(16 * k_, extent / 2 + 8 * k_);
        cairo_new_path(cr_);
        cairo_arc(cr_, cx, cy, r, 0, 2 * kPi);
        set(cr_, style_.disputed_boundary);
        cairo_set_line_width(cr_, 2.5 * k_);
        cairo_stroke(cr_);
        ring_ = {cx - r, cy - r, 2 * r, 2 * r};
    }

    void draw_callouts(const View& v, Placer& placer) {
        const double r = badge_radius();
        for (std::size_t i = 0; i < shown_claims_ && i < scene_.callouts.size(); ++i) {
            const Callout& c = scene_.callouts[i];
            if (!c.anchored) continue;
            double x = 0, y = 0;
            if (!v.to_px(c.anchor.lon, c.anchor.lat, x, y)) continue;
            const double d = 26 * k_;
            for (const auto& [dx, dy] : {std::pair{d, -d}, std::pair{-d, -d}, std::pair{d, d}, std::pair{-d, d},
                                         std::pair{1.6 * d, 0.0}, std::pair{-1.6 * d, 0.0}, std::pair{0.0, -1.5 * d},
                                         std::pair{2 * d, -2 * d}, std::pair{-2 * d, -2 * d}}) {
                const Rect badge{x + dx - r - 1, y + dy - r - 1, 2 * r + 2, 2 * r + 2};
                if (!placer.take(badge, "callout " + std::to_string(c.number))) continue;
                cairo_new_path(cr_);
                cairo_move_to(cr_, x, y);
                cairo_line_to(cr_, x + dx, y + dy);
                set(cr_, style_.text);
                cairo_set_line_width(cr_, 1.3 * k_);
                cairo_stroke(cr_);
                cairo_new_path(cr_);
                cairo_arc(cr_, x, y, 2.6 * k_, 0, 2 * kPi);
                cairo_fill(cr_);
                draw_callout_badge(x + dx, y + dy, c.number);
                break;
            }
        }
    }

    Rect scale_rect() const {
        const double w = 260 * k_, h = 38 * k_;
        return {map_.x + map_.w - w - 12 * k_, map_.y + map_.h - h - 12 * k_, w, h};
    }

    void draw_scale_bar(const View& v, const Rect& box) {
        const double mpp = v.metres_per_pixel();
        if (mpp <= 0) return;
        const double km = nice_length(box.w * 0.8 * mpp / 1000);
        const double px = km * 1000 / mpp;
        const double x0 = box.x + box.w - px - 10 * k_, y0 = box.y + box.h - 12 * k_;
        char label[64];
        std::snprintf(label, sizeof label, "%g km", km);
        auto l = text_.layout(label, style_.label_size * k_ * 0.85, false);
        const Rect e = Text::extents(l.get());
        cairo_rectangle(cr_, x0 - 8 * k_, box.y + 2 * k_, px + 16 * k_, box.h - 4 * k_);
        set(cr_, Colour{style_.paper.r, style_.paper.g, style_.paper.b, 0.85});
        cairo_fill(cr_);
        cairo_rectangle(cr_, x0, y0 - 4 * k_, px / 2, 4 * k_);
        set(cr_, style_.text);
        cairo_fill(cr_);
        cairo_rectangle(cr_, x0 + px / 2, y0 - 4 * k_, px / 2, 4 * k_);
        set(cr_, style_.paper);
        cairo_fill_preserve(cr_);
        set(cr_, style_.text);
        cairo_set_line_width(cr_, 1 * k_);
        cairo_stroke(cr_);
        cairo_rectangle(cr_, x0, y0 - 4 * k_, px, 4 * k_);
        cairo_stroke(cr_);
        text_.draw(l.get(), x0 + px / 2 - e.w / 2, y0 - 6 * k_ - e.h, style_.text, 0);
    }

    bool want_inset() const {
        const Box& b = scene_.bbox;
        return b.width() < 30 && b.height() < 25 && !scene_.parties.empty();
    }

    Rect inset_rect() const {
        const double w = std::round(std::min(map_.w * 0.22, 300 * k_));
        const double h = std::round(w * 0.72);
        return {map_.x + map_.w - w - std::round(12 * k_), map_.y + std::round(12 * k_), w, h};
    }

    void draw_inset(const Rect& box, const View& main) {
        const Box& b = scene_.bbox;
        const double cx = (b.west + b.east) / 2, cy = (b.south + b.north) / 2;
        const Box wide{cx - 38, std::max(-80.0, cy - 24), cx + 38, std::min(84.0, cy + 24)};
        char proj[160];
        std::snprintf(proj, sizeof proj, "+proj=laea +lat_0=%.3f +lon_0=%.3f +datum=WGS84 +units=m +no_defs", cy, cx);
        View v(proj, wide, box);
        cairo_save(cr_);
        cairo_rectangle(cr_, box.x, box.y, box.w, box.h);
        cairo_clip(cr_);
        set(cr_, style_.background);
        cairo_paint(cr_);
        const Layer& countries = data_.layer("countries_small");
        cairo_new_path(cr_);
        // Outlines to 1.5 pixels: the inset is for orientation, and its
        // strokes cost more than the main map's at full detail.
        for (std::size_t i : countries.query(v.visible())) {
            path_polygons(cr_, v, countries.features()[i].polygons, nullptr, nullptr, nullptr, 1.5);
        }
        set(cr_, style_.land);
        cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
        cairo_fill_preserve(cr_);
        set(cr_, style_.country_outline);
        cairo_set_line_width(cr_, 0.4 * k_);
        cairo_stroke(cr_);
        for (const auto& p : scene_.parties) {
            cairo_new_path(cr_);
            for (std::size_t i : countries.query(v.visible())) {
                if (countries.value(i, "iso_a3") == p.country) {
                    path_polygons(cr_, v, countries.features()[i].polygons, nullptr, nullptr, nullptr, 1.5);
                }
            }
            set(cr_, mix(style_.land, party_colour(p), 0.7));
            cairo_fill(cr_);
        }
        // The main map's frame, traced through its corners.
        cairo_new_path(cr_);
        const Rect& a = main.area();
        bool first = true;
        for (int i = 0; i <= 80; ++i) {
            double px = 0, py = 0;
            if (i <= 20) { px = a.x + a.w * i / 20.0; py = a.y; }
            else if (i <= 40) { px = a.x + a.w; py = a.y + a.h * (i - 20) / 20.0; }
            else if (i <= 60) { px = a.x + a.w * (60 - i) / 20.0; py = a.y + a.h; }
            else { px = a.x; py = a.y + a.h * (80 - i) / 20.0; }
            double lon = 0, lat = 0, x = 0, y = 0;
            if (!main.inverse(px, py, lon, lat) || !v.to_px(lon, lat, x, y)) continue;
            if (first) cairo_move_to(cr_, x, y); else cairo_line_to(cr_, x, y);
            first = false;
        }
        cairo_close_path(cr_);
        set(cr_, style_.disputed_boundary);
        cairo_set_line_width(cr_, 1.8 * k_);
        cairo_stroke(cr_);
        cairo_restore(cr_);
        cairo_rectangle(cr_, box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);
        set(cr_, style_.frame);
        cairo_set_line_width(cr_, 1);
        cairo_stroke(cr_);
    }

    void draw_title(double h) {
        const double pad = 18 * k_;
        auto title = text_.layout(scene_.title.empty() ? "borderline" : scene_.title, style_.title_size * k_, true);
        pango_layout_set_width(title.get(), static_cast<int>((width_ - 2 * pad) * PANGO_SCALE));
        pango_layout_set_ellipsize(title.get(), PANGO_ELLIPSIZE_END);
        const Rect te = Text::extents(title.get());
        double y = scene_.subtitle.empty() ? (h - te.h) / 2 : h * 0.1;
        text_.draw(title.get(), pad, y, style_.text, 0);
        if (!scene_.subtitle.empty()) {
            auto sub = text_.layout(scene_.subtitle, style_.label_size * k_, false);
            pango_layout_set_width(sub.get(), static_cast<int>((width_ - 2 * pad) * PANGO_SCALE));
            pango_layout_set_ellipsize(sub.get(), PANGO_ELLIPSIZE_END);
            text_.draw(sub.get(), pad, y + te.h, mix(style_.text, style_.paper, 0.3), 0);
        }
    }

    void draw_footer(double h) {
        const double pad = 18 * k_;
        const double size = style_.label_size * k_ * 0.72;
        const std::string attribution =
            "Data: Natural Earth (public domain), GeoNames (CC BY 4.0), world-countries (ODbL). Map: borderline.";
        const std::string disclaimer = "Boundaries shown are not endorsed; disputed areas are marked as such.";
        auto a = text_.layout(attribution, size, false);
        auto d = text_.layout(disclaimer, size, false, -1, true);
        const Rect ae = Text::extents(a.get()), de = Text::extents(d.get());
        const double top = height_ - h;
        const Colour grey = mix(style_.text, style_.paper, 0.35);
        if (ae.w + de.w + 3 * pad < width_) {
            text_.draw(a.get(), pad, top + (h - ae.h) / 2, grey, 0);
            text_.draw(d.get(), width_ - pad - de.w, top + (h - de.h) / 2, grey, 0);
        } else {
            pango_layout_set_width(a.get(), static_cast<int>((width_ - 2 * pad) * PANGO_SCALE));
            pango_layout_set_ellipsize(a.get(), PANGO_ELLIPSIZE_END);
            pango_layout_set_width(d.get(), static_cast<int>((width_ - 2 * pad) * PANGO_SCALE));
            pango_layout_set_ellipsize(d.get(), PANGO_ELLIPSIZE_END);
            text_.draw(a.get(), pad, top + 2, grey, 0);
            text_.draw(d.get(), pad, top + 2 + ae.h, grey, 0);
        }
    }

    cairo_t* cr_;
    const Scene& scene_;
    const GeoData& data_;
    const Style& style_;
    Text text_;
    double k_;
    double width_, height_;
    Rect map_;
    Drawn drawn_;
    std::size_t shown_claims_ = 0;
    Rect ring_{0, 0, 0, 0};  // the locator ring around a point-sized locus, once drawn
    std::vector<LabelBox> placed_;

public:
    [[nodiscard]] const std::vector<LabelBox>& placed() const { return placed_; }
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string xml_escape(const std::string& in) {
    std::string out;
    for (char c : in) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

/// Put the map's title and alt text into the SVG as <title> and <desc>.
std::string add_svg_description(const std::string& svg, const Scene& scene) {
    const auto open = svg.find("<svg");
    const auto end = open == std::string::npos ? open : svg.find('>', open);
    if (end == std::string::npos) return svg;
    return svg.substr(0, end + 1) + "\n<title>" + xml_escape(scene.title) + "</title>\n<desc>" +
           xml_escape(scene.alt_text) + "</desc>" + svg.substr(end + 1);
}

/// Cairo numbers SVG surfaces with a process-wide counter, so the second map
/// drawn by one process would differ from the first. Renumber them in order
/// of appearance so that equal scenes give equal bytes.
std::string renumber_svg_surfaces(const std::string& svg) {
    static const std::string key = "surface";
    std::string out;
    out.reserve(svg.size());
    std::map<std::string, int> ids;
    std::size_t i = 0;
    while (i < svg.size()) {
        const auto at = svg.find(key, i);
        if (at == std::string::npos) {
            out.append(svg, i, std::string::npos);
            break;
        }
        std::size_t end = at + key.size();
        while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end]))) ++end;
        out.append(svg, i, at - i);
        if (end == at + key.size()) {
            out += key;
        } else {
            const std::string num = svg.substr(at + key.size(), end - at - key.size());
            const auto it = ids.emplace(num, static_cast<int>(ids.size()) + 1).first;
            out += key + std::to_string(it->second);
        }
        i = end;
    }
    return out;
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
    const View v(scene.projection, scene.bbox, map_area(scene));
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
        check(cr.get(), "finishing");
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
        if (format == OutputFormat::svg) out = add_svg_description(renumber_svg_surfaces(out), scene);
    }
    return out;
}

}  // namespace borderline
