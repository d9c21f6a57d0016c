// GeoData: the bundled layers in memory, each read once from the binary layer
// cache (src/geodata/layer_cache.cpp) and then shared read-only by threads.
#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/geodata.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace borderline {

namespace {

// The columns or rows [first, last] of the grid that the interval [lo, hi]
// reaches, clamped to the grid: monotonic, so two intervals that overlap
// reach a common cell, whatever lies beyond ±180 or ±90. False for an
// interval that is not well formed (inverted, or NaN).
bool grid_span(double lo, double hi, double origin, int count, int& first, int& last) {
    if (!(lo <= hi)) return false;
    const auto cell = [&](double v) {
        return static_cast<int>(std::clamp(std::floor((v - origin) / 10.0), 0.0, static_cast<double>(count - 1)));
    };
    first = cell(lo);
    last = cell(hi);
    return true;
}

}  // namespace

Layer::Layer(std::string name, Kind kind, std::vector<std::string> fields, std::vector<Feature> features,
             std::shared_ptr<const void> storage)
    : name_(std::move(name)),
      kind_(kind),
      fields_(std::move(fields)),
      features_(std::move(features)),
      storage_(std::move(storage)) {
    grid_.cells.resize(Grid::kColumns * Grid::kRows);
    for (std::size_t i = 0; i < features_.size(); ++i) {
        const Box& b = features_[i].bbox;
        int x0 = 0, x1 = 0, y0 = 0, y1 = 0;
        const auto index = static_cast<std::uint32_t>(i);
        // A box over a quarter of the world would fill many cells.
        if (!grid_span(b.west, b.east, -180, Grid::kColumns, x0, x1) ||
            !grid_span(b.south, b.north, -90, Grid::kRows, y0, y1) || (x1 - x0 + 1) * (y1 - y0 + 1) > 32) {
            grid_.everywhere.push_back(index);
            continue;
        }
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x)
                grid_.cells[static_cast<std::size_t>(y * Grid::kColumns + x)].push_back(index);
        }
    }
}

Box main_territory(const Feature& f) {
    const auto& parts = f.part_boxes;
    if (parts.empty()) return f.bbox;
    std::size_t largest = 0;
    double largest_area = -1;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const double a = parts[i].width() * parts[i].height();
        if (a > largest_area) {
            largest_area = a;
            largest = i;
        }
    }
    const Box& core = parts[largest];
    Box out = core;
    const double margin = std::max(2.0, std::max(core.width(), core.height()) * 0.3);
    const Box near{core.west - margin, core.south - margin, core.east + margin, core.north + margin};
    for (const Box& b : parts) {
        if (near.intersects(b)) out.expand(b);
    }
    return out;
}

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
    int x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    if (!grid_span(box.west, box.east, -180, Grid::kColumns, x0, x1) ||
        !grid_span(box.south, box.north, -90, Grid::kRows, y0, y1) || (x1 - x0 + 1) * (y1 - y0 + 1) > 16) {
        // A large or odd box: every feature, in order.
        for (std::size_t i = 0; i < features_.size(); ++i) {
            if (features_[i].bbox.intersects(box)) out.push_back(i);
        }
        return out;
    }
    // The features of the cells the box reaches (a feature may be in
    // several), tested, in the order of the layer.
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            for (const std::uint32_t i : grid_.cells[static_cast<std::size_t>(y * Grid::kColumns + x)]) {
                if (features_[i].bbox.intersects(box)) out.push_back(i);
            }
        }
    }
    for (const std::uint32_t i : grid_.everywhere) {
        if (features_[i].bbox.intersects(box)) out.push_back(i);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

GeoData::GeoData(DataPaths paths) : paths_(std::move(paths)), dir_(paths_.geodata) {
    if (!std::filesystem::exists(dir_ / "countries.shp")) {
        throw DataError("no bundled geodata in " + dir_.string() +
                        "; point the data paths at the folder that holds geodata/ and styles/");
    }
}

GeoData::GeoData(std::filesystem::path dir)
    : GeoData([&] {
          DataPaths p = DataPaths::built();
          p.geodata = std::move(dir);
          return p;
      }()) {}

GeoData::~GeoData() = default;

const DisputeRegistry& GeoData::disputes() const {
    std::call_once(disputes_once_,
                   [&] { disputes_ = std::make_unique<DisputeRegistry>(dir_ / "disputes.json", layer("disputes")); });
    return *disputes_;
}

const MapNames& GeoData::map_names() const {
    std::call_once(names_once_, [&] {
        names_ = std::make_unique<MapNames>(MapNames::read({dir_ / "names_i18n.tsv", dir_ / "dispute_names.tsv"}));
    });
    return *names_;
}

void GeoData::index_countries() const {
    std::call_once(countries_once_, [&] {
        const Layer& countries = layer("countries");
        const int field = countries.field("iso_a3");
        if (field < 0) return;
        for (const Feature& f : countries.features()) {
            country_by_iso_.try_emplace(f.values[static_cast<std::size_t>(field)], &f);  // the first one stays
            territory_of_.emplace(&f, main_territory(f));
        }
    });
}

const Feature* GeoData::country_feature(std::string_view iso3) const {
    index_countries();
    const auto it = country_by_iso_.find(iso3);
    return it == country_by_iso_.end() ? nullptr : it->second;
}

Box GeoData::territory(const Feature& f) const {
    index_countries();
    const auto it = territory_of_.find(&f);
    return it == territory_of_.end() ? main_territory(f) : it->second;
}

namespace {

// Run borderline_layers (the data paths' layer_tool) to write the cache of
// every layer of `dir`; its output would mix with ours, so it goes nowhere.
std::string rebuild_layer_cache(const std::filesystem::path& tool, const std::filesystem::path& dir,
                                const std::filesystem::path& cache) {
    const std::string how = "; run `" + (tool.empty() ? std::string("borderline_layers") : tool.string()) + " " +
                            dir.string() + " " + cache.string() + "`";
    if (tool.empty() || !std::filesystem::exists(tool)) {
        return "borderline_layers is not installed beside the data" + how;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::string a0 = tool.string(), a1 = dir.string(), a2 = cache.string();
    char* argv[] = {a0.data(), a1.data(), a2.data(), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, a0.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    if (rc != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return "rebuilding it failed" + how;
    }
    return {};
}

}  // namespace

const Layer& GeoData::layer(const std::string& name) const {
    Slot* slot = nullptr;
    {
        std::lock_guard lock(slots_mutex_);
        auto& s = slots_[name];
        if (!s) s = std::make_unique<Slot>();
        slot = s.get();
    }
    std::call_once(slot->once, [&] {
        const std::string source = layer_source(name);
        if (!std::filesystem::exists(dir_ / (source + ".shp")) &&
            !std::filesystem::exists(dir_ / (source + ".shp.zip"))) {
            slot->error = "geodata layer '" + name + "' is missing in " + dir_.string() +
                          "; reinstall, or point the data paths at the folder that holds geodata/";
            return;
        }
        const auto& cache = paths_.layer_cache;
        const auto file = cache / (name + ".bin");
        const std::string key = layer_cache_key(dir_, name);
        slot->layer = cache.empty() ? nullptr : read_layer_cache(file, key);
        if (slot->layer) return;
        // Stale or missing (geodata/ changed after the build): one rebuild
        // of the whole cache serves every layer and thread.
        std::call_once(rebuild_once_, [&] { rebuild_error_ = rebuild_layer_cache(paths_.layer_tool, dir_, cache); });
        slot->layer = cache.empty() ? nullptr : read_layer_cache(file, key);
        if (!slot->layer) {
            slot->error = "the cache of geodata layer '" + name + "' in " + cache.string() +
                          " is missing or out of date, and " +
                          (rebuild_error_.empty() ? "rebuilding did not write it" : rebuild_error_);
        }
    });
    if (!slot->layer) throw DataError(slot->error);
    return *slot->layer;
}

std::filesystem::path GeoData::default_dir() { return DataPaths::built().geodata; }

std::filesystem::path default_styles_dir() { return DataPaths::built().styles; }

}  // namespace borderline
