"""The test suite: SQLite in memory unless DATABASE_URL points at PostgreSQL."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_AUTOREFRESH = True
# Tests change content inside transactions that are rolled back; a page cache would outlive them. The cache's own
# tests switch it on.
PAGE_CACHE_SECONDS = 0
# Tests log editors in directly; the two-factor tests switch it on.
WAGTAIL_2FA_REQUIRED = False
