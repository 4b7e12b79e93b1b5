"""The hand-out on paper: printed in Chromium, each of six situations fits on two A4 sheets, the discreet version
never says what it is about, and the first number to call is on the first sheet. Ticks on the route survive a reload."""

import os
import re
import shutil
import subprocess

import pytest

from tests.test_route import SITUATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PDFTOTEXT = shutil.which("pdftotext")
SHOTS = os.environ.get(
    "WEGWIJZER_SCREENSHOTS"
)  # a folder: also keep the PDFs and screenshots there to look at


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def pdf_text(path, first=None, last=None) -> str:
    if PDFTOTEXT is None:
        pytest.fail(
            "pdftotext (Debian's poppler-utils) is needed to read the printed hand-out", pytrace=False
        )
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(
        [PDFTOTEXT, "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("name", SITUATIONS)
def test_the_discreet_hand_out_fits_on_two_sheets(page, site_server, tmp_path, name):
    query = SITUATIONS[name][0]
    response = page.goto(site_server + "/overzicht/" + query)
    assert "set-cookie" not in {key.lower() for key in response.headers}
    first_phone = page.locator(".handout-contacts__phone").first.inner_text()
    path = tmp_path / "hand-out.pdf"
    pdf = page.pdf(format="A4", path=path)
    if SHOTS:
        shutil.copy(path, os.path.join(SHOTS, re.sub(r"\W+", "-", name) + ".pdf"))
    pages = page_count(pdf)
    print(f"{name}: {pages} page(s)")
    assert 1 <= pages <= 2
    text = pdf_text(path)
    assert "mensenhandel" not in text.lower()
    assert "Afspraken en telefoonnummers" in text
    assert first_phone in pdf_text(path, 1, 1), "the first number to call is on the first sheet"
    assert "http" not in text


def test_ticks_survive_a_reload(page, site_server):
    page.goto(site_server + "/uw-route/?leeftijd=minderjarig&herkomst=nederlands")
    box = page.locator(".route-step input[name=besproken]").nth(2)
    value = box.get_attribute("value")
    box.check()
    assert f"besproken={value}" in page.url, "the tick goes into the address without a request"
    page.reload()
    assert page.locator(f"#besproken-{value}").is_checked()
    assert page.locator(".route-step input[name=besproken]:checked").count() == 1
    assert page.context.cookies() == []


def test_screenshots_of_the_route_and_the_hand_out(chromium, site_server):
    """Laptop and phone views, kept when WEGWIJZER_SCREENSHOTS names a folder (to look at them)."""
    query = "?leeftijd=meerderjarig&herkomst=buiten-eu-zonder-verblijf&uitbuiting=arbeid"
    for label, viewport in (
        ("laptop", {"width": 1280, "height": 900}),
        ("phone", {"width": 390, "height": 844}),
    ):
        context = chromium.new_context(viewport=viewport, locale="nl-NL")
        page = context.new_page()
        for name, path in (("route", "/uw-route/"), ("hand-out", "/overzicht/")):
            page.goto(site_server + path + query)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 1, f"{name} on a {label} scrolls sideways"
            if SHOTS:
                page.screenshot(path=os.path.join(SHOTS, f"{name}-{label}.png"), full_page=True)
        context.close()
