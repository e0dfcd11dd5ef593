# Two commands do all the set-up on a fresh machine:
#   make demo   -> .venv, install, extract + ingest the bundled examples, print a dashboard
#   make test   -> .venv, install with test extras (and Debian's chromium), run the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= kamerlens.db

.PHONY: demo test install install-test browser postgres bench eval lint clean serve screenshots

$(BIN)/kamerlens: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

install: $(BIN)/kamerlens

install-test: install
	$(BIN)/pip install --quiet -e '.[test]'

# Playwright drives Debian's chromium; its own browser download does not work offline.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

# The tests start a throw-away PostgreSQL 15 server (tests/pgserver.py) and run the store, link
# and web suites on it too; this makes sure its server binaries (initdb, pg_ctl) are there.
postgres:
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; fi; }

demo: install
	$(BIN)/kamerlens demo --db $(DB)

test: install-test browser postgres
	$(BIN)/python -m pytest -q

serve: install
	$(BIN)/kamerlens serve --db $(DB)

# Refresh the README's pictures from the browser tests.
screenshots: install-test browser
	KAMERLENS_SCREENSHOTS=1 $(BIN)/python -m pytest -q -m browser

bench: install
	$(BIN)/python bench/extract_bench.py

eval: install
	$(BIN)/kamerlens evaluate tests/real --part dev

lint: install-test
	$(BIN)/ruff check src tests
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
