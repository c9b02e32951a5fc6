"""Instellingen van Banenoffensief: één bestand, gestuurd door de omgeving (12-factor).

Alles wat in productie anders is, komt uit omgevingsvariabelen; er is geen apart
productiebestand. Zie `.env.example` voor de variabelen.
"""

import datetime
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# Zonder DEBUG is er geen standaardsleutel: een vergeten SECRET_KEY faalt hard.
SECRET_KEY = (
    env("SECRET_KEY", default="onveilig-alleen-voor-ontwikkeling") if DEBUG else env("SECRET_KEY")
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_countries",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    "axes",
    "csp",
    "django_celery_results",
    "gemeenten",
    "trajecten",
    "rapportage",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "gemeenten.beveiliging.SessieMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gemeenten.beveiliging.GeenCacheMiddleware",
    "gemeenten.toegangslog.ToegangslogMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "gemeenten.toegang.ToegangMiddleware",
    "gemeenten.beveiliging.MFAMiddleware",
    # django-axes als laatste: zet een blokkade om in de Nederlandse blokkadepagina.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# Een hergebruikte verbinding eerst controleren: anders geeft na een herstart of failover van
# PostgreSQL het eerste verzoek per worker een 500. Geen schakelaar: uitzetten heeft geen nut.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Tweede machine voor leeswerk (config/replica.py): met `DATABASE_REPLICA_URL` leest de
# rapportage binnen `leesdatabase_rapportage()` van een PostgreSQL-replica; al het andere, en
# alles zonder de instelling, gebruikt de primaire database. Onbereikbaar: na hooguit
# REPLICA_CONNECT_TIMEOUT s terug naar de primaire, REPLICA_ONTHOUD_SECONDEN lang onthouden.
REPLICA_CONNECT_TIMEOUT = env.int("REPLICA_CONNECT_TIMEOUT", default=1)
REPLICA_ONTHOUD_SECONDEN = env.int("REPLICA_ONTHOUD_SECONDEN", default=30)
DATABASE_ROUTERS = ["config.replica.ReplicaRouter"]
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    if "postgresql" in DATABASES["replica"]["ENGINE"]:
        DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = REPLICA_CONNECT_TIMEOUT
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Cache (rapportage): standaard per proces; `CACHE_URL=redis://127.0.0.1:6379/1` deelt hem.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# Storingen (issue 17): een hangende database of Redis geeft een 503 of een gemiste cache, geen
# worker die hangt tot gunicorn hem afschiet. Alle termijnen in seconden. De statement-timeout
# (op de server, plus de waakhond van `config/postgresql/`) staat standaard uit; gunicorn
# (`config/gunicorn.conf.py`) zet hem op 10 s voor webverzoeken, zodat migraties, `seed_demo` en
# taken niet worden afgebroken.
DB_CONNECT_TIMEOUT = env.int("DB_CONNECT_TIMEOUT", default=3)
DB_STATEMENT_TIMEOUT = env.float("DB_STATEMENT_TIMEOUT", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "config.postgresql"
    DATABASES["default"]["STATEMENT_TIMEOUT"] = DB_STATEMENT_TIMEOUT
    _opties = DATABASES["default"].setdefault("OPTIONS", {})
    _opties.setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
    if DB_STATEMENT_TIMEOUT > 0:
        _opties["options"] = (
            f"{_opties.get('options', '')} -c statement_timeout={int(DB_STATEMENT_TIMEOUT * 1000)}"
        ).strip()
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Redis weg of hangend mag een pagina niet ophouden: korte time-outs, daarna rekent de
    # rapportage zonder cache (rapportage/cache.py) en meldt /healthz "onbereikbaar".
    CACHE_SOCKET_TIMEOUT = env.float("CACHE_SOCKET_TIMEOUT", default=0.3)
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=CACHE_SOCKET_TIMEOUT, socket_timeout=CACHE_SOCKET_TIMEOUT
    )

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "gemeenten.beveiliging.MinimaleLengteValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes eerst: het weigert elke inlogpoging zolang de combinatie gebruiker+IP geblokkeerd is.
AUTHENTICATION_BACKENDS = [
    "gemeenten.beveiliging.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Geüploade documenten (trajecten.Document): via de opslag-API van Django, buiten de statische
# bestanden en zonder MEDIA_URL (geen publieke URL; downloaden alleen via het dossier). Een
# bucket later met django-storages: alleen DEFAULT_FILE_STORAGE_BACKEND en zijn instellingen.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {
        "BACKEND": env(
            "DEFAULT_FILE_STORAGE_BACKEND",
            default="django.core.files.storage.FileSystemStorage",
        )
    },
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# Beveiliging: streng zodra DEBUG uit staat (productie draait altijd achter HTTPS).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# De healthcheck van docker-compose praat gewoon HTTP met de container (geen proxy ervoor).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Sessies: 12 uur absoluut (ook bij activiteit) en 30 minuten inactief (gemeenten.beveiliging).
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSIE_INACTIEF_SECONDEN = env.int("SESSIE_INACTIEF_SECONDEN", default=30 * 60)
# Reverse proxies vóór de app (toegangslog, axes, inloglimiet: gemeenten.beveiliging.client_ip).
# X-Forwarded-For telt alleen voor een verzoek dat binnenkomt van een adres of netwerk uit
# VERTROUWDE_PROXY_ADRESSEN, en dan hoogstens VERTROUWDE_PROXIES stappen van rechts. Zonder
# adressen telt de kop nooit, ook niet met VERTROUWDE_PROXIES > 0 (`check` waarschuwt dan).
VERTROUWDE_PROXIES = env.int("VERTROUWDE_PROXIES", default=0)
VERTROUWDE_PROXY_ADRESSEN = env.list("VERTROUWDE_PROXY_ADRESSEN", default=[])

# Tweede factor (TOTP, BIO2 5.17.01); alleen een lokale demo zet hem uit (zie gemeenten/checks.py).
MFA_VERPLICHT = env.bool("MFA_VERPLICHT", default=True)
TWO_FACTOR_LOGIN_TIMEOUT = 600
TWO_FACTOR_REMEMBER_COOKIE_AGE = None
# Een tweede factor toevoegen of vervangen (en reservecodes maken of bekijken) kan alleen binnen
# zoveel seconden na een juiste code in dezelfde sessie; anders eerst opnieuw de code.
MFA_VERS_SECONDEN = 10 * 60
# De admin van django-otp toont geen TOTP-sleutel, QR-code of reservecodes (gemeenten/admin.py).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# django-axes: na 5 mislukte pogingen per gebruikersnaam+IP 15 minuten geblokkeerd.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/geblokkeerd.html"
AXES_CLIENT_IP_CALLABLE = "gemeenten.beveiliging.client_ip"
# De inlogwizard van two-factor noemt het veld "auth-password": nooit in AccessAttempt bewaren.
AXES_PASSWORD_FORM_FIELD = "auth-password"
AXES_SENSITIVE_PARAMETERS = ["username", "auth-username", "ip_address", "token-otp_token"]
# Inlogpogingen (POST naar /accounts/login/) per IP-adres, naast de blokkade per gebruikersnaam
# + IP: begrenst wat een anonieme bezoeker in het toegangslog en django-axes kan schrijven.
# Formaat van django-ratelimit ("30/m", "200/h"); elke grens geldt. De tellers staan in de cache
# (CACHE_URL): gedeeld over workers met Redis, anders per worker.
INLOGLIMIET_PER_IP = env.list("INLOGLIMIET_PER_IP", default=["30/m", "200/h"])
RATELIMIT_USE_CACHE = "default"
# Valt de cache weg (Redis onbereikbaar), dan liever inloggen mogelijk (axes blijft werken) dan
# iedereen buitensluiten.
RATELIMIT_FAIL_OPEN = True

# Achtergrondwerk: Celery met Redis als broker (`CELERY_BROKER_URL=redis://127.0.0.1:6379/2`,
# plus een worker en beat, zie docker-compose.yml). Zonder broker draaien taken in het proces zelf
# (`make run`, `make test`): dezelfde code, geen Redis of worker nodig.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_TIMEZONE = TIME_ZONE
# Een taak wordt pas bevestigd als ze klaar is; sterft de worker halverwege, dan krijgt een
# andere worker haar opnieuw (taken zijn idempotent of alles-of-niets).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=30 * 60)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Sterft een hele worker (niet alleen het kindproces), dan geeft Redis een onbevestigde taak
# pas na deze tijd aan een andere worker. Langer dan de langste taak (anders dubbel).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
}
# Nachtelijke taken op `celery beat` (dezelfde servicefuncties als de beheercommando's). Zonder
# beat blijven de commando's bruikbaar als cronjob.
CELERY_BEAT_SCHEDULE: dict = {
    "anonimiseren": {
        "task": "trajecten.anonimiseer", "schedule": crontab(hour=3, minute=0),
    },
    "logboeken-opschonen": {
        "task": "gemeenten.logboeken_opschonen", "schedule": crontab(hour=3, minute=30),
    },
    "importopdrachten-opschonen": {
        "task": "trajecten.importopdrachten_opschonen", "schedule": crontab(hour=3, minute=45),
    },
}

# Content-Security-Policy (django-csp 4): geen inline script of stijl, geen framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Op DEBUG hangt django.template de hele templatecontext (namen) aan elke logregel.
    "filters": {
        "zonder_context": {"()": "gemeenten.logfilters.ZonderTemplateContext"},
        "zonder_geheimen": {"()": "gemeenten.logfilters.ZonderGeheimePaden"},
        # Databasestoring: één melding per storing (config/storing.py), geen stacktrace per verzoek.
        "zonder_databasestoring": {"()": "config.storing.ZonderDatabasestoring"},
    },
    "loggers": {
        "django.template": {"filters": ["zonder_context"]},
        # Het pad van een 404 op het agenda-abonnement bevat het token.
        "django.request": {"filters": ["zonder_geheimen", "zonder_databasestoring"]},
    },
}

# Domeininstellingen
VOG_GELDIGHEID_JAREN = 3
# AVG: dossiers worden zoveel jaar na het einde van het laatste traject geanonimiseerd.
BEWAARTERMIJN_JAREN = env.int("BEWAARTERMIJN_JAREN", default=2)
# Een deelnemer zonder traject (geregistreerd, nooit gestart) zoveel maanden na de laatste
# wijziging van zijn gegevens (docs/domain.md, "Bewaartermijn en anonimiseren").
BEWAARTERMIJN_ZONDER_TRAJECT_MAANDEN = env.int("BEWAARTERMIJN_ZONDER_TRAJECT_MAANDEN", default=12)
# `manage.py logboeken_opschonen`: toegangslog na zoveel maanden; mislukte inlogpogingen
# (toegangslog en django-axes) en de in- en uitloglog van django-axes na zoveel dagen.
BEWAARTERMIJN_TOEGANGSLOG_MAANDEN = env.int("BEWAARTERMIJN_TOEGANGSLOG_MAANDEN", default=24)
BEWAARTERMIJN_INLOGPOGINGEN_DAGEN = env.int("BEWAARTERMIJN_INLOGPOGINGEN_DAGEN", default=90)
