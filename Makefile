# Community Desk. `make run` and `make test` do all the set-up on a fresh Debian/Ubuntu machine.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
PYTEST_WORKERS ?= 2

.PHONY: run test lint bench translations update-translations server demo-server clean

$(STAMP): pyproject.toml scripts/venv.sh
	scripts/venv.sh
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

## Start the desk on its local database, with the demo workspace (user demo / demo1234).
run: $(STAMP) translations
	scripts/system-deps.sh qt window
	$(BIN)/community-desk --demo

## Run the whole suite headless (Qt offscreen, a throwaway PostgreSQL cluster for the server).
test: $(STAMP) translations
	scripts/system-deps.sh qt postgres browser
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -n $(PYTEST_WORKERS) -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check desk_app sync tests bench installer scripts

## Benchmarks (figures, not pass/fail): list, search, sync throughput.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

## Extract translatable strings from the code into the .ts files (then edit them in Linguist).
update-translations: $(STAMP)
	$(BIN)/python scripts/update_translations.py

server: $(STAMP)
	$(BIN)/community-desk-server serve --database sqlite:///server.sqlite3 --host 127.0.0.1 --port 8731

clean:
	rm -rf $(VENV) build dist *.egg-info resources/translations/*.qm

.PHONY: dist tarball

## One-folder desk bundle in dist/community-desk/ (PyInstaller, installer/community-desk.spec),
## then the smoke test of the built binary (a fresh database, one case registered, exit 0).
dist: $(STAMP) translations
	scripts/system-deps.sh qt
	$(BIN)/python installer/build.py
	COMMUNITY_DESK_BUNDLE=dist/community-desk/community-desk QT_QPA_PLATFORM=offscreen \
		$(BIN)/pytest -q -p no:cacheprovider -m bundle tests/test_bundle.py

## The bundle as dist/community-desk-<version>-linux-<arch>.tar.gz with install.sh and .desktop.
tarball: $(STAMP) translations
	scripts/system-deps.sh qt
	$(BIN)/python installer/build.py --tarball
