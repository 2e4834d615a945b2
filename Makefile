# tracker: `make dataset` builds and validates the sample dataset, `make test` runs the tests.
# Both create the virtual environment (.venv) from pyproject.toml on first use, and compile
# the extraction modules with mypyc again whenever a module of tracker/ changed (~1-2 min;
# pure Python where mypyc or a C compiler is missing: scripts/compile.py, tracker/compiled.py).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
COMPILED := $(VENV)/.compiled-stamp

.DEFAULT_GOAL := help
.PHONY: help venv dataset validate suites test eval bench clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,compile]'
	touch $@

# (made again when any module changed: a compiled module depends on the types of those it imports)
$(COMPILED): $(STAMP) $(wildcard tracker/*.py)
	$(PY) scripts/compile.py
	touch $@

venv: $(COMPILED)  ## create .venv, install tracker with its test tools, compile the extraction

dataset: $(COMPILED)  ## build data/raw into data/processed, then validate it
	$(PY) -m tracker build data/raw --out data/processed
	$(PY) -m tracker validate data/processed

validate: $(COMPILED)  ## validate data/processed again (reports in validations/reports)
	$(PY) -m tracker validate data/processed

suites: $(STAMP)  ## regenerate validations/suites from schemas/ (after any schema change)
	$(PY) scripts/gen_suites.py

test: $(COMPILED)  ## run the test suite
	$(PY) -m pytest

eval: $(COMPILED)  ## score extraction on ../shared/eval dev sets (skips when absent)
	$(PY) scripts/eval.py

bench: $(COMPILED)  ## measure throughput and memory on a >= 50 MB corpus
	$(PY) bench/run.py

clean:  ## remove built data and reports (keeps .venv)
	rm -rf data/processed validations/reports/*.json validations/reports/*.md validations/reports/data_docs
