# `make run` and `make test` are all a fresh machine needs: each creates .venv and installs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The store and scaling tests run on a real PostgreSQL 15 too (tests/pg.py starts a
# throwaway cluster on 127.0.0.1 and removes it afterwards).
PG_BIN ?= /usr/lib/postgresql/15/bin

.PHONY: run test demo lint bench bytecode clean postgres chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(MAKE) --no-print-directory bytecode
	touch $(STAMP)

# Our modules' bytecode, as an installed wheel has it: an editable install has none, and
# with PYTHONDONTWRITEBYTECODE set every process (each worker of `once` included) compiles
# bot/ and watchers/ again (~0.2 s of CPU for the service, ~0.06 s a worker). A module
# edited since is compiled from source as before (Python checks each file's time stamp).
bytecode:
	$(BIN)/python -m compileall -q bot watchers

run: $(STAMP)
	$(BIN)/defwatch run

demo: $(STAMP)
	$(BIN)/defwatch demo

lint: $(STAMP)
	$(BIN)/ruff check bot watchers tests bench
	$(BIN)/mypy

# Installs Debian's postgresql-15 when it is missing and we can (root, apt-get). Without
# it the PostgreSQL tests are skipped locally and fail under CI=true.
postgres:
	@if [ -x "$(PG_BIN)/initdb" ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "installing postgresql-15 for the PostgreSQL tests"; \
		apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null; \
	else \
		echo "note: no PostgreSQL 15 at $(PG_BIN); its tests will be skipped" \
		     "(apt-get install postgresql-15, or set PG_BIN)"; \
	fi

# The archive's browser tests drive Debian's chromium through Debian's chromedriver (no
# browser download). Installed like PostgreSQL: skipped locally without, failed under CI=true.
chromium:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "installing chromium and chromium-driver for the browser tests"; \
		apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver \
			>/dev/null; \
	else \
		echo "note: no /usr/bin/chromium or /usr/bin/chromedriver; the browser tests" \
		     "will be skipped (apt-get install chromium chromium-driver)"; \
	fi

test: $(STAMP) lint postgres chromium
	DEFWATCH_PG_BIN=$(PG_BIN) $(BIN)/pytest

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(MAKE) --no-print-directory bytecode
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
