"""``manage.py load_gemeenten --csv FILE [--aliases FILE]``: update the municipalities after a reorganisation."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from organisaties.gemeenten_import import InvalidFile, read_gemeenten, read_gemeentenamen, update_gemeenten


class Command(BaseCommand):
    help = (
        "Updates the municipalities from a CSV with the header code,naam,provincie (the CBS list) and, with "
        "--aliases, their other names from a CSV with the header naam,code,soort. Reports what was added, renamed "
        "and removed; a municipality that a region still covers is kept and reported."
    )

    def add_arguments(self, parser):
        parser.add_argument("--csv", required=True, type=Path, help="CSV with code,naam,provincie.")
        parser.add_argument("--aliases", type=Path, help="CSV with naam,code,soort (voormalig or roepnaam).")

    def handle(self, *args, csv, aliases=None, **options):
        try:
            rows = read_gemeenten(csv)
            other_names = read_gemeentenamen(aliases) if aliases else None
            report = update_gemeenten(rows, other_names)
        except (OSError, InvalidFile) as error:
            raise CommandError(f"Nothing changed: {error}") from error
        for line in report.added:
            self.stdout.write(f"Added: {line}")
        for code, old, new in report.renamed:
            self.stdout.write(f"Renamed: {code} {old} -> {new}")
        for code, old, new in report.moved:
            self.stdout.write(f"Province changed: {code} {old} -> {new}")
        for line in report.removed:
            self.stdout.write(f"Removed: {line}")
        for line, regios in report.kept_in_use:
            self.stdout.write(
                self.style.WARNING(
                    f"Not removed: {line} is not in the file but regions still cover it ({', '.join(regios)}). "
                    "Move it to the new municipality in those regions, then run this command again."
                )
            )
        if aliases:
            self.stdout.write(f"Other names: {report.other_names} added or removed.")
        summary = (
            f"{len(report.added)} added, {len(report.renamed)} renamed, {len(report.moved)} moved to another "
            f"province, {len(report.removed)} removed, {len(report.kept_in_use)} kept because regions use them."
        )
        self.stdout.write(
            self.style.SUCCESS(summary) if not report.kept_in_use else self.style.WARNING(summary)
        )
