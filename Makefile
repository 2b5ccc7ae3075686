# Handboek Sociaal Werk in de Wijk — the two commands of the README, and a few helpers.
#   make serve   install everything and serve the site on http://127.0.0.1:8000
#   make build   the site in site/ with MkDocs; MOTOR=properdocs or MOTOR=zensical builds the same
#                site with another engine: generate (python -m handboek genereer), the engine,
#                then finish and check (python -m handboek nabouw)
#   make test    install everything (Chromium and Java included, on Debian/Ubuntu), lint, and run all tests
#   make check   the quick loop: lint, test-js and the tests without a browser or the served site
#                (pytest -m "not browser and not traag"; no Chromium, no Java)
#   make lint    ruff and mypy over hooks/, tests/ and bench/ (settings in pyproject.toml)
#   make test-js the unit tests of the browser code (overrides/assets/handboek/kern.js), with Node
#   make adressen  add new pages and anchors to the published addresses (docs/_data/adressen.txt)
#   make pdf     the handbook, every leerroute and every casus deel as PDF files in dist/
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Material prints a notice about MkDocs 2.0 and its own end of life. We pin mkdocs<2
# (see README, "Over MkDocs 2.0"), so the notice has been read and is switched off here.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline pdf test check test-js lint bench adressen install install-test install-motoren install-pdf browser java node \
	pdf-libs clean

# Flags for `mkdocs serve`; bench/run.py measures the same command.
SERVE_FLAGS ?= --dirty

serve: install
	$(BIN)/mkdocs serve $(SERVE_FLAGS)

MOTOR ?= mkdocs
MOTOREN := mkdocs properdocs zensical
TREE := build/genereerd

build: install
ifeq ($(filter $(MOTOR),$(MOTOREN)),)
	@echo "MOTOR=$(MOTOR) ken ik niet. Kies een van: $(MOTOREN)." >&2; exit 2
endif
ifeq ($(MOTOR),mkdocs)
	$(BIN)/mkdocs build --strict
else
	$(MAKE) install-motoren
	PYTHONPATH=hooks $(BIN)/python -m handboek genereer --uit $(TREE) --site $(TREE)/site
	$(BIN)/$(MOTOR) build $(if $(filter zensical,$(MOTOR)),--strict,--strict --quiet) -f $(TREE)/mkdocs.yml
	rm -rf site && mv $(TREE)/site site
	PYTHONPATH=hooks $(BIN)/python -m handboek nabouw --site site --uit $(TREE)
endif

# Build the site and add every new page and anchor to the list of published addresses.
adressen: install
	HANDBOEK_ADRESSEN_UIT=docs/_data/adressen.txt $(BIN)/mkdocs build --strict

# The offline copy: dist/handboek-offline.zip, to open from a folder (file://) without a server.
offline: install
	rm -rf dist/handboek-offline dist/handboek-offline.zip
	HANDBOEK_OFFLINE=true $(BIN)/mkdocs build --strict -d dist/handboek-offline
	cd dist && $(abspath $(BIN))/python -m zipfile -c handboek-offline.zip handboek-offline/
	rm -rf dist/handboek-offline
	@echo "Klaar: dist/handboek-offline.zip"

# PDF files for docenten (not part of `make test`; a test does build one leerroute PDF):
# dist/handboek.pdf, dist/leerroute-<id>.pdf and dist/casussen-<deel>.pdf, from a fresh build.
# Set HANDBOEK_SITE_URL to the published address: the title pages name it.
pdf: install-pdf pdf-libs
	rm -rf dist/pdf-site
	$(BIN)/mkdocs build --strict -d dist/pdf-site
	PYTHONPATH=hooks $(BIN)/python -m handboek.pdf dist/pdf-site dist
	rm -rf dist/pdf-site

test: install-test browser java pdf-libs lint test-js
	$(BIN)/python -m pytest

# The quick loop while you work: no Chromium, no Java, no slow builds (markers: pytest.ini, tests/conftest.py).
check: install-test lint test-js
	$(BIN)/python -m pytest -m "not browser and not traag"

# The pure logic of the forms and the team overview, with Node's own test runner (no packages).
test-js: node
	node --test tests/js/*.test.js

# Style and types of the Python code (settings in pyproject.toml); runs before the tests.
lint: install-test
	$(BIN)/ruff check hooks tests bench
	$(BIN)/mypy

# Speed and size against bench/budgets.yml (not part of `make test`): see bench/run.py.
bench: install
	$(BIN)/python bench/run.py --serve-args="$(SERVE_FLAGS)"

install: $(VENV)/.runtime
$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install-motoren: $(VENV)/.motoren
$(VENV)/.motoren: requirements.txt requirements-motoren.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements-motoren.txt
	touch $@

install-test: $(VENV)/.test
$(VENV)/.test: requirements.txt requirements-test.txt requirements-pdf.txt requirements-motoren.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $(VENV)/.runtime $(VENV)/.pdf $(VENV)/.motoren $@

install-pdf: $(VENV)/.pdf
$(VENV)/.pdf: requirements.txt requirements-pdf.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-pdf.txt
	touch $(VENV)/.runtime $@

# The browser tests use the system Chromium (never a download by Playwright).
browser:
	@command -v "$${HANDBOEK_CHROMIUM:-/usr/bin/chromium}" >/dev/null 2>&1 || \
	  { echo "Chromium ontbreekt; installeren met apt-get (Debian/Ubuntu)..."; \
	    $$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get update -qq && \
	    $$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get install -y -qq chromium; }

# The HTML check (tests/test_html.py) runs the Nu HTML Checker, a Java program (Java 11 or newer).
# Debian's slim images lack the man-page folder the Java package writes to: it is made first.
java:
	@command -v java >/dev/null 2>&1 || \
	  { echo "Java ontbreekt; installeren met apt-get (Debian/Ubuntu)..."; \
	    SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
	    $$SUDO mkdir -p /usr/share/man/man1 && $$SUDO apt-get update -qq && \
	    $$SUDO apt-get install -y -qq default-jre-headless; }

# Pango and fonts for WeasyPrint (make pdf), from Debian when WeasyPrint cannot load them.
pdf-libs: install-pdf
	@$(BIN)/python -c "import weasyprint" >/dev/null 2>&1 || \
	  { echo "Pango ontbreekt (voor make pdf); installeren met apt-get (Debian/Ubuntu)..."; \
	    $$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get update -qq && \
	    $$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get install -y -qq \
	      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core; }

# Node.js for test-js (Debian's package is enough: node --test needs Node 18 or newer).
node:
	@command -v node >/dev/null 2>&1 || \
	  { echo "Node.js ontbreekt; installeren met apt-get (Debian/Ubuntu)..."; \
	    $$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get update -qq && \
	    $$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get install -y -qq nodejs; }

clean:
	rm -rf site dist .pytest_cache .mypy_cache .ruff_cache
