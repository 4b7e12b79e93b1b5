"""The house rules that a reader of the code relies on (docs/architecture.md), checked on the source itself.

The layers between apps are checked by import-linter (make lint, CI); these tests check what it cannot see.
"""

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from django.conf import settings

REPO = Path(settings.BASE_DIR)
PROJECT_PACKAGES = [
    "wegwijzer",
    "kern",
    "fases",
    "organisaties",
    "api",
    "redactie",
    "beveiliging",
    "zoeken",
    "demo",
    "backups",
]

# Overrides of another package's underscore methods, each with the reason it cannot be avoided.
ALLOWED_PRIVATE_OVERRIDES = {
    # django-otp asks the login form which device a code belongs to through this hook, and wagtail-2fa's form does
    # not implement it yet (beveiliging/two_factor.py); there is no public alternative in either package.
    ("beveiliging.two_factor", "DeviceChoosingTokenForm", "_chosen_device"),
}


def project_sources():
    for package in PROJECT_PACKAGES:
        for path in (REPO / package).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def project_modules():
    for package in PROJECT_PACKAGES:
        module = importlib.import_module(package)
        yield module
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if ".migrations" not in info.name and not info.name.startswith("wegwijzer.settings.production"):
                yield importlib.import_module(info.name)


def test_no_project_import_hides_inside_a_function():
    """An import inside a function usually dodges an import cycle; the layers make cycles impossible instead."""
    found = []
    for path in project_sources():
        tree = ast.parse(path.read_text())
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) or function.name == "ready":
                continue  # AppConfig.ready() is where Django asks apps to connect their signals
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.ImportFrom)
                    and (node.level or (node.module or "").split(".")[0] in PROJECT_PACKAGES)
                ) or (
                    isinstance(node, ast.Import)
                    and any(a.name.split(".")[0] in PROJECT_PACKAGES for a in node.names)
                ):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not found, f"imports inside functions: {found}"


def test_no_code_writes_wagtails_private_request_attributes():
    found = [
        f"{path.relative_to(REPO)}"
        for path in project_sources()
        if "request._wagtail" in path.read_text() or "._wagtail_site" in path.read_text()
    ]
    assert not found, f"writes to Wagtail's private request attributes in {found}"


@pytest.mark.django_db
def test_overrides_of_wagtail_and_django_use_their_public_api():
    """A subclass of Wagtail's (or any library's) class overrides only public methods, unless listed with a reason."""
    found = []
    for module in project_modules():
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            library_bases = [
                base for base in cls.__mro__[1:] if base.__module__.split(".")[0] not in PROJECT_PACKAGES
            ]
            for attribute, value in vars(cls).items():
                if (
                    not attribute.startswith("_")
                    or attribute.startswith("__")
                    or not inspect.isfunction(value)
                ):
                    continue
                overrides = any(attribute in vars(base) for base in library_bases)
                if overrides and (module.__name__, name, attribute) not in ALLOWED_PRIVATE_OVERRIDES:
                    found.append(f"{module.__name__}.{name}.{attribute}")
    assert not found, f"overrides of private library methods: {found}"
