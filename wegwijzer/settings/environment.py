"""Reading configuration from environment variables, in one place.

Every setting that differs between machines comes from the environment; the settings modules call these
helpers instead of touching ``os.environ`` themselves.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in TRUE_VALUES


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated variable as a list, without empty items."""
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_required(name: str, explanation: str) -> str:
    """A variable production cannot run without: a one-line error that names it when missing."""
    value = env_str(name)
    if not value:
        raise ImproperlyConfigured(f"{name} is not set: {explanation}")
    return value
