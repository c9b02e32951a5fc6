"""`make serve`: de app productie-achtig op http://127.0.0.1:8080/, zoals de Docker-image en
docker-compose hem draaien, met één commando en op de voorgrond.

    nginx (SERVE_POORT, 8080)  →  gunicorn (127.0.0.1:GUNICORN_POORT, 8081; config/gunicorn.conf.py)
    + een Celery-worker en -beat als er een CELERY_BROKER_URL is

Eerst `migrate` en `collectstatic`. De omgeving (en `.env`) gaat voor; wat ontbreekt, krijgt een
lokale standaard (zie `STANDAARDEN`): PostgreSQL en Redis op 127.0.0.1, DEBUG uit, MFA aan, geen
doorsturen naar https (er is lokaal geen TLS). SQLite weigert het: dat is niet productie-achtig
(één schrijver tegelijk, geen statement-timeout). Zonder SECRET_KEY maakt het er één in
`.serve/secret_key` (git negeert `.serve/`). nginx ontbreekt → als root `apt-get install
nginx-light`, anders een melding. Ctrl-C of SIGTERM stopt alles; stopt één proces, dan stopt
alles (met een foutcode), zoals een container.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RUN = PROJECT / ".serve"
PY = sys.executable

STANDAARDEN = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/banenoffensief",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/2",
    "ALLOWED_HOSTS": "localhost,127.0.0.1",
    # Lokaal zonder TLS; achter een TLS-proxy: true.
    "SECURE_SSL_REDIRECT": "false",
    # nginx staat op dezelfde machine: zijn X-Forwarded-For telt (toegangslog, inloglimiet).
    "VERTROUWDE_PROXIES": "1",
    "VERTROUWDE_PROXY_ADRESSEN": "127.0.0.1",
    "SERVE_POORT": "8080",
    "GUNICORN_POORT": "8081",
}


def meld(tekst: str) -> None:
    print(f"serve: {tekst}", file=sys.stderr, flush=True)


def stop_met(tekst: str, code: int = 2):
    meld(tekst)
    sys.exit(code)


def omgeving() -> dict:
    import environ

    environ.Env.read_env(PROJECT / ".env", overwrite=False)
    env = dict(os.environ)
    for naam, waarde in STANDAARDEN.items():
        env.setdefault(naam, waarde)
    if env.get("DEBUG", "false").lower() in ("1", "true", "yes", "on"):
        meld("DEBUG staat aan in de omgeving; make serve zet hem uit (productie-achtig).")
    env["DEBUG"] = "false"
    if env["DATABASE_URL"].startswith("sqlite"):
        stop_met("make serve draait op PostgreSQL, niet op SQLite (niet productie-achtig: één "
                 "schrijver tegelijk, geen statement-timeout). Zet DATABASE_URL, bijvoorbeeld "
                 "postgres://postgres@127.0.0.1:5432/banenoffensief, of gebruik `make run`.")
    poort = env["SERVE_POORT"]
    env.setdefault("CSRF_TRUSTED_ORIGINS", f"http://localhost:{poort},http://127.0.0.1:{poort}")
    if not env.get("SECRET_KEY"):
        bestand = RUN / "secret_key"
        if not bestand.exists():
            RUN.mkdir(exist_ok=True)
            bestand.touch(mode=0o600)
            bestand.write_text(secrets.token_urlsafe(50))
            meld(f"nieuwe SECRET_KEY in {bestand} (niet in git)")
        env["SECRET_KEY"] = bestand.read_text().strip()
    return env


def zoek_nginx() -> str:
    gevonden = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )
    if gevonden:
        return gevonden
    if os.geteuid() == 0 and shutil.which("apt-get"):
        meld("nginx ontbreekt: installeren met apt-get (nginx-light)")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if subprocess.run(["apt-get", "install", "-y", "-qq", "nginx-light"], env=env).returncode:
            subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], env=env, check=True)
        return zoek_nginx()
    stop_met("nginx ontbreekt. Installeer het (Debian/Ubuntu: `sudo apt-get install "
             "nginx-light`, macOS: `brew install nginx`) en start `make serve` opnieuw.")


def nginx_config(env: dict) -> Path:
    """Het serverblok uit config/nginx/ (dezelfde als in docker-compose) en een klein
    hoofdbestand eromheen, met pid, tijdelijke mappen en log in `.serve/nginx/`."""
    map_ = RUN / "nginx"
    map_.mkdir(parents=True, exist_ok=True)
    sjabloon = (PROJECT / "config/nginx/banenoffensief.conf.template").read_text()
    server = sjabloon.replace("${NGINX_POORT}", f"127.0.0.1:{env['SERVE_POORT']}").replace(
        "${APP_ADRES}", f"127.0.0.1:{env['GUNICORN_POORT']}"
    )
    (map_ / "banenoffensief.conf").write_text(server)
    hoofd = map_ / "nginx.conf"
    hoofd.write_text(f"""# Gemaakt door scripts/serve.py; niet bewerken (zie config/nginx/).
worker_processes auto;
worker_rlimit_nofile 8192;
pid {map_}/nginx.pid;
error_log stderr crit;
events {{ worker_connections 4096; }}
http {{
    client_body_temp_path {map_}/body;
    proxy_temp_path {map_}/proxy;
    fastcgi_temp_path {map_}/fastcgi;
    uwsgi_temp_path {map_}/uwsgi;
    scgi_temp_path {map_}/scgi;
    include {map_}/banenoffensief.conf;
}}
""")
    return hoofd


def manage(env: dict, *args: str, stil: bool = False) -> None:
    # Migraties en collectstatic zonder statement-timeout (alleen webverzoeken krijgen er één).
    env = {**env, "DB_STATEMENT_TIMEOUT": "0"}
    uit = subprocess.DEVNULL if stil else None
    if subprocess.run([PY, "manage.py", *args], cwd=PROJECT, env=env, stdout=uit).returncode:
        stop_met(f"`manage.py {args[0]}` mislukte (zie hierboven). Draait PostgreSQL en bestaat "
                 f"de database uit DATABASE_URL? Maak hem bijvoorbeeld met `createdb -h 127.0.0.1 "
                 f"-U postgres banenoffensief`.")


def wacht_op_healthz(url: str, processen: dict, seconden: int = 60) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        for naam, p in processen.items():
            if p.poll() is not None:
                raise RuntimeError(f"{naam} stopte tijdens het starten (code {p.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=3) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} gaf na {seconden} s nog geen 200")


def main() -> int:
    env = omgeving()
    nginx = zoek_nginx()
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", stil=True)
    conf = nginx_config(env)
    if subprocess.run([nginx, "-t", "-q", "-e", "stderr", "-p", str(RUN / "nginx"),
                       "-c", str(conf)]).returncode:
        stop_met("de nginx-configuratie is ongeldig (zie hierboven)")

    gunicorn_adres = f"127.0.0.1:{env['GUNICORN_POORT']}"
    opdrachten = {
        "gunicorn": [PY, "-m", "gunicorn", "-c", "config/gunicorn.conf.py",
                     "--bind", gunicorn_adres],
        "nginx": [nginx, "-e", "stderr", "-p", str(RUN / "nginx"), "-c", str(conf),
                  "-g", "daemon off;"],
    }
    if env.get("CELERY_BROKER_URL"):
        opdrachten["worker"] = [PY, "-m", "celery", "-A", "config", "worker",
                                "--loglevel=INFO", "--concurrency=2"]
        opdrachten["beat"] = [PY, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO",
                              f"--schedule={RUN / 'celerybeat-schedule'}"]
    processen: dict[str, subprocess.Popen] = {}
    stoppen = {"signaal": None}

    def bij_signaal(signum, _frame):
        stoppen["signaal"] = signum

    signal.signal(signal.SIGINT, bij_signaal)
    signal.signal(signal.SIGTERM, bij_signaal)
    code = 0
    try:
        for naam, opdracht in opdrachten.items():
            processen[naam] = subprocess.Popen(opdracht, cwd=PROJECT, env=env)
        url = f"http://127.0.0.1:{env['SERVE_POORT']}/"
        wacht_op_healthz(url + "healthz", processen)
        print(f"\n  Banenoffensief draait productie-achtig op {url}  (nginx → gunicorn "
              f"{gunicorn_adres}{', Celery-worker en -beat' if 'worker' in processen else ''})\n"
              f"  Stoppen: Ctrl-C.\n", flush=True)
        ouder = os.getppid()
        while stoppen["signaal"] is None:
            if os.getppid() != ouder:  # make (of wie ons startte) is weg: niet als wees doordraaien
                break
            gestopt = [n for n, p in processen.items() if p.poll() is not None]
            if gestopt:
                meld(f"{', '.join(gestopt)} stopte onverwacht; alles stopt")
                code = 1
                break
            time.sleep(0.5)
    except RuntimeError as exc:
        meld(str(exc))
        code = 1
    finally:
        for naam, p in processen.items():
            if p.poll() is None:
                # nginx: SIGQUIT is netjes afsluiten; de rest stopt netjes op SIGTERM.
                p.send_signal(signal.SIGQUIT if naam == "nginx" else signal.SIGTERM)
        for p in processen.values():
            try:
                p.wait(35)
            except subprocess.TimeoutExpired:
                p.kill()
    return code


if __name__ == "__main__":
    sys.exit(main())
