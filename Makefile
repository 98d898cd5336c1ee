# Two entry points, both self-installing into .venv: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test build install install-test bench bench-full clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## Install, then open the dashboard on the bundled seeds (tables are built on first start).
run: install
	$(BIN)/python -m streamlit run dashboard/app.py

## Install with test tools, then run the whole suite (browser tests included when Chromium is present).
test: install-test
	$(BIN)/python -m pytest

## Rebuild the tables from seeds/ into output/.
build: install
	$(BIN)/python -m data_prep build

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed-test
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	touch $@

## Every benchmark under bench/, figures printed (the spaCy peer needs the bench extra).
bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run_all.py

## The same with 10^5 synthetic articles for the build and the dashboard (about an hour on 2 cores).
bench-full: $(VENV)/.installed-bench
	$(BIN)/python bench/run_all.py --full

clean:
	rm -rf output .pytest_cache screenshots
