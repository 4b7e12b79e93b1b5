"""The front end: npm packages at exact versions, a lock file that matches them, nothing fetched from anywhere but
the npm registry (the CSS is built into static/dist/ by frontend/build.mjs; no CDN), and a light page."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = json.loads((ROOT / "package.json").read_text())
LOCK = json.loads((ROOT / "package-lock.json").read_text())


def test_every_npm_package_is_pinned_to_an_exact_version():
    dependencies = {**PACKAGE.get("dependencies", {}), **PACKAGE.get("devDependencies", {})}
    assert dependencies
    loose = {
        name: version for name, version in dependencies.items() if not re.fullmatch(r"\d+\.\d+\.\d+", version)
    }
    assert loose == {}


def test_the_lock_file_matches_and_comes_only_from_the_npm_registry():
    assert LOCK["packages"][""]["dependencies"] == PACKAGE["dependencies"]
    for name, version in PACKAGE["dependencies"].items():
        assert LOCK["packages"][f"node_modules/{name}"]["version"] == version, name
    for path, entry in LOCK["packages"].items():
        if not path:
            continue
        assert entry.get("integrity", "").startswith("sha512-"), path
        # The lock file records no download address: npm takes every package from the configured registry.
        assert "resolved" not in entry, path


def test_the_site_uses_the_built_stylesheet_before_its_own():
    base = (ROOT / "templates" / "base.html").read_text()
    assert base.index("'dist/nlds.css'") < base.index("'css/site.css'")
    assert 'class="wegwijzer-theme' in base


def test_a_step_page_with_everything_it_loads_weighs_under_60_kb_compressed(client, soup, step):
    """Victims often read on cheap phones over metered connections: HTML, stylesheets, script and icons together."""
    import gzip

    from django.conf import settings
    from django.contrib.staticfiles import finders

    response = client.get(step.url)
    page = soup(response)
    assets = [tag["href"] for tag in page.select("link[rel=stylesheet], link[rel=icon]")]
    assets += [tag["src"] for tag in page.select("script[src], img[src]")]
    assert assets and all(url.startswith(settings.STATIC_URL) for url in assets), "only this site's own files"
    assert not page.select("link[rel=preload][as=font], style"), "no web fonts, no inline styles"
    total = len(gzip.compress(response.content))
    for url in assets:
        with open(finders.find(url.removeprefix(settings.STATIC_URL)), "rb") as asset:
            total += len(gzip.compress(asset.read()))
    assert total < 60 * 1024, f"{total / 1024:.1f} KB"
