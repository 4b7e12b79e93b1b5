from django.core.management.base import BaseCommand

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Builds the demo site (phases, steps, organisations, regulations, information pages) from wegwijzer/demo/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Remove the demo pages and snippets first and build them anew.",
        )

    def handle(self, *args, reset=False, **options):
        created = DemoLoader(log=self.stdout.write).load(reset=reset)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} items created."))
        else:
            self.stdout.write("Demo content is already there; nothing changed.")
