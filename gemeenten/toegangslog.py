"""Het toegangslog schrijven (BIO2 8.15.01): de enige schrijfweg naar `Toegangslog`.

Gebruik in een view, export, import of beheercommando:

    from gemeenten.toegangslog import registreer_toegang
    from gemeenten.models import Toegangslog

    registreer_toegang(request=request, actie=Toegangslog.Actie.DOSSIER_BEKEKEN, object=deelnemer)

Er komt nooit een BSN, naam of gezondheidsgegeven in het log: alleen gebruiker, actie,
objectsoort en -nummer, resultaat, IP-adres, pad (zonder querystring) en tijdstip.
Geweigerde verzoeken (403/404 op een bestaande URL) van ingelogde gebruikers logt
`ToegangslogMiddleware` vanzelf; views hoeven daar niets voor te doen.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .beveiliging import client_ip
from .models import Toegangslog

Actie = Toegangslog.Actie
Resultaat = Toegangslog.Resultaat


def _deelnemer_nummer(obj) -> int | None:
    """Het deelnemernummer bij een dossierobject, zonder extra query."""
    if obj is None:
        return None
    if obj._meta.label_lower == "trajecten.deelnemer":
        return obj.pk
    if getattr(obj, "deelnemer_id", None):
        return obj.deelnemer_id
    traject = obj._state.fields_cache.get("traject") if hasattr(obj, "_state") else None
    return getattr(traject, "deelnemer_id", None)


def _afgekapt(waarde: str, veld: str) -> str:
    return (waarde or "")[: Toegangslog._meta.get_field(veld).max_length]


def registreer_toegang(
    *,
    request=None,
    actie: str,
    object: models.Model | None = None,  # noqa: A002 (naam uit de interface)
    resultaat: str = Resultaat.GELUKT,
    deelnemer: models.Model | int | None = None,
    actor=None,
    gebruikersnaam: str | None = None,
    toelichting: str = "",
    object_id: str | int | None = None,
) -> Toegangslog:
    """Schrijf één regel in het toegangslog en geef hem terug.

    Gebruiker en IP-adres komen uit `request` (tenzij `actor`/`gebruikersnaam` zijn
    meegegeven, zoals bij een mislukte inlogpoging of een beheercommando zonder request).
    `object` is het model-object waar het om gaat; het deelnemernummer wordt daaruit afgeleid
    (deelnemer, traject) of komt uit `deelnemer` (object of nummer). Zonder object kan
    `object_id` het nummer uit de URL vastleggen. Kost één INSERT en geen
    andere query. Een ongeldige actie of resultaat geeft een `ValidationError`.
    """
    if actor is None and request is not None:
        gebruiker = getattr(request, "user", None)
        if gebruiker is not None and gebruiker.is_authenticated:
            actor = gebruiker
    if gebruikersnaam is None:
        gebruikersnaam = actor.get_username() if actor is not None else ""

    if isinstance(deelnemer, models.Model):
        deelnemer_nummer = deelnemer.pk
    elif deelnemer is not None:
        deelnemer_nummer = int(deelnemer)
    else:
        deelnemer_nummer = _deelnemer_nummer(object)

    if object is not None and object.pk is not None:
        object_id = object.pk
    regel = Toegangslog(
        actor=actor,
        gebruikersnaam=_afgekapt(gebruikersnaam, "gebruikersnaam"),
        actie=actie,
        resultaat=resultaat,
        content_type=ContentType.objects.get_for_model(object) if object is not None else None,
        object_id=_afgekapt(str(object_id) if object_id is not None else "", "object_id"),
        deelnemer_nummer=deelnemer_nummer,
        ip_adres=client_ip(request),
        pad=_afgekapt(request.path if request is not None else "", "pad"),
        toelichting=_afgekapt(toelichting, "toelichting"),
    )
    # Keuzes en lengtes controleren zonder de foreign keys op te zoeken (geen extra queries).
    regel.clean_fields(exclude=["actor", "content_type"])
    regel.save(force_insert=True)
    return regel


def registreer_weigering(
    *,
    request,
    status: int,
    object: models.Model | None = None,  # noqa: A002
    object_id: str | int | None = None,
    toelichting: str = "",
) -> Toegangslog:
    """Log een geweigerde toegang (403 of 404) door een ingelogde gebruiker."""
    match = getattr(request, "resolver_match", None)
    if not toelichting:
        toelichting = f"HTTP {status} {match.view_name if match else ''}".strip()
    return registreer_toegang(
        request=request,
        actie=Actie.TOEGANG_GEWEIGERD,
        resultaat=Resultaat.GEWEIGERD,
        object=object,
        object_id=object_id,
        toelichting=toelichting,
    )


class ToegangslogMiddleware:
    """Logt elke 403 en 404 op een bestaande URL voor een ingelogde gebruiker.

    Zo komt een poging om een dossier van een andere gemeente te openen (404 uit een
    gescopete selector) of een pagina buiten de eigen rol (403) altijd in het log, zonder dat
    elke view eraan hoeft te denken. Het objectnummer komt uit de URL (`pk`/`id`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code in (403, 404) and getattr(request, "resolver_match", None):
            gebruiker = getattr(request, "user", None)
            if gebruiker is not None and gebruiker.is_authenticated:
                self._log(request, response.status_code)
        return response

    @staticmethod
    def _log(request, status: int) -> None:
        match = request.resolver_match
        kwargs = match.kwargs or {}
        object_id = next((kwargs[k] for k in ("pk", "id", "object_id") if k in kwargs), None)
        # Alleen het nummer uit de URL: het object zelf is voor deze gebruiker niet opgehaald.
        registreer_weigering(request=request, status=status, object_id=object_id or None)
