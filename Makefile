# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# manage.py asks unattended runs to name their settings; make uses the
# development settings unless DJANGO_SETTINGS_MODULE says otherwise.
MANAGE := DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-clinic_site.settings.dev} $(BIN)/python manage.py

.PHONY: run test lint format bench install node clean messages messages-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

# axe-core and the Nu Html Checker for the browser tests; without npm those
# checks are skipped with the reason (and fail under CI=true).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); \
	else \
		echo "npm not found: the accessibility and HTML checks will be skipped"; \
	fi

node: $(NODE_STAMP)

# The task worker (clinic notifications, Wagtail's background tasks) runs next
# to the server and stops with it; in production it is a process of its own.
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) set_site_address
	$(MANAGE) ensure_dev_admin
	@$(MANAGE) db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 0' INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

# The demo site's suite, then the example project (a second Wagtail site that
# installs the plugin with its own page models and settings); one coverage
# report for both. COVERAGE=0 runs both without coverage (CI's second pass,
# on PostgreSQL, beside the first); PYTEST_ARGS adds pytest options to both,
# e.g. PYTEST_ARGS="-m 'not browser'". TEST_WORKERS spreads the demo site's
# tests over that many processes (pytest-xdist; "auto" is one per core, 0
# runs them in this process); the example project's 21 run in one, as a
# second worker would cost more in migrations than it saves.
TEST_WORKERS ?= auto
COVERAGE ?= 1
ifeq ($(COVERAGE),1)
COVERAGE_FIRST := --cov --cov-report=
COVERAGE_SECOND := --cov --cov-append --cov-report=term --cov-fail-under=90
endif
test: install node
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(COVERAGE_FIRST) $(PYTEST_ARGS)
	$(BIN)/python -m pytest -n 0 tests/example_project \
		--ds=tests.example_project.settings $(COVERAGE_SECOND) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run --noinput

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Translations: the plugin's catalogue in treatments_cms/locale (made from
# inside treatments_cms, so it belongs to the plugin and ships in its wheel)
# and the demo site's, for templates/ and home/, in locale/ (LOCALE_PATHS).
# The .po files and the compiled .mo files are both committed. `make messages`
# brings them up to date with the sources; `make messages-check` (CI) fails when
# either is out of date. Both work in a scratch copy, so they always agree, and
# a file is only rewritten when more than its creation date changed. Needs GNU
# gettext (Debian's `gettext` package); add a language to MESSAGE_LOCALES.
MESSAGE_LOCALES := de
MESSAGE_SOURCES := treatments_cms home templates locale
DJANGO_ADMIN := env -u DJANGO_SETTINGS_MODULE $(CURDIR)/$(BIN)/django-admin
MAKEMESSAGES := $(DJANGO_ADMIN) makemessages --verbosity=0 --no-obsolete \
	--add-location=file $(addprefix --locale=,$(MESSAGE_LOCALES))

messages-check: MESSAGES_CHECK := 1
messages messages-check: install
	@command -v msgfmt >/dev/null 2>&1 || { \
		echo "GNU gettext not found: install Debian's gettext package" >&2; exit 1; }
	@set -e; scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
	cp -R $(MESSAGE_SOURCES) "$$scratch"; \
	find "$$scratch" -name '*.mo' -delete; \
	(cd "$$scratch/treatments_cms" && $(MAKEMESSAGES)); \
	(cd "$$scratch" && $(MAKEMESSAGES) --ignore=treatments_cms); \
	(cd "$$scratch" && $(DJANGO_ADMIN) compilemessages --verbosity=0); \
	stale=; \
	for po in $$(cd "$$scratch" && ls */locale/*/LC_MESSAGES/django.po locale/*/LC_MESSAGES/django.po); do \
		mo=$${po%.po}.mo; \
		diff -q -I '^"POT-Creation-Date: ' "$$po" "$$scratch/$$po" >/dev/null 2>&1 \
			|| stale="$$stale $$po"; \
		{ test -f "$$mo" && msgunfmt "$$mo" >"$$scratch/old.txt" \
			&& msgunfmt "$$scratch/$$mo" >"$$scratch/new.txt" \
			&& cmp -s "$$scratch/old.txt" "$$scratch/new.txt"; } || stale="$$stale $$mo"; \
	done; \
	if [ -z "$$stale" ]; then \
		echo "Translation catalogues are up to date."; \
	elif [ -n "$(MESSAGES_CHECK)" ]; then \
		echo "Out of date:$$stale. Run make messages and commit the result." >&2; exit 1; \
	else \
		for file in $$stale; do \
			mkdir -p "$$(dirname "$$file")"; cp "$$scratch/$$file" "$$file"; echo "updated $$file"; \
		done; \
	fi

bench: install
	$(BIN)/python -m tests.benchmarks

clean:
	rm -rf $(VENV) db.sqlite3 .coverage htmlcov test-artifacts
