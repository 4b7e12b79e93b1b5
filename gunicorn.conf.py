"""Gunicorn as the Dockerfile, `make bench` and CI start it: `gunicorn -c gunicorn.conf.py`."""

import os

wsgi_app = "wegwijzer.wsgi:application"
bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"

# (2 x cores) + 1 processes is gunicorn's rule of thumb; WEB_CONCURRENCY overrides it per host.
workers = int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) * 2 + 1))
# Threads in each process, so that cheap requests (cached pages, /health/, static files) keep flowing while
# expensive ones run. With one sync thread per process, 16 connections of slow searches filled every process and
# the cached home page waited 4 s behind them. Expensive requests (renders that missed the page cache) are limited
# per process by wegwijzer/busy.py: EXPENSIVE_REQUESTS_PER_WORKER run (1), EXPENSIVE_REQUESTS_WAITING wait up to
# EXPENSIVE_REQUEST_WAIT_SECONDS (1, 2 s), the rest get a 503 with Retry-After at once. Keep threads above the
# running plus waiting number, so that threads are always left for the cheap requests.
# Searches also share SEARCHES_PER_SERVER slots across all processes (kern/server_slots.py, default cores - 1),
# so a flood of them cannot take every core from cached pages and /health/.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5

# Recycle workers now and then so a slow leak can never grow without bound; the wide jitter keeps the workers from
# all restarting at the same moment.
# `make soak` sets GUNICORN_MAX_REQUESTS=0 (never) to show that memory stays flat without recycling.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 4

preload_app = True

# Nothing a client sends may move the site's links or paths. gunicorn by default lets a proxy at 127.0.0.1 set
# SCRIPT_NAME and PATH_INFO through request headers; one such request under a cold cache made every later
# visitor's links point under a made-up prefix. No header may set them (headers with "_" are dropped), and the
# site is served at the root of its host whatever SCRIPT_NAME the environment holds (Django's FORCE_SCRIPT_NAME
# is "" as well). forwarded_allow_ips (env FORWARDED_ALLOW_IPS) only decides whose X-Forwarded-Proto gunicorn
# believes for wsgi.url_scheme; links never use the request's scheme or host (settings.SITE_URL).
forwarder_headers = ""
header_map = "drop"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
os.environ.pop("SCRIPT_NAME", None)


def when_ready(server):
    """Import the URL configuration (Wagtail admin and all) once in the master, not on each worker's first request."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - importing is the point


def pre_fork(server, worker):
    """Objects loaded by the master are never freed: keep the garbage collector off them in every worker.

    Without this each worker walks the whole preloaded app when it exits, which costs about a second of CPU.
    """
    import gc

    gc.freeze()


# Access log to stdout without the visitor's IP address and without the query string: search words and the
# situation a visitor chose are never written down (see the privacy page).
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
