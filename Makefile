# Two commands for a newcomer: `make run` and `make test`. Each sets up .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint setup bench clean system-packages

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/newsroom --root .

# System tools some tests need (nginx for tests/test_nginx.py): installed when missing and
# apt-get is usable as root; never fatal (those tests skip, naming the Debian package).
system-packages:
	-@sh tools/system-packages

test: $(STAMP) system-packages
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check newsroom tests benchmarks
	$(BIN)/ruff format --check newsroom tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
