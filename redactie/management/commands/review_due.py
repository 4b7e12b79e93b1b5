"""Prints (and can e-mail) the content that must be checked: for a daily scheduled job."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from redactie.review_report import DUE_WITHIN, due_items


class Command(BaseCommand):
    help = "Lists pages, organisations and regulations whose review date has passed or comes within 30 days."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Check as on this date (YYYY-MM-DD); default today.")
        parser.add_argument(
            "--days", type=int, default=DUE_WITHIN.days, help="Include items due within this many days."
        )
        parser.add_argument("--mail-to", nargs="*", default=[], help="E-mail the list to these addresses.")

    def handle(self, *args, date=None, days=30, mail_to=(), **options):
        try:
            on = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date must look like 2026-12-31, not {date!r}") from error
        with translation.override(settings.LANGUAGE_CODE):
            items = due_items(on, datetime.timedelta(days=days))
            lines = [
                f"{_when(item)}  {'TE LAAT' if item.overdue else 'binnenkort'}  {item.kind}: {item.title} "
                f"[{item.language}]  {settings.WAGTAILADMIN_BASE_URL}{item.edit_url}"
                for item in items
            ]
        report = "\n".join(lines) if lines else "Niets te controleren."
        self.stdout.write(report)
        if mail_to:
            send_mail(
                subject=f"Wegwijzer: {len(items)} items te controleren",
                message=report,
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=list(mail_to),
            )
            self.stdout.write(f"Sent to {', '.join(mail_to)}.")


def _when(item) -> str:
    return f"{item.review_before:%Y-%m-%d}" if item.last_checked else "nooit gecontroleerd"
