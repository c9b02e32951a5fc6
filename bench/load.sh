#!/usr/bin/env bash
# Belastingstest: gunicorn + PostgreSQL op loopback, 50 medewerkers, begrensd in tijd.
# Geen test maar een meting; zie bench/README.md. Alles is via de omgeving in te stellen:
#   BENCH_DB (bo_bench_load)  BENCH_GEBRUIKERS_AANTAL (50)  BENCH_DUUR (120s)  BENCH_OPSTART (2/s)
#   BENCH_WORKERS (4)  BENCH_DEELNEMERS (500, voor seed_demo)  BENCH_BEDENKTIJD (1-3 s)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
DB="${BENCH_DB:-bo_bench_load}"
PORT=8001
ADRES="127.0.0.1:${PORT}"
AANTAL="${BENCH_GEBRUIKERS_AANTAL:-50}"
DUUR="${BENCH_DUUR:-120s}"
OPSTART="${BENCH_OPSTART:-2}"
WORKERS="${BENCH_WORKERS:-4}"
UIT="${BENCH_UITVOER:-$(mktemp -d -t bo-bench-XXXXXX)}"

test -x .venv/bin/locust || .venv/bin/pip install --quiet --require-hashes -r requirements/bench.txt

export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB}"
export MFA_VERPLICHT=false

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "PostgreSQL draait niet op 127.0.0.1:5432" >&2
  exit 1
fi
if [ "$(psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='${DB}'" postgres)" != "1" ]; then
  psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE \"${DB}\"" postgres
fi

echo "== migreren en demodata (${DB})"
DEBUG=true $PY manage.py migrate --noinput >/dev/null
DEBUG=true $PY manage.py seed_demo --als-leeg --deelnemers "${BENCH_DEELNEMERS:-500}"
DEBUG=true STATICFILES_BACKEND=whitenoise.storage.CompressedManifestStaticFilesStorage \
  $PY manage.py collectstatic --noinput >/dev/null

echo "== gunicorn (${WORKERS} workers) op ${ADRES}"
export DEBUG=false SECURE_SSL_REDIRECT=false ALLOWED_HOSTS=127.0.0.1,localhost
SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
LOG_LEVEL=WARNING $PY -m gunicorn -c config/gunicorn.conf.py --workers "${WORKERS}" \
  --bind "${ADRES}" --log-level warning >"${UIT}/gunicorn.log" 2>&1 &
GUNICORN=$!
trap 'kill "${GUNICORN}" 2>/dev/null || true; wait "${GUNICORN}" 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
  if $PY -c "import urllib.request; urllib.request.urlopen('http://${ADRES}/healthz', timeout=2)" \
      2>/dev/null; then
    break
  fi
  sleep 1
done
$PY -c "import urllib.request; urllib.request.urlopen('http://${ADRES}/healthz', timeout=2)"

# Inloggen kost bewust veel CPU (PBKDF2); 50 gelijktijdige logins zijn geen werkdag. Daarom
# komen de gebruikers geleidelijk binnen en begint de meting (locustfile) pas als iedereen is
# ingelogd.
echo "== locust: ${AANTAL} gebruikers (${OPSTART}/s erbij), ${DUUR} in totaal; load: $(cut -d' ' -f1-3 /proc/loadavg)"
.venv/bin/locust -f bench/locustfile.py --headless --users "${AANTAL}" \
  --spawn-rate "${OPSTART}" --run-time "${DUUR}" --host "http://${ADRES}" \
  --csv "${UIT}/bench" --only-summary --loglevel WARNING >"${UIT}/locust.log" 2>&1 || true
grep -E "^(Alle|Meetvenster|Niet alle)" "${UIT}/locust.log" || true

echo "== resultaat vanaf het moment dat iedereen is ingelogd (alle CSV's in ${UIT}); load: $(cut -d' ' -f1-3 /proc/loadavg)"
$PY - "${UIT}/bench_stats.csv" <<'EOF'
import csv
import sys

rijen = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(f"{'verzoek':<40} {'aantal':>7} {'fouten':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7}")
for r in rijen:
    naam = r["Name"] if r["Name"] != "Aggregated" else "TOTAAL"
    print(f"{(r['Type'] + ' ' + naam).strip():<40} {r['Request Count']:>7} "
          f"{r['Failure Count']:>6} {float(r['Requests/s']):>7.1f} {r['50%']:>7} {r['95%']:>7}")
EOF
if [ -s "${UIT}/bench_failures.csv" ] && [ "$(wc -l <"${UIT}/bench_failures.csv")" -gt 1 ]; then
  echo "== fouten"
  cat "${UIT}/bench_failures.csv"
fi
