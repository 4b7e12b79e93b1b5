"""The two-language hand-out on paper, printed in Chromium: Dutch with Arabic, Polish or English stays within its
page limits, marks each part with its language, never names the subject in either language in the discreet
version, and has the first number to call on the first sheet. With a municipality, its help is on the first sheet
and the hand-out still fits on two."""

import os
import re
import shutil
import subprocess

import pytest

from fases.handout import mentions_discreet_word

from .test_handout import page_count, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = os.environ.get("WEGWIJZER_SCREENSHOTS")  # a folder: keep the PDFs and PNG renders there to look at
PDFTOPPM = shutil.which("pdftoppm")
ADULT_NON_EU = "?leeftijd=meerderjarig&herkomst=buiten-eu-zonder-verblijf&uitbuiting=arbeid"
# Two sheets where the second language has little text yet; four at most when everything is translated.
MOST_PAGES = {"ar": 4, "pl": 4, "en": 4}


def keep(path, name):
    if SHOTS:
        shutil.copy(path, os.path.join(SHOTS, f"{name}.pdf"))
        if PDFTOPPM:
            subprocess.run([PDFTOPPM, "-r", "70", "-png", str(path), os.path.join(SHOTS, name)], check=True)


@pytest.mark.parametrize("language", MOST_PAGES)
def test_the_two_language_hand_out_keeps_to_its_pages_and_its_discretion(
    page, site_server, tmp_path, language
):
    response = page.goto(f"{site_server}/overzicht/{ADULT_NON_EU}&tweede_taal={language}")
    assert "set-cookie" not in {key.lower() for key in response.headers}
    sheet = page.locator(".handout")
    assert sheet.locator("[lang=nl]").count() and sheet.locator(f"[lang={language}]").count()
    direction = "rtl" if language == "ar" else "ltr"
    second = sheet.locator(f".handout__second[lang={language}]").first
    assert second.evaluate("el => getComputedStyle(el).direction") == direction
    for phone in sheet.locator(".handout-contacts__phone").all():
        assert phone.evaluate("el => getComputedStyle(el).direction") == "ltr"
    first_phone = sheet.locator(".handout-contacts__phone").first.inner_text()
    path = tmp_path / "hand-out.pdf"
    pdf = page.pdf(format="A4", path=path)
    keep(path, f"hand-out-nl-{language}")
    pages = page_count(pdf)
    print(f"nl+{language}: {pages} page(s)")
    assert 1 <= pages <= MOST_PAGES[language]
    text = pdf_text(path)
    assert not mentions_discreet_word(text), "neither language names the subject"
    assert "mensenhandel" not in text.lower() and "human trafficking" not in text.lower()
    assert not mentions_discreet_word(sheet.inner_text())
    assert first_phone in pdf_text(path, 1, 1), "the first number to call is on the first sheet"
    assert "http" not in text


def test_side_by_side_on_landscape_paper(page, site_server, tmp_path):
    page.goto(f"{site_server}/overzicht/{ADULT_NON_EU}&tweede_taal=en")
    path = tmp_path / "hand-out.pdf"
    pdf = page.pdf(format="A4", landscape=True, path=path)
    keep(path, "hand-out-nl-en-landscape")
    assert page_count(pdf) <= 4
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 1100, "height": 780})  # A4 landscape at 96 dpi, less the margins
    pair = page.locator(".handout-steps .handout-pair:has(.handout__second)").first
    dutch, english = pair.locator("p.handout-steps__text").all()
    assert dutch.bounding_box()["y"] == english.bounding_box()["y"], "the languages stand side by side"
    assert english.bounding_box()["x"] > dutch.bounding_box()["x"]
    page.set_viewport_size({"width": 700, "height": 1000})  # A4 portrait: paragraph by paragraph
    assert (
        english.bounding_box()["y"] > dutch.bounding_box()["y"]
        and english.bounding_box()["x"] == dutch.bounding_box()["x"]
    )


def test_the_hand_out_names_who_helps_in_the_chosen_municipality_on_the_first_sheet(
    page, site_server, tmp_path
):
    page.goto(f"{site_server}/overzicht/{ADULT_NON_EU}&gemeente=GM0014")
    path = tmp_path / "hand-out.pdf"
    pdf = page.pdf(format="A4", path=path)
    keep(path, "hand-out-groningen")
    assert page_count(pdf) <= 2
    first = re.sub(r"\s+", " ", pdf_text(path, 1, 1))
    assert "Wie helpt in Groningen" in first
    assert "Politie-eenheid Noord-Nederland" in first and "0900-8844" in first
    assert "mensenhandel" not in pdf_text(path).lower()
