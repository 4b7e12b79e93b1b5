# The command index. On a fresh machine you need only Python 3.11+ and make:
#   make run    the site with demo content on http://127.0.0.1:$(PORT)/ (admin at /admin/)
#   make test   the whole test suite
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install run test bench observatory soak outage lint format messages demo clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check ".[dev]"
	@touch $@

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(VENV)/bin/pybabel compile --domain django --directory locale --locale $* --statistics

CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

# The NL Design System CSS, from the npm registry as locked in package-lock.json (needs Node.js 20+).
static/dist/nlds.css: package.json package-lock.json frontend/build.mjs frontend/theme.css
	@command -v npm >/dev/null || { echo "The front end needs Node.js 20 or newer (with npm): install it, then try again."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build

install: $(VENV)/.installed $(CATALOGUES) static/dist/nlds.css ## Create .venv, install the project, build the CSS and compile the translations

run: install ## Run the site with demo content (SQLite unless DATABASE_URL is set)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py create_dev_superuser
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install ## Run the whole test suite
	$(PY) -m pytest

bench: install ## Load benchmark of the production server, cached and uncached (installs wrk if missing)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk) \
		|| { echo "make bench needs the load generator wrk: 'apt-get install wrk' as root, then try again."; exit 1; }
	$(PY) -m scripts.bench

soak: install ## 60 s of mixed load with an editor saving drafts: no errors, flat worker memory, no draft lost
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk) \
		|| { echo "make soak needs the load generator wrk: 'apt-get install wrk' as root, then try again."; exit 1; }
	$(PY) -m scripts.soak

outage: install ## Stop a private PostgreSQL and Redis under the running site and check it copes and recovers (needs root)
	$(PY) -m scripts.outage

observatory: install ## Grade the production server's security headers with Mozilla's HTTP Observatory (needs root: ports 80 and 443)
	$(PY) -m scripts.observatory

lint: install ## ruff, the import layers (import-linter), templates (djhtml indentation, line length) and the migration check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djhtml --check templates api/templates
	$(PY) -m scripts.template_lines
	$(PY) manage.py makemigrations --check --dry-run

format: install ## Format the Python code and the templates
	$(PY) -m ruff format .
	$(VENV)/bin/djhtml templates api/templates
	$(PY) -m ruff check --fix .

messages: install ## Refresh the translation catalogues after changing strings (needs GNU gettext)
	$(PY) manage.py makemessages --locale nl --locale pl --locale ro --locale bg --locale uk --locale es --locale ar --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'staticfiles/*' --no-obsolete

demo: install ## Rebuild the demo content from scratch
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --reset

clean: ## Remove the virtualenv, the SQLite database, node_modules and built or collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules static/dist
