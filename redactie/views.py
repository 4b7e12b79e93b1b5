"""Admin views for keeping facts current: the "Te controleren" report and the one-click "checked" action."""

import datetime

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kern.review_dates import today

from .review_report import can_mark_checked, due_items, mark_checked

MAX_LOOK_AHEAD = datetime.timedelta(days=3653)  # ten years


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
