// The binary layer cache: each layer of geodata/ as flat little-endian
// records (box, attribute strings, rings of lon/lat doubles), written at
// build time by borderline_layers from the shapefiles. Reading it is a copy
// of arrays, where OGR parses the shapefiles feature by feature, and it keeps
// GDAL out of the program.
#include <borderline/error.hpp>
#include <borderline/geodata.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string_view>
#include <type_traits>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef BORDERLINE_CACHE_DIR
#define BORDERLINE_CACHE_DIR ""
#endif

namespace borderline {

namespace {

constexpr std::string_view kMagic = "BLLAYER\x02";
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
    std::uint32_t count() {
        // Every counted item takes at least 4 bytes, which bounds a damaged count.
        const auto n = pod<std::uint32_t>();
        if (n > (in_.size() - at_) / 4) ok = false;
        return ok ? n : 0;
    }
    [[nodiscard]] bool at_end() const { return at_ == in_.size(); }
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
    static const std::vector<std::string> names = {"countries", "admin1", "boundaries", "disputed_lines",
                                                   "populated_places", "towns", "land", "ocean",
                                                   "lakes", "rivers", "disputes", "countries_small"};
    return names;
}

// countries_small is countries generalised to 0.05 degrees, for small scales
// (the locator inset, world maps) where the full outlines cost more than the
// rest of the map and show nothing more: 0.05 degrees is under a third of a
// pixel there.
std::string layer_source(const std::string& name) { return name == "countries_small" ? "countries" : name; }

double layer_simplification(const std::string& name) { return name == "countries_small" ? 0.05 : 0; }

std::filesystem::path layer_cache_dir() {
    if (const char* env = std::getenv("BORDERLINE_LAYER_CACHE"); env && *env) return env;
    if (std::string_view(BORDERLINE_CACHE_DIR).empty()) return {};
    return std::filesystem::path(BORDERLINE_CACHE_DIR) / "layers";
}

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
    Writer w;
    w.bytes().append(kMagic);
    w.str(key);
    w.str(layer.name());
    w.pod(static_cast<std::uint32_t>(layer.kind()));
    w.pod(static_cast<std::uint32_t>(layer.fields().size()));
    for (const auto& f : layer.fields()) w.str(f);
    w.pod(static_cast<std::uint32_t>(layer.size()));
    for (const Feature& f : layer.features()) {
        w.pod(f.bbox);
        w.pod(f.point);
        w.pod(static_cast<std::uint32_t>(f.values.size()));
        for (const auto& v : f.values) w.str(v);
        w.pod(static_cast<std::uint32_t>(f.polygons.size()));
        for (const auto& poly : f.polygons) {
            w.pod(static_cast<std::uint32_t>(poly.size()));
            for (const auto& ring : poly) w.array(ring);
        }
        w.array(f.part_boxes);
        w.pod(static_cast<std::uint32_t>(f.lines.size()));
        for (const auto& line : f.lines) w.array(line);
    }
    std::filesystem::create_directories(file.parent_path());
    const auto tmp = file.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
        if (!out.flush()) {
            std::filesystem::remove(tmp);
            throw DataError("cannot write the layer cache " + file.string() + "; check the disk and its permissions");
        }
    }
    std::filesystem::rename(tmp, file);
}

std::unique_ptr<Layer> read_layer_cache(const std::filesystem::path& file, const std::string& key) {
    // Mapped rather than read: the records are copied straight from the page
    // cache into the layer's vectors, with no buffer to allocate and fill.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    void* map = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    }
    ::close(fd);
    if (map == MAP_FAILED) return nullptr;
    struct Unmap {
        void* p;
        std::size_t n;
        ~Unmap() { ::munmap(p, n); }
    } unmap{map, static_cast<std::size_t>(st.st_size)};
    const std::string_view bytes(static_cast<const char*>(map), unmap.n);
    if (bytes.compare(0, kMagic.size(), kMagic) != 0) return nullptr;
    Reader r(bytes.substr(kMagic.size()));
    if (r.str() != key || !r.ok) return nullptr;
    std::string name = r.str();
    const auto kind = r.pod<std::uint32_t>();
    if (kind > static_cast<std::uint32_t>(Layer::Kind::point)) return nullptr;
    std::vector<std::string> fields(r.count());
    for (auto& f : fields) f = r.str();
    std::vector<Feature> features(r.count());
    for (Feature& f : features) {
        f.bbox = r.pod<Box>();
        f.point = r.pod<LonLat>();
        f.values.resize(r.count());
        for (auto& v : f.values) v = r.str();
        f.polygons.resize(r.count());
        for (auto& poly : f.polygons) {
            poly.resize(r.count());
            for (auto& ring : poly) r.array(ring);
        }
        r.array(f.part_boxes);
        f.lines.resize(r.count());
        for (auto& line : f.lines) r.array(line);
        if (!r.ok) return nullptr;
    }
    if (!r.ok || !r.at_end()) return nullptr;
    return std::make_unique<Layer>(std::move(name), static_cast<Layer::Kind>(kind), std::move(fields),
                                   std::move(features));
}

}  // namespace borderline
