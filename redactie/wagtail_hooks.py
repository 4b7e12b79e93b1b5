"""Editorial work in the admin: the reports "Te controleren" and "Kapotte links", the dashboard panel, the
content checks, and the message that a submitted change waits for an Eindredacteur."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from . import views
from .broken_links_report import BrokenLinksReport
from .content_checks import use_wegwijzer_checks
from .review_report import due_items
from .trust_checks import trust_problems


@hooks.register("register_admin_urls")
def review_urls():
    return [
        path("te-controleren/", views.review_report, name="wegwijzer_review_report"),
        path(
            "te-controleren/<int:content_type_id>/<int:pk>/gecontroleerd/",
            views.mark_as_checked,
            name="wegwijzer_mark_checked",
        ),
        path("kapotte-links/", BrokenLinksReport.as_view(), name="wegwijzer_broken_links"),
        path(
            "kapotte-links/resultaten/",
            BrokenLinksReport.as_view(results_only=True),
            name="wegwijzer_broken_links_results",
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
def broken_links_menu_item():
    return MenuItem(_("Broken links"), reverse("wegwijzer_broken_links"), icon_name="warning", order=51)


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


def warn_about(request, obj, published=False):
    problems = trust_problems(obj)
    if not problems:
        return
    lead = (
        _("Published, but visitors may not be able to trust it:")
        if published
        else _("Before you publish, check this:")
    )
    messages.warning(request, " ".join([str(lead), *problems]))


@hooks.register("before_edit_page")
def warn_before_editing_a_page(request, page):
    if request.method == "GET":
        warn_about(request, page.specific)


@hooks.register("after_publish_page")
def warn_after_publishing_a_page(request, page):
    warn_about(request, page.specific, published=True)


@hooks.register("before_edit_snippet")
def warn_before_editing_a_snippet(request, instance):
    if request.method == "GET":
        warn_about(request, instance)


@hooks.register("after_edit_snippet")
def warn_after_publishing_a_snippet(request, instance):
    if "action-publish" in request.POST:
        warn_about(request, instance, published=True)


def explain_waiting_for_approval(request, obj):
    """After "Submit for review": say plainly that the change is not public yet and who has to approve it.

    Wagtail only says that it "has been submitted for moderation", which editors read as done. The change is in
    fact waiting for an Eindredacteur; until then visitors see the version last published, or nothing when it was
    never published.
    """
    if request.method != "POST" or "action-submit" not in request.POST:
        return
    # Read afresh: the edit view may have cached the object's workflow state before the workflow started.
    if not WorkflowState.objects.for_instance(obj).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists():
        return
    if obj.live:
        visitors = _("Until then visitors see the version that was last published.")
    else:
        visitors = _("Until then visitors do not see it at all.")
    messages.warning(
        request,
        " ".join(
            [
                str(
                    _(
                        "Not public yet: this change waits for approval by an Eindredacteur (final editor). It "
                        "goes on the website only when an Eindredacteur approves it."
                    )
                ),
                str(visitors),
            ]
        ),
    )


@hooks.register("after_edit_page")
def explain_a_submitted_page(request, page):
    explain_waiting_for_approval(request, page)


@hooks.register("after_create_page")
def explain_a_submitted_new_page(request, page):
    explain_waiting_for_approval(request, page)


@hooks.register("after_edit_snippet")
def explain_a_submitted_snippet(request, instance):
    explain_waiting_for_approval(request, instance)


@hooks.register("after_create_snippet")
def explain_a_submitted_new_snippet(request, instance):
    explain_waiting_for_approval(request, instance)
