"""Helplines, shown on every page, say where each number comes from and when it was last confirmed, like
organisations and regulations: on the Contact page in full, and in the editors' report "Te controleren"."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from kern.models import Hulplijn
from kern.review_dates import next_review, today
from redactie.review_report import due_items

pytestmark = pytest.mark.django_db

CHECKED = datetime.date(2026, 12, 3)  # the demo fact check (demo/content/instellingen.yaml)


def test_demo_helplines_carry_their_sources_and_the_date_they_were_confirmed():
    for line in Hulplijn.objects.filter(locale__language_code="nl"):
        assert line.bronnen.exists(), line.name
        assert line.last_checked == CHECKED, line.name  # the fact check, never the day the demo was loaded
        assert line.review_before == next_review(CHECKED)
    anonymous = Hulplijn.objects.get(locale__language_code="nl", name="Meld Misdaad Anoniem")
    assert anonymous.to_check == "Openingstijden van de telefoonlijn"
    assert anonymous.bronnen.first().url == "https://www.politie.nl/themas/meld-misdaad-anoniem.html"


def test_a_translated_helpline_keeps_the_sources_and_check_date_of_the_dutch_one():
    dutch = Hulplijn.objects.get(locale__language_code="nl", name="CoMensha")
    english = Hulplijn.objects.get(locale__language_code="en", translation_key=dutch.translation_key)
    assert [source.url for source in english.bronnen.all()] == [source.url for source in dutch.bronnen.all()]
    assert english.last_checked == dutch.last_checked


def test_the_contact_page_lists_every_helpline_with_its_source_and_check_date(client, soup):
    page = soup(client.get("/contact/"))
    section = page.select_one("section.helplines-in-full")
    assert section is not None
    lines = section.select("section.helpline")
    expected = list(Hulplijn.objects.filter(locale__language_code="nl"))
    assert [line.select_one("h3").get_text(strip=True) for line in lines] == [line.name for line in expected]
    comensha = lines[[line.name for line in expected].index("CoMensha")]
    text = comensha.get_text(" ", strip=True)
    assert "033 448 11 86" in text and "Maandag tot en met vrijdag 9.00-17.00 uur" in text
    assert comensha.select_one("a[href^='https://www.wegwijzermensenhandel.nl/']") is not None
    assert "Laatst gecontroleerd op 3 december 2026" in text


def test_a_helpline_never_checked_says_so_on_the_contact_page(client, soup):
    Hulplijn.objects.filter(locale__language_code="nl", name="Politie").update(last_checked=None)
    page = soup(client.get("/contact/"))
    politie = next(
        line
        for line in page.select("section.helpline")
        if line.select_one("h3").get_text(strip=True) == "Politie"
    )
    assert politie.select_one(".last-checked--pending") is not None
    assert "Laatst gecontroleerd" not in politie.get_text()


def test_other_information_pages_do_not_list_the_helplines_in_full(client, soup):
    assert soup(client.get("/over-ons/")).select_one("section.helplines-in-full") is None


def test_the_english_contact_page_lists_the_english_helplines(client, soup):
    page = soup(client.get("/en/contact/"))
    assert "Advice and shelter" in page.select_one("section.helplines-in-full").get_text()


def test_helplines_due_for_a_check_are_in_the_review_report(admin_client, soup):
    due_on = next_review(CHECKED)
    titles = [item.title for item in due_items(due_on)]
    for line in Hulplijn.objects.filter(locale__language_code="nl"):
        assert str(line) in titles
    assert not {str(line) for line in Hulplijn.objects.all()} & {item.title for item in due_items(CHECKED)}
    response = admin_client.get(reverse("wegwijzer_review_report"), {"date": due_on.isoformat()})
    text = soup(response).get_text(" ", strip=True)
    assert "Meld Misdaad Anoniem (0800-7000)" in text
    assert "Openingstijden van de telefoonlijn" in text  # what is still to check


def test_a_helpline_can_be_marked_as_checked_from_the_report(admin_client, admin_user):
    line = Hulplijn.objects.get(locale__language_code="nl", name="Politie")
    url = reverse("wegwijzer_mark_checked", args=(ContentType.objects.get_for_model(Hulplijn).pk, line.pk))
    assert admin_client.post(url).status_code == 302
    line.refresh_from_db()
    assert line.last_checked == today() and line.checked_by == admin_user


def test_the_helpline_editor_has_a_review_tab_with_the_sources(admin_client, soup):
    line = Hulplijn.objects.get(locale__language_code="nl", name="CoMensha")
    page = soup(admin_client.get(reverse("wagtailsnippets_wegwijzer_hulplijn:edit", args=(line.pk,))))
    assert page.select_one("input[name='bronnen-TOTAL_FORMS']")["value"] == "1"
    assert page.select_one("input[name='last_checked']")["value"] == "2026-12-03"
    assert page.select_one("textarea[name='to_check']") is not None
