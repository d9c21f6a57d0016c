// Clipping, densifying and thinning in lon/lat, and paths in pixels.
#include "view.hpp"

#include <algorithm>
#include <cmath>

namespace borderline::renderer {

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

double path_polygons(cairo_t* cr, const View& v, const MultiPolygon& mp, const Rect* screen, double* cx, double* cy,
                     double tolerance) {
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

}  // namespace borderline::renderer
