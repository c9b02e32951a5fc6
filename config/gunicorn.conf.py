"""Instellingen van gunicorn: één bestand voor elke plek waar de app onder gunicorn draait.

    gunicorn -c config/gunicorn.conf.py                      # zoals de Docker-image
    gunicorn -c config/gunicorn.conf.py --bind 127.0.0.1:8001 --workers 4

De `Dockerfile`, `docker-compose.yml`, `bench/load.sh` en `manage.py bench_rapportage` starten
gunicorn hiermee; een optie op de opdrachtregel gaat voor een waarde hier.

Het accesslog (stdout) bevat per verzoek: client-adres, tijdstip, methode, **pad zonder
querystring**, protocol, status, grootte, duur en user-agent. De querystring en de Referer (de
vorige URL, mét querystring: `Referrer-Policy: same-origin` stuurt hem mee binnen de site) staan
er bewust niet in: daarin kan een zoekterm staan, zoals een naam. Het token van het
agenda-abonnement in het pad wordt `[geheim]` (`config/gunicorn_log.py`). Zie README,
"Beveiliging en privacy".
"""

import os

# Webverzoeken krijgen een statement-timeout van 10 s (config/settings.py, "Storingen"): een
# hangende database geeft dan een 503, geen worker die tot `timeout` hangt. Migraties, taken en
# commando's draaien niet onder gunicorn en houden hun standaard (geen timeout).
os.environ.setdefault("DB_STATEMENT_TIMEOUT", "10")

wsgi_app = "config.wsgi:application"
bind = "0.0.0.0:8000"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# Threads per worker: wacht een verzoek op een hangende database (tot 3 s verbinden, 10 + 2 s
# per query), dan krijgen /healthz en de volgende verzoeken een andere thread in plaats van een
# rij achter die ene. Trage clients houdt nginx weg (`config/nginx/`; `make serve` en
# docker-compose zetten hem ervoor): die leest het hele verzoek en neemt het hele antwoord aan,
# zodat een trage of stille client nooit een thread vasthoudt.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Een worker die 30 s niets van zich laat horen, wordt herstart; nginx wacht 35 s op een antwoord.
timeout = 30
graceful_timeout = 30
accesslog = "-"
# %(U)s is het pad zonder querystring; niet %(r)s (de hele verzoekregel), %(q)s of %(f)s.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'
logger_class = "config.gunicorn_log.AccesslogZonderGeheimen"
