# Two commands from a fresh clone: `make run` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
# Python 3.12 or newer (3.11 crashes the server: see docs/operations.md). A virtual environment made with an
# older Python is rebuilt.
ifneq ($(wildcard $(BIN)/python),)
  ifneq ($(shell $(BIN)/python -c 'import sys; print(int(sys.version_info >= (3, 12)))' 2>/dev/null),1)
    $(info $(VENV) was made with a Python older than 3.12: rebuilding it)
    $(shell rm -rf $(VENV))
  endif
endif
PYTHON ?= $(shell sh scripts/find-python.sh)
HOST ?= 127.0.0.1
PORT ?= 5000
MO_FILES := $(patsubst %.po,%.mo,$(wildcard jobdating/translations/*/LC_MESSAGES/messages.po))

.PHONY: run test lint install install-test install-lint translations extract-messages clean

# make run is development: a throw-away secret, plain-HTTP cookies, links to this address.
run: export JOBDATING_DEVELOPMENT = 1
run: export PUBLIC_BASE_URL = http://$(HOST):$(PORT)
run: install translations
	$(BIN)/flask --app jobdating setup
	$(BIN)/flask --app jobdating run --host $(HOST) --port $(PORT)

test: install-test translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-lint
	$(BIN)/ruff check .
	$(BIN)/mypy jobdating solver

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	@test -n "$(PYTHON)" || { sh scripts/find-python.sh >/dev/null; exit 1; }
	@echo "Creating $(VENV) with $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install-lint: $(VENV)/.installed-lint

$(VENV)/.installed-lint: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[lint]'
	touch $@

translations: $(MO_FILES)

%.mo: %.po $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@

# English is translated by hand; the French catalogue holds only the plural messages (French is the msgid, but
# counts need the French rule: "0 personne"), written from the .pot by scripts/fr_catalog.py.
extract-messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -w 120 -o jobdating/translations/messages.pot .
	$(BIN)/pybabel update -w 120 -l en -i jobdating/translations/messages.pot -d jobdating/translations
	$(BIN)/python scripts/fr_catalog.py

clean:
	rm -rf $(VENV) *.egg-info
