# fazhi-qa: `make run` opens the assistant, `make test` runs every test and the evaluation.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
FAZHI  := $(VENV)/bin/fazhi
STAMP  := $(VENV)/.installed
export FAZHI_HOME ?= $(CURDIR)

.PHONY: setup index run test bench clean browser postgres

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
	$(FAZHI) serve

# Headless Chromium for tests/web/test_browser.py (Debian's package; `playwright install` is not used) and CJK
# fonts so the page's Chinese renders in screenshots. Installed only when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@if [ ! -x /usr/bin/chromium ]; then $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; fi
	@if command -v fc-list >/dev/null && ! fc-list :lang=zh | grep -q .; then $(SUDO) apt-get install -y fonts-noto-cjk; fi

# PostgreSQL for the shared-store tests (tests/store/test_shared_store.py start their own cluster with
# initdb + pg_ctl in a temp dir); Debian's package, installed only when missing. The service is not started.
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then $(SUDO) apt-get update && $(SUDO) apt-get install -y postgresql; fi

test: setup browser postgres
	$(PY) -m pytest -q
	# the gate runs the deterministic pipeline; the local LLM is exercised by the slow tests
	# (tests/llm/test_backends.py, tests/llm/test_generation.py) and by `fazhi eval --llm local` (see README)
	$(FAZHI) eval --questions eval/questions.jsonl --out eval/results.json --gate --llm none
	# reports it was not written from: 30 real openings + the seeds (eval/unseen-reports, eval/unseen.jsonl)
	$(FAZHI) eval --questions eval/unseen.jsonl --reports eval/unseen-reports --out eval/results-unseen.json \
		--gate --thresholds eval/unseen-thresholds.toml --llm none
	# questions written as people ask them, follow-ups included, over 30 more real openings (eval/README.md):
	# the tune half is what failures are fixed on, the check half is only read as a score
	$(FAZHI) eval --questions eval/natural-tune.jsonl --reports eval/natural-reports \
		--out eval/results-natural-tune.json --gate --thresholds eval/natural-tune-thresholds.toml --llm none
	$(FAZHI) eval --questions eval/natural-check.jsonl --reports eval/natural-reports \
		--out eval/results-natural-check.json --gate --thresholds eval/natural-check-thresholds.toml --llm none

bench: index
	$(PY) bench/ingest.py

clean:
	rm -rf $(VENV) vectorstore/chroma vectorstore/bm25 vectorstore/fazhi.sqlite vectorstore/lexical.sqlite*
