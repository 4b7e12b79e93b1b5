"""Settings shared by every environment. Nothing secret lives here; see environment.py."""

import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from .environment import env_bool, env_int, env_list, env_str
from .proxies import visitor_address_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The project's apps, in layers (docs/architecture.md): features, then the domain, then the bottom app.
    "api",
    "beveiliging",  # before wagtail_2fa: its two-factor login form is found first
    "redactie",
    "zoeken",
    "demo",
    "backups",
    "fases",
    "organisaties",
    "kern",
    "rest_framework",
    "drf_spectacular",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    # Translations per segment with status, PO export and import (wagtail-localize), instead of simple_translation:
    # its old permission is taken from the roles by migration wegwijzer.0007 (where it exists) and otherwise unused.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "beveiliging.content_security_policy.ContentSecurityPolicyMiddleware",
    "beveiliging.referrer_policy.ReferrerPolicyMiddleware",
    "kern.page_cache.PageCacheMiddleware",
    # Behind the page cache: what gets here is a render, and a flood of renders must not starve the rest.
    "wegwijzer.busy.ExpensiveRequestLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "beveiliging.admin_input.RefuseNulInAdminQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wagtail_2fa.middleware.VerifyUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Counts failed logins and refuses logins from a locked-out account or address (django-axes).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "wegwijzer.urls"
WSGI_APPLICATION = "wegwijzer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "organisaties.selection.situation_context",
                "kern.page_cache.generation_context",
            ],
        },
    },
]

# SQLite file by default, so a fresh machine needs no database server; DATABASE_URL=postgres://... for PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
USES_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USES_POSTGRES:
    # An unreachable database server must fail a request within seconds (the outage page is then served), not
    # hold a worker until gunicorn's timeout. DATABASE_URL's own ?connect_timeout= wins.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared Redis cache when REDIS_URL is set (every worker and server sees the same entries), else local memory.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "wegwijzer",
            "OPTIONS": {
                # A cache outage must not take the site down: fall back to rendering without it.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the site's language and lives at the root; the others under their code (/en/, /pl/, ...).
# Each language is named in itself, as the language switcher shows it. Arabic is written right to left (Django's
# LANGUAGES_BIDI), which sets dir="rtl" on the document.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("uk", "Українська"),
    ("es", "Español"),
    ("ar", "العربية"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# No machine translation: WAGTAILLOCALIZE_MACHINE_TRANSLATOR is deliberately not set, so no text leaves the server
# unless an administrator configures a translation service here.
LOCALE_PATHS = [BASE_DIR / "locale"]
# Templates write dates as {{ day|date }} (DATE_FORMAT), each language's own long form; English in wegwijzer/formats/.
FORMAT_MODULE_PATH = ["wegwijzer.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Hashed file names never change, so browsers may keep them for a year.
WHITENOISE_MAX_AGE = 31536000

# Public pages must not leak where a visitor came from; the admin overrides this (see middleware).
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp 4): public pages load only this site's own files; no inline code, no frames.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}
# Editors (the admin, previews, the userbar on public pages) get a looser policy that is still limited to this site:
# Wagtail's admin uses some inline styles and scripts, and previews are framed by the admin itself.
CONTENT_SECURITY_POLICY_EDITORS = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [SELF],
        "frame-src": [SELF],
    }
}
# Features this site never uses are switched off for it and anything it could embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

WAGTAIL_SITE_NAME = "Wegwijzer Mensenhandel"
# The site's public address, for every absolute link (canonical, hreflang, sitemap, security.txt): never the
# request's Host, which a client chooses (kern/site_address.py).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", SITE_URL)
# The site lives at the root of its host: no header or environment variable moves its links under a prefix, and
# the Host is taken as it came, never from X-Forwarded-Host or -Port (see also gunicorn.conf.py).
FORCE_SCRIPT_NAME = ""
USE_X_FORWARDED_HOST = False
USE_X_FORWARDED_PORT = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if USES_POSTGRES:
    # PostgreSQL full-text search with Dutch stemming ("aangiftes" finds "aangifte").
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "dutch"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: the admin would send every editor's e-mail hash to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# Legal content: every edit after approval is reviewed again.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Rich text in page bodies: no h1 (the page title is the h1) and nothing that could bring in third-party content.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "wegwijzer@localhost")

# Editors only (visitors never get a session): two-factor login, lockout after repeated failures, and sessions
# that end after an hour without activity or when the browser closes.
WAGTAIL_2FA_REQUIRED = env_bool("WAGTAIL_2FA_REQUIRED", True)
WAGTAIL_2FA_OTP_TOTP_NAME = "Wegwijzer Mensenhandel"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hour
# A lockout blocks one user name from one address: nobody can lock an editor out from elsewhere by guessing.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "beveiliging/locked_out.html"
# Behind PROXY_COUNT trusted proxies the visitor's address is read from X-Forwarded-For (see proxies.py).
PROXY_COUNT = env_int("PROXY_COUNT", 0)
AXES_IPWARE_META_PRECEDENCE_ORDER, AXES_IPWARE_PROXY_COUNT = visitor_address_settings(PROXY_COUNT)
# Entries a client put in front of the header are ignored instead of making django-ipware fall back to the
# proxy's own address, which every visitor shares.
IPWARE_STRICT = False
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# A CDN or reverse proxy in front: Wagtail purges changed pages from it on publish (and we purge everything when a
# snippet changes, see signals.py). Configured only when its variables are set.
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_PURGE_URL"):  # Varnish, Squid, nginx with purge: HTTP PURGE requests
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
if env_str("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]

# Full-page cache for anonymous visitors, in seconds (also the s-maxage a CDN may use); 0 switches it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

# Renders (searches, filtered lists, pages not in the cache) each worker process runs at once, how many more may
# wait for a turn and for how long; beyond that a polite 503 with Retry-After (wegwijzer/busy.py).
EXPENSIVE_REQUESTS_PER_WORKER = env_int("EXPENSIVE_REQUESTS_PER_WORKER", 1)
EXPENSIVE_REQUESTS_WAITING = env_int("EXPENSIVE_REQUESTS_WAITING", 1)
EXPENSIVE_REQUEST_WAIT_SECONDS = env_int("EXPENSIVE_REQUEST_WAIT_SECONDS", 2)
# Searches share a few slots across all workers of the server (kern/server_slots.py): by default one fewer than
# the cores, so a flood of searches always leaves a core for cached pages and /health/.
SEARCHES_PER_SERVER = env_int("SEARCHES_PER_SERVER", max(1, (os.cpu_count() or 2) - 1))
SERVER_SLOTS_DIR = Path(env_str("SERVER_SLOTS_DIR", str(Path(tempfile.gettempdir()) / "wegwijzer-slots")))

DEMO_CONTENT_DIR = BASE_DIR / "demo" / "content"

# /.well-known/security.txt (RFC 9116). Contact is required: e.g. mailto:security@example.nl or an https URL.
SECURITY_TXT = {
    "CONTACT": env_list("SECURITY_TXT_CONTACT"),
    "POLICY": env_str("SECURITY_TXT_POLICY"),
    "EXPIRES": None,  # 180 days ahead of every request unless set here
}
# Paths where editors log in and post forms: they keep a same-origin referrer (see middleware).
ADMIN_URL_PREFIXES = ("/admin/",)

# The open data API (api/): its OpenAPI document is generated by drf-spectacular, which must be DRF's schema class
# for its per-view annotations to apply. Everything else about the API is set on its own views.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
# drf-spectacular's system check describes every DRF view it finds; only /api/v1 is ours to describe (Wagtail's
# and wagtail-localize's admin APIs are not public), so the check uses the same filter as our OpenAPI document.
SPECTACULAR_SETTINGS = {"PREPROCESSING_HOOKS": ["api.openapi.only_this_api"]}
# The link checker (manage.py check_links): seconds per server, addresses checked at the same time, redirects
# followed. Loopback addresses are refused like every private range; only the tests' local server turns them on.
LINK_CHECK_TIMEOUT = env_int("LINK_CHECK_TIMEOUT", 10)
LINK_CHECK_WORKERS = env_int("LINK_CHECK_WORKERS", 4)
LINK_CHECK_MAX_REDIRECTS = 5
LINK_CHECK_ALLOW_LOOPBACK = False
