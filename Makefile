# Two commands for a fresh machine: `make demo` and `make test` (see README.md).
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.coopwatch-installed
DB     ?= coopwatch.db

.PHONY: demo test lint bench lock clean

# Create the virtualenv if missing and install the pinned dependencies, then the package.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)  ## analyse and store the bundled sample articles, then summarise them
	$(BIN)/coopwatch demo --db $(DB)

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
