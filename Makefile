# The two commands a newcomer needs: `make run` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The tests always run against PostgreSQL; the default is the local server.
TEST_DATABASE_URL ?= $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/portal)
# Test processes in parallel (pytest-xdist), each with its own test database.
TEST_PROCESSES ?= 2
# Static files collected with the production settings, served by the admin browser tests.
PRODUCTION_STATIC_ROOT := $(CURDIR)/.cache/production-static
# `make bench` works in a database of its own, and runs with the production settings.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench
BENCH_ENV := DATABASE_URL=$(BENCH_DATABASE_URL) DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY=bench-only-not-a-secret ALLOWED_HOSTS=127.0.0.1,localhost \
	SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0 DEBUG=false LOG_LEVEL=WARNING \
	STATIC_ROOT=$(CURDIR)/.cache/bench/static MEDIA_ROOT=$(CURDIR)/.cache/bench/media

.PHONY: help install install-dev browser-deps gettext-deps search-deps varnish-deps messages run seed users test check lint format lock migrate search-eval bench-search bench bench-deps hostile backup restore clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36mmake %-14s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when a lock file changes.
$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.lock
	@touch $@

$(VENV)/.installed-dev: requirements-dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.lock
	@touch $@ $(VENV)/.installed

# The browser tests drive Debian's Chromium and run axe-core (from npm) inside it.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed ## Create the virtual environment and install the site's packages

install-dev: $(VENV)/.installed-dev ## Install the site's and the tests' packages

browser-deps: node_modules/.installed ## Install Chromium (Debian package) and axe-core for browser tests
	@if ! command -v $${CHROMIUM_PATH:-chromium} >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "The browser tests need Chromium: sudo apt-get install chromium"; exit 1; \
		fi; \
	fi

# The Swedish Hunspell dictionary for PostgreSQL's text search (sitesearch/configuration.py):
# Debian's hunspell-sv; postgresql-common's pg_updatedicts then links it into the server's
# tsearch_data (/var/cache/postgresql/dicts). Only for a PostgreSQL server on this machine;
# without it the search uses the Snowball fallback, which passes the same tests.
search-deps: ## Install the Swedish Hunspell dictionary for the local PostgreSQL (Debian, as root)
	@if [ ! -e /usr/share/hunspell/sv_SE.dic ] || ! ls /usr/share/postgresql/*/tsearch_data/sv_se.dict >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell-sv && \
			{ command -v pg_updatedicts >/dev/null && pg_updatedicts || true; }; \
		else \
			echo "The Swedish search dictionary needs: sudo apt-get install hunspell-sv"; exit 1; \
		fi; \
	fi

varnish-deps: ## Install Varnish, the caching proxy the tests put in front of the app (Debian, as root)
	@if [ ! -x /usr/sbin/varnishd ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish; \
		else \
			echo "The proxy tests need: sudo apt-get install varnish"; exit 1; \
		fi; \
	fi

# Our Swedish translations (locale/) fill the gaps in Wagtail's own Swedish. The .mo files are
# generated, never committed; compilemessages needs GNU gettext's msgfmt (Debian: gettext) and
# compiles only locale/, not the packages' catalogues inside .venv.
gettext-deps:
	@if ! command -v msgfmt >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; \
		else \
			echo "The Swedish admin translations need GNU gettext: sudo apt-get install gettext"; exit 1; \
		fi; \
	fi

messages: install gettext-deps ## Compile the translations in locale/ (.po → .mo), every language
	$(BIN)/python manage.py compilemessages --verbosity 0 \
		--ignore .git --ignore .venv --ignore node_modules --ignore staticfiles --ignore media

migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --no-input

seed: migrate ## Build (or bring up to date) the Swedish demo site from demo/content/
	$(BIN)/python manage.py seed_demo

users: migrate ## Create the demo accounts (development only) and print their passwords
	$(BIN)/python manage.py create_demo_users

run: messages seed users ## Install, migrate, seed the demo site and serve it on http://127.0.0.1:8000/
	@echo "Webbplatsen: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

check: install-dev messages ## Lint, format check, Django checks and migration check (part of `make test`)
	@DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python scripts/ensure_test_database.py
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	@# The layers (README, "Layers"): an import that runs the wrong way fails here.
	$(BIN)/lint-imports
	DATABASE_URL=$(TEST_DATABASE_URL) DJANGO_SETTINGS_MODULE=portal.settings.test \
		$(BIN)/python manage.py check --fail-level WARNING
	DATABASE_URL=$(TEST_DATABASE_URL) DJANGO_SETTINGS_MODULE=portal.settings.test \
		$(BIN)/python manage.py makemigrations --check --dry-run
	@# The production settings with the documented environment (README, Configuration): a long
	@# random key and the host names; the deploy check must give no warning.
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		ALLOWED_HOSTS=foraldraradgivning.example.org DATABASE_URL=$(TEST_DATABASE_URL) \
		DJANGO_SETTINGS_MODULE=portal.settings.production \
		$(BIN)/python manage.py check --deploy --fail-level WARNING
	@# Production static files once, so a broken reference fails here and not on deploy; the
	@# admin browser tests then serve these files with gunicorn and the production settings.
	rm -rf $(PRODUCTION_STATIC_ROOT)
	SECRET_KEY=collectstatic-check ALLOWED_HOSTS=localhost STATIC_ROOT=$(PRODUCTION_STATIC_ROOT) \
		DJANGO_SETTINGS_MODULE=portal.settings.production \
		$(BIN)/python manage.py collectstatic --no-input --verbosity 0

test: messages search-deps varnish-deps check browser-deps ## Run linters, checks and the whole test suite against PostgreSQL
	DATABASE_URL=$(TEST_DATABASE_URL) PRODUCTION_STATIC_ROOT=$(PRODUCTION_STATIC_ROOT) \
		$(BIN)/pytest --create-db -n $(TEST_PROCESSES) --cov --cov-report=term --durations=15

search-eval: install-dev ## Seed the demo site in PostgreSQL and print the search relevance table
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python scripts/ensure_test_database.py
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python manage.py migrate --no-input --verbosity 0
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python manage.py seed_demo --force >/dev/null
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python manage.py search_eval

bench-search: search-eval ## Time the search over the relevance set with 10,000 extra pages (rolled back)
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python manage.py bench_search

# wrk drives the load; Varnish and nginx are the proxy and its ceiling (Debian packages).
bench-deps:
	@for program in wrk varnishd nginx; do \
		if ! command -v $$program >/dev/null && [ ! -x /usr/sbin/$$program ]; then missing=1; fi; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk varnish nginx; \
		else \
			echo "The benchmark needs wrk (and for its proxy rows varnish and nginx): sudo apt-get install wrk varnish nginx"; \
			command -v wrk >/dev/null || exit 1; \
		fi; \
	fi

bench: install messages bench-deps ## Seed 10,000 pages (database portal_bench), load the production server with wrk, print the table
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python scripts/ensure_test_database.py
	$(BENCH_ENV) $(BIN)/python manage.py migrate --no-input --verbosity 0
	$(BENCH_ENV) $(BIN)/python manage.py bench
# The hostile-input battery (portal/tests/test_hostile.py): `make test` sends 300 requests,
# this target 10,000 (HOSTILE_REQUESTS=… for another number).
hostile: install-dev messages ## Send 10,000 hostile requests at the demo site: no 5xx, no unescaped echo
	@DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python scripts/ensure_test_database.py
	DATABASE_URL=$(TEST_DATABASE_URL) HOSTILE_REQUESTS=$(or $(HOSTILE_REQUESTS),10000) \
		$(BIN)/pytest --create-db -p no:xdist -p no:cov portal/tests/test_hostile.py -q

# Backup and restore (README, "Backup and restore"): DATABASE_URL and MEDIA_ROOT from the
# environment, as the site itself reads them.
BACKUP_DIR ?= $(CURDIR)/backups
backup: ## Back up the database (DATABASE_URL) and MEDIA_ROOT into BACKUP_DIR/<time stamp>/
	BACKUP_DIR=$(BACKUP_DIR) scripts/backup.sh

restore: ## Restore BACKUP=<folder> into DATABASE_URL and MEDIA_ROOT (FORCE=1 replaces what is there)
	FORCE=$(FORCE) scripts/restore.sh $(BACKUP)

lint: install-dev ## Lint Python (ruff), templates (djhtml) and the import layers (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports

format: install-dev ## Fix formatting of Python and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

lock: install-dev ## Re-pin every dependency from pyproject.toml into the lock files
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --extra dev -o requirements-dev.lock

clean: ## Remove the virtual environment, the SQLite database and generated files
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles media .cache locale/*/LC_MESSAGES/*.mo
