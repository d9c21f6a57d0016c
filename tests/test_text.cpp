// Document: formats, normalisation, tokens, sentences and bad input.
#include <borderline/document.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>

#include <boost/test/unit_test.hpp>

#include <utf8proc.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace borderline;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(ascii_folds_as_utf8proc_folds_it) {
    // fold() takes a shortcut for ASCII; each character must come out as
    // utf8proc's case folding and compatibility decomposition make it.
    for (int c = 0; c < 128; ++c) {
        const std::string in = std::string("x") + static_cast<char>(c) + "x";
        std::string expected = "x";
        if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_') {
            expected += ' ';
        } else if (c == '\'' || c == '`') {
            expected += '\'';
        } else {
            utf8proc_int32_t buf[4];
            int boundclass = 0;
            const auto n =
                utf8proc_decompose_char(c, buf, 4,
                                        static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE |
                                                                       UTF8PROC_STRIPMARK | UTF8PROC_COMPAT),
                                        &boundclass);
            BOOST_REQUIRE(n == 1);
            expected += static_cast<char>(buf[0]);
        }
        expected += 'x';
        BOOST_TEST(fold(in) == expected, "character " << c);
    }
    BOOST_TEST(fold("  U.S.-backed  Nagorno_Karabakh's ") == "u.s. backed nagorno karabakh's");
}

BOOST_AUTO_TEST_CASE(folding_ignores_case_accents_and_dashes) {
    BOOST_TEST(fold("Laçın") == "lacin");
    BOOST_TEST(fold("Pithorāgarh") == "pithoragarh");
    BOOST_TEST(fold("Gədəbəy") == "gadabay");
    BOOST_TEST(fold("Nagorno-Karabakh") == "nagorno karabakh");
    BOOST_TEST(fold("Nagorno\xE2\x80\x93Karabakh") == "nagorno karabakh");
    BOOST_TEST(fold("Azerbaijan\xE2\x80\x99s") == "azerbaijan's");
    BOOST_TEST(fold("  ÉLYSÉE  ") == "elysee");
}

BOOST_AUTO_TEST_CASE(plain_text_first_line_is_the_headline) {
    const Document d =
        make_document("Border clash in Syunik\n\nArmenia said on Friday. Azerbaijan denied it.\n", "a.txt");
    BOOST_TEST(d.title == "Border clash in Syunik");
    BOOST_TEST(d.sentences.size() == 3u);
    BOOST_TEST(d.text.substr(d.sentences[1].start, d.sentences[1].size()) == "Armenia said on Friday.");
}

// "PRESS RELEASE" opening a release is its mark, not its headline.
BOOST_AUTO_TEST_CASE(release_mark_is_not_the_headline) {
    const Document d = make_document(
        "PRESS RELEASE\nMinistry of Foreign Affairs of the Republic of Serbia\nBelgrade, 12 March\n\n"
        "The Ministry of Foreign Affairs condemns the closure of the crossings.\n\nPress Office\n",
        "r.txt");
    BOOST_TEST(d.title == "Ministry of Foreign Affairs of the Republic of Serbia");
    // A story that only mentions a press release keeps its headline.
    const Document story = make_document("Press release angers Belgrade\n\nSerbia said on Friday.\n", "s.txt");
    BOOST_TEST(story.title == "Press release angers Belgrade");
}

// An initial does not end a sentence; a lettered area does.
BOOST_AUTO_TEST_CASE(initials_and_lettered_areas) {
    const Document d =
        make_document("Talks\n\nMinister S. Jaishankar spoke. Troops entered Area C. Police left.\n", "a.txt");
    BOOST_TEST_REQUIRE(d.sentences.size() == 4u);
    BOOST_TEST(d.text.substr(d.sentences[1].start, d.sentences[1].size()) == "Minister S. Jaishankar spoke.");
    BOOST_TEST(d.text.substr(d.sentences[2].start, d.sentences[2].size()) == "Troops entered Area C.");
}

BOOST_AUTO_TEST_CASE(possessive_and_abbreviation_tokens) {
    const Document d = make_document("Azerbaijan\xE2\x80\x99s army met U.S. envoys.", "a.txt");
    BOOST_TEST(d.tokens[0].folded == "azerbaijan");
    bool us = false;
    for (const auto& t : d.tokens) {
        if (t.folded == "u.s.") us = true;
    }
    BOOST_TEST(us);
    BOOST_TEST(d.sentences.size() == 1u);  // "U.S." does not end the sentence
}

BOOST_AUTO_TEST_CASE(token_folded_is_fold_of_its_text) {
    // The tokenizer folds plain ASCII tokens itself; every token must still
    // carry exactly what fold() gives for its bytes.
    const Document d = make_document(
        "U.S. and U.K. talks: \xC3\x89.U. na\xC3\xAFve ca-va ` _ - x_y A.B.c La\xC3\xA7\xC4\xB1n St. Petersburg\n"
        "\x0B \xC4\xB0stanbul \xC3\x85LAND 'Azerbaijan\xE2\x80\x99s' \xE2\x80\x9CNo\xE2\x80\x9D R2D2 \xC2\xBB!\n",
        "t.txt");
    BOOST_TEST(d.tokens.size() > 20u);
    for (const Token& t : d.tokens) {
        const std::string_view text = std::string_view(d.text).substr(t.span.start, t.span.size());
        BOOST_TEST(t.folded == fold(text), "token " << text);
    }
}

BOOST_AUTO_TEST_CASE(folded_tokens_survive_copies_and_moves) {
    // Token::folded views a buffer the Document holds: copies and moves of
    // the Document, and of short texts whose bytes a std::string keeps in
    // itself, must keep every token's folded form, also after the original
    // is gone. Folding makes some tokens longer (\xC3\x9F -> ss, \xEF\xAC\x81 -> fi).
    auto check = [](const Document& d, const std::vector<std::string>& expected) {
        BOOST_TEST_REQUIRE(d.tokens.size() == expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k) {
            const std::string_view text =
                std::string_view(d.text).substr(d.tokens[k].span.start, d.tokens[k].span.size());
            BOOST_TEST(d.tokens[k].folded == expected[k], "token " << text);
            BOOST_TEST(d.tokens[k].folded == fold(text), "token " << text);
        }
    };
    // Many tokens with folded forms of their own, stored apart from the text.
    std::string many_input;
    std::vector<std::string> many_tokens;
    for (int k = 0; k < 300; ++k) {
        many_input += "La\xC3\xA7\xC4\xB1n \xC2\xBD\xC2\xBD \xE2\x80\x9C";
        many_tokens.insert(many_tokens.end(), {"lacin",
                                               "1\xE2\x81\x84"
                                               "21\xE2\x81\x84"
                                               "2",
                                               "\xE2\x80\x9C"});
    }
    const std::vector<std::string> short_tokens{"a", "b", "."};
    const std::vector<std::string> long_tokens{"mr", ".",    "lacin", "met", "strasse", "officials",
                                               "in", "baku", "!",     "fin", "."};
    for (const auto& [input, expected] : {std::pair{std::string("A b."), short_tokens},
                                          std::pair{std::string("Mr. La\xC3\xA7\xC4\xB1n met Stra\xC3\x9F"
                                                                "e officials in BAKU! \xEF\xAC\x81n."),
                                                    long_tokens},
                                          std::pair{many_input, many_tokens}}) {
        std::optional<Document> original = make_document(input, "a.txt");
        check(*original, expected);
        const Document copy = *original;
        Document assigned;
        assigned = *original;
        Document moved = std::move(*original);
        original.reset();
        check(copy, expected);
        check(assigned, expected);
        check(moved, expected);
        Document move_assigned;
        move_assigned = std::move(moved);
        check(move_assigned, expected);
    }
}

BOOST_AUTO_TEST_CASE(html_markup_is_blanked_and_offsets_kept) {
    const std::string html =
        "<html><head><title>Clash on the border</title><script>var x='Armenia';</script></head>"
        "<body><p>Troops left <b>Syunik</b> &amp; Goris.</p></body></html>";
    const Document d = make_document(html, "a.html");
    BOOST_TEST(d.title == "Clash on the border");
    BOOST_TEST(d.text.size() == html.size());
    const auto at = html.find("Syunik");
    BOOST_TEST(d.text.substr(at, 6) == "Syunik");
    BOOST_TEST(d.text.find("var x") == std::string::npos);
    BOOST_TEST(d.text.find("<b>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(markdown_markers_are_blanked) {
    const Document d = make_document("# Talks in **Baku**\n\nSee [the report](http://example.org/x).\n", "a.md");
    BOOST_TEST(d.title == "Talks in Baku");
    BOOST_TEST(d.text.find("example.org") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_article) {
    const Document d = make_document(R"({"title":"Clash","date":"2026-11-02","text":"Armenia said so."})", "a.json");
    BOOST_TEST(d.title == "Clash");
    BOOST_TEST(d.date == "2026-11-02");
    BOOST_TEST(d.text == "Clash\n\nArmenia said so.");
    BOOST_CHECK_THROW(make_document(R"({"title":"x"})", "a.json"), InputError);
    BOOST_CHECK_THROW(make_document("{not json", "a.json"), InputError);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_not_fatal) {
    const Document d = make_document("Armenia \xC3\x28 border\xFF", "a.txt");
    BOOST_TEST(d.replaced_bytes == 2u);
    BOOST_TEST(valid_utf8(d.text));
    BOOST_TEST(d.text.size() == 18u);  // offsets unchanged
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused) {
    BOOST_CHECK_THROW(make_document("", "e.txt"), InputError);
    BOOST_CHECK_THROW(make_document(" \n\t\n", "e.txt"), InputError);
    BOOST_CHECK_THROW(make_document(std::string("PK\x03\x04\0\0\x01", 7), "z.txt"), InputError);
    ReadOptions small;
    small.max_bytes = 10;
    BOOST_CHECK_THROW(make_document("Armenia and Azerbaijan", "big.txt", small), InputError);
    BOOST_CHECK_THROW(read_document("/nonexistent/article.txt"), InputError);
    BOOST_CHECK_THROW(read_document("/tmp"), InputError);
}

BOOST_AUTO_TEST_CASE(long_lines_and_many_tokens_are_fine) {
    std::string s = "Armenia";
    for (int i = 0; i < 200000; ++i) s += " word";
    const Document d = make_document(s, "long.txt");
    BOOST_TEST(d.tokens.size() == 200001u);
}

BOOST_AUTO_TEST_SUITE_END()
