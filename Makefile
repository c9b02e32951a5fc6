# Banenoffensief – twee commando's: `make run` en `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.geinstalleerd

# Alleen voor lokaal gebruik: `make run` is een demo, geen productie.
DEMO_ENV := DEBUG=true MFA_VERPLICHT=false
# Tests draaien met productie-achtige instellingen (DEBUG uit) en een testsleutel.
TEST_ENV := SECRET_KEY=alleen-voor-tests-niet-geheim ALLOWED_HOSTS=testserver,localhost,127.0.0.1

.PHONY: run test install lint screenshots bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEMO_ENV) $(BIN)/python manage.py seed_demo --als-leeg
	@echo ""
	@echo "  Banenoffensief draait op http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)"
	@echo "  Demo-accounts (wachtwoord: demo): beheerder, landelijk, coordinator-groningen,"
	@echo "  medewerker-groningen, medewerker-emmen"
	@echo ""
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(TEST_ENV) $(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

# PNG's van de hoofdpagina's (1280 en 390 px breed) in docs/screenshots/: tijdelijke
# SQLite-database met demodata, runserver op een vrije poort, Debians Chromium (/usr/bin/chromium).
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
