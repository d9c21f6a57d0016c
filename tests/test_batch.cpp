// Batch: inputs of every kind, hostile ids, incremental re-runs, failures
// that do not stop the rest.
#include "fixture.hpp"

#include <borderline/batch.hpp>
#include <borderline/error.hpp>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>
#include <stdlib.h>

using namespace borderline;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "borderline-batch-XXXXXX").string();
        path = mkdtemp(tmpl.data());
    }
    ~TempDir() { fs::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

void write(const fs::path& p, const std::string& s) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << s;
}

std::string sample(const char* name) {
    std::ifstream in(test::source_dir() / "samples" / name);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::map<std::string, std::string> statuses(const std::vector<BatchResult>& rs) {
    std::map<std::string, std::string> out;
    for (const auto& r : rs) out[r.id] = r.status;
    return out;
}

BatchOptions small(const fs::path& out) {
    BatchOptions o;
    o.outdir = out;
    o.size = {400, 300};
    o.jobs = 2;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch)

BOOST_AUTO_TEST_CASE(ids_are_sanitised) {
    BOOST_TEST(sanitize_id("../../etc/x") == "etc-x");
    BOOST_TEST(sanitize_id("/abs/path") == "abs-path");
    BOOST_TEST(sanitize_id("..") == "item");
    BOOST_TEST(sanitize_id("") == "item");
    BOOST_TEST(sanitize_id(".hidden") == "hidden");
    BOOST_TEST(sanitize_id("a b\tc") == "a-b-c");
    BOOST_TEST(sanitize_id("Crimea 2026-11-02") == "Crimea-2026-11-02");
    BOOST_TEST(sanitize_id(std::string(300, 'a')).size() == 100u);
}

BOOST_AUTO_TEST_CASE(folder_with_good_bad_and_duplicate_items) {
    TempDir t;
    const fs::path in = t.path / "in";
    write(in / "armenia.txt", sample("armenia-azerbaijan-syunik.txt"));
    write(in / "nested" / "crimea.md", sample("crimea-bridge.txt"));
    write(in / "empty.txt", "");
    write(in / "binary.txt", std::string("PK\x03\x04\x01\x02\x03\x04\x05\x06\x07\x08", 12));
    write(in / "ignored.png", "not an article");
    write(t.path / "other" / "armenia.txt", sample("kashmir-line-of-control.txt"));  // same id as in/armenia
    const auto items = collect_items({in.string(), (t.path / "other" / "armenia.txt").string()});
    BOOST_REQUIRE_EQUAL(items.size(), 5u);
    std::set<std::string> names;
    for (const auto& i : items) names.insert(i.output);
    BOOST_TEST(names.count("armenia") == 1u);
    BOOST_TEST(names.count("armenia-2") == 1u);  // no collision
    BOOST_TEST(names.count("nested-crimea") == 1u);

    const fs::path out = t.path / "out";
    const auto results = run_batch(items, small(out), test::data(), test::gazetteer());
    const auto st = statuses(results);
    BOOST_TEST(st.at("empty") == "failed");
    BOOST_TEST(st.at("binary") == "failed");
    BOOST_TEST(st.at("nested/crimea") == "rendered");
    BOOST_TEST(fs::exists(out / "armenia.png"));
    BOOST_TEST(fs::exists(out / "armenia-2.png"));
    BOOST_TEST(fs::exists(out / "nested-crimea.png"));
    BOOST_TEST(!fs::exists(out / "empty.png"));
    // The report lists each item with its reason and what it found.
    std::ifstream rin(out / "report.json");
    const auto report = nlohmann::json::parse(rin);
    BOOST_TEST(report["failed"].get<int>() == 2);
    BOOST_TEST(report["rendered"].get<int>() == 3);
    for (const auto& item : report["items"]) {
        if (item["id"] == "empty") BOOST_TEST(item["reason"].get<std::string>().find("empty") != std::string::npos);
        if (item["id"] == "nested/crimea") {
            const auto places = item["places"].get<std::vector<std::string>>();
            BOOST_TEST((std::find(places.begin(), places.end(), "country:UKR") != places.end()));
        }
    }
    // No temporary files are left behind.
    for (const auto& e : fs::directory_iterator(out)) {
        BOOST_TEST(e.path().filename().string().find(".tmp") == std::string::npos, e.path());
    }
}

BOOST_AUTO_TEST_CASE(second_run_skips_and_changed_style_rerenders) {
    TempDir t;
    write(t.path / "in" / "a.txt", sample("armenia-azerbaijan-syunik.txt"));
    write(t.path / "in" / "b.txt", sample("crimea-bridge.txt"));
    const auto items = collect_items({(t.path / "in").string()});
    auto opts = small(t.path / "out");
    for (const auto& [id, s] : statuses(run_batch(items, opts, test::data(), test::gazetteer()))) {
        BOOST_TEST(s == "rendered", id);
    }
    const auto before = fs::last_write_time(t.path / "out" / "a.png");
    for (const auto& [id, s] : statuses(run_batch(items, opts, test::data(), test::gazetteer()))) {
        BOOST_TEST(s == "skipped", id);
    }
    BOOST_TEST((fs::last_write_time(t.path / "out" / "a.png") == before));
    opts.style = "print";
    for (const auto& [id, s] : statuses(run_batch(items, opts, test::data(), test::gazetteer()))) {
        BOOST_TEST(s == "rendered", id);
    }
    // A changed input re-renders only that item.
    write(t.path / "in" / "b.txt", sample("crimea-bridge.txt") + "\nKyiv said the talks would resume.\n");
    const auto st = statuses(run_batch(collect_items({(t.path / "in").string()}), opts, test::data(), test::gazetteer()));
    BOOST_TEST(st.at("a") == "skipped");
    BOOST_TEST(st.at("b") == "rendered");
    opts.force = true;
    BOOST_TEST(statuses(run_batch(items, opts, test::data(), test::gazetteer())).at("a") == "rendered");
}

BOOST_AUTO_TEST_CASE(manifest_with_hostile_id_stays_inside_the_output_folder) {
    TempDir t;
    write(t.path / "m.jsonl",
          "{\"id\": \"../../etc/x\", \"title\": \"Clash in Kashmir\", \"text\": \"India and Pakistan traded fire "
          "across the Line of Control in Kashmir.\"}\n"
          "{\"id\": \"/tmp/abs\", \"path\": \"story.txt\", \"worldview\": \"UKR\"}\n"
          "not json at all\n");
    write(t.path / "story.txt", sample("crimea-bridge.txt"));
    const fs::path out = t.path / "deep" / "out";
    const auto results = run_batch(collect_items({(t.path / "m.jsonl").string()}), small(out), test::data(),
                                   test::gazetteer());
    const auto st = statuses(results);
    BOOST_TEST(st.at("../../etc/x") == "rendered");
    BOOST_TEST(st.at("/tmp/abs") == "rendered");
    BOOST_TEST(st.at("line-3") == "failed");
    BOOST_TEST(fs::exists(out / "etc-x.png"));
    BOOST_TEST(fs::exists(out / "tmp-abs.png"));
    BOOST_TEST(!fs::exists(t.path / "etc"));
    BOOST_TEST(!fs::exists(t.path / "deep" / "etc"));
}

BOOST_AUTO_TEST_CASE(shards_split_the_items) {
    TempDir t;
    for (const char* n : {"a", "b", "c", "d", "e"}) write(t.path / "in" / (std::string(n) + ".txt"), sample("crimea-bridge.txt"));
    const auto items = collect_items({(t.path / "in").string()});
    std::set<std::string> seen;
    for (unsigned i = 1; i <= 2; ++i) {
        auto o = small(t.path / "out");
        o.shard_index = i;
        o.shard_count = 2;
        for (const auto& r : run_batch(items, o, test::data(), test::gazetteer())) {
            BOOST_TEST(seen.insert(r.id).second, r.id << " in two shards");
        }
    }
    BOOST_TEST(seen.size() == 5u);
    // Both shards' items stay recorded: a full run now skips all.
    for (const auto& [id, s] : statuses(run_batch(items, small(t.path / "out"), test::data(), test::gazetteer()))) {
        BOOST_TEST(s == "skipped", id);
    }
}

BOOST_AUTO_TEST_CASE(missing_input_is_an_error) {
    BOOST_CHECK_THROW(collect_items({"/nonexistent/folder"}), InputError);
}

BOOST_AUTO_TEST_SUITE_END()
