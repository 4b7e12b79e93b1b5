"""Editorial work in the admin: the "Te controleren" report, its dashboard panel and the content checks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import views
from .content_checks import use_wegwijzer_checks
from .review_report import due_items


@hooks.register("register_admin_urls")
def review_urls():
    return [
        path("te-controleren/", views.review_report, name="wegwijzer_review_report"),
        path(
            "te-controleren/<int:content_type_id>/<int:pk>/gecontroleerd/",
            views.mark_as_checked,
            name="wegwijzer_mark_checked",
        ),
        path("vertalingen/", views.translation_report, name="wegwijzer_translation_report"),
        path(
            "vertalingen/<int:translation_id>/gecontroleerd/",
            views.mark_translation_checked_view,
            name="wegwijzer_mark_translation_checked",
        ),
    ]


@hooks.register("register_reports_menu_item")
def review_report_menu_item():
    return MenuItem(_("To review"), reverse("wegwijzer_review_report"), icon_name="date", order=50)


@hooks.register("register_reports_menu_item")
def translation_report_menu_item():
    return MenuItem(_("Translations"), reverse("wegwijzer_translation_report"), icon_name="globe", order=60)


class ReviewPanel(Component):
    name = "te_controleren"
    order = 50
    template_name = "redactie/review_panel.html"

    def get_context_data(self, parent_context=None):
        items = due_items()
        return {"count": len(items), "overdue": sum(1 for item in items if item.overdue)}


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels.append(ReviewPanel())


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action("wegwijzer.mark_checked", _("Mark as checked"), _("Marked as checked"))
    actions.register_action(
        "wegwijzer.translation_checked",
        _("Translation checked"),
        _("Translation checked by a qualified translator"),
    )


hooks.register("construct_wagtail_userbar", use_wegwijzer_checks)
