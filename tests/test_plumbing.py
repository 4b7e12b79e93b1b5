"""The fixed addresses a public site serves: sitemap, robots.txt, security.txt, and redirects for renamed pages."""

import datetime
from xml.etree import ElementTree

import pytest
from wagtail.models import Page

from fases.models import StapPage
from organisaties.models import Organisatie

pytestmark = pytest.mark.django_db


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(client):
    """The page addresses in the sitemap, read with an XML parser so a malformed sitemap fails here too."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    return [loc.text for loc in root.iter(f"{SITEMAP_NS}loc")]


def test_sitemap_lists_every_live_page_in_every_language_and_no_draft(client):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    step.unpublish()
    draft = StapPage(title="Nog niet klaar", slug="nog-niet-klaar", summary="Concept.")
    step.get_parent().add_child(instance=draft)
    draft.unpublish()
    urls = sitemap_urls(client)
    live_pages = Page.objects.live().public().filter(depth__gt=1)
    for page in live_pages:
        assert f"http://testserver{page.url}" in urls, page.url
    assert "http://testserver/beschermen/opvang/" not in urls
    assert not any("nog-niet-klaar" in url for url in urls)
    assert "http://testserver/en/protection/shelter-and-housing/" in urls
    assert "http://testserver/organisaties/comensha/" in urls
    assert "http://testserver/en/organisaties/comensha/" in urls
    assert len(urls) == len(set(urls))


def test_sitemap_leaves_out_snippets_that_are_not_live(client):
    Organisatie.objects.filter(slug="fairwork").update(live=False)
    assert not any("/fairwork/" in url for url in sitemap_urls(client))


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_security_txt_follows_rfc_9116(client, settings):
    settings.SECURITY_TXT = {"CONTACT": ["mailto:security@example.nl"], "POLICY": "", "EXPIRES": None}
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:security@example.nl"
    expires = datetime.datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    remaining = expires - datetime.datetime.now(datetime.UTC)
    assert datetime.timedelta(days=1) < remaining < datetime.timedelta(days=365)
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"


def test_security_txt_is_not_served_without_a_contact(client, settings):
    settings.SECURITY_TXT = {"CONTACT": [], "POLICY": "", "EXPIRES": None}
    assert client.get("/.well-known/security.txt").status_code == 404


def test_a_renamed_page_keeps_its_old_address_working(client, django_capture_on_commit_callbacks):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    step.slug = "opvang-en-wonen"
    with django_capture_on_commit_callbacks(
        execute=True
    ):  # Wagtail makes the redirect once the change is saved
        step.save_revision().publish()
    response = client.get("/beschermen/opvang/")
    assert response.status_code == 301
    assert response["Location"].endswith("/beschermen/opvang-en-wonen/")
    assert client.get("/beschermen/opvang-en-wonen/").status_code == 200


def test_pages_carry_a_description_open_graph_tags_and_a_canonical_url(client, soup):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    page = soup(client.get(step.url + "?leeftijd=minderjarig"))
    assert page.select_one('meta[name="description"]')["content"] == step.summary
    assert page.select_one('link[rel="canonical"]')["href"] == f"http://testserver{step.url}"
    assert page.select_one('meta[property="og:title"]')["content"] == step.title
    assert page.select_one('meta[property="og:url"]')["content"] == f"http://testserver{step.url}"
    organisation = soup(client.get("/organisaties/comensha/"))
    assert (
        organisation.select_one('link[rel="canonical"]')["href"] == "http://testserver/organisaties/comensha/"
    )
