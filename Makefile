# Two entry points for a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench snapshot clean

$(BIN)/djextract: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# The main job: extract mentions from the four sample reports, then summarise them.
run: $(BIN)/djextract
	$(BIN)/djextract extract samples/ -o out.jsonl
	@echo "wrote out.jsonl ($$(wc -l < out.jsonl) mentions)"
	$(BIN)/djextract stats out.jsonl

test: $(BIN)/djextract
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Accept a change of output: rewrite the pinned output on samples/, dev2 and dev3 (tests/snapshots/).
snapshot: $(BIN)/djextract
	$(BIN)/python tools/snapshot.py

bench: $(BIN)/djextract
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) out.jsonl .pytest_cache .ruff_cache benchmarks/corpus
