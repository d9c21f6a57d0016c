// The map's view: lon/lat to pixels through the scene's projection, and the
// geometry work before Cairo sees a point (clipping to the visible box in
// lon/lat, densifying long edges, thinning sub-pixel detail).
#pragma once

#include "canvas.hpp"

#include <borderline/geodata.hpp>
#include <borderline/projection.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace borderline::renderer {

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
            for (const LonLat& p :
                 {LonLat{lon, bbox.south}, LonLat{lon, bbox.north}, LonLat{bbox.west, lat}, LonLat{bbox.east, lat}}) {
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
        // The meridian opposite the centre is the seam of an Equal Earth
        // map: a ring across it (Alaska on a map centred east of Greenwich)
        // drawn whole ran from one edge of the map to the other. What is
        // seen is cut there into a part on each side. (An azimuthal map has
        // no seam: its meridians all run on through the pole.)
        double seam = proj_.central_meridian() + 180;
        while (seam > 180) seam -= 360;
        while (seam <= -180) seam += 360;
        constexpr double gap = 1e-9;
        seam_ = seam;
        if (proj_.kind() == Projection::Kind::eqearth && seam > visible_.west + gap && seam < visible_.east - gap) {
            parts_ = {{visible_.west, visible_.south, seam - gap, visible_.north},
                      {seam + gap, visible_.south, visible_.east, visible_.north}};
        } else {
            parts_ = {visible_};
        }
        // The box is fitted into the area, so its tighter side sets the
        // scale: the larger of the two ratios. The smaller one (a box much
        // taller than the canvas) thinned nothing and wrote a 10 MB SVG of
        // a 400x300 world map (found by fuzz_render).
        degrees_per_pixel_ = std::max(bbox.width() / area.w, bbox.height() / area.h);
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
        return km_between(lon0, lat0, lon1, lat1) * 1000 / (area_.w * 0.1);
    }

    [[nodiscard]] const Box& visible() const { return visible_; }
    /// visible() cut at the seam: one box, or two when the seam is in view.
    [[nodiscard]] const std::vector<Box>& parts() const { return parts_; }
    /// The meridian opposite the map's centre, in [-180, 180).
    [[nodiscard]] double seam() const { return seam_; }
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
    std::vector<Box> parts_;
    double seam_ = 180;
};

/// A ring clipped to a lon/lat box (Sutherland-Hodgman).
Ring clip_ring(Points in, const Box& b);
/// A line clipped to a lon/lat box, keeping the segments that enter and leave.
MultiLineString clip_line(Points in, const Box& b);
/// Break long segments (clip edges, meridians along a frame) into short ones
/// so that they follow the projection's curves instead of cutting chords.
Ring densify(Points in, bool closed);
/// Drop vertices closer than `tol` degrees (in both axes) to the last one kept.
Ring thin(Points in, double tol);

/// Adds the projected rings of a multipolygon to the current path. With
/// `screen`, also returns the on-screen area (pixels squared) of the largest
/// part and, through cx/cy, that visible part's centroid: where a label goes.
/// `tolerance` is the vertex spacing kept, in pixels.
double path_polygons(cairo_t* cr, const View& v, const MultiPolygon& mp, const Rect* screen = nullptr,
                     double* cx = nullptr, double* cy = nullptr, double tolerance = 0.5);
/// Adds the projected, clipped lines to the current path.
void path_lines(cairo_t* cr, const View& v, const Lines& lines, double tolerance = 0.5);

}  // namespace borderline::renderer
