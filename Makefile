# Two commands for a newcomer: `make run` and `make test`. Each sets up .venv first.
# The interpreter .venv is made with (`make PY=python3.12 setup` to choose another, after
# `make clean`): the system's python3 when it is 3.11 or newer and can make a venv (Debian's
# and Ubuntu's are built with PGO and LTO; a publish after one approval at 10,000 releases
# takes 0.88 of its time on a pyenv build without them, docs/performance.md), else the
# first python3 on PATH.
SYSTEM_PY := /usr/bin/python3
PY ?= $(shell $(SYSTEM_PY) -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' \
	2>/dev/null && echo $(SYSTEM_PY) || echo python3)
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

# System tools some tests need (nginx for tests/test_nginx.py, chromium for the pages' browser
# tests, git for sharing, minisign for signing): installed when missing and apt-get is usable
# as root; never fatal (those tests skip, naming the Debian package).
system-packages:
	-@sh tools/system-packages

test: $(STAMP) system-packages
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check newsroom tests benchmarks
	$(BIN)/ruff format --check newsroom tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# The benchmarks of docs/performance.md on BENCH_N releases of the shared corpus
# (../shared/bench/gen_corpus.py, made once in BENCH_WORK): publishing against Hugo's build
# (newsroom alone when hugo is not installed), then the desk. `make bench BENCH_N=500` is a
# quick look; the documented figures are for 10,000. kill_test.py is run by hand.
BENCH_N ?= 10000
BENCH_WORK ?= /tmp/newsroom-bench
HUGO := $(shell command -v hugo)

bench: $(STAMP)
	$(if $(HUGO),,@echo "hugo not found (apt-get install hugo): timing newsroom alone")
	$(BIN)/python benchmarks/bench_publish.py --n $(BENCH_N) --work $(BENCH_WORK) \
		$(if $(HUGO),,--skip-hugo)
	$(BIN)/python benchmarks/bench_tui.py --n $(BENCH_N) --work $(BENCH_WORK)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
