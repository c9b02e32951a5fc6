"""Beveiligingsheaders op elke pagina; geen caching van pagina's met persoonsgegevens."""

import pytest

from trajecten.factories import DeelnemerFactory

pytestmark = pytest.mark.django_db

VERWACHTE_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


def _csp(response) -> dict:
    richtlijnen = {}
    for deel in response["Content-Security-Policy"].split(";"):
        naam, _, waarde = deel.strip().partition(" ")
        richtlijnen[naam] = waarde
    return richtlijnen


def _controleer_headers(response):
    assert _csp(response) == VERWACHTE_CSP
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "no-store" in response["Cache-Control"]


def test_inlogpagina_heeft_alle_headers(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    _controleer_headers(response)


def test_pagina_met_persoonsgegevens_wordt_niet_bewaard(client, beheerder, groningen):
    deelnemer = DeelnemerFactory(gemeente=groningen)
    client.force_login(beheerder)

    for pad in [
        "/admin/trajecten/deelnemer/",
        f"/admin/trajecten/deelnemer/{deelnemer.pk}/change/",
        f"/beheer/inzage/{deelnemer.pk}/",
    ]:
        response = client.get(pad)
        assert response.status_code == 200, pad
        _controleer_headers(response)
        assert "private" in response["Cache-Control"]


def test_ook_foutpaginas_hebben_de_headers(client, medewerker):
    client.force_login(medewerker)
    response = client.get("/beheer/inzage/1/")
    assert response.status_code == 403
    _controleer_headers(response)


def test_zonder_https_volgt_een_redirect_naar_https(db):
    from django.test import Client

    response = Client().get("/accounts/login/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/accounts/login/"


def test_templates_hebben_geen_inline_script_of_stijl(client):
    from pathlib import Path

    from django.conf import settings

    eigen = [
        *Path(settings.BASE_DIR, "templates", "two_factor").rglob("*.html"),
        *Path(settings.BASE_DIR, "templates", "registration").rglob("*.html"),
        *Path(settings.BASE_DIR, "templates", "axes").rglob("*.html"),
        *Path(settings.BASE_DIR, "templates", "admin", "trajecten", "deelnemer").rglob("*.html"),
    ]
    assert eigen
    for bestand in eigen:
        tekst = bestand.read_text()
        assert "style=" not in tekst, bestand
        assert "<script" not in tekst, bestand
        assert " on" + "click=" not in tekst and "onsubmit=" not in tekst, bestand
