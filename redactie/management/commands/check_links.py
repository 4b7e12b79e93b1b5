"""Checks every external link in published content and stores the result: for a daily scheduled job."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from redactie.link_checker import CheckOptions, is_web_address
from redactie.link_checks import check_content_links, user_agent


class Command(BaseCommand):
    help = (
        "Checks every external web address in live pages, organisations, regulations and their sources "
        "(HEAD, then GET; redirects followed) and stores the result for the report 'Kapotte links'."
    )

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="*", help="Check only these addresses (default: all in content).")
        parser.add_argument("--timeout", type=float, help="Seconds to wait for each server.")
        parser.add_argument("--workers", type=int, help="How many addresses to check at the same time.")

    def handle(self, *args, urls=(), timeout=None, workers=None, **options):
        if timeout is not None and timeout <= 0:
            raise CommandError("--timeout must be more than 0 seconds.")
        if workers is not None and not 1 <= workers <= 32:
            raise CommandError("--workers must be between 1 and 32.")
        not_web = [url for url in urls if not is_web_address(url)]
        if not_web:
            raise CommandError(f"Only http and https addresses can be checked, not: {', '.join(not_web)}")
        check_options = CheckOptions.from_settings(user_agent(), timeout=timeout)
        # Error texts are stored for editors, in the site's language.
        with translation.override(settings.LANGUAGE_CODE):
            results, uses = check_content_links(
                check_options, workers or settings.LINK_CHECK_WORKERS, only=list(urls) or None
            )
        broken = [result for result in results if not result.ok]
        for result in broken:
            self.stdout.write(f"KAPOT     {result.url}  {result.error}")
            for use in uses.get(result.url, []):
                self.stdout.write(f"          in {use.kind}: {use.title} [{use.language}] ({use.field})")
        for result in results:
            if result.ok and result.redirects:
                self.stdout.write(f"DOORGEST. {result.url} -> {result.final_url}")
        self.stdout.write(
            f"{len(results)} links gecontroleerd: {len(results) - len(broken)} werken, {len(broken)} kapot."
        )
