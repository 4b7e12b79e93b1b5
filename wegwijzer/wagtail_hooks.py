"""Site-wide things in the admin: the helplines shown on every page."""

from axes.models import AccessAttempt
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, recovery_codes
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
        path("herstelcodes/", recovery_codes.recovery_codes_view, name="wegwijzer_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def recovery_codes_account_item(request):
    return {
        "url": reverse("wegwijzer_recovery_codes"),
        "label": recovery_codes.ACCOUNT_MENU_LABEL,
        "help_text": _("Single-use codes for when you lose your authenticator app."),
    }


class LockoutViewSet(ModelViewSet):
    """Blocked logins (django-axes), visible to administrators; deleting one lifts the block."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Blocked logins")
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = ["username"]
    form_fields = []
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, "edit_url_name": None, **kwargs})


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet("geblokkeerde-inlogpogingen")


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
