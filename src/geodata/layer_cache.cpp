// The binary layer cache: each layer of geodata/ as flat little-endian
// records (box, attribute strings, references to rings), then every point of
// the layer in one aligned array of lon/lat doubles. Written at build time by
// borderline_layers from the shapefiles. The program maps the file and its
// features view the points in place: a map reads only the pages of the
// features it draws, where copying admin1 alone (851k points) took 20 ms.
// It keeps GDAL out of the program.
#include <borderline/error.hpp>
#include <borderline/geodata.hpp>

#include "geodata/cache_file.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <type_traits>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace borderline {

namespace {

constexpr std::string_view kMagic = "BLLAYER\x03";
static_assert(sizeof(LonLat) == 2 * sizeof(double) && std::is_trivially_copyable_v<LonLat>);
static_assert(sizeof(Box) == 4 * sizeof(double) && std::is_trivially_copyable_v<Box>);

class Writer {
public:
    template <class T>
    void pod(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        out_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void str(std::string_view s) {
        pod(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    template <class T>
    void array(const std::vector<T>& v) {
        pod(static_cast<std::uint32_t>(v.size()));
        if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    /// A run of points: stored in `points`, referenced here by offset and count.
    void ref(Points p, std::vector<LonLat>& points) {
        pod(static_cast<std::uint64_t>(points.size()));
        pod(static_cast<std::uint32_t>(p.size()));
        points.insert(points.end(), p.begin(), p.end());
    }
    std::string& bytes() { return out_; }

private:
    std::string out_;
};

// Bounds-checked: a damaged file makes `ok` false, never a read past the end.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <class T>
    T pod() {
        T v{};
        if (!take(sizeof v)) return v;
        std::memcpy(&v, in_.data() + at_ - sizeof v, sizeof v);
        return v;
    }
    std::string str() {
        const auto n = pod<std::uint32_t>();
        if (!take(n)) return {};
        return std::string(in_.substr(at_ - n, n));
    }
    template <class T>
    void array(std::vector<T>& v) {
        const auto n = pod<std::uint32_t>();
        if (!ok || n > (in_.size() - at_) / sizeof(T)) {
            ok = false;
            return;
        }
        v.resize(n);
        if (n > 0) std::memcpy(v.data(), in_.data() + at_, n * sizeof(T));  // data() may be null when empty
        at_ += n * sizeof(T);
    }
    /// A run of points written by Writer::ref, as a view into `points`.
    Points ref(Points points) {
        const auto offset = pod<std::uint64_t>();
        const auto n = pod<std::uint32_t>();
        if (!ok || offset > points.size() || n > points.size() - offset) {
            ok = false;
            return {};
        }
        return points.subspan(offset, n);
    }
    std::uint32_t count() {
        // Every counted item takes at least 4 bytes, which bounds a damaged count.
        const auto n = pod<std::uint32_t>();
        if (n > (in_.size() - at_) / 4) ok = false;
        return ok ? n : 0;
    }
    [[nodiscard]] std::size_t position() const { return at_; }
    void skip_to(std::size_t at) {
        if (at > in_.size())
            ok = false;
        else
            at_ = at;
    }
    bool ok = true;

private:
    bool take(std::size_t n) {
        if (!ok || n > in_.size() - at_) return ok = false;
        at_ += n;
        return true;
    }
    std::string_view in_;
    std::size_t at_ = 0;
};

std::vector<std::string> source_files(const std::string& name) {
    return {name + ".shp", name + ".shx", name + ".dbf", name + ".prj", name + ".cpg", name + ".shp.zip"};
}

}  // namespace

const std::vector<std::string>& layer_names() {
    static const std::vector<std::string> names = {
        "countries", "admin1", "boundaries", "disputed_lines", "populated_places", "towns",          "land",
        "ocean",     "lakes",  "rivers",     "disputes",       "countries_small",  "maritime_lines", "claim_lines"};
    return names;
}

// countries_small is countries generalised to 0.05 degrees, for small scales
// (the locator inset, world maps) where the full outlines cost more than the
// rest of the map and show nothing more: 0.05 degrees is under a third of a
// pixel there.
std::string layer_source(const std::string& name) { return name == "countries_small" ? "countries" : name; }

double layer_simplification(const std::string& name) { return name == "countries_small" ? 0.05 : 0; }

std::filesystem::path layer_cache_dir() { return DataPaths::built().layer_cache; }

std::string layer_cache_key(const std::filesystem::path& dir, const std::string& name) {
    std::string key = std::string(kMagic.substr(0, 7)) + std::to_string(int(kMagic[7])) + "|" +
                      std::filesystem::absolute(dir).lexically_normal().string() + "|" + name + "|" +
                      std::to_string(layer_simplification(name));
    for (const auto& f : source_files(layer_source(name))) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(dir / f, ec);
        if (ec) continue;
        const auto t = std::filesystem::last_write_time(dir / f, ec);
        key += "|" + f + ":" + std::to_string(size) + ":" + std::to_string(t.time_since_epoch().count());
    }
    return key;
}

void write_layer_cache(const Layer& layer, const std::string& key, const std::filesystem::path& file) {
    Writer meta;
    std::vector<LonLat> points;
    meta.pod(static_cast<std::uint32_t>(layer.size()));
    for (const Feature& f : layer.features()) {
        meta.pod(f.bbox);
        meta.pod(f.point);
        meta.pod(static_cast<std::uint32_t>(f.values.size()));
        for (const auto& v : f.values) meta.str(v);
        meta.pod(static_cast<std::uint32_t>(f.polygons.size()));
        for (const auto& poly : f.polygons) {
            meta.pod(static_cast<std::uint32_t>(poly.size()));
            for (const auto& ring : poly) meta.ref(ring, points);
        }
        meta.array(f.part_boxes);
        meta.pod(static_cast<std::uint32_t>(f.lines.size()));
        for (const auto& line : f.lines) meta.ref(line, points);
    }
    Writer w;
    w.bytes().append(kMagic);
    w.str(key);
    w.str(layer.name());
    w.pod(static_cast<std::uint32_t>(layer.kind()));
    w.pod(static_cast<std::uint32_t>(layer.fields().size()));
    for (const auto& f : layer.fields()) w.str(f);
    // Where the points start: after this header and the records, aligned
    // for doubles (the file is mapped at a page boundary).
    std::size_t points_at = w.bytes().size() + 2 * sizeof(std::uint64_t) + meta.bytes().size();
    points_at = (points_at + alignof(LonLat) - 1) / alignof(LonLat) * alignof(LonLat);
    w.pod(static_cast<std::uint64_t>(points_at));
    w.pod(static_cast<std::uint64_t>(points.size()));
    w.bytes().append(meta.bytes());
    w.bytes().resize(points_at, '\0');
    if (!points.empty()) {
        w.bytes().append(reinterpret_cast<const char*>(points.data()), points.size() * sizeof(LonLat));
    }
    if (!write_cache_file(file, {w.bytes()}))
        throw DataError("cannot write the layer cache " + file.string() + "; check the disk and its permissions");
}

std::unique_ptr<Layer> read_layer_cache(const std::filesystem::path& file, const std::string& key) {
    // Mapped, and kept mapped by the layer: its features view the points
    // in place.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    void* map = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    }
    ::close(fd);
    if (map == MAP_FAILED) return nullptr;
    const auto size = static_cast<std::size_t>(st.st_size);
    std::shared_ptr<const void> mapping(map, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
    const std::string_view bytes(static_cast<const char*>(map), size);
    if (bytes.compare(0, kMagic.size(), kMagic) != 0) return nullptr;
    Reader r(bytes.substr(kMagic.size()));
    if (r.str() != key || !r.ok) return nullptr;
    std::string name = r.str();
    const auto kind = r.pod<std::uint32_t>();
    if (kind > static_cast<std::uint32_t>(Layer::Kind::point)) return nullptr;
    std::vector<std::string> fields(r.count());
    for (auto& f : fields) f = r.str();
    const auto points_at = r.pod<std::uint64_t>();
    const auto point_count = r.pod<std::uint64_t>();
    if (!r.ok || points_at % alignof(LonLat) != 0 || points_at > size ||
        point_count != (size - points_at) / sizeof(LonLat) || (size - points_at) % sizeof(LonLat) != 0) {
        return nullptr;
    }
    const Points points(reinterpret_cast<const LonLat*>(bytes.data() + points_at), point_count);
    Reader records(bytes.substr(0, points_at));
    records.skip_to(r.position() + kMagic.size());
    std::vector<Feature> features(records.count());
    for (Feature& f : features) {
        f.bbox = records.pod<Box>();
        f.point = records.pod<LonLat>();
        f.values.resize(records.count());
        for (auto& v : f.values) v = records.str();
        f.polygons.resize(records.count());
        for (auto& poly : f.polygons) {
            poly.resize(records.count());
            for (auto& ring : poly) ring = records.ref(points);
        }
        records.array(f.part_boxes);
        f.lines.resize(records.count());
        for (auto& line : f.lines) line = records.ref(points);
        if (!records.ok) return nullptr;
    }
    // Only the alignment padding may follow the records.
    if (!records.ok || points_at - records.position() >= alignof(LonLat)) return nullptr;
    return std::make_unique<Layer>(std::move(name), static_cast<Layer::Kind>(kind), std::move(fields),
                                   std::move(features), std::move(mapping));
}

}  // namespace borderline
