# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# manage.py asks unattended runs to name their settings; make uses the
# development settings unless DJANGO_SETTINGS_MODULE says otherwise.
MANAGE := DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-clinic_site.settings.dev} $(BIN)/python manage.py

.PHONY: run test lint format bench install node clean

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
	$(MANAGE) ensure_dev_admin
	@$(MANAGE) db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 0' INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

test: install node
	$(BIN)/python -m pytest --cov --cov-report=term --cov-fail-under=90 $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run --noinput

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m tests.benchmarks

clean:
	rm -rf $(VENV) db.sqlite3 .coverage htmlcov test-artifacts
