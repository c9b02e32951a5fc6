# Banenoffensief – twee commando's: `make run` en `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.geinstalleerd

# Alleen voor lokaal gebruik: `make run` is een demo, geen productie.
DEMO_ENV := DEBUG=true MFA_VERPLICHT=false
# Tests draaien met productie-achtige instellingen (DEBUG uit) en een testsleutel.
TEST_ENV := SECRET_KEY=alleen-voor-tests-niet-geheim ALLOWED_HOSTS=testserver,localhost,127.0.0.1

# De lock (requirements/*.txt, exacte versies met hashes) maakt uv; alleen `make lock` heeft uv
# nodig, installeren gaat met gewone pip. Het project werkt op elke Python >= 3.11.
UV_VERSIE := 0.13.9
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --quiet --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock" $(LOCK_ARGS)

.PHONY: run test serve install lint lock screenshots bench clean

$(STAMP): pyproject.toml requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEMO_ENV) $(BIN)/python manage.py seed_demo --als-leeg
	@echo ""
	@echo "  Banenoffensief draait op http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)"
	@echo "  Demo-accounts (wachtwoord: demo): beheerder, landelijk, coordinator-groningen,"
	@echo "  medewerker-groningen, collega-groningen, medewerker-emmen"
	@echo ""
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(TEST_ENV) $(BIN)/pytest $(PYTEST_ARGS)

# Productie-achtig op http://127.0.0.1:8080/: nginx → gunicorn (+ Celery), DEBUG uit, PostgreSQL en
# Redis uit DATABASE_URL, CACHE_URL en CELERY_BROKER_URL (zie scripts/serve.py en de README).
serve: $(STAMP)
	$(BIN)/python scripts/serve.py

lint: $(STAMP)
	$(BIN)/ruff check .

# Na een wijziging in pyproject.toml: `make lock` (houdt de andere versies vast). Alles ophogen:
# `make lock LOCK_ARGS=--upgrade`; één pakket: `make lock LOCK_ARGS="--upgrade-package django"`.
# dev.txt eerst; base.txt en bench.txt volgen de versies daaruit, zodat de image draait wat de
# tests draaiden.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSIE)"
	$(UV_COMPILE) --extra dev -o requirements/dev.txt
	$(UV_COMPILE) -c requirements/dev.txt -o requirements/base.txt
	$(UV_COMPILE) --extra dev --extra bench -c requirements/dev.txt -o requirements/bench.txt

# PNG's van de hoofdpagina's (1280 en 390 px breed) in docs/screenshots/: tijdelijke
# SQLite-database met demodata, runserver op een vrije poort, Debians Chromium (/usr/bin/chromium).
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .serve
