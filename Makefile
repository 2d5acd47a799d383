# fazhi-qa: `make run` opens the assistant, `make test` runs every test and the evaluation.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
FAZHI  := $(VENV)/bin/fazhi
STAMP  := $(VENV)/.installed
export FAZHI_HOME ?= $(CURDIR)

.PHONY: setup index run test bench clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch pinned first: an unpinned torch pulls a multi-GB CUDA build
	$(PY) -m pip install -q "torch==2.13.0"
	$(PY) -m pip install -q -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

# Build the index from reports/ only when the store is missing (re-ingesting is a no-op anyway).
index: setup
	@if [ ! -f "$(FAZHI_HOME)/vectorstore/fazhi.sqlite" ]; then $(FAZHI) ingest reports/; fi

run: index
	$(FAZHI) chat

test: setup
	$(PY) -m pytest -q
	$(FAZHI) eval --questions eval/questions.jsonl --out eval/results.json --gate

bench: index
	$(PY) bench/ingest.py

clean:
	rm -rf $(VENV) vectorstore/chroma vectorstore/bm25 vectorstore/fazhi.sqlite
