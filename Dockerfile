# Banenoffensief: productie-image (gunicorn, statische bestanden via WhiteNoise).
# Bouwen en draaien met PostgreSQL: `docker compose up` (zie README, sectie Docker).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Alleen runtime-afhankelijkheden, exact uit de lock met hashes (geen dev-extra's); deze laag
# blijft in de cache zolang de lock niet verandert. psycopg komt als binary wheel mee.
COPY requirements/base.txt requirements/base.txt
RUN pip install --require-hashes -r requirements/base.txt

# Dan het pakket zelf, zonder iets opnieuw op te lossen: alles staat al vast in de lock.
COPY . .
RUN pip install --no-deps .

# Statische bestanden bij het bouwen verzamelen (met manifest, zoals WhiteNoise wil). De sleutel
# is een dummy die alleen hier bestaat: de echte SECRET_KEY komt bij het starten uit de omgeving.
RUN SECRET_KEY=alleen-voor-collectstatic-tijdens-de-build DEBUG=false ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

# Niet als root draaien.
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app
USER app

EXPOSE 8000
# Adres, workers en het accesslog (zonder querystring) staan in config/gunicorn.conf.py.
CMD ["gunicorn", "-c", "config/gunicorn.conf.py"]
