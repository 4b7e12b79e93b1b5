"""Anonymous visitors get cached pages; editors never do; publishing makes every cached page fresh at once."""

import pytest
from django.core.cache import cache
from wagtail.models import Page

from fases.models import StapPage
from kern.page_cache import PAGE_CACHE_PARAMETERS, data_parameters
from organisaties.models import Organisatie, Situatie, Situatievraag

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_second_anonymous_request_is_served_from_the_cache(client, django_assert_num_queries):
    first = client.get("/beschermen/opvang/")
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/beschermen/opvang/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content


def test_cached_pages_carry_headers_for_a_cdn(client):
    response = client.get("/")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=300" in cache_control
    assert "stale-while-revalidate" in cache_control


def test_publishing_a_page_shows_at_once(client):
    client.get("/beschermen/opvang/")
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    step.title = "Opvang en een veilig huis"
    step.save_revision().publish()
    response = client.get("/beschermen/opvang/")
    assert response["X-Cache"] == "MISS"
    assert "Opvang en een veilig huis" in response.content.decode()


def test_unpublishing_a_page_removes_it_at_once(client):
    assert client.get("/beschermen/opvang/").status_code == 200
    StapPage.objects.get(locale__language_code="nl", slug="opvang").unpublish()
    assert client.get("/beschermen/opvang/").status_code == 404
    assert "Opvang en huisvesting" not in client.get("/beschermen/").content.decode()


def test_publishing_a_snippet_shows_at_once_on_the_pages_that_use_it(client):
    client.get("/beschermen/opvang/")
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    organisatie.phone = "033 000 00 00"
    organisatie.save_revision().publish()
    assert "033 000 00 00" in client.get("/beschermen/opvang/").content.decode()


def test_moving_or_deleting_a_page_shows_at_once(client):
    client.get("/compensatie/")
    step = StapPage.objects.get(locale__language_code="nl", slug="schadefonds")
    url = step.url
    assert f'href="{url}"' in client.get("/compensatie/").content.decode()
    step.delete()
    assert f'href="{url}"' not in client.get("/compensatie/").content.decode()


def test_logged_in_editors_bypass_the_cache(admin_client, client):
    client.get("/beschermen/")
    response = admin_client.get("/beschermen/")
    assert "X-Cache" not in response


def test_odd_query_strings_are_answered_but_not_cached(client):
    response = client.get("/beschermen/?utm_source=x")
    assert response.status_code == 200
    assert "X-Cache" not in response
    assert "X-Cache" not in client.get("/beschermen/?leeftijd=a&leeftijd=b")


def test_filtered_pages_are_cached_per_query(client):
    assert client.get("/?leeftijd=minderjarig")["X-Cache"] == "MISS"
    assert client.get("/?leeftijd=minderjarig")["X-Cache"] == "HIT"
    assert client.get("/?leeftijd=meerderjarig")["X-Cache"] == "MISS"


def test_error_pages_are_not_cached(client):
    client.get("/bestaat-niet/")
    assert "X-Cache" not in client.get("/bestaat-niet/")


def test_cache_survives_a_broken_cache_backend(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert client.get("/").status_code == 200
    assert Page.objects.exists()


@pytest.mark.parametrize("restriction_type", ["login", "groups", "password"])
def test_making_a_page_private_takes_effect_at_once(client, restriction_type):
    """The site's view restrictions are kept per content generation; a new one must apply on the next request."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    phase = Page.objects.get(locale__language_code="nl", slug="beschermen")
    step_url = "/beschermen/opvang/"
    assert "Welke opvang past" in client.get(step_url).content.decode()

    restriction = PageViewRestriction.objects.create(
        page=phase, restriction_type=restriction_type, password="geheim-wachtwoord"
    )
    if restriction_type == "groups":
        restriction.groups.set([Group.objects.get(name="Redacteur")])
    response = client.get(step_url)
    if restriction_type == "password":
        assert response.status_code == 200
        assert b'name="password"' in response.content, "a password form instead of the page"
    else:
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    assert "Welke opvang past" not in response.content.decode(), "the step's content is not shown"

    restriction.delete()
    assert "Welke opvang past" in client.get(step_url).content.decode()


def test_a_new_body_shows_at_once_and_a_contact_card_in_it_follows_its_organisation(client):
    """Page bodies are kept per page version and content generation (includes/page_body.html)."""
    from wagtail.blocks import StreamValue

    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    stream_block = StapPage.body.field.stream_block
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="fairwork")
    assert not step.organisatie_links.filter(organisatie=organisatie).exists(), "only the body shows it"
    step.body = StreamValue(
        stream_block,
        [
            ("paragraph", "<p>Een nieuwe alinea over opvang.</p>"),
            ("contact", {"organisatie": organisatie, "text": "Voor vragen over werk."}),
        ],
    )
    step.save_revision().publish()
    html = client.get("/beschermen/opvang/").content.decode()
    assert "Een nieuwe alinea over opvang." in html
    assert "FairWork" in html

    organisatie.phone = "020 111 22 33"
    organisatie.save_revision().publish()
    assert "020 111 22 33" in client.get("/beschermen/opvang/").content.decode()


def test_a_preview_shows_the_draft_body_not_the_kept_one(admin_client):
    from django.urls import reverse

    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    assert "Welke opvang past" in admin_client.get("/beschermen/opvang/").content.decode()
    draft = StapPage.objects.get(pk=step.pk)
    draft.body = StapPage.body.field.to_python([{"type": "paragraph", "value": "<p>Conceptalinea.</p>"}])
    draft.save_revision()
    response = admin_client.get(
        reverse("wagtailadmin_pages:revisions_view", args=(step.pk, draft.latest_revision_id))
    )
    assert "Conceptalinea." in response.content.decode()


def test_a_changed_helpline_number_shows_on_the_next_request(client):
    """The numbers under "Direct hulp nodig?" are the site's safety feature: a change must never wait."""
    from kern.models import Hulplijn

    assert client.get("/beschermen/opvang/")["X-Cache"] == "MISS"
    assert client.get("/beschermen/opvang/")["X-Cache"] == "HIT"
    helpline = Hulplijn.objects.filter(locale__language_code="nl").first()
    helpline.number = "0800 123 45 67"
    helpline.save()
    for path in ("/", "/beschermen/opvang/"):
        assert "0800 123 45 67" in client.get(path).content.decode()


def add_question():
    nl = Situatievraag.objects.get(locale__language_code="nl", slug="leeftijd").locale
    vraag = Situatievraag.objects.create(locale=nl, slug="gezin", label="Gezin", sort_order=9)
    Situatie.objects.create(locale=nl, vraag=vraag, slug="met-kinderen", name="Met kinderen")
    return vraag


def test_the_situation_questions_are_keyed_from_the_editors_data_not_from_code(client):
    assert not {"leeftijd", "herkomst", "uitbuiting"} & set(PAGE_CACHE_PARAMETERS)
    assert data_parameters()["leeftijd"] == {"minderjarig", "meerderjarig"}
    assert "met-kinderen" not in data_parameters().get("gezin", ())
    vraag = add_question()
    assert data_parameters()["gezin"] == {"met-kinderen"}
    assert client.get("/?gezin=met-kinderen")["X-Cache"] == "MISS"
    assert client.get("/?gezin=met-kinderen")["X-Cache"] == "HIT"
    assert client.get("/?gezin=met-kinderen&leeftijd=minderjarig")["X-Cache"] == "MISS"
    for query in ("?gezin=zonder-kinderen", "?gezin=MET-KINDEREN", "?gezin=met-kinderen&gezin=met-kinderen"):
        response = client.get("/" + query)
        assert response.status_code == 200
        assert "X-Cache" not in response, query
    vraag.delete()
    response = client.get("/?gezin=met-kinderen")
    assert response.status_code == 200 and "X-Cache" not in response, "a deleted question is no longer a page"


def test_the_valid_situations_are_read_once_per_content_generation(django_assert_num_queries):
    data_parameters()
    with django_assert_num_queries(0):
        assert "leeftijd" in data_parameters()
