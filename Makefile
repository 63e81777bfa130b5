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

.PHONY: demo test install messages e2e-deps lint serve

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

messages: $(STAMP)
	$(PY) manage.py compile_translations

## First command: install, migrate, load the demo and serve on http://127.0.0.1:8000
demo: install messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

## Second command: install and run every test (browser tests included).
## SKIP_E2E=1 skips the browser tests locally.
test: install messages e2e-deps
	$(BIN)/ruff check .
	$(BIN)/pytest -p no:cacheprovider -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

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

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
