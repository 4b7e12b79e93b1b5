"""A superuser for local development, created without prompting; its password is printed once."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Creates the development superuser 'admin' with a random password, if no superuser exists yet."

    def handle(self, *args, **options):
        if not settings.DEBUG and "dev" not in settings.SETTINGS_MODULE:
            raise CommandError("Only for development settings: never create a known account in production.")
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin login: the superuser already exists (its password was printed when it was made; "
                "reset it with: .venv/bin/python manage.py changepassword admin)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username="admin", email="admin@localhost", password=password)
        line = "=" * 64
        self.stdout.write(
            f"{line}\nAdmin login (shown once): username 'admin', password '{password}'\n{line}"
        )
