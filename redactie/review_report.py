"""What needs checking: every page and snippet (helplines too) whose review date has passed or comes within 30 days.

Used by the admin report "Te controleren", the dashboard panel and the daily ``review_due`` command, so all three
always show the same list. Marking an item as checked is one action that records who and when.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import Page

from fases.models import FasePage, StapPage
from kern.invalidation import invalidate
from kern.models import Hulplijn, InformatiePagina
from kern.review_dates import next_review, today
from organisaties.models import Organisatie, Regeling

DUE_WITHIN = datetime.timedelta(days=30)


@dataclass
class ReviewItem:
    obj: object
    kind: str
    title: str
    review_before: datetime.date | None
    last_checked: datetime.date | None
    owner: object
    edit_url: str
    language: str
    on: datetime.date

    @property
    def overdue(self) -> bool:
        return self.review_before is None or self.review_before < self.on

    @property
    def content_type_id(self) -> int:
        return ContentType.objects.get_for_model(self.obj).pk


def reviewed_models():

    return [StapPage, FasePage, InformatiePagina, Organisatie, Regeling, Hulplijn]


def due_items(on: datetime.date | None = None, within: datetime.timedelta = DUE_WITHIN) -> list[ReviewItem]:
    """Live content never checked, or whose review date is before ``on`` + 30 days; unchecked first, then earliest."""

    on = on or today()
    limit = on + within
    items = []
    for model in reviewed_models():
        # Helplines have no drafts: every one of them is shown on every page, so every one counts.
        published = {"live": True} if any(field.name == "live" for field in model._meta.fields) else {}
        queryset = model.objects.filter(
            Q(review_before__lte=limit) | Q(last_checked__isnull=True), **published
        ).select_related("locale")
        if issubclass(model, Page):
            queryset = queryset.select_related("owner")
            for page in queryset:
                edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
                items.append(_item(page, page.title, page.owner, edit_url, on))
        else:
            opts = model._meta
            with_revisions = any(field.name == "latest_revision" for field in opts.fields)
            if with_revisions:
                queryset = queryset.select_related("latest_revision__user")
            for snippet in queryset:
                revision = snippet.latest_revision if with_revisions else None
                edit_url = reverse(
                    f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=(snippet.pk,)
                )
                items.append(_item(snippet, str(snippet), revision.user if revision else None, edit_url, on))
    return sorted(items, key=lambda item: (item.review_before or datetime.date.min, item.title))


def _item(obj, title, owner, edit_url, on) -> ReviewItem:
    return ReviewItem(
        obj=obj,
        kind=str(obj._meta.verbose_name).capitalize(),
        title=title,
        review_before=obj.review_before,
        last_checked=obj.last_checked,
        owner=owner,
        edit_url=edit_url,
        language=obj.locale.language_code,
        on=on,
    )


def can_mark_checked(user, obj) -> bool:

    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    opts = obj._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def mark_checked(obj, user, on: datetime.date | None = None) -> None:
    """Record that ``user`` checked the facts of ``obj`` today; the next check is due in six months.

    The live version is updated directly (this is not a content change needing review), and so is a pending
    draft, so that publishing the draft later does not bring back the old dates.
    """
    checked = on or today()
    values = {"last_checked": checked, "review_before": next_review(checked), "checked_by": user}
    type(obj).objects.filter(pk=obj.pk).update(**values)
    for field, value in values.items():
        setattr(obj, field, value)
    revision = getattr(obj, "latest_revision", None)
    if revision is not None and getattr(obj, "has_unpublished_changes", False):
        revision.content.update(
            last_checked=checked.isoformat(),
            review_before=values["review_before"].isoformat(),
            checked_by=user.pk,
        )
        revision.save(update_fields=["content"])
    log(instance=obj, action="wegwijzer.mark_checked", user=user)
    invalidate()
