"""The organisations and regulations in the admin: list columns, search, filters and ordering."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Dienst, Doelgroep, Organisatie, Regeling, Situatie


class OrganisatieFilterSet(WagtailFilterSet):
    services = django_filters.ModelMultipleChoiceFilter(
        queryset=Dienst.objects.all(), label=_("Services offered")
    )

    class Meta:
        model = Organisatie
        fields = ["live", "coverage", "always_available", "services", "locale"]


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


class SituatieViewSet(SnippetViewSet):
    model = Situatie
    icon = "tag"
    menu_label = _("Situations")
    list_display = ["name", "dimension", "slug", "sort_order"]
    list_filter = ["dimension"]
    ordering = ["dimension", "sort_order", "name"]


class OrganisatiesViewSetGroup(SnippetViewSetGroup):
    items = (OrganisatieViewSet, RegelingViewSet, DienstViewSet, DoelgroepViewSet, SituatieViewSet)
    menu_icon = "group"
    menu_label = _("Who helps")
    menu_name = "who-helps"


register_snippet(OrganisatiesViewSetGroup)
