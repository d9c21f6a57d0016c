// read_shapefile_layer: the bundled shapefiles through GDAL/OGR into the
// plain in-memory Layer. Used to write the binary layer cache at build time.
#include <borderline/error.hpp>
#include <borderline/shapefile.hpp>

#include <gdal.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <mutex>

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

// The points of every feature, kept by the layer; moving a Ring keeps its
// buffer, so the views stay valid as this grows.
using Store = std::vector<Ring>;

Points read_ring(const OGRLinearRing* r, Box& box, Store& store) {
    Ring& ring = store.emplace_back();
    const int n = r->getNumPoints();
    ring.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double x = r->getX(i), y = r->getY(i);
        ring.push_back({x, y});
        box.expand(x, y);
    }
    return ring;
}

void read_polygon(const OGRPolygon* p, Feature& f, Store& store) {
    Polygon poly;
    Box part;
    if (p->getExteriorRing()) poly.push_back(read_ring(p->getExteriorRing(), part, store));
    f.bbox.expand(part);
    for (int i = 0; i < p->getNumInteriorRings(); ++i) {
        poly.push_back(read_ring(p->getInteriorRing(i), f.bbox, store));
    }
    if (!poly.empty()) {
        f.polygons.push_back(std::move(poly));
        f.part_boxes.push_back(part);
    }
}

void read_line(const OGRLineString* l, Feature& f, Store& store) {
    LineString& line = store.emplace_back();
    const int n = l->getNumPoints();
    line.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        line.push_back({l->getX(i), l->getY(i)});
        f.bbox.expand(l->getX(i), l->getY(i));
    }
    f.lines.push_back(line);
}

void read_geometry(const OGRGeometry* g, Feature& f, Store& store) {
    if (!g) return;
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPoint: {
            const auto* p = g->toPoint();
            f.point = {p->getX(), p->getY()};
            f.bbox.expand(p->getX(), p->getY());
            break;
        }
        case wkbPolygon:
            read_polygon(g->toPolygon(), f, store);
            break;
        case wkbMultiPolygon:
            for (const auto* p : *g->toMultiPolygon()) read_polygon(p, f, store);
            break;
        case wkbLineString:
            read_line(g->toLineString(), f, store);
            break;
        case wkbMultiLineString:
            for (const auto* l : *g->toMultiLineString()) read_line(l, f, store);
            break;
        default:
            break;
    }
}

}  // namespace

std::unique_ptr<Layer> read_shapefile_layer(const std::filesystem::path& dir, const std::string& name,
                                            double simplify) {
    static std::once_flag gdal_once;
    std::call_once(gdal_once, [] {
        GDALAllRegister();
        CPLSetConfigOption("CPL_LOG", "/dev/null");
    });
    std::filesystem::path path = dir / (name + ".shp");
    if (!std::filesystem::exists(path)) path = dir / (name + ".shp.zip");
    if (!std::filesystem::exists(path)) {
        throw DataError("geodata layer '" + name + "' is missing in " + dir.string() +
                        "; reinstall, or point the data paths at the folder that holds geodata/");
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
        case wkbPolygon:
        case wkbMultiPolygon:
            kind = Layer::Kind::polygon;
            break;
        case wkbLineString:
        case wkbMultiLineString:
            kind = Layer::Kind::line;
            break;
        default:
            kind = Layer::Kind::point;
            break;
    }
    std::vector<Feature> features;
    auto store = std::make_shared<Store>();
    features.reserve(static_cast<std::size_t>(std::max<GIntBig>(0, lyr->GetFeatureCount())));
    lyr->ResetReading();
    while (FeaturePtr f{lyr->GetNextFeature()}) {
        Feature out;
        out.values.reserve(fields.size());
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            out.values.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
        }
        if (simplify > 0 && f->GetGeometryRef()) {
            const std::unique_ptr<OGRGeometry> g(f->GetGeometryRef()->SimplifyPreserveTopology(simplify));
            read_geometry(g.get(), out, *store);
        } else {
            read_geometry(f->GetGeometryRef(), out, *store);
        }
        features.push_back(std::move(out));
    }
    return std::make_unique<Layer>(name, kind, std::move(fields), std::move(features), std::move(store));
}

}  // namespace borderline
