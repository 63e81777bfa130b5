# Relais: the two commands in the README are `make demo` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Two pytest workers: CI and developer machines here have 2 cores.
PYTEST_WORKERS ?= 2

.PHONY: demo test install messages e2e-deps lrs-deps lint serve

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

messages: $(STAMP)
	$(PY) manage.py compile_translations

# The test OpenID Connect provider `make demo` runs beside Relais (company
# sign-in as demo.sso / demo-sso-password; lms/settings/dev.py points at it).
OIDC_DEMO_PORT ?= 8001
OIDC_DEMO_ARGS = --port $(OIDC_DEMO_PORT) --db .oidc-demo-provider.sqlite3 \
	--client relais-demo:relais-demo-secret:http://$(HOST):$(PORT)/accounts/oidc/callback/,http://localhost:$(PORT)/accounts/oidc/callback/ \
	--user "demo.sso:demo-sso-password:camille.sso@example.org:Camille:Roy:fr-CA:Service client"

## First command: install, migrate, load the demo and serve on http://127.0.0.1:8000
## (with the test identity provider on 127.0.0.1:8001 for company sign-in).
demo: install messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py credentials_key --generate var/credentials/dev-ed25519.pem --if-missing
	$(PY) manage.py load_demo
	$(PY) -m tests.oidc_provider.serve $(OIDC_DEMO_ARGS) & provider=$$!; \
	trap 'kill $$provider' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

## Second command: install and run every test (browser tests included).
## SKIP_E2E=1 skips the browser tests locally. (Tests go to the workers in
## collection order, where pytest-django puts transactional tests last: they
## flush the database, so nothing that needs the migrations' rows may follow.)
test: install messages e2e-deps lrs-deps
	$(BIN)/ruff check .
	$(BIN)/pytest -p no:cacheprovider -n $(PYTEST_WORKERS) --durations=15 $(PYTEST_ARGS)

## Debian's Chromium for the Playwright browser tests (never `playwright install`),
## and poppler-utils, whose pdftoppm renders certificate PDFs for the QR code test.
e2e-deps:
	@if [ -z "$(SKIP_E2E)" ] && [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
		|| (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium); \
	fi
	@if [ ! -x /usr/bin/pdftoppm ]; then \
		echo "Installing Debian's poppler-utils (pdftoppm) for the certificate QR code test"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) \
		|| (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils); \
	fi

## Ralph, the Learning Record Store the xAPI tests send statements to, in its own
## virtualenv (its pinned FastAPI/pydantic stack is not Relais's).
LRS_VENV ?= .venv-lrs
LRS_STAMP := $(LRS_VENV)/.installed
$(LRS_STAMP):
	$(PYTHON) -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/pip install --quiet --upgrade pip
	$(LRS_VENV)/bin/pip install --quiet "ralph-malph[cli,lrs]==5.1.0" "requests>=2.31,<3"
	touch $(LRS_STAMP)

lrs-deps: $(LRS_STAMP)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
