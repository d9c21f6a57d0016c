// GeoData: reads the bundled shapefiles through GDAL/OGR into memory once.
// Rendering and matching then run over plain vectors, which threads can share
// read-only (OGR datasets cannot be shared between threads).
#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/geodata.hpp>

#include <gdal.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdlib>

namespace borderline {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct FeatureDeleter {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

Ring read_ring(const OGRLinearRing* r, Box& box) {
    Ring ring;
    const int n = r->getNumPoints();
    ring.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double x = r->getX(i), y = r->getY(i);
        ring.push_back({x, y});
        box.expand(x, y);
    }
    return ring;
}

void read_polygon(const OGRPolygon* p, Feature& f) {
    Polygon poly;
    Box part;
    if (p->getExteriorRing()) poly.push_back(read_ring(p->getExteriorRing(), part));
    f.bbox.expand(part);
    for (int i = 0; i < p->getNumInteriorRings(); ++i) poly.push_back(read_ring(p->getInteriorRing(i), f.bbox));
    if (!poly.empty()) {
        f.polygons.push_back(std::move(poly));
        f.part_boxes.push_back(part);
    }
}

void read_line(const OGRLineString* l, Feature& f) {
    LineString line;
    const int n = l->getNumPoints();
    line.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        line.push_back({l->getX(i), l->getY(i)});
        f.bbox.expand(l->getX(i), l->getY(i));
    }
    f.lines.push_back(std::move(line));
}

void read_geometry(const OGRGeometry* g, Feature& f) {
    if (!g) return;
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPoint: {
            const auto* p = g->toPoint();
            f.point = {p->getX(), p->getY()};
            f.bbox.expand(p->getX(), p->getY());
            break;
        }
        case wkbPolygon: read_polygon(g->toPolygon(), f); break;
        case wkbMultiPolygon:
            for (const auto* p : *g->toMultiPolygon()) read_polygon(p, f);
            break;
        case wkbLineString: read_line(g->toLineString(), f); break;
        case wkbMultiLineString:
            for (const auto* l : *g->toMultiLineString()) read_line(l, f);
            break;
        default: break;
    }
}

std::unique_ptr<Layer> read_layer(const std::filesystem::path& dir, const std::string& name) {
    std::filesystem::path path = dir / (name + ".shp");
    if (!std::filesystem::exists(path)) path = dir / (name + ".shp.zip");
    if (!std::filesystem::exists(path)) {
        throw DataError("geodata layer '" + name + "' is missing in " + dir.string() +
                        "; reinstall, or set BORDERLINE_DATA to the folder that holds geodata/");
    }
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds || ds->GetLayerCount() < 1) {
        throw DataError("cannot open geodata layer " + path.string() + "; the file is damaged: rebuild with tools/");
    }
    OGRLayer* lyr = ds->GetLayer(0);
    OGRFeatureDefn* defn = lyr->GetLayerDefn();
    std::vector<std::string> fields;
    for (int i = 0; i < defn->GetFieldCount(); ++i) fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    Layer::Kind kind = Layer::Kind::point;
    switch (wkbFlatten(lyr->GetGeomType())) {
        case wkbPolygon: case wkbMultiPolygon: kind = Layer::Kind::polygon; break;
        case wkbLineString: case wkbMultiLineString: kind = Layer::Kind::line; break;
        default: kind = Layer::Kind::point; break;
    }
    std::vector<Feature> features;
    features.reserve(static_cast<std::size_t>(std::max<GIntBig>(0, lyr->GetFeatureCount())));
    lyr->ResetReading();
    while (FeaturePtr f{lyr->GetNextFeature()}) {
        Feature out;
        out.values.reserve(fields.size());
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            out.values.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
        }
        read_geometry(f->GetGeometryRef(), out);
        features.push_back(std::move(out));
    }
    return std::make_unique<Layer>(name, kind, std::move(fields), std::move(features));
}

}  // namespace

double km_between(double lon1, double lat1, double lon2, double lat2) {
    constexpr double d2r = 3.14159265358979323846 / 180.0;
    const double dlat = (lat2 - lat1) * d2r;
    const double dlon = (lon2 - lon1) * d2r;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1 * d2r) * std::cos(lat2 * d2r) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

bool contains(const MultiPolygon& mp, LonLat p) {
    bool inside = false;
    for (const auto& poly : mp) {
        for (const auto& ring : poly) {
            const std::size_t n = ring.size();
            for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
                const auto& a = ring[i];
                const auto& b = ring[j];
                if ((a.lat > p.lat) != (b.lat > p.lat) &&
                    p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
                    inside = !inside;
                }
            }
        }
    }
    return inside;
}

Layer::Layer(std::string name, Kind kind, std::vector<std::string> fields, std::vector<Feature> features)
    : name_(std::move(name)), kind_(kind), fields_(std::move(fields)), features_(std::move(features)) {}

int Layer::field(const std::string& name) const {
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        if (fields_[i] == name) return static_cast<int>(i);
    }
    return -1;
}

const std::string& Layer::value(std::size_t i, const std::string& name) const {
    static const std::string empty;
    const int k = field(name);
    if (k < 0 || i >= features_.size()) return empty;
    return features_[i].values[static_cast<std::size_t>(k)];
}

std::vector<std::size_t> Layer::query(const Box& box) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < features_.size(); ++i) {
        if (features_[i].bbox.intersects(box)) out.push_back(i);
    }
    return out;
}

GeoData::GeoData(std::filesystem::path dir) : dir_(std::move(dir)) {
    static std::once_flag gdal_once;
    std::call_once(gdal_once, [] {
        GDALAllRegister();
        CPLSetConfigOption("CPL_LOG", "/dev/null");
    });
    if (!std::filesystem::exists(dir_ / "countries.shp")) {
        throw DataError("no bundled geodata in " + dir_.string() +
                        "; set BORDERLINE_DATA to the folder that holds geodata/ and styles/");
    }
}

GeoData::~GeoData() = default;

const DisputeRegistry& GeoData::disputes() const {
    std::call_once(disputes_once_, [&] { disputes_ = std::make_unique<DisputeRegistry>(*this); });
    return *disputes_;
}

const Layer& GeoData::layer(const std::string& name) const {
    Slot* slot = nullptr;
    {
        std::lock_guard lock(slots_mutex_);
        auto& s = slots_[name];
        if (!s) s = std::make_unique<Slot>();
        slot = s.get();
    }
    std::call_once(slot->once, [&] {
        try {
            slot->layer = read_layer(dir_, name);
        } catch (const Error& e) {
            slot->error = e.what();
        }
    });
    if (!slot->layer) throw DataError(slot->error);
    return *slot->layer;
}

namespace {
std::filesystem::path data_root() {
    if (const char* env = std::getenv("BORDERLINE_DATA"); env && *env) return env;
    return BORDERLINE_SOURCE_DATA_DIR;
}
}  // namespace

std::filesystem::path GeoData::default_dir() { return data_root() / "geodata"; }

std::filesystem::path default_styles_dir() { return data_root() / "styles"; }

}  // namespace borderline
