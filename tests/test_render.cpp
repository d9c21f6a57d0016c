// Rendering: pixels where the parties are, SVG that parses, a one-page PDF,
// style files and atomic output.
#include "fixture.hpp"

#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/render.hpp>

#include "render/canvas.hpp"
#include "render/png.hpp"
#include "render/view.hpp"

#include <cairo.h>
#include <glib.h>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

using namespace borderline;

namespace {

struct Png {
    cairo_surface_t* s = nullptr;
    explicit Png(const std::string& bytes) { s = test::decode_png(bytes); }
    ~Png() { cairo_surface_destroy(s); }
    Png(const Png&) = delete;
    Png& operator=(const Png&) = delete;
    [[nodiscard]] int width() const { return cairo_image_surface_get_width(s); }
    [[nodiscard]] int height() const { return cairo_image_surface_get_height(s); }
    [[nodiscard]] Colour at(int x, int y) const {
        const unsigned char* row = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s);
        const auto px = reinterpret_cast<const std::uint32_t*>(row)[x];
        return {((px >> 16) & 255) / 255.0, ((px >> 8) & 255) / 255.0, (px & 255) / 255.0, 1};
    }
};

bool near(const Colour& a, const Colour& b, double tol = 0.03) {
    return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol;
}

Colour mix(const Colour& a, const Colour& b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1};
}

Extraction sample() {
    const Document d = read_document((test::source_dir() / "samples" / "armenia-azerbaijan-syunik.txt").string());
    return extract(d, test::gazetteer(), test::data(), SceneOptions{});
}

Style default_style() { return load_style(test::source_dir() / "styles" / "default.json"); }

/// The colour most common in a small square around a point (labels and
/// lines may cross the point itself).
Colour dominant(const Png& img, double x, double y) {
    std::map<std::tuple<int, int, int>, int> counts;
    for (int dy = -3; dy <= 3; ++dy) {
        for (int dx = -3; dx <= 3; ++dx) {
            const Colour c = img.at(static_cast<int>(x) + dx, static_cast<int>(y) + dy);
            counts[{static_cast<int>(c.r * 255), static_cast<int>(c.g * 255), static_cast<int>(c.b * 255)}]++;
        }
    }
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return {std::get<0>(best->first) / 255.0, std::get<1>(best->first) / 255.0, std::get<2>(best->first) / 255.0, 1};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render)

BOOST_AUTO_TEST_CASE(png_highlights_the_parties) {
    const Extraction x = sample();
    const Style st = default_style();
    const std::string bytes = render_to_bytes(x.scene, test::data(), st, OutputFormat::png);
    const Png img(bytes);
    BOOST_REQUIRE(cairo_surface_status(img.s) == CAIRO_STATUS_SUCCESS);
    BOOST_TEST(img.width() == 1600);
    BOOST_TEST(img.height() == 1000);
    double x0 = 0, y0 = 0;
    auto party_fill = [&](const std::string& iso) {
        for (const auto& p : x.scene.parties) {
            if (p.country == iso) return mix(st.land, st.parties[static_cast<std::size_t>(p.colour_index)], 0.55);
        }
        BOOST_FAIL("no party " + iso);
        return Colour{};
    };
    // Vayots Dzor, inside Armenia: Armenia's party colour.
    BOOST_REQUIRE(project_to_pixel(x.scene, {45.45, 39.75}, x0, y0));
    BOOST_TEST(near(dominant(img, x0, y0), party_fill("ARM")));
    // The Mughan plain, inside Azerbaijan: Azerbaijan's colour.
    BOOST_REQUIRE(project_to_pixel(x.scene, {48.4, 39.55}, x0, y0));
    BOOST_TEST(near(dominant(img, x0, y0), party_fill("AZE")));
    BOOST_TEST(!near(party_fill("ARM"), party_fill("AZE")));
    // Lake Sevan: water (the frame follows the story, so the Caspian is
    // off the map now).
    BOOST_REQUIRE(project_to_pixel(x.scene, {45.35, 40.35}, x0, y0));
    BOOST_TEST(near(dominant(img, x0, y0), st.water));
    // Iran south of the Aras is only named: neither party's colour, not water.
    BOOST_REQUIRE(project_to_pixel(x.scene, {47.0, 38.95}, x0, y0));
    BOOST_TEST(!near(dominant(img, x0, y0), party_fill("ARM")));
    BOOST_TEST(!near(dominant(img, x0, y0), party_fill("AZE")));
    BOOST_TEST(!near(dominant(img, x0, y0), st.water));
    // The title band is white paper.
    BOOST_TEST(near(img.at(1590, 5), Colour{1, 1, 1, 1}));
}

BOOST_AUTO_TEST_CASE(same_scene_gives_same_bytes) {
    const Extraction x = sample();
    const Style st = default_style();
    for (auto f : {OutputFormat::png, OutputFormat::svg, OutputFormat::pdf}) {
        const bool same =
            render_to_bytes(x.scene, test::data(), st, f) == render_to_bytes(x.scene, test::data(), st, f);
        BOOST_TEST(same, "format " << static_cast<int>(f) << " differs between two renders");
    }
}

// The encoder deflates bands of rows on several threads and joins them:
// every pixel must come back, whatever the height (bands of 128 rows, the
// last one short) and width, and the resolution must be recorded.
BOOST_AUTO_TEST_CASE(png_encoder_round_trips_every_pixel) {
    for (const auto& [w, h] : {std::pair{1, 1}, std::pair{3, 128}, std::pair{317, 129}, std::pair{640, 1000}}) {
        cairo_surface_t* src = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        unsigned char* data = cairo_image_surface_get_data(src);
        const int stride = cairo_image_surface_get_stride(src);
        std::uint32_t seed = 12345;
        for (int y = 0; y < h; ++y) {
            auto* row = reinterpret_cast<std::uint32_t*>(data + y * stride);
            for (int x = 0; x < w; ++x) {
                seed = seed * 1664525u + 1013904223u;
                // Noise in some rows, flat runs and repeated rows in others.
                row[x] = (y % 5 == 0) ? (seed >> 8) : (y % 5 == 1 ? 0x336699u : static_cast<std::uint32_t>(x * 7 + y));
            }
        }
        cairo_surface_mark_dirty(src);
        const std::string bytes = encode_png(src, 300);
        cairo_surface_t* back = test::decode_png(bytes);
        BOOST_REQUIRE(cairo_surface_status(back) == CAIRO_STATUS_SUCCESS);
        BOOST_REQUIRE(cairo_image_surface_get_width(back) == w);
        BOOST_REQUIRE(cairo_image_surface_get_height(back) == h);
        const unsigned char* got = cairo_image_surface_get_data(back);
        const int got_stride = cairo_image_surface_get_stride(back);
        int differing = 0;
        for (int y = 0; y < h; ++y) {
            const auto* a = reinterpret_cast<const std::uint32_t*>(data + y * stride);
            const auto* b = reinterpret_cast<const std::uint32_t*>(got + y * got_stride);
            for (int x = 0; x < w; ++x) differing += (a[x] & 0xffffffu) != (b[x] & 0xffffffu);
        }
        BOOST_TEST(differing == 0, w << "x" << h << ": " << differing << " pixels differ");
        // pHYs: 300 dpi is 11811 pixels per metre on both axes, unit metre.
        const auto at = bytes.find("pHYs");
        BOOST_REQUIRE(at != std::string::npos);
        const auto u32 = [&](std::size_t i) {
            return static_cast<std::uint32_t>(
                static_cast<unsigned char>(bytes[i]) << 24 | static_cast<unsigned char>(bytes[i + 1]) << 16 |
                static_cast<unsigned char>(bytes[i + 2]) << 8 | static_cast<unsigned char>(bytes[i + 3]));
        };
        BOOST_TEST(u32(at + 4) == 11811u);
        BOOST_TEST(u32(at + 8) == 11811u);
        BOOST_TEST(bytes[at + 12] == 1);
        BOOST_TEST(encode_png(src, 300) == bytes);
        cairo_surface_destroy(back);
        cairo_surface_destroy(src);
    }
}

BOOST_AUTO_TEST_CASE(svg_is_well_formed_xml) {
    const Extraction x = sample();
    const std::string svg = render_to_bytes(x.scene, test::data(), default_style(), OutputFormat::svg);
    struct Counts {
        int elements = 0, paths = 0;
        std::string root;
    } counts;
    GMarkupParser parser{};
    parser.start_element = [](GMarkupParseContext*, const gchar* name, const gchar**, const gchar**, gpointer data,
                              GError**) {
        auto* c = static_cast<Counts*>(data);
        if (c->root.empty()) c->root = name;
        ++c->elements;
        if (std::string(name) == "path") ++c->paths;
    };
    GMarkupParseContext* ctx = g_markup_parse_context_new(&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &counts, nullptr);
    GError* err = nullptr;
    const auto start = svg.find("<svg");
    BOOST_REQUIRE(start != std::string::npos);
    const bool ok =
        g_markup_parse_context_parse(ctx, svg.data() + start, static_cast<gssize>(svg.size() - start), &err) &&
        g_markup_parse_context_end_parse(ctx, &err);
    if (err) {
        BOOST_ERROR(err->message);
        g_error_free(err);
    }
    g_markup_parse_context_free(ctx);
    BOOST_TEST(ok);
    BOOST_TEST(counts.root == "svg");
    BOOST_TEST(counts.paths > 50);
    BOOST_TEST(svg.find("width=\"1600px\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(pdf_has_one_page) {
    const Extraction x = sample();
    const std::string pdf = render_to_bytes(x.scene, test::data(), default_style(), OutputFormat::pdf);
    BOOST_TEST(pdf.compare(0, 5, "%PDF-") == 0);
    BOOST_TEST(pdf.find("%%EOF") != std::string::npos);
    const std::regex page("/Type\\s*/Page[^s]");
    const auto n = std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator());
    BOOST_TEST(n == 1);
}

BOOST_AUTO_TEST_CASE(base_map_from_bbox) {
    SceneOptions so;
    so.size = {800, 500};
    const Scene s = plan_base_scene({43, 38.2, 51, 42.2}, so, test::data());
    BOOST_TEST(s.projection.find("+proj=lcc") == 0u);
    const Style st = default_style();
    const Png img(render_to_bytes(s, test::data(), st, OutputFormat::png));
    BOOST_TEST(img.width() == 800);
    double x0 = 0, y0 = 0;
    BOOST_REQUIRE(project_to_pixel(s, {45.45, 39.75}, x0, y0));
    BOOST_TEST(near(dominant(img, x0, y0), st.land));  // no party: plain land
}

BOOST_AUTO_TEST_CASE(projection_suits_the_extent) {
    BOOST_TEST(choose_projection({43, 38, 51, 42}).find("+proj=lcc") == 0u);
    BOOST_TEST(choose_projection({-20, 30, 60, 75}).find("+proj=laea") == 0u);
    BOOST_TEST(choose_projection({-180, -60, 180, 80}).find("+proj=eqearth") == 0u);
}

BOOST_AUTO_TEST_CASE(style_errors_name_file_line_and_key) {
    const auto dir = std::filesystem::temp_directory_path() / "borderline-style-test";
    std::filesystem::create_directories(dir);
    const auto bad_type = dir / "bad-type.json";
    std::ofstream(bad_type) << "{\n  \"land\": \"#ffffff\",\n  \"water\": 12\n}\n";
    try {
        load_style(bad_type);
        BOOST_FAIL("no error");
    } catch (const InputError& e) {
        const std::string m = e.what();
        BOOST_TEST(m.find("bad-type.json:3") != std::string::npos, m);
        BOOST_TEST(m.find("\"water\"") != std::string::npos, m);
    }
    const auto broken = dir / "broken.json";
    std::ofstream(broken) << "{\n  \"land\": \"#fff\"\n  \"x\n";
    BOOST_CHECK_THROW(load_style(broken), InputError);
    const auto unknown = dir / "unknown.json";
    std::ofstream(unknown) << "{ \"lnad\": \"#ffffff\" }";
    BOOST_CHECK_THROW(load_style(unknown), InputError);
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(atomic_write_leaves_no_partial_file) {
    const auto dir = std::filesystem::temp_directory_path() / "borderline-write-test";
    std::filesystem::create_directories(dir);
    const auto target = (dir / "map.png").string();
    write_atomically(target, "abc");
    std::ifstream in(target);
    std::string got;
    in >> got;
    BOOST_TEST(got == "abc");
    BOOST_CHECK_THROW(write_atomically((dir / "missing" / "map.png").string(), "x"), OutputError);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
    BOOST_TEST(files == 1u);
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(font_available_asks_fontconfig_for_the_family) {
    BOOST_TEST(font_available("Noto Sans"));  // the bundled styles' font, installed by tools/setup.sh
    BOOST_TEST(font_available("noto sans"));
    BOOST_TEST(font_available("sans-serif"));
    BOOST_TEST(!font_available("Borderline No Such Family"));
}

// Text lays every size out at one size and scales it: extents scale with
// the size, advances land on whole pixels, and rounding them never pushes
// a wrapped line past its width.
BOOST_AUTO_TEST_CASE(text_at_one_size_scales_and_keeps_its_width) {
    const Style st = default_style();
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 400, 200);
    cairo_t* cr = cairo_create(surface);
    const renderer::Text text(cr, st);
    const std::string words = "Azerbaijani soldiers who advanced several kilometres into the southern province";
    auto small = text.layout(words, 10, false);
    auto large = text.layout(words, 30, false);
    const renderer::Rect s = renderer::Text::extents(small.get()), l = renderer::Text::extents(large.get());
    BOOST_TEST(s.w > 300);
    BOOST_TEST(std::abs(l.w / s.w - 3.0) < 0.05, "widths " << s.w << " and " << l.w);
    BOOST_TEST(std::abs(l.h / s.h - 3.0) < 0.2, "heights " << s.h << " and " << l.h);
    // Every glyph's advance is a whole number of pixels at the drawn size.
    const double scale = renderer::Text::scale_of(small.get());
    BOOST_TEST(scale == 10.0 / renderer::Text::kLayoutSize);
    for (GSList* li = pango_layout_get_lines_readonly(small.get()); li; li = li->next) {
        for (GSList* r = static_cast<PangoLayoutLine*>(li->data)->runs; r; r = r->next) {
            const PangoGlyphString* g = static_cast<PangoGlyphItem*>(r->data)->glyphs;
            for (int i = 0; i < g->num_glyphs; ++i) {
                const double px = g->glyphs[i].geometry.width * scale / PANGO_SCALE;
                BOOST_TEST(std::abs(px - std::round(px)) < 0.01);
            }
        }
    }
    // Wrapped at widths from 40 to 200 pixels and sizes from 7 to 15: no
    // line is wider than its width, and each wrap keeps every word.
    for (double size = 7; size <= 15; size += 1.3) {
        for (double width = 40; width <= 200; width += 17) {
            auto wrapped = text.layout(words, size, true, width);
            const renderer::Rect e = renderer::Text::extents(wrapped.get());
            BOOST_TEST(e.w <= width + 0.5, "size " << size << " width " << width << ": " << e.w);
            BOOST_TEST(pango_layout_get_line_count(wrapped.get()) >= 2);
            BOOST_TEST(std::string(pango_layout_get_text(wrapped.get())) == words);
        }
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
}

// A world map centred east of Greenwich has its seam (the meridian
// opposite the centre) through Alaska: drawn whole, Alaska, the Aleutians
// and the lines there ran from one edge of the map to the other as a band.
// No segment of any path may now span half the map, and the map still
// draws land on both sides of the seam.
BOOST_AUTO_TEST_CASE(nothing_crosses_the_seam_of_a_world_map) {
    for (const Box& box : {Box{-120, -45, 160, 80}, Box{-60, -50, 170, 75}}) {
        SceneOptions so;
        const Scene base = plan_base_scene(box, so, test::data());
        const std::string svg = render_to_bytes(
            base, test::data(), load_style(test::source_dir() / "styles" / "default.json"), OutputFormat::svg);
        const double width = base.size.width;
        std::size_t paths = 0, longest = 0;
        double widest = 0;
        for (std::size_t at = svg.find(" d=\""); at != std::string::npos; at = svg.find(" d=\"", at + 1)) {
            const std::size_t end = svg.find('"', at + 4);
            std::istringstream d(svg.substr(at + 4, end - at - 4));
            ++paths;
            // The frame, paper and boxes are rectangles the width of the map:
            // only outlines of more points count.
            if (std::count(svg.begin() + static_cast<std::ptrdiff_t>(at),
                           svg.begin() + static_cast<std::ptrdiff_t>(end), 'L') < 6)
                continue;
            char op = 0;
            double x = 0, y = 0, last_x = 0;
            bool have_last = false;
            while (d >> op) {
                if (op == 'Z') {
                    have_last = false;
                    continue;
                }
                if (!(d >> x >> y)) break;
                if (op == 'L' && have_last) {
                    const double dx = std::abs(x - last_x);
                    if (dx > widest) {
                        widest = dx;
                        longest = paths;
                    }
                }
                last_x = x;
                have_last = true;
            }
        }
        BOOST_TEST(paths > 100u);
        BOOST_TEST(widest < width / 2, "path " << longest << " has a segment " << widest << " px wide");
    }
}

// Only an Equal Earth map has a seam to cut at. A polar map (Lambert
// azimuthal, centred on the pole) sees every meridian and is cut nowhere,
// and what it clips to is all it sees, pole included.
BOOST_AUTO_TEST_CASE(a_polar_map_has_no_seam) {
    // All of Antarctica: the meridian opposite the centre (116.5 E) is in view.
    const renderer::View polar("+proj=laea +lat_0=-90 +lon_0=-63.5 +datum=WGS84 +units=m +no_defs",
                               Box{-180, -90, 180, -60}, renderer::Rect{0, 0, 1100, 880});
    BOOST_REQUIRE(polar.parts().size() == 1u);
    const Box& part = polar.parts().front();
    BOOST_TEST(part.west == polar.visible().west);
    BOOST_TEST(part.east == polar.visible().east);
    BOOST_TEST(part.south == polar.visible().south);
    BOOST_TEST(polar.visible().west == -180.0);
    const renderer::View world("+proj=eqearth +lon_0=20 +datum=WGS84 +units=m +no_defs", Box{-120, -45, 160, 80},
                               renderer::Rect{0, 0, 1100, 880});
    BOOST_REQUIRE(world.parts().size() == 2u);
    BOOST_TEST(world.parts()[0].east < -159.99);
    BOOST_TEST(world.parts()[1].west > -160.01);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(labels)

BOOST_AUTO_TEST_CASE(no_label_overlaps_and_all_inside_the_canvas) {
    for (const char* sample : {"armenia-azerbaijan-syunik.txt", "crimea-bridge.txt", "kashmir-line-of-control.txt"}) {
        const Document d = read_document((test::source_dir() / "samples" / sample).string());
        for (const Size size : {Size{1600, 1000}, Size{800, 600}}) {
            SceneOptions so;
            so.size = size;
            const Extraction x = extract(d, test::gazetteer(), test::data(), so);
            const auto boxes = layout_labels(x.scene, test::data(), default_style());
            BOOST_TEST(boxes.size() > 5u, sample);
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                const auto& a = boxes[i];
                BOOST_TEST((a.x >= 0 && a.y >= 0 && a.x + a.w <= size.width && a.y + a.h <= size.height),
                           sample << ": " << a.what << " leaves the canvas");
                for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                    const auto& b = boxes[j];
                    const bool overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
                    BOOST_TEST(!overlap, sample << ": " << a.what << " overlaps " << b.what);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
