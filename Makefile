# Two commands do all set-up on a fresh machine:
#   make run    creates the environment if missing, then starts smugdesk
#   make test   creates the environment if missing, then runs the whole suite headless
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint mutants mutants-ci screenshot screenshots translations bundle clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m smugdesk $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check smugdesk tests scripts benchmarks
	$(VENV)/bin/ruff format --check smugdesk tests scripts benchmarks

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# Mutation testing of every module in smugdesk/core and smugdesk/publish ([tool.mutmut] in
# pyproject.toml, docs/testing.md): hours on 2 cores (about 2 mutants a second, ~15,000
# mutants); results stay in mutants/ so a second run only redoes what changed. WordPress and
# the Micropub server are started once for the run (scripts/mutation_servers.py exports
# SMUGDESK_WORDPRESS_SITE and SMUGDESK_MICROPUB_SITE, which the fixtures reuse and reset), so
# the publishing tests take part; they are stopped when mutmut ends. Sessions that use a
# server take turns on it (a lock), so more children only speed up the other tests.
# MUTANT_CHILDREN=2 on a machine of your own.
MUTANT_CHILDREN ?= 1
mutants: $(STAMP)
	QT_QPA_PLATFORM=offscreen nice -n 19 $(PY) scripts/mutation_servers.py -- \
		$(VENV)/bin/mutmut run --max-children $(MUTANT_CHILDREN)
	$(PY) scripts/mutation_report.py

# The fixed sample CI runs (scripts/mutation_ci.py): a few minutes, fails under the floors.
mutants-ci: $(STAMP)
	$(PY) scripts/mutation_ci.py

# Real X11 screenshot under Xvfb (needs Debian's xvfb); fails if the window renders blank.
SCREENSHOT_OUT ?= docs/screenshot.png
screenshot: $(STAMP)
	$(PY) scripts/screenshot.py $(SCREENSHOT_OUT)

# The README pictures: the window light and dark, tabs and the Share on Bluesky dialog.
screenshots: $(STAMP)
	$(PY) scripts/screenshot.py docs/screenshot.png
	$(PY) scripts/screenshot.py docs/screenshot-dark.png --dark
	$(PY) scripts/doc_screenshots.py docs

# The template translators start from: every tr() string of the UI.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(git ls-files 'smugdesk/ui/*.py' 'smugdesk/ui/**/*.py') \
		-ts resources/translations/smugdesk.ts -no-obsolete
	$(PY) scripts/english_plurals.py  # "1 post", "2 posts": English plural forms of every count
	for ts in resources/translations/smugdesk_*.ts; do \
		[ -e "$$ts" ] && $(VENV)/bin/pyside6-lrelease "$$ts"; done; true

# A standalone Linux bundle in dist/ (PyInstaller, in its own environment); not part of the tests.
bundle:
	bash packaging/pyinstaller/build.sh

clean:
	rm -rf $(VENV) build *.egg-info
