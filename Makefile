# eventwire: two commands on a fresh machine.
#   make demo   sets everything up, codes the sample reports into demo.db, prints the events
#   make test   sets everything up and runs the linter and the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := sqlite:///demo.db
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench train lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: the CPU build the sentence-embedding package needs
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,serve,embed]'
	$(BIN)/eventwire gazetteer build
	touch $(STAMP)

demo: setup
	rm -f demo.db
	$(BIN)/eventwire ingest examples/ --db $(DEMO_DB) --quiet
	$(BIN)/eventwire events --db $(DEMO_DB)

lint: setup
	$(BIN)/ruff check src tests scripts

test: lint
	$(BIN)/pytest

bench: setup
	$(BIN)/python scripts/bench.py examples/ --ordinary benchmarks/ordinary

train: setup
	$(BIN)/python scripts/train_classifier.py

clean:
	rm -rf $(VENV) demo.db .pytest_cache .ruff_cache
