#!/usr/bin/env bash
# Een PostgreSQL-15-streamingreplica op deze machine (poort 5433) en het bewijs dat de rapportage
# ervan leest en zonder replica terugvalt op de primaire database (README, "Een tweede machine
# voor leeswerk").
#
#   scripts/replica.sh            alles: primaire voorbereiden, data, replica maken, demo, stoppen
#   scripts/replica.sh maken      alleen de replica maken en starten (idempotent)
#   scripts/replica.sh demo       alleen de demo (replica draait al)
#   scripts/replica.sh stoppen    replica stoppen (blijft bestaan; `maken` start hem weer)
#   scripts/replica.sh weg        replica verwijderen
#
# Wat `maken` aan de primaire database (Debian-cluster 15/main op 5432) verandert, en alleen als
# het nog niet zo is: een regel `host replication all 127.0.0.1/32 trust` in pg_hba.conf (plus een
# reload, geen herstart). `wal_level` moet `replica` of `logical` zijn (standaard in PostgreSQL
# 15); anders stopt het script met de opdracht die nodig is (een herstart van de primaire).
# Geen replicatieslot: een gestopte replica houdt zo geen WAL vast op de primaire.
set -euo pipefail

cd "$(dirname "$0")/.."
VERSIE=15
PRIMAIR=${PRIMAIR:-main}
PRIMAIR_POORT=${PRIMAIR_POORT:-5432}
CLUSTER=${REPLICA_CLUSTER:-replica}
POORT=${REPLICA_POORT:-5433}
DB=${REPLICA_DB:-bo_i15b_bench}
TRAJECTEN=${TRAJECTEN:-100000}
PY=${PY:-.venv/bin/python}
DATA=/var/lib/postgresql/$VERSIE/$CLUSTER
HBA=/etc/postgresql/$VERSIE/$PRIMAIR/pg_hba.conf
REGEL="host replication all 127.0.0.1/32 trust"

sql() { psql -h 127.0.0.1 -p "$1" -U postgres -Atqc "$2"; }

primaire_voorbereiden() {
  local niveau
  niveau=$(sql "$PRIMAIR_POORT" "SHOW wal_level")
  if [[ "$niveau" != "replica" && "$niveau" != "logical" ]]; then
    echo "wal_level is '$niveau'. Nodig: ALTER SYSTEM SET wal_level = replica; en een herstart:" >&2
    echo "  pg_ctlcluster $VERSIE $PRIMAIR restart" >&2
    exit 1
  fi
  if grep -qxF "$REGEL" "$HBA"; then
    echo "primaire: replicatieregel staat al in $HBA"
  else
    echo "$REGEL" >> "$HBA"
    pg_ctlcluster "$VERSIE" "$PRIMAIR" reload
    echo "primaire: replicatieregel toegevoegd aan $HBA (reload)"
  fi
}

is_standby() { [[ -f "$DATA/standby.signal" ]]; }

maken() {
  primaire_voorbereiden
  if pg_lsclusters -h | awk '{print $2}' | grep -qx "$CLUSTER" && is_standby; then
    echo "replica: cluster $VERSIE/$CLUSTER bestaat al als standby"
  else
    if pg_lsclusters -h | awk '{print $2}' | grep -qx "$CLUSTER"; then
      pg_dropcluster --stop "$VERSIE" "$CLUSTER" 2>/dev/null || {
        rm -rf "/etc/postgresql/$VERSIE/$CLUSTER" "$DATA"; }
    fi
    pg_createcluster "$VERSIE" "$CLUSTER" --port "$POORT" >/dev/null
    # Leegmaken, niet weggooien: de map is van postgres, de map erboven niet.
    find "$DATA" -mindepth 1 -delete
    local begin=$SECONDS
    runuser -u postgres -- /usr/lib/postgresql/$VERSIE/bin/pg_basebackup \
      -h 127.0.0.1 -p "$PRIMAIR_POORT" -U postgres -D "$DATA" -R -X stream --checkpoint=fast
    echo "replica: pg_basebackup -R klaar in $((SECONDS - begin)) s ($(du -sh "$DATA" | cut -f1))"
  fi
  # Dezelfde toegang als de primaire (hier: trust op 127.0.0.1), anders kan de app niet lezen.
  cp "$HBA" "/etc/postgresql/$VERSIE/$CLUSTER/pg_hba.conf"
  pg_ctlcluster "$VERSIE" "$CLUSTER" start 2>/dev/null || pg_ctlcluster "$VERSIE" "$CLUSTER" reload
  for _ in $(seq 1 30); do
    if [[ "$(sql "$POORT" "SELECT pg_is_in_recovery()" 2>/dev/null)" == "t" ]]; then
      echo "replica: draait op $POORT, pg_is_in_recovery = t;" \
        "primaire ziet: $(sql "$PRIMAIR_POORT" "SELECT state || ' ' || sync_state FROM pg_stat_replication LIMIT 1")"
      return
    fi
    sleep 1
  done
  echo "replica: start niet, zie /var/log/postgresql/postgresql-$VERSIE-$CLUSTER.log" >&2
  exit 1
}

data() {
  # De benchmarkdata (rapportage/bench.py) op de primaire; de replica krijgt ze via de WAL.
  if [[ -z "$(sql "$PRIMAIR_POORT" "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]]; then
    sql "$PRIMAIR_POORT" "CREATE DATABASE $DB"
  fi
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PRIMAIR_POORT/$DB"
  SECRET_KEY=alleen-demo "$PY" manage.py migrate --noinput -v 0
  SECRET_KEY=alleen-demo "$PY" manage.py bench_rapportage --trajecten "$TRAJECTEN" --alleen-bouwen
}

demo() {
  DATABASE_URL="postgres://postgres@127.0.0.1:$PRIMAIR_POORT/$DB" \
  DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$POORT/$DB" \
  REPLICA_ONTHOUD_SECONDEN=3 SECRET_KEY=alleen-demo MFA_VERPLICHT=false \
  ALLOWED_HOSTS=testserver,127.0.0.1 REPLICA_STOP="pg_ctlcluster $VERSIE $CLUSTER stop -m fast" \
  REPLICA_START="pg_ctlcluster $VERSIE $CLUSTER start" \
    "$PY" scripts/replica_demo.py
}

stoppen() { pg_ctlcluster "$VERSIE" "$CLUSTER" stop -m fast 2>/dev/null || true; echo "replica: gestopt"; }
weg() { pg_dropcluster --stop "$VERSIE" "$CLUSTER"; echo "replica: verwijderd"; }

case "${1:-alles}" in
  maken) maken ;;
  demo) demo ;;
  stoppen) stoppen ;;
  weg) weg ;;
  alles) primaire_voorbereiden; data; maken; demo; stoppen ;;
  *) echo "gebruik: $0 [alles|maken|demo|stoppen|weg]" >&2; exit 2 ;;
esac
