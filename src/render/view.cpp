// Clipping, densifying and thinning in lon/lat, and paths in pixels.
#include "view.hpp"

#include <algorithm>
#include <cmath>

namespace borderline::renderer {

// ---- Clipping in lon/lat (Sutherland-Hodgman for rings, per segment for lines)
namespace {

/// clip_ring into `out`, with `next` as the second buffer: a map clips
/// thousands of rings, and vectors kept between them spare the allocator
/// (malloc and free were a tenth of a map's instructions). False, and `out`
/// untouched, when the ring is inside the box.
bool clip_ring_into(Points in, const Box& b, Ring& out, Ring& next) {
    if (std::all_of(in.begin(), in.end(), [&](const LonLat& p) { return b.contains(p.lon, p.lat); })) return false;
    out.assign(in.begin(), in.end());
    for (int edge = 0; edge < 4 && !out.empty(); ++edge) {
        next.clear();
        auto inside = [&](const LonLat& p) {
            switch (edge) {
                case 0:
                    return p.lon >= b.west;
                case 1:
                    return p.lon <= b.east;
                case 2:
                    return p.lat >= b.south;
                default:
                    return p.lat <= b.north;
            }
        };
        auto cut = [&](const LonLat& p, const LonLat& q) {
            double t = 0;
            switch (edge) {
                case 0:
                    t = (b.west - p.lon) / (q.lon - p.lon);
                    break;
                case 1:
                    t = (b.east - p.lon) / (q.lon - p.lon);
                    break;
                case 2:
                    t = (b.south - p.lat) / (q.lat - p.lat);
                    break;
                default:
                    t = (b.north - p.lat) / (q.lat - p.lat);
                    break;
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
        std::swap(out, next);
    }
    return true;
}

void densify_into(Points in, bool closed, Ring& out) {
    constexpr double step = 0.5;  // degrees
    out.clear();
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
}

void thin_into(Points in, double tol, Ring& out) {
    out.clear();
    if (in.size() < 4 || tol <= 0) {
        out.assign(in.begin(), in.end());
        return;
    }
    out.push_back(in.front());
    for (std::size_t i = 1; i + 1 < in.size(); ++i) {
        const LonLat& last = out.back();
        if (std::abs(in[i].lon - last.lon) >= tol || std::abs(in[i].lat - last.lat) >= tol) out.push_back(in[i]);
    }
    out.push_back(in.back());
}

/// The line cut where it crosses the meridian `at`, each side ending a
/// hair short of it, so that no segment spans the map's seam.
MultiLineString split_at_meridian(Points in, double at) {
    constexpr double gap = 1e-9;
    MultiLineString out(1);
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (i > 0) {
            const LonLat& a = in[i - 1];
            const LonLat& b = in[i];
            // Across the seam, not across the antimeridian's ±180 jump.
            if ((a.lon < at) != (b.lon < at) && std::abs(b.lon - a.lon) < 180) {
                const double lat = a.lat + (at - a.lon) / (b.lon - a.lon) * (b.lat - a.lat);
                out.back().push_back({a.lon < at ? at - gap : at + gap, lat});
                out.emplace_back().push_back({a.lon < at ? at + gap : at - gap, lat});
            }
        }
        out.back().push_back(in[i]);
    }
    return out;
}

/// The buffers of one thread's rings on their way to Cairo.
struct Scratch {
    Ring thinned, clipped, spare, dense;
    std::vector<double> xs, ys;
};
thread_local Scratch scratch;

/// thin, clip (rings only) and densify `in`, project it, and add it to the
/// path; false when nothing was added. The pixels stay in scratch.xs/ys.
bool add_projected(cairo_t* cr, const View& v, Points in, double tolerance, bool ring, const Box& part) {
    Scratch& s = scratch;
    thin_into(in, v.degrees_per_pixel() * tolerance, s.thinned);
    if (ring) {
        const bool cut = clip_ring_into(s.thinned, part, s.clipped, s.spare);
        densify_into(cut ? s.clipped : s.thinned, true, s.dense);
        if (s.dense.size() < 3) return false;
    } else {
        densify_into(s.thinned, false, s.dense);
    }
    s.xs.resize(s.dense.size());
    s.ys.resize(s.dense.size());
    for (std::size_t i = 0; i < s.dense.size(); ++i) {
        s.xs[i] = s.dense[i].lon;
        s.ys[i] = s.dense[i].lat;
    }
    if (!v.to_px(s.xs, s.ys)) return false;
    cairo_move_to(cr, s.xs[0], s.ys[0]);
    for (std::size_t i = 1; i < s.xs.size(); ++i) cairo_line_to(cr, s.xs[i], s.ys[i]);
    if (ring) cairo_close_path(cr);
    return true;
}

}  // namespace

Ring clip_ring(Points in, const Box& b) {
    Ring out, next;
    if (!clip_ring_into(in, b, out, next)) out.assign(in.begin(), in.end());
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
    Ring out;
    out.reserve(in.size());
    densify_into(in, closed, out);
    return out;
}

/// Drop vertices closer than `tol` degrees (in both axes) to the last one
/// kept; the first and last always stay. At a small scale this removes most
/// of the 10m data's vertices, which would only cost projection and
/// tessellation time for no visible difference.
Ring thin(Points in, double tol) {
    Ring out;
    thin_into(in, tol, out);
    return out;
}

double path_polygons(cairo_t* cr, const View& v, const MultiPolygon& mp, const Rect* screen, double* cx, double* cy,
                     double tolerance) {
    double best_area = 0;
    for (const auto& poly : mp) {
        for (std::size_t r = 0; r < poly.size(); ++r) {
            bool added = false;
            for (const Box& part : v.parts()) added = add_projected(cr, v, poly[r], tolerance, true, part) || added;
            if (!added) continue;
            if (r != 0 || screen == nullptr) continue;
            const std::vector<double>& xs = scratch.xs;
            const std::vector<double>& ys = scratch.ys;
            Ring px(xs.size());
            for (std::size_t i = 0; i < xs.size(); ++i) px[i] = {xs[i], ys[i]};
            px = clip_ring(px, Box{screen->x, screen->y, screen->x + screen->w, screen->y + screen->h});
            const RingMoments m = ring_moments(px);  // in pixels
            if (std::abs(m.area()) > best_area) {
                best_area = std::abs(m.area());
                if (cx) *cx = m.centroid().lon;
                if (cy) *cy = m.centroid().lat;
            }
        }
    }
    return best_area;
}

void path_lines(cairo_t* cr, const View& v, const Lines& lines, double tolerance) {
    for (const auto& line : lines) {
        if (v.parts().size() == 1) {
            for (const auto& clipped : clip_line(line, v.visible()))
                add_projected(cr, v, clipped, tolerance, false, v.visible());
            continue;
        }
        for (const auto& piece : split_at_meridian(line, v.seam())) {
            for (const auto& clipped : clip_line(piece, v.visible()))
                add_projected(cr, v, clipped, tolerance, false, v.visible());
        }
    }
}

}  // namespace borderline::renderer
