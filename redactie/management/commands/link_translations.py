"""Makes translations made before wagtail-localize (same translation key as the Dutch original) visible in it."""

from django.core.management.base import BaseCommand

from kern.translation_records import link_all_translations


class Command(BaseCommand):
    help = (
        "Records every existing translation of a Dutch page or snippet in wagtail-localize, with its texts as "
        "segment translations, so editors see its status and can export it as a PO file. Changes no content."
    )

    def handle(self, *args, **options):
        link_all_translations(log=self.stdout.write)
