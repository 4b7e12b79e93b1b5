"""Production refuses to start without the variables it cannot guess, with a one-line error naming them."""

import os
import subprocess
import sys

from django.conf import settings

CHECK = [sys.executable, "-c", "import django; django.setup()"]


def run_with(env_changes):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(env_changes, DJANGO_SETTINGS_MODULE="wegwijzer.settings.production")
    return subprocess.run(CHECK, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60)


def test_production_settings_fail_without_secret_key():
    result = run_with({"ALLOWED_HOSTS": "example.nl"})
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "SECRET_KEY is not set" in last_line


def test_production_settings_fail_without_allowed_hosts():
    result = run_with({"SECRET_KEY": "x" * 50})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr.strip().splitlines()[-1]


def test_production_settings_start_with_both():
    result = run_with({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.nl"})
    assert result.returncode == 0, result.stderr


def test_site_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
