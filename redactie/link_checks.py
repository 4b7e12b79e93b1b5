"""Checking all external links of the content and keeping the results: used by ``check_links`` and the report."""

from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from .link_checker import CheckOptions, CheckResult, check_url
from .link_sources import LinkUse, collect_links
from .models import LinkCheck


def user_agent() -> str:
    """Names the site and where to find it, so a site owner who sees our requests knows who asks and why."""
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return f"WegwijzerMensenhandel-linkcheck/1.0 (+{home}/; checks links to this site)"


def check_urls(urls, options: CheckOptions, workers: int) -> list[CheckResult]:
    """Checks the addresses in parallel threads (at most ``workers`` at a time), in the order given."""
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(lambda url: check_url(url, options), urls))


def store(results: list[CheckResult]) -> None:
    now = timezone.now()
    for result in results:
        LinkCheck.objects.update_or_create(
            url=result.url,
            defaults={
                "status_code": result.status_code,
                "ok": result.ok,
                "final_url": result.final_url,
                "redirects": result.redirects,
                "error": result.error,
                "checked_at": now,
            },
        )


def check_content_links(options: CheckOptions, workers: int, only=None):
    """Checks every external address in live content (or only the given ones) and stores the results.

    After a full run, results for addresses that no content uses any more are removed, so the report only shows
    what an editor can fix. Returns (results, uses per address).
    """
    uses = collect_links()
    urls = sorted(uses) if only is None else list(dict.fromkeys(only))
    results = check_urls(urls, options, workers)
    store(results)
    if only is None:
        LinkCheck.objects.exclude(url__in=urls).delete()
    return results, uses


def broken_links() -> list[tuple[LinkCheck, list[LinkUse]]]:
    """The addresses that did not work at their last check, with the live content that still uses them."""
    uses = collect_links()
    return [(check, uses[check.url]) for check in LinkCheck.objects.filter(ok=False, url__in=list(uses))]
