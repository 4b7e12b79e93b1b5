"""The public change log "Wat is er veranderd": a page (newest first, paginated) and the same as an Atom feed.

Both show the entries in the visitor's language (the URL prefix). Nothing is stored about the visitor and nothing
sets a cookie, so the page cache and the strict content security policy apply as on every public page.
"""

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .models import Wijziging

ENTRIES_PER_PAGE = 20
FEED_ENTRIES = 50


def entries_in_language():
    return Wijziging.objects.filter(language=get_language())


@require_safe
def change_log(request):
    page_obj = Paginator(entries_in_language(), ENTRIES_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "redactie/change_log.html",
        {"page_obj": page_obj, "trail": [(None, _("What has changed"))]},
    )


class ChangeLogFeed(Feed):
    """Atom 1.0: every entry has a permanent unique id (a tag URI), a title, a date and the change note."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        site = Site.find_for_request(request)
        self.authority = site.hostname if site is not None else request.get_host().split(":")[0]
        return None

    def title(self):
        return _("Human Trafficking Signpost: what has changed")

    def subtitle(self):
        return _("Changes to rights and regulations, organisations and steps that matter to professionals.")

    def link(self):
        return reverse("change_log")

    def feed_url(self):
        return reverse("change_log_feed")

    def author_name(self):
        return _("Human Trafficking Signpost")

    def items(self):
        return entries_in_language()[:FEED_ENTRIES]

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.title}"

    def item_description(self, item):
        return item.note

    def item_link(self, item):
        return item.url or reverse("change_log")

    def item_guid(self, item):
        return f"tag:{self.authority},{item.published_at:%Y-%m-%d}:wijziging-{item.pk}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.get_kind_display()]
