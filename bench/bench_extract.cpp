// Speed of the geoparser: start-up (data folder + gazetteer from its cache,
// then the first small article) and extract throughput in MB/s over the
// GeoWebNews texts, read at run time from ../shared/eval: on one thread, and
// shared out to two threads as `batch --jobs 2` would. Each figure is the
// best and the median of N passes (10 by default): one pass is about 20 ms,
// and the shared VM's speed drifts within seconds.
//
//     bench_extract [--passes N] [--rebuild] [CORPUS.jsonl]
//
// --rebuild also times building the gazetteer from the layers, the peer the
// cache is measured against.
#include <borderline/error.hpp>
#include <borderline/extract.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace borderline;
using Clock = std::chrono::steady_clock;

namespace {
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

/// Seconds per pass, over the passes run: the best and the median.
struct Passes {
    std::vector<double> seconds;
    void add(Clock::time_point start) { seconds.push_back(ms_since(start) / 1000); }
    [[nodiscard]] double best() const { return *std::min_element(seconds.begin(), seconds.end()); }
    [[nodiscard]] double median() const {
        std::vector<double> s = seconds;
        std::nth_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(s.size() / 2), s.end());
        return s[s.size() / 2];
    }
};
}  // namespace

int main(int argc, char** argv) {
    const auto t0 = Clock::now();
    int passes = 10;
    bool rebuild = false;
    std::string corpus = BORDERLINE_EVAL_DIR "/geowebnews.jsonl";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--passes" && i + 1 < argc) {
            passes = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--rebuild") {
            rebuild = true;
        } else {
            corpus = a;
        }
    }
    const GeoData data(GeoData::default_dir());
    const Gazetteer gaz(data);
    const double load_ms = ms_since(t0);
    // The first article also loads the country polygons the scene needs.
    const Extraction first =
        extract(make_document("Armenia and Azerbaijan\nTalks in Yerevan.\n", "x.txt"), gaz, data, SceneOptions{});
    const double startup_ms = ms_since(t0);

    std::vector<std::string> texts;
    std::size_t bytes = 0;
    {
        std::ifstream in(corpus);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
            bytes += texts.back().size();
        }
    }
    if (texts.empty()) {
        std::fprintf(stderr, "bench_extract: no texts in %s\n", corpus.c_str());
        return 1;
    }
    // The geoparser alone (Document -> Mentions -> Places), then the whole extract.
    Passes parse;
    for (int p = 0; p < passes; ++p) {
        const auto t = Clock::now();
        for (const auto& text : texts) {
            const Document doc = make_document(text, "x.txt");
            (void)resolve_places(doc, gaz, find_mentions(doc, gaz));
        }
        parse.add(t);
    }
    // Texts start, start + stride, ... of the corpus; returns the places found.
    auto extract_every = [&](std::size_t start, std::size_t stride) {
        std::size_t found = 0;
        for (std::size_t i = start; i < texts.size(); i += stride) {
            try {
                found += extract(make_document(texts[i], "x.txt"), gaz, data, SceneOptions{}).places.size();
            } catch (const NothingToMapError&) {
            }
        }
        return found;
    };
    std::size_t places = 0;
    Passes one;
    for (int p = 0; p < passes; ++p) {
        const auto t = Clock::now();
        places = extract_every(0, 1);
        one.add(t);
    }
    // The same texts shared out to two threads over one gazetteer, as
    // `batch --jobs 2` runs them: what a folder of articles gets.
    Passes two;
    for (int p = 0; p < passes; ++p) {
        const auto t = Clock::now();
        std::size_t other = 0;
        std::thread second([&] { other = extract_every(1, 2); });
        const std::size_t mine = extract_every(0, 2);
        second.join();
        two.add(t);
        if (mine + other != places) {
            std::fprintf(stderr, "bench_extract: two threads found %zu places, one found %zu\n", mine + other, places);
            return 1;
        }
    }
    std::printf("gazetteer: %zu entries, %s\n", gaz.size(), gaz.from_cache() ? "from cache" : "built from layers");
    std::printf("start-up: %.1f ms (gazetteer ready after %.1f ms)\n", startup_ms, load_ms);
    const double mb = static_cast<double>(bytes) / 1e6;
    auto report = [&](const char* what, const Passes& p) {
        std::printf("%s: best %.1f MB/s (%.1f ms), median %.1f MB/s\n", what, mb / p.best(), p.best() * 1000,
                    mb / p.median());
    };
    std::printf("corpus: %zu texts, %.2f MB; %d passes of each; extract finds %zu places\n", texts.size(), mb, passes,
                places);
    report("extract on one thread", one);
    report("geoparse only", parse);
    report("extract on two threads", two);
    if (rebuild) {
        const auto t = Clock::now();
        const Gazetteer built = Gazetteer::build(data);
        const double build_ms = ms_since(t);
        std::printf("building from the layers: %.0f ms, %.0fx the cached load\n", build_ms, build_ms / load_ms);
    }
    (void)first;
    return 0;
}
