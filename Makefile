# The front door. `make report` builds a brief of the sample meeting; `make test` runs the tests.
# Both create the virtual environment (.venv) first when it is missing or out of date.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
SAMPLE ?= 2562-04

.PHONY: setup report summary lab test bench clean help

help:
	@echo "make report   build the brief of the sample meeting ($(SAMPLE)): outputs/$(SAMPLE)/brief.html and brief.pdf"
	@echo "make summary  print the sample meeting's summary in the terminal"
	@echo "make lab      open JupyterLab on the notebooks, with the project's kernel"
	@echo "make test     run the test suite"
	@echo "make bench    run the benchmarks under benchmarks/"
	@echo "make setup    create $(VENV) with cddbrief and its dev tools"
	@echo "make clean    remove outputs/ and caches (data/raw is never touched)"

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

report: setup
	$(BIN)/cddbrief build $(SAMPLE) --format html,pdf
	@echo "open outputs/$(SAMPLE)/brief.html (or brief.pdf); the executed notebook is outputs/$(SAMPLE)/brief.ipynb"

summary: setup
	$(BIN)/cddbrief parse $(SAMPLE)

lab: setup
	$(BIN)/jupyter lab notebooks/

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/bench_parse.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_batch.py

clean:
	rm -rf outputs/* .pytest_cache .hypothesis
