# Two entry points for a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench snapshot build clean

# Installing compiles the rule modules with mypyc where a C compiler is found (setup.py), else keeps them Python.
$(BIN)/djextract: pyproject.toml setup.py src/djextract/native.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@$(BIN)/djextract --version
	@touch $@

# Compile the rule modules again after editing them (until then they run from source: djextract --version).
build: $(BIN)/djextract
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@$(BIN)/djextract --version

# The main job: extract mentions from the four sample reports, then summarise them.
run: $(BIN)/djextract
	$(BIN)/djextract extract samples/ -o out.jsonl
	@echo "wrote out.jsonl ($$(wc -l < out.jsonl) mentions)"
	$(BIN)/djextract stats out.jsonl

# The suite twice: as installed (compiled where it could be), then on the Python sources alone.
test: $(BIN)/djextract
	$(BIN)/ruff check src tests benchmarks tools setup.py
	$(BIN)/mypy
	$(BIN)/python -m pytest
	DJEXTRACT_PURE=1 $(BIN)/python -m pytest

# Accept a change of output: rewrite the pinned output on samples/, dev2 and dev3 (tests/snapshots/).
snapshot: $(BIN)/djextract
	$(BIN)/python tools/snapshot.py

bench: $(BIN)/djextract
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) out.jsonl .pytest_cache .ruff_cache benchmarks/corpus build
	find src -name '*.so' -delete
