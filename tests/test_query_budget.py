"""Every page renders in a small, fixed number of queries, however much content there is.

Measured with the full-page cache off. The site frame (phases, steps, footer, settings) is built once per content
change and shared by every page (wegwijzer/structure.py); the budget below is for a page once that frame exists,
and the frame's own build is checked separately: both must stay the same with three times as much content.
"""

import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fases.models import FasePage, StapOrganisatie, StapPage, StapRegeling
from organisaties.models import Organisatie, Regeling, Situatie

pytestmark = pytest.mark.django_db

BUDGET = 12
PAGES = {
    "home": "/",
    "phase": "/beschermen/",
    "step": "/beschermen/opvang/",
    "filtered step": "/beschermen/opvang/?leeftijd=minderjarig&uitbuiting=arbeid",
    "organisation": "/organisaties/comensha/",
    "organisation list": "/organisaties/",
    "regulation": "/rechten-en-regelingen/bedenktijd/",
    "regulation list": "/rechten-en-regelingen/",
    "information page": "/over-ons/",
    "overview": "/overzicht/",
    "route": "/uw-route/?leeftijd=meerderjarig&herkomst=buiten-eu-zonder-verblijf&besproken=1",
    "hand-out reference": "/overzicht/?weergave=volledig",
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def measure(client):
    """(queries to build the frame on the first request, queries per page once it exists)."""
    cache.clear()
    # The first request also reads which query-string keys are situation questions (once per content change).
    cold = count_queries(client, PAGES["filtered step"])
    warm = {name: count_queries(client, url) for name, url in PAGES.items()}
    return cold, warm


def triple_the_content():
    """Twice as many extra organisations, regulations, situations and steps, all linked, all published."""
    nl = {"locale__language_code": "nl"}
    for organisatie in list(Organisatie.objects.filter(**nl)):
        for copy in (1, 2):
            extra = Organisatie.objects.get(pk=organisatie.pk)
            extra.pk = extra.id = None
            extra.translation_key = uuid.uuid4()
            extra.slug = f"{organisatie.slug}-{copy}"
            extra.name = f"{organisatie.name} {copy}"
            extra.save()
            extra.situations.set(organisatie.situations.all())
    for regeling in list(Regeling.objects.filter(**nl)):
        for copy in (1, 2):
            extra = Regeling.objects.get(pk=regeling.pk)
            extra.pk = extra.id = None
            extra.translation_key = uuid.uuid4()
            extra.slug = f"{regeling.slug}-{copy}"
            extra.save()
    for situatie in list(Situatie.objects.filter(**nl)):
        for copy in (1, 2):
            Situatie.objects.create(
                locale=situatie.locale,
                vraag=situatie.vraag,
                slug=f"{situatie.slug}-{copy}",
                name=f"{situatie.name} {copy}",
            )
    extra_organisaties = list(Organisatie.objects.filter(slug__regex=r"-[12]$"))
    extra_regelingen = list(Regeling.objects.filter(slug__regex=r"-[12]$"))
    for phase in FasePage.objects.filter(**nl):
        for original in list(StapPage.objects.child_of(phase)):
            for copy in (1, 2):
                step = StapPage(
                    title=f"{original.title} {copy}", slug=f"{original.slug}-{copy}", summary=original.summary
                )
                phase.add_child(instance=step)
                step.save_revision().publish()
    for step in StapPage.objects.filter(**nl):
        for index, organisatie in enumerate(extra_organisaties[:20]):
            StapOrganisatie.objects.create(stap=step, organisatie=organisatie, sort_order=100 + index)
        for index, regeling in enumerate(extra_regelingen[:20]):
            StapRegeling.objects.create(stap=step, regeling=regeling, sort_order=100 + index)


def test_pages_stay_within_the_query_budget_with_three_times_the_content(client):
    cold, warm = measure(client)
    for name, queries in warm.items():
        assert queries <= BUDGET, f"{name}: {queries} queries"

    triple_the_content()
    assert StapPage.objects.filter(locale__language_code="nl").count() >= 70
    cold_after, warm_after = measure(client)
    assert warm_after == warm, "query counts grew with the amount of content"
    assert cold_after == cold, "building the site frame took more queries with more content"
    print(
        f"\nqueries per page: {warm}; building the site frame: {cold - warm['filtered step']} extra, once per change"
    )
