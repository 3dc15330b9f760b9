# Two commands do all set-up on a fresh machine:
#   make run    creates the environment if missing, then starts smugdesk
#   make test   creates the environment if missing, then runs the whole suite headless
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint screenshot screenshots translations bundle clean

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

# Real X11 screenshot under Xvfb (needs Debian's xvfb); fails if the window renders blank.
SCREENSHOT_OUT ?= docs/screenshot.png
screenshot: $(STAMP)
	$(PY) scripts/screenshot.py $(SCREENSHOT_OUT)

# Both README pictures, light and dark.
screenshots: $(STAMP)
	$(PY) scripts/screenshot.py docs/screenshot.png
	$(PY) scripts/screenshot.py docs/screenshot-dark.png --dark

# The template translators start from: every tr() string of the UI.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(git ls-files 'smugdesk/ui/*.py' 'smugdesk/ui/**/*.py') \
		-ts resources/translations/smugdesk.ts -no-obsolete
	for ts in resources/translations/smugdesk_*.ts; do \
		[ -e "$$ts" ] && $(VENV)/bin/pyside6-lrelease "$$ts"; done; true

# A standalone Linux bundle in dist/ (PyInstaller, in its own environment); not part of the tests.
bundle:
	bash packaging/pyinstaller/build.sh

clean:
	rm -rf $(VENV) build *.egg-info
