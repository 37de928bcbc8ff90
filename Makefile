# `make serve` and `make test` are the only two commands a new machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: serve test lint bench docs clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install when pyproject.toml changes; the stamp files keep repeat runs fast.
$(VENV)/.runtime-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

# The tests build the facilitator guide too (tests/test_docs.py), so they need its tools. The hub test
# needs JupyterHub's proxy, an npm package: installed into the venv when npm is here (Node.js 20 or newer
# takes configurable-http-proxy 5; older Node, as in Debian 12, takes 4.6); without npm that test says why.
$(VENV)/.test-installed: pyproject.toml $(VENV)/.runtime-installed
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	@if command -v npm >/dev/null 2>&1; then \
	    if node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then proxy=5.3.0; else proxy=4.6.3; fi; \
	    npm install --silent --no-audit --no-fund --prefix $(VENV)/node configurable-http-proxy@$$proxy; \
	fi
	@touch $@

$(VENV)/.docs-installed: pyproject.toml $(VENV)/.runtime-installed
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	@touch $@

serve: $(VENV)/.runtime-installed
	$(BIN)/workshop serve

test: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .

# The facilitator guide as a static site in build/guide (open build/guide/index.html); warnings are errors.
docs: $(VENV)/.docs-installed
	$(BIN)/sphinx-build -W --keep-going -q -b html facilitator_guide build/guide
	@echo "The facilitator guide is in build/guide/index.html"

bench: $(VENV)/.test-installed
	$(BIN)/python benchmarks/crisis_language.py
	$(BIN)/python benchmarks/page_load.py

clean:
	rm -rf $(VENV) artifacts build .pytest_cache .ruff_cache
