"""Site-wide things in the admin: the helplines shown on every page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Hulplijn
from .reviews import due_items


class HulplijnViewSet(SnippetViewSet):
    model = Hulplijn
    icon = "mail"
    menu_label = _("Helplines")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "number", "description", "locale"]
    list_filter = ["locale"]
    sort_order_field = "sort_order"


register_snippet(HulplijnViewSet)


@hooks.register("register_admin_urls")
def review_urls():
    return [
        path("te-controleren/", admin_views.review_report, name="wegwijzer_review_report"),
        path(
            "te-controleren/<int:content_type_id>/<int:pk>/gecontroleerd/",
            admin_views.mark_as_checked,
            name="wegwijzer_mark_checked",
        ),
    ]


@hooks.register("register_reports_menu_item")
def review_report_menu_item():
    return MenuItem(_("To review"), reverse("wegwijzer_review_report"), icon_name="date", order=50)


class ReviewPanel(Component):
    name = "te_controleren"
    order = 50
    template_name = "wegwijzer/admin/review_panel.html"

    def get_context_data(self, parent_context=None):
        items = due_items()
        return {"count": len(items), "overdue": sum(1 for item in items if item.overdue)}


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels.append(ReviewPanel())


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action("wegwijzer.mark_checked", _("Mark as checked"), _("Marked as checked"))
