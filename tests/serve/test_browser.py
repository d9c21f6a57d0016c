#!/usr/bin/env python3
"""The desk page in a real browser (headless Chromium through Selenium):
paste the sample -> a map is shown; drop a place -> the map and its legend
change; download PNG -> a valid PNG. Exits 77 (CTest: skipped) only when
Chromium, its driver or Selenium is not installed.
Usage: test_browser.py BORDERLINE SAMPLES_DIR WORKDIR"""
import base64
import os
import shutil
import struct
import sys
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_common import Checks, Server  # noqa: E402

borderline, samples, work = sys.argv[1:4]
chromium = shutil.which("chromium")
driver_path = shutil.which("chromedriver")
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    webdriver = None
if not chromium or not driver_path or webdriver is None:
    print("skipped: chromium, chromium-driver or python3-selenium is not installed (tools/setup.sh installs them)")
    sys.exit(77)

downloads = os.path.join(work, "downloads")
shutil.rmtree(downloads, ignore_errors=True)
os.makedirs(downloads)
t = Checks()


def png_info(data):
    """(width, height) of a PNG whose chunks and CRCs are right and whose
    pixel data inflates to the size its header says; None otherwise."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    pos, idat, ihdr = 8, b"", None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(kind + chunk) != crc:
            return None
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
        pos += 12 + length
    if not ihdr:
        return None
    w, h, depth, colour = ihdr[:4]
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    if len(zlib.decompress(idat)) != h * (1 + (w * channels * depth + 7) // 8):
        return None
    return w, h


def map_bytes(driver):
    """The bytes of the map the page shows (its blob: URL)."""
    b64 = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(document.getElementById('map').src).then(r => r.arrayBuffer()).then(b => {
          let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); },
          e => done(''));""")
    return base64.b64decode(b64)


def renders(driver):
    return int(driver.execute_script("return document.body.dataset.renders || '0'"))


with Server(borderline, "--jobs", "2") as server:
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,800"]:
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {"download.default_directory": downloads,
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    try:
        driver.set_script_timeout(60)
        wait = WebDriverWait(driver, 60)
        driver.get(server.url + "/")
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#style option")) >= 2)
        # Paste: the text arrives in the box at once, as a paste does.
        text = open(os.path.join(samples, "armenia-azerbaijan-syunik.txt")).read()
        driver.execute_script("""const a = document.getElementById('article'); a.value = arguments[0];
                                 a.dispatchEvent(new Event('input', {bubbles: true}));""", text)
        wait.until(lambda d: renders(d) >= 1)
        first = map_bytes(driver)
        info = png_info(first)
        t.check(info == (1600, 1000), "paste: a 1600x1000 map is shown (got %s)" % (info,))
        t.check(driver.find_element(By.ID, "map").get_attribute("alt").startswith(("A map", "Map", "map")) or
                len(driver.find_element(By.ID, "map").get_attribute("alt")) > 20, "map has alt text")
        places = [li.get_attribute("data-id") for li in driver.find_elements(By.CSS_SELECTOR, "#places li")]
        t.check("country:ARM" in places and "country:AZE" in places, "places listed: %s" % places)
        t.check(len(driver.find_elements(By.CSS_SELECTOR, "#claims li input")) >= 1, "claims listed")
        driver.save_screenshot(os.path.join(work, "desk.png"))

        # Drop a country the legend lists: the legend and the map change.
        scene_before = server.request("POST", "/api/render", {"article": text, "format": "scene"})[2]
        import json
        mentioned = [p["country"] for p in json.loads(scene_before)["mentioned"]]
        # Iran: named once, as a country, so dropping it takes it off the
        # legend (the US stays there through Washington).
        victim = "country:IRN"
        t.check(victim in places and "IRN" in mentioned, "the legend's country %s is listed" % victim)
        n = renders(driver)
        box = driver.find_element(By.CSS_SELECTOR, '#places li[data-id="%s"] input[type=checkbox]' % victim)
        box.send_keys(" ")  # by keyboard: space toggles the focused switch
        wait.until(lambda d: renders(d) > n)
        second = map_bytes(driver)
        t.check(png_info(second) == (1600, 1000) and second != first, "drop a place: the map changes")
        scene_after = server.request("POST", "/api/render", {"article": text, "format": "scene",
                                                            "drop_places": [victim]})[2]
        legend_before = json.loads(scene_before)["parties"] + json.loads(scene_before)["mentioned"]
        legend_after = json.loads(scene_after)["parties"] + json.loads(scene_after)["mentioned"]
        t.check(victim[8:] in [p["country"] for p in legend_before] and
                victim[8:] not in [p["country"] for p in legend_after], "drop a place: the legend loses it")
        # The page drew exactly what the API draws for that request.
        api_png = server.request("POST", "/api/render", {"article": text, "format": "png", "size": "1600x1000",
                                                        "drop_places": [victim]})[2]
        t.check(api_png == second, "the page shows the API's map for the dropped place")

        # Title typed -> re-rendered.
        n = renders(driver)
        driver.find_element(By.ID, "title").send_keys("Syunik talks")
        wait.until(lambda d: renders(d) > n)
        map_bytes_before_lang = map_bytes(driver)
        t.check(map_bytes(driver) != second, "title typed: the map changes")

        # Language chosen -> the labels change: the page shows the API's map
        # in French, whose SVG labels Armenia "Arménie".
        n = renders(driver)
        Select(driver.find_element(By.ID, "language")).select_by_value("fr")
        wait.until(lambda d: renders(d) > n)
        third = map_bytes(driver)
        french = {"article": text, "size": "1600x1000", "drop_places": [victim], "title": "Syunik talks", "lang": "fr"}
        api_fr = server.request("POST", "/api/render", dict(french, format="png"))[2]
        svg_fr = server.request("POST", "/api/render", dict(french, format="svg"))[2]
        t.check(third != map_bytes_before_lang and third == api_fr, "language fr: the map changes to the API's French map")
        t.check(">ARMÉNIE<".encode() in svg_fr and b">ARMENIA<" not in svg_fr, "language fr: Armenia labelled ARMÉNIE")

        # Download PNG.
        driver.find_element(By.CSS_SELECTOR, '#downloads button[data-format="png"]').click()
        path = os.path.join(downloads, "map.png")
        deadline = time.time() + 60
        while time.time() < deadline and not (os.path.exists(path) and png_info(open(path, "rb").read())):
            time.sleep(0.2)
        t.check(os.path.exists(path) and png_info(open(path, "rb").read()) == (1600, 1000), "download PNG: valid PNG")
        driver.find_element(By.CSS_SELECTOR, '#downloads button[data-format="scene"]').click()
        path = os.path.join(downloads, "map.scene.json")
        deadline = time.time() + 30
        while time.time() < deadline and not os.path.exists(path):
            time.sleep(0.2)
        time.sleep(0.3)
        t.check(os.path.exists(path) and json.load(open(path))["title"] == "Syunik talks" and
                json.load(open(path))["lang"] == "fr", "download scene JSON (title, language)")
        t.check(not driver.get_log("browser") or all(e["level"] != "SEVERE" for e in driver.get_log("browser")),
                "no errors in the browser console")
    finally:
        driver.quit()
t.finish()
