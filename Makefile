# Trust Your Gut. The two commands: `make run` (the bot) and `make test` (every test).
# Both set up everything on a fresh clone: venv, pinned install, spaCy pipeline, model.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Rasa 3.6 needs Python 3.10; pyenv's shim only finds it when asked for that version.
PYTHON310 ?= $(shell command -v python3.10 >/dev/null 2>&1 && python3.10 -c 'print(1)' >/dev/null 2>&1 \
	&& echo python3.10 || ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.10*/bin/python3.10 2>/dev/null | tail -1)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONPATH := $(CURDIR)

.PHONY: run test test-fast install chromium services build flows review bench profile load retention train eval validate crossval trends trends-demo lock clean

$(VENV)/.installed: requirements.txt constraints.txt
	@test -n "$(PYTHON310)" || { echo "Python 3.10 not found (set PYTHON310=/path/to/python3.10)"; exit 1; }
	rm -rf $(VENV)
	$(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==24.0
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

# the widget's browser packages (socket.io client; axe-core for the accessibility test)
web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests (no browser download by any test tool)
chromium:
	@command -v chromium >/dev/null 2>&1 || { echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL and Redis for the scale-out test (the test starts its own servers)
services:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 || { \
	  echo "Installing Debian's postgresql and redis-server for the scale-out test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >/dev/null; }

install: $(VENV)/.installed web/node_modules/.installed

build: install
	$(PY) -m tools.build.spacy_pipeline build/spacy_en_tyg
	$(PY) -m tools.build.rasa_files

train: install
	$(PY) -m tools.train

run: install
	$(PY) -m tools.run

validate: build
	$(VENV)/bin/rasa data validate --domain build/domain --data build/data --config config.yml --fail-on-warnings

test: install chromium services
	$(PY) -m pytest

# the unit tier only (code and content, no model, servers, browser or databases): under a minute
test-fast: install
	$(PY) -m pytest -m unit -q

# play every staff conversation script (bot/content/flows/) and write results/flows/report.html
flows: build
	$(PY) -m tools.flows

# everything the bot can say, for sign-off: results/review/content-review.html
review: install
	$(PY) -m tools.review

# this bot against the stock `rasa init` assistant, serving measured in 3 rounds: results/bench/ (about 25 minutes)
bench: build
	$(PY) -m tools.bench

# where the Rasa server's time goes under load (py-spy): results/profile/
profile: build
	$(PY) -m tools.profile

# 200 five-turn conversations, 20 then 50 at a time, REST and socket.io: results/load/
load: build
	$(PY) -m tools.load

# delete conversations idle for over TYG_RETENTION_DAYS (30); `make run` does it every 6 hours.
# One conversation on request: make retention FORGET=<conversation id>
retention: install
	$(PY) -m stores.retention $(if $(FORGET),--forget $(FORGET))

eval: install
	$(PY) -m tools.evaluate

# what parents are worried about, week by week, rising routes flagged (the staff trends page's figures)
trends: install
	$(PY) -m tools.trends $(if $(SOURCE),--source $(SOURCE))

# the trends page on 26 weeks of made-up counts (one surge), in its own database: var/trends-demo/
trends-demo: install
	$(PY) -m tools.trends --demo

# NLU cross-validation of the classifier (3 folds, ~10 min): per-intent F1
crossval: build
	$(PY) -m tools.crossval

lock:
	rm -rf /tmp/tyg-lock && $(PYTHON310) -m venv /tmp/tyg-lock
	/tmp/tyg-lock/bin/pip install --quiet --upgrade pip==24.0
	/tmp/tyg-lock/bin/pip install --quiet -r requirements.txt
	{ echo "# Resolved on Python 3.10 from requirements.txt. Regenerate with: make lock"; \
	  /tmp/tyg-lock/bin/pip freeze; } > constraints.txt

clean:
	rm -rf build models run results .pytest_cache
