# Two entry points, both self-installing into .venv: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test build install install-test bench bench-full clean i18n

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

## The interface's message catalogs: extract the marked strings (_, N_, ngettext) from dashboard/ into the
## template, then merge it into each language's .po (new strings come empty, changed ones fuzzy: both read
## in English until translated). Idempotent: the template is replaced only when its messages change.
LOCALES   := dashboard/locale
POT       := $(LOCALES)/messages.pot
LANGS     := id
I18N_KEYS := --no-default-keywords -k _ -k N_ -k ngettext:1,2

i18n: install
	$(BIN)/pybabel -q extract -F babel.cfg $(I18N_KEYS) --add-location=file --sort-by-file \
		--project="ASEAN Digital Diplomacy Tracker" --version=1 -o $(POT).new dashboard
	@if [ -f $(POT) ] && diff -q -I '^"POT-Creation-Date' $(POT) $(POT).new >/dev/null; then rm $(POT).new; \
		else mv $(POT).new $(POT); echo "$(POT): updated"; fi
	@for l in $(LANGS); do \
		if [ -f $(LOCALES)/$$l/LC_MESSAGES/messages.po ]; then \
			$(BIN)/pybabel -q update -i $(POT) -d $(LOCALES) -l $$l --ignore-obsolete; \
		else $(BIN)/pybabel -q init -i $(POT) -d $(LOCALES) -l $$l; fi; \
	done

clean:
	rm -rf output .pytest_cache screenshots
