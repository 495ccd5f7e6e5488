# The front door. `make report` builds a brief of the sample meeting; `make test` runs the tests.
# Both create the virtual environment (.venv) first when it is missing or out of date.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
SAMPLE ?= 2562-04

.PHONY: setup jupyter browser-deps report summary lab test format fuzz mutants bench screenshot clean help

help:
	@echo "make report   build the brief of the sample meeting ($(SAMPLE)): outputs/$(SAMPLE)/brief.html and brief.pdf"
	@echo "make summary  print the sample meeting's summary in the terminal"
	@echo "make lab      open JupyterLab on the notebooks, with the project's kernel"
	@echo "make test     run the test suite"
	@echo "make format   lay the code out with ruff and apply its fixes (make test checks the rules, not the layout)"
	@echo "make fuzz     the property tests with new random examples each run (make test draws the same ones everywhere)"
	@echo "make mutants  mutation testing of the reading and checking code on the quick tests (~8 min on 2 processes); prints the score"
	@echo "make bench    run the benchmarks under benchmarks/"
	@echo "make setup    create $(VENV) with cddbrief and its dev tools, and the Jupyter kernel 'cddbrief'"
	@echo "make screenshot  regenerate docs/brief-*.png, the pictures in README.md"
	@echo "make clean    remove outputs/ and caches (data/raw is never touched)"

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(MAKE) --no-print-directory jupyter VENV=$(VENV)
	rm -f $(VENV)/.installed-*
	touch $@

# What Jupyter finds in this venv: the kernel JupyterLab/JupyterHub users pick for the notebooks
# (this venv's Python by absolute path, installed with --sys-prefix; a JupyterHub whose server runs
# from another environment finds it after: $(BIN)/python -m ipykernel install --user --name cddbrief),
# and the nbconvert template (`jupyter nbconvert --to html --template cddbrief x.ipynb`). A wheel
# installs the template itself; an editable install does not install data-files, so it is linked
# here to the source, where edits show at once.
TEMPLATES = $(VENV)/share/jupyter/nbconvert/templates

jupyter:
	$(BIN)/python -m ipykernel install --sys-prefix --name cddbrief --display-name "Python 3 (cddbrief)" >/dev/null
	mkdir -p $(TEMPLATES)
	test -e $(TEMPLATES)/cddbrief || ln -s $(CURDIR)/lib/cddbrief/templates/nbconvert/cddbrief $(TEMPLATES)/cddbrief

# Browser and paper tests need Debian's chromium and poppler-utils (PyPI has neither) and axe-core
# from npm. Installed here when missing and we may (root, apt-get); otherwise those tests skip.
BROWSER_STAMP = $(VENV)/.browser-deps-$(shell cat package.json package-lock.json | cksum | cut -d' ' -f1)

browser-deps: $(BROWSER_STAMP)

$(BROWSER_STAMP): package.json package-lock.json | setup
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium poppler-utils >/dev/null; \
	  else echo "note: chromium and poppler-utils are missing (apt-get install chromium poppler-utils); browser and paper tests will skip"; fi; \
	fi
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	  else echo "note: npm is missing; the accessibility test will skip"; fi
	rm -f $(VENV)/.browser-deps-*
	touch $@

report: setup
	$(BIN)/cddbrief build $(SAMPLE) --format html,pdf
	@echo "open outputs/$(SAMPLE)/brief.html (or brief.pdf); the executed notebook is outputs/$(SAMPLE)/brief.ipynb"

summary: setup
	$(BIN)/cddbrief parse $(SAMPLE)

# As root (a container) Jupyter refuses to start without --allow-root. Kernels get CurveZMQ keys
# (transport_encryption=auto; the kernel spec says it supports them), so traffic to them is
# encrypted and no kernel prints "Kernel is running over TCP without encryption" on every start.
LAB_FLAGS = --ServerApp.root_dir=notebooks --MappingKernelManager.transport_encryption=auto \
	$(if $(filter 0,$(shell id -u)),--allow-root)

lab: setup
	$(BIN)/jupyter lab $(LAB_FLAGS)

test: setup browser-deps
	$(BIN)/python -m pytest -q

# The property tests of `make test` draw the same examples everywhere (tests/conftest.py); these draw new ones
# each run, to look for what those miss. A failure prints the example: make it a test of its own.
PROPERTY_TESTS = $(shell grep -l "^from hypothesis" tests/*.py)

fuzz: setup
	CDDBRIEF_HYPOTHESIS=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider $(PROPERTY_TESTS)

# The formatter's layout and ruff's own fixes, on the code `make test` lints (tests/test_lint.py checks the
# rules only: a new ruff release's layout is a `make format` away, not a failing test). Long strings,
# comments and docstrings are left for a person to wrap: ruff then lists them and the target fails.
LINTED = lib tests benchmarks tools

format: setup
	$(BIN)/python -m ruff format $(LINTED)
	$(BIN)/python -m ruff check --fix $(LINTED)

# Small changes to the reading and checking modules (tools/mutants.py), each run against the quick
# tests in a copy of lib/: the share the tests notice is the score. Slow, so never part of `make test`.
# MUTANTS_FLAGS: e.g. --sample 0 (every mutant), --only thaidates, --seed 7, --jobs 1.
mutants: setup
	$(BIN)/python tools/mutants.py $(MUTANTS_FLAGS)

bench: setup
	$(BIN)/python benchmarks/bench_parse.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_html.py
	$(BIN)/python benchmarks/bench_pdf.py
	$(BIN)/python benchmarks/bench_print.py
	$(BIN)/python benchmarks/bench_charts.py

screenshot: setup browser-deps
	$(BIN)/python tools/screenshot.py

clean:
	rm -rf outputs/* .pytest_cache .hypothesis
