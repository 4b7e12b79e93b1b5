"""Admin views for keeping facts current: the "Te controleren" report and the one-click "checked" action."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail_localize.models import Translation

from kern.admin_query import checks_its_own_query
from kern.review_dates import today

from .review_report import can_mark_checked, due_items, mark_checked
from .translation_report import mark_translation_checked, translation_rows

MAX_LOOK_AHEAD = datetime.timedelta(days=3653)  # ten years


@checks_its_own_query
def review_report(request):
    """All content past or within 30 days of its review date, earliest first (``?date=`` to look ahead)."""
    on = None
    if request.GET.get("date"):
        try:
            on = datetime.date.fromisoformat(request.GET["date"])
        except ValueError:
            messages.error(request, _("Give the date as YYYY-MM-DD."))
        else:
            if on > today() + MAX_LOOK_AHEAD:
                # Also keeps the report's own date arithmetic inside the calendar (9999-12-31 + 30 days).
                messages.error(request, _("Give a date at most ten years ahead, as YYYY-MM-DD."))
                on = None
    items = due_items(on)
    return TemplateResponse(
        request,
        "redactie/review_report.html",
        {
            "report_title": _("To review"),
            "report_icon": "date",
            "items": items,
            "on": on,
            "can_check": {id(item): can_mark_checked(request.user, item.obj) for item in items},
        },
    )


@require_POST
def mark_as_checked(request, content_type_id, pk):
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        obj = model.objects.get(pk=pk)
    except Exception as error:  # an unknown content type or object: nothing to mark
        raise Http404 from error
    obj = getattr(obj, "specific", obj)
    if not hasattr(obj, "review_before"):
        raise Http404
    if not can_mark_checked(request.user, obj):
        raise PermissionDenied
    mark_checked(obj, request.user)
    messages.success(
        request,
        _("“%(title)s” is marked as checked; the next check is due on %(date)s.")
        % {
            "title": str(getattr(obj, "title", obj)),
            "date": obj.review_before.strftime("%d-%m-%Y"),
        },
    )
    return redirect("wegwijzer_review_report")


def translation_report(request):
    """Every translation with its state; ``?taal=pl`` for one language, ``?achter=1`` for only those behind."""
    languages = [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    language = request.GET.get("taal", "")
    if language not in dict(languages):
        language = ""
    only_behind = request.GET.get("achter") == "1"
    return TemplateResponse(
        request,
        "redactie/translation_report.html",
        {
            "report_title": _("Translations"),
            "report_icon": "globe",
            "rows": translation_rows(language, only_behind),
            "languages": languages,
            "language": language,
            "only_behind": only_behind,
            "can_check": request.user.has_perm("wegwijzer.add_gecontroleerdevertaling"),
        },
    )


@require_POST
def mark_translation_checked_view(request, translation_id):
    if not request.user.has_perm("wegwijzer.add_gecontroleerdevertaling"):
        raise PermissionDenied
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    translator = request.POST.get("translator", "").strip()[:200]
    if not translator:
        messages.error(request, _("Give the name of the qualified translator who checked the translation."))
    else:
        mark_translation_checked(translation, translator, request.user)
        messages.success(
            request,
            _("The translation of “%(title)s” is marked as checked by %(translator)s.")
            % {"title": translation.source.object_repr, "translator": translator},
        )
    return redirect("wegwijzer_translation_report")
