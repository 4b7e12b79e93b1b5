"""Production: refuses to start without the variables it cannot guess."""

from .base import *  # noqa: F403
from .environment import env_bool, env_int, env_list, env_required, env_str

DEBUG = False
SECRET_KEY = env_required(
    "SECRET_KEY",
    "set it to a long random value (python -c 'import secrets; print(secrets.token_urlsafe(50))').",
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env_required(
        "ALLOWED_HOSTS",
        "set it to the site's host names, comma-separated (e.g. wegwijzermensenhandel.nl).",
    )

# The public address for absolute links: SITE_URL, else https:// and the first host name the site answers to.
SITE_URL = (
    env_str("SITE_URL") or next((f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"), "")
).rstrip("/")
if not SITE_URL:
    env_required("SITE_URL", "set it to the site's public address (e.g. https://wegwijzermensenhandel.nl).")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", SITE_URL)

# TLS ends at the load balancer, which tells us the original scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe the health check over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# __Host- cookies are only accepted over HTTPS, for this exact host and path: they cannot be set by a subdomain.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

if not REDIS_URL:  # noqa: F405
    # Without Redis, gunicorn's workers must still share one cache, or a publish in one worker would leave the
    # others serving stale pages. A file-based cache on the host's disk is shared by all workers of one server;
    # with several servers, set REDIS_URL.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("CACHE_DIR", "/tmp/wegwijzer-cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

if env_str("AWS_STORAGE_BUCKET_NAME"):
    # Media (images, documents) on S3-compatible object storage, shared by every server. django-storages reads
    # AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME and the credentials from the environment.
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
