"""Local development: `make run`. Debug pages stay off unless DJANGO_DEBUG=1, so a visitor sees the site's own
404 and 500 pages, as in production."""

from .base import *  # noqa: F403
from .environment import env_bool, env_list, env_str

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "development-only-key-not-for-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "*")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Locally the printed superuser logs in with a password only; set WAGTAIL_2FA_REQUIRED=1 to try two-factor login.
WAGTAIL_2FA_REQUIRED = env_bool("WAGTAIL_2FA_REQUIRED", False)

# Serve static files straight from static/ without collectstatic, also when DEBUG is off.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
