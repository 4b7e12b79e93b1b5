"""The organisations and regulations in the admin: list columns, search, filters and ordering; and the situation
questions as parameters the page cache keys on (kern/page_cache.py, DATA_PARAMETERS_HOOK)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kern.page_cache import DATA_PARAMETERS_HOOK

from .forms import content_locale
from .models import (
    Dienst,
    Doelgroep,
    Gemeente,
    Organisatie,
    Regeling,
    Regio,
    Regiotype,
    Situatie,
    Situatievraag,
)
from .selection import situation_questions


@hooks.register(DATA_PARAMETERS_HOOK)
def situation_parameters(request=None):
    """Each situation question's slug with its answers: ``?leeftijd=minderjarig`` is a page of its own."""
    return situation_questions()


def services_in_content_language(request):
    return Dienst.objects.filter(locale=content_locale(request))


class OrganisatieFilterSet(WagtailFilterSet):
    services = django_filters.ModelMultipleChoiceFilter(
        queryset=services_in_content_language, label=_("Services offered")
    )

    class Meta:
        model = Organisatie
        fields = ["live", "soort", "coverage", "always_available", "services", "locale"]


class OrganisatieViewSet(SnippetViewSet):
    model = Organisatie
    icon = "group"
    menu_label = _("Organisations")
    list_display = [
        "name",
        "phone",
        BooleanColumn("always_available", label=_("24/7")),
        DateColumn("last_checked", label=_("Last checked")),
        "live",
    ]
    list_export = [
        "name",
        "slug",
        "phone",
        "email",
        "website",
        "opening_hours",
        "always_available",
        "last_checked",
    ]
    filterset_class = OrganisatieFilterSet
    ordering = ["name"]
    list_per_page = 50


class RegelingViewSet(SnippetViewSet):
    model = Regeling
    icon = "doc-full"
    menu_label = _("Rights and regulations")
    list_display = [
        "title",
        "legal_basis",
        DateColumn("last_checked", label=_("Last checked")),
        "live",
    ]
    list_export = ["title", "slug", "legal_basis", "source_url", "last_checked"]
    list_filter = ["live", "locale"]
    ordering = ["title"]
    list_per_page = 50


class DienstViewSet(SnippetViewSet):
    model = Dienst
    icon = "tag"
    menu_label = _("Services")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class DoelgroepViewSet(SnippetViewSet):
    model = Doelgroep
    icon = "user"
    menu_label = _("Audiences")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class SituatievraagViewSet(SnippetViewSet):
    model = Situatievraag
    icon = "help"
    menu_label = _("Situation questions")
    list_display = ["label", "slug", "sort_order"]
    ordering = ["sort_order", "slug"]


class SituatieViewSet(SnippetViewSet):
    model = Situatie
    icon = "tag"
    menu_label = _("Situations")
    list_display = ["name", "vraag", "slug", "sort_order"]
    list_filter = ["vraag"]
    ordering = ["vraag__sort_order", "vraag__slug", "sort_order", "name"]


class RegioViewSet(SnippetViewSet):
    model = Regio
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "regiotype", "status", DateColumn("last_checked", label=_("Last checked"))]
    list_filter = ["regiotype", "status"]
    list_export = ["name", "slug", "regiotype", "status", "phone", "last_checked"]
    search_fields = ["name"]
    ordering = ["regiotype__sort_order", "name"]
    list_per_page = 50


class RegiotypeViewSet(SnippetViewSet):
    model = Regiotype
    icon = "list-ul"
    menu_label = _("Region types")
    list_display = ["name", "slug", "sort_order", "fallback_phone"]
    ordering = ["sort_order", "name"]


class GemeenteViewSet(SnippetViewSet):
    """Read-mostly: the list comes from the CBS through ``manage.py load_gemeenten``; editors may add other
    names (former municipalities, names people use) but not the code."""

    model = Gemeente
    icon = "home"
    menu_label = _("Municipalities")
    list_display = ["name", "code", "provincie"]
    list_filter = ["provincie"]
    list_export = ["code", "name", "provincie"]
    search_fields = ["name", "code"]
    ordering = ["name"]
    list_per_page = 100


class OrganisatiesViewSetGroup(SnippetViewSetGroup):
    items = (
        OrganisatieViewSet,
        RegelingViewSet,
        DienstViewSet,
        DoelgroepViewSet,
        SituatievraagViewSet,
        SituatieViewSet,
        RegioViewSet,
        RegiotypeViewSet,
        GemeenteViewSet,
    )
    menu_icon = "group"
    menu_label = _("Who helps")
    menu_name = "who-helps"


register_snippet(OrganisatiesViewSetGroup)
