#!/usr/bin/env python3
# Run: python3 tests/data/html/make_pages.py tests/data/html
# Writes tests/data/html/*.html and expected.txt: ten article bodies, each in
# three page shapes (JSON-LD, <article>, neither). Written for these tests.
import json, os, sys, html as H
out = sys.argv[1]
os.makedirs(out, exist_ok=True)

BODIES = [
 dict(slug="armenia-azerbaijan", head="Azerbaijan accuses Armenia of firing on border posts",
  paras=["Azerbaijan’s defence ministry accused Armenia of firing on its positions near the border on Tuesday.",
         "Armenia’s foreign ministry rejected the accusation and said its troops had not opened fire.",
         "The two countries have not agreed where the frontier runs."],
  places=["country:AZE","country:ARM"], claims=["AZE accuses country:ARM","AZE accuses country:ARM","ARM denies","ARM denies"]),
 dict(slug="india-china-galwan", head="China says Galwan valley is Chinese territory",
  paras=["China’s foreign ministry said the Galwan valley had always been Chinese territory.",
         "India’s foreign ministry rejected the claim on Friday.",
         "Soldiers of both countries clashed in the valley in 2020."],
  places=["country:CHN","country:IND"], claims=["CHN asserts","CHN asserts","IND denies"]),
 dict(slug="gibraltar-la-linea", head="Spain and Britain trade words over Gibraltar",
  paras=["Workers from La Línea cross into Gibraltar every morning.",
         "Spain’s foreign minister said Gibraltar should return to Spanish sovereignty.",
         "Britain’s Foreign Office rejected the demand and said the territory would remain British."],
  places=["country:ESP","country:GBR"], claims=["ESP demands country:GIB","GBR denies","GBR asserts"]),
 dict(slug="kashmir-loc", head="Pakistan accuses India over Line of Control shelling",
  paras=["Pakistan’s army accused India of shelling villages along the Line of Control on Sunday.",
         "India’s army denied the report.",
         "The ceasefire along the line was agreed in 2021."],
  places=["country:PAK","country:IND"], claims=["PAK accuses country:IND","PAK accuses country:IND","IND denies"]),
 dict(slug="russia-ukraine-crimea", head="Ukraine demands return of Crimea",
  paras=["Ukraine’s foreign ministry demanded that Russia withdraw its troops from Crimea.",
         "Russia’s foreign ministry said Crimea was part of Russia.",
         "The peninsula was annexed in 2014."],
  places=["country:UKR","country:RUS"], claims=["UKR demands country:RUS","UKR demands admin1:UA-43","RUS asserts admin1:UA-43"]),
 dict(slug="guyana-venezuela", head="Venezuela renews claim to Essequibo",
  paras=["Venezuela’s government said the Essequibo region belongs to Venezuela.",
         "Guyana’s foreign ministry rejected the claim and said the border was settled in 1899.",
         "The region makes up two thirds of Guyana’s land."],
  places=["country:VEN","country:GUY"], claims=["VEN asserts","VEN asserts dispute:essequibo","GUY denies","GUY asserts"]),
 dict(slug="kosovo-serbia", head="Kosovo accuses Serbia over border build-up",
  paras=["Kosovo’s government accused Serbia of massing troops near the border.",
         "Serbia’s defence ministry denied the accusation on Monday.",
         "NATO peacekeepers patrol the area."],
  places=["country:XKX","country:SRB"], claims=["XKX accuses country:SRB","XKX accuses country:SRB","SRB denies"]),
 dict(slug="kyrgyz-tajik", head="Kyrgyzstan accuses Tajikistan of attacking border posts",
  paras=["Kyrgyzstan’s border service accused Tajikistan of attacking its posts in the Batken region.",
         "Tajikistan’s government rejected the accusation.",
         "A third of their shared border has not been marked."],
  places=["country:KGZ","country:TJK"], claims=["KGZ accuses country:TJK","KGZ accuses country:TJK","TJK denies"]),
 dict(slug="morocco-western-sahara", head="Morocco says Western Sahara will remain Moroccan",
  paras=["Morocco’s foreign minister said Western Sahara would remain part of Morocco.",
         "Algeria’s foreign ministry rejected the statement.",
         "The United Nations has kept a mission in the territory since 1991."],
  places=["country:MAR","country:DZA"], claims=["MAR asserts","MAR asserts","DZA denies"]),
 dict(slug="ethiopia-sudan", head="Sudan accuses Ethiopia over al-Fashaga",
  paras=["Sudan’s foreign ministry accused Ethiopia of sending militias into the al-Fashaga border area.",
         "Ethiopia’s government denied the claim on Thursday.",
         "Farmers from both countries have worked the fertile land for decades."],
  places=["country:SDN","country:ETH"], claims=["SDN accuses country:ETH","SDN accuses country:ETH","ETH denies"]),
 # A dateline with a colon ("KATHMANDU:") and straight quotes, which JSON
 # writes as \" inside the articleBody.
 dict(slug="nepal-india-lipulekh", head="Nepal says Lipulekh pass belongs to it",
  paras=["KATHMANDU: Nepal’s foreign ministry said on Wednesday that the Lipulekh pass belongs to Nepal and objected to a trade deal between India and China.",
         "\"Lipulekh and Kalapani are integral parts of Nepal,\" the ministry said in a statement.",
         "India’s external affairs ministry said Nepal’s claim had no basis in history."],
  places=["country:NPL","country:IND","feature:lipulekh"],
  # (The quotation's claim first: the test matches each expected claim to
  # the first found one that fits, and it names Lipulekh too.)
  claims=["NPL asserts feature:kalapani-village","NPL asserts feature:lipulekh","NPL asserts feature:lipulekh","NPL denies","IND denies country:NPL"]),
]

SITES = [("World News", " | "), ("The Daily Courier", " - "), ("Global Wire", " — ")]
CITIES = [["Paris", "Tokyo", "Lagos", "Sydney"], ["Toronto", "Nairobi", "Lima", "Oslo"],
          ["Jakarta", "Chicago", "Melbourne", "Manila"], ["Dublin", "Santiago", "Hanoi", "Dakar"],
          ["Vienna", "Bogotá", "Perth", "Accra"]]

def ent(text):
    """Entities as sites write them: named for accented letters and quotes, numeric for some."""
    t = H.escape(text, quote=False)
    return (t.replace("’", "&rsquo;").replace("í", "&iacute;").replace("é", "&eacute;")
             .replace("á", "&aacute;").replace("—", "&mdash;"))

def ent_numeric(text):
    t = H.escape(text, quote=False)
    return t.replace("’", "&#8217;").replace("í", "&#xED;").replace("é", "&#233;").replace("á", "&#225;")

def sidebar(cities, kind):
    items = "".join(f'<li><a href="/{c.lower()}">{c} mayor opens new bridge</a></li>' for c in cities)
    if kind == 0:
        return f'<aside class="most-read"><h2>Most read</h2><ol>{items}</ol></aside>'
    if kind == 1:
        return f'<div class="sidebar"><h3>Trending</h3><ul>{items}</ul></div>'
    return f'<section class="related-stories"><h3>More on this story</h3><ul>{items}</ul></section>'

def nav(cities):
    links = "".join(f'<li><a href="/world/{c.lower()}">{c}</a></li>' for c in cities)
    return f'<header class="site-header"><a href="/">Home</a><nav><ul>{links}</ul></nav></header>'

def footer(cities):
    offices = ", ".join(cities)
    return (f'<footer><p>Our bureaux: {offices}.</p><ul><li><a href="/about">About us</a></li>'
            f'<li><a href="/contact">Contact</a></li></ul><p>&copy; 2026 The Site</p></footer>')

expected = []
n = 0
for bi, b in enumerate(BODIES):
    for shape in range(3):
        n += 1
        site, sep = SITES[(bi + shape) % 3]
        cities = CITIES[(bi + shape) % 5]
        others = CITIES[(bi + shape + 2) % 5]
        title = b["head"] + sep + site
        fname = f"{n:02d}-{b['slug']}-{['jsonld','article','plain'][shape]}.html"
        enc = ent if (bi + shape) % 2 == 0 else ent_numeric
        ps = "".join(f"<p>{enc(p)}</p>\n" for p in b["paras"])
        head = f'<head><meta charset="utf-8"><title>{enc(title)}</title>'
        head += f'<meta property="og:site_name" content="{site}">'
        if shape == 0:
            ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": b["head"],
                  "datePublished": "2026-11-03T14:05:00Z", "author": {"@type": "Person", "name": "Ana Lopez"},
                  "articleBody": "\n\n".join(b["paras"])}
            if bi % 2 == 1:
                ld = {"@context": "https://schema.org", "@graph": [
                    {"@type": "WebSite", "name": site, "url": "https://example.org/"},
                    dict(ld, **{"@type": ["NewsArticle", "Article"]})]}
            # Some sites escape every non-ASCII character, others write UTF-8.
            head += '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=(bi % 3 == 0)) + '</script>'
        head += '<script>window.dataLayer=[{"section":"world","cities":"' + " ".join(cities) + '"}];</script>'
        head += '<style>.x{color:red}</style></head>'
        if shape == 0:
            # The visible copy is in plain divs, with a sidebar inside the story's div.
            body = (f'<body>{nav(cities)}<div class="page"><div class="story"><h1>{enc(b["head"])}</h1>'
                    f'<div class="byline">By Ana Lopez in {others[0]}</div>{ps}{sidebar(others, bi % 3)}'
                    f'</div></div>{footer(cities)}</body>')
        elif shape == 1:
            body = (f'<body>{nav(cities)}<main><article><header><h1>{enc(b["head"])}</h1>'
                    f'<p class="byline">By Ana Lopez, {others[1]}</p></header>{ps}'
                    f'{sidebar(others, (bi + 1) % 3)}<div class="share-tools"><a href="#">Share</a></div>'
                    f'</article>{sidebar(cities, bi % 3)}</main>{footer(cities)}</body>')
        else:
            body = (f'<body><div id="top">{nav(cities)}</div><div id="content"><h1>{enc(b["head"])}</h1>{ps}'
                    f'</div>{sidebar(others, (bi + 2) % 3)}<form action="/search"><input name="q"> Search '
                    f'{others[2]}</form>{footer(cities)}</body>')
        page = "<!DOCTYPE html>\n<html lang=\"en\">" + head + "\n" + body + "\n</html>\n"
        open(os.path.join(out, fname), "w", encoding="utf-8").write(page)
        absent = sorted(set(cities + others))
        expected.append(f"=== {fname}\ntitle {b['head']}\nplaces {' '.join(b['places'])}\n"
                        + (f"names {'|'.join(b.get('names', []))}\n" if b.get('names') else "")
                        + f"absent {'|'.join(absent)}\n"
                        + "".join(f"claim {c}\n" for c in b["claims"]))
open(os.path.join(out, "expected.txt"), "w", encoding="utf-8").write(
    "# Saved-page cases for tests/test_html.cpp: for each page, the headline (no\n"
    "# site suffix), place ids that must be found, names that must be found,\n"
    "# names from the page's menus, sidebars and footers that must not be, and the\n"
    "# claims (ISO3 stance [place ids]), in any order: a JSON-LD body comes\n"
    "# before the page's <h1> in the file, and text order is file order. Pages and texts are written\n"
    "# for these tests.\n\n" + "\n".join(expected))
print(n)
