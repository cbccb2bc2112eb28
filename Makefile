# Two commands for a fresh machine: `make demo` and `make test` (see README.md).
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.coopwatch-installed
DB     ?= coopwatch.db
PORT   ?= 8000
SERVE  ?= 1
PIDFILE := .coopwatch-serve.pid

.PHONY: demo serve stop test lint bench lock clean

# Create the virtualenv if missing and install the pinned dependencies, then the package.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)  ## analyse and store the bundled samples, summarise them, start the dashboard (SERVE=0: don't)
	$(BIN)/coopwatch demo --db $(DB)
	@if [ "$(SERVE)" != "0" ]; then $(MAKE) --no-print-directory serve; fi

serve: $(STAMP)  ## the dashboard on http://127.0.0.1:$(PORT)/ in the background; `make stop` ends it
	@$(MAKE) --no-print-directory stop >/dev/null
	@nohup $(BIN)/coopwatch serve --db $(DB) --port $(PORT) > .coopwatch-serve.log 2>&1 & echo $$! > $(PIDFILE)
	@for i in 1 2 3 4 5 6 7 8 9 10; do \
	  if $(BIN)/python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$(PORT)/api/home', timeout=1)" 2>/dev/null; then \
	    echo "Dashboard running on http://127.0.0.1:$(PORT)/ (make stop ends it; log in .coopwatch-serve.log)"; exit 0; fi; \
	  sleep 1; done; \
	echo "The dashboard did not start; see .coopwatch-serve.log"; cat .coopwatch-serve.log; exit 1

stop:  ## stop the dashboard started by `make demo` or `make serve`
	@if [ -f $(PIDFILE) ]; then kill $$(cat $(PIDFILE)) 2>/dev/null || true; rm -f $(PIDFILE); echo "dashboard stopped"; fi

test: $(STAMP) lint  ## ruff and the whole test suite
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)  ## speed and memory of analyze on the shared corpus; writes bench/results/latest.json
	$(BIN)/python bench/analyze_speed.py

lock:  ## re-pin requirements.lock from the current virtualenv
	$(BIN)/python -m pip freeze --exclude-editable --exclude coopwatch > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
