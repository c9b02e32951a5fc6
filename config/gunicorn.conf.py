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

wsgi_app = "config.wsgi:application"
bind = "0.0.0.0:8000"
workers = 3
accesslog = "-"
# %(U)s is het pad zonder querystring; niet %(r)s (de hele verzoekregel), %(q)s of %(f)s.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'
logger_class = "config.gunicorn_log.AccesslogZonderGeheimen"
