from pathlib import Path

from django.core.management.base import BaseCommand

from backups.backup import export


class Command(BaseCommand):
    help = (
        "Exports all content (pages, revisions, snippets, settings, users, redirects) and media to a folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory, **options):
        target = export(directory)
        self.stdout.write(self.style.SUCCESS(f"Content written to {target}; media copied beside it."))
