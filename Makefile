# Two entry points for a fresh machine: `make run` (the page) and `make test` (the suite).
VENV ?= .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: run test install browser wordnet

install: $(VENV)/.installed

# torch is installed first and pinned: an unpinned torch would pull a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Headless Chromium for the browser tests, from Debian (never `playwright install`).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -q && apt-get install -y -q chromium chromium-driver)

# WordNet's plain-text files from Debian, for questions worded unlike the articles. Without
# root the page still runs, answering without related words (a warning says so).
wordnet:
	@test -f /usr/share/wordnet/data.noun || (apt-get update -q && apt-get install -y -q --no-install-recommends wordnet-base) \
		|| echo "wordnet-base could not be installed (needs root): answering without WordNet"

run: install wordnet
	$(VENV)/bin/corpus-qa serve

test: install browser wordnet
	$(PY) -m pytest
