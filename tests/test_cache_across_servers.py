"""Two production servers sharing one database and one cache: a change made anywhere shows on both at once.

This is the deployment the cache is built for (several gunicorn servers behind a load balancer, one Redis or one
shared cache directory). The servers run as separate processes with the production settings, on a throw-away
SQLite file and cache directory; the editor's change is made by a third process, as the admin would.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

REPO = Path(settings.BASE_DIR)
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str) -> tuple[str, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("X-Cache", ""), response.read().decode()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("servers")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wegwijzer.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
        "CACHE_DIR": str(workdir / "cache"),
        "REDIS_URL": "",
        "WEB_CONCURRENCY": "1",
    }

    def manage(*arguments):
        subprocess.run(
            [sys.executable, "manage.py", *arguments], cwd=REPO, env=env, check=True, capture_output=True
        )

    manage("migrate", "--noinput")
    manage("load_demo_content")
    manage("collectstatic", "--noinput")
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
            cwd=REPO,
            env={**env, "HOST": "127.0.0.1", "PORT": str(port)},
            stdout=open(workdir / f"server-{port}.log", "wb"),  # noqa: SIM115 (closed with the process)
            stderr=subprocess.STDOUT,
        )
        for port in ports
    ]
    try:
        for port in ports:
            deadline = time.monotonic() + 60
            while True:
                try:
                    get(port, "/health/")
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
        yield ports, manage
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def test_a_changed_helpline_shows_on_every_server_at_once(deployment):
    ports, manage = deployment
    for port in ports:
        get(port, "/beschermen/opvang/")
        assert get(port, "/beschermen/opvang/")[0] == "HIT"
    manage(
        "shell",
        "-c",
        "from kern.models import Hulplijn; line = Hulplijn.objects.filter(locale__language_code='nl', "
        "name='CoMensha').get(); line.number = '0800 555 55 55'; line.save()",
    )
    for port in ports:
        assert "0800 555 55 55" in get(port, "/beschermen/opvang/")[1]


def test_a_draft_keeps_every_server_cached(deployment):
    ports, manage = deployment
    for port in ports:
        get(port, "/beschermen/")
        assert get(port, "/beschermen/")[0] == "HIT"
    manage(
        "shell",
        "-c",
        "from fases.models import StapPage; step = StapPage.objects.get(locale__language_code='nl', "
        "slug='opvang'); step.title = 'Nog niet gepubliceerd'; step.save_revision()",
    )
    for port in ports:
        cached, body = get(port, "/beschermen/")
        assert cached == "HIT"
        assert "Nog niet gepubliceerd" not in body


def test_a_published_step_shows_on_every_server_at_once(deployment):
    ports, manage = deployment
    manage(
        "shell",
        "-c",
        "from fases.models import StapPage; step = StapPage.objects.get(locale__language_code='nl', "
        "slug='opvang'); step.title = 'Opvang en een veilige plek'; step.save_revision().publish()",
    )
    for port in ports:
        assert "Opvang en een veilige plek" in get(port, "/beschermen/")[1]
