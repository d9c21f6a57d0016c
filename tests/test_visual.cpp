// Image regression tests in the manner of Mapnik's visual tests: each sample
// article in each bundled style is rendered and compared with a reference
// PNG in tests/visual/ (named SAMPLE-STYLE-WxH.png). A pixel differs when any
// channel differs by more than kThreshold; a map passes when at most
// kAllowedShare of its pixels differ. On failure the actual image is saved
// beside the reference as *.actual.png. Set BORDERLINE_UPDATE_REFERENCES=1 to
// write the references anew (then look at them before committing).
#include "fixture.hpp"

#include <borderline/extract.hpp>
#include <borderline/render.hpp>

#include <cairo.h>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

using namespace borderline;

namespace {

struct VisualCase {
    std::string sample, style;
};
std::ostream& operator<<(std::ostream& os, const VisualCase& c) { return os << c.sample << " in " << c.style; }

std::vector<VisualCase> cases() {
    std::vector<VisualCase> out;
    for (const char* sample : {"armenia-azerbaijan-syunik", "crimea-bridge", "kashmir-line-of-control"}) {
        for (const char* style : {"default", "print", "dark"}) out.push_back({sample, style});
    }
    return out;
}

cairo_surface_t* decode(const std::string& bytes) { return test::decode_png(bytes); }

}  // namespace

BOOST_AUTO_TEST_SUITE(visual)

BOOST_DATA_TEST_CASE(matches_reference, boost::unit_test::data::make(cases()), c) {
    const Size size{800, 500};
    const Document d = read_document((test::source_dir() / "samples" / (c.sample + ".txt")).string());
    SceneOptions so;
    so.size = size;
    const Extraction x = extract(d, test::gazetteer(), test::data(), so);
    const Style st = load_style(test::source_dir() / "styles" / (c.style + ".json"));
    const std::string actual = render_to_bytes(x.scene, test::data(), st, OutputFormat::png);
    const auto base = test::source_dir() / "tests" / "visual" /
                      (c.sample + "-" + c.style + "-" + std::to_string(size.width) + "x" + std::to_string(size.height));
    const auto reference = base.string() + ".png";
    const char* update = std::getenv("BORDERLINE_UPDATE_REFERENCES");
    if (update && std::string(update) == "1") {
        std::ofstream(reference, std::ios::binary) << actual;
        BOOST_TEST_MESSAGE("wrote " << reference);
        return;
    }
    std::ifstream in(reference, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "no reference " << reference << "; run with BORDERLINE_UPDATE_REFERENCES=1");
    const std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    cairo_surface_t* a = decode(actual);
    cairo_surface_t* e = decode(expected);
    BOOST_REQUIRE(cairo_surface_status(a) == CAIRO_STATUS_SUCCESS);
    BOOST_REQUIRE(cairo_surface_status(e) == CAIRO_STATUS_SUCCESS);
    BOOST_REQUIRE(cairo_image_surface_get_width(a) == cairo_image_surface_get_width(e));
    BOOST_REQUIRE(cairo_image_surface_get_height(a) == cairo_image_surface_get_height(e));
    const double share = test::differing_share(a, e);
    cairo_surface_destroy(a);
    cairo_surface_destroy(e);
    if (share > test::kAllowedShare) {
        std::ofstream(base.string() + ".actual.png", std::ios::binary) << actual;
    }
    BOOST_TEST(share <= test::kAllowedShare,
               c << ": " << share * 100 << "% of pixels differ; actual saved as " << base.string() << ".actual.png");
}

BOOST_AUTO_TEST_SUITE_END()
