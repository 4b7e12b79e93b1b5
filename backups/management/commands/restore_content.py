from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.backup import restore


class Command(BaseCommand):
    help = "Replaces all content in this (migrated) database with a backup made by backup_content."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask; everything now in the database is replaced."
        )

    def handle(self, *args, directory, yes=False, **options):
        if not yes:
            answer = input(
                "Everything in this database will be replaced by the backup. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was changed.")
        try:
            restore(directory)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored from {directory}."))
