"""Het toegangslog schrijven (BIO2 8.15.01): de enige schrijfweg naar `Toegangslog`.

Gebruik in een view, service, export, import of beheercommando:

    from gemeenten.toegangslog import registreer_toegang
    from gemeenten.models import Toegangslog

    registreer_toegang(request=request, actie=Toegangslog.Actie.DOSSIER_BEKEKEN, object=deelnemer)

Er komt nooit een BSN, naam of gezondheidsgegeven in het log: alleen gebruiker, actie,
objectsoort en -nummer, resultaat, IP-adres, pad (zonder querystring, en zonder het geheime
token van het agenda-abonnement) en tijdstip.

Eén mechanisme voor wat een ingelogde gebruiker over een deelnemer ziet, in
`ToegangslogMiddleware`, zodat geen view eraan hoeft te denken (en een nieuwe het niet kan
vergeten):

- een getoonde pagina (200) over één object met persoonsgegevens (`DOSSIERMODELLEN`) is een
  inzage: *persoonsgegevens bekeken* op de werkplek, *bekeken in de beheeromgeving* in de admin
  (wijzigen, historie, verwijderen). Welk object een pagina toont, zegt de URL: op de werkplek het
  padtype (`<traject:pk>`, een `ObjectnummerConverter`), in de admin de ModelAdmin van de view;
- een geweigerd verzoek (403/404 op een bestaande URL) is *toegang geweigerd*, met het
  deelnemernummer als het aangewezen object bestaat.

Een view die zelf een specifiekere inzage logt (dossier bekeken, volledig BSN getoond,
inzageverzoek), krijgt geen tweede regel van de middleware.
"""

from __future__ import annotations

import contextlib
import contextvars

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls.converters import IntConverter

from .beveiliging import client_ip
from .logfilters import zonder_geheimen
from .models import Toegangslog

Actie = Toegangslog.Actie
Resultaat = Toegangslog.Resultaat

#: Modellen met persoonsgegevens van één deelnemer, en het pad van zo'n object naar het
#: deelnemernummer. Een getoonde pagina of een weigering over zo'n object komt met dat nummer in
#: het log.
DOSSIERMODELLEN = {
    "trajecten.deelnemer": "pk",
    "trajecten.traject": "deelnemer",
    "trajecten.intake": "traject__deelnemer",
    "trajecten.plaatsing": "traject__deelnemer",
    "trajecten.contactmoment": "traject__deelnemer",
    "trajecten.afspraak": "traject__deelnemer",
    "trajecten.actie": "traject__deelnemer",
    "trajecten.uitgave": "traject__deelnemer",
    "trajecten.document": "deelnemer",
    "trajecten.verhuizing": "deelnemer",
    "trajecten.voordracht": "deelnemer",
    "trajecten.deelname": "deelnemer",
}
#: Acties die zelf een inzage zijn: daarnaast logt de middleware geen tweede regel.
INZAGE_ACTIES = frozenset({
    Actie.DOSSIER_BEKEKEN, Actie.GEGEVENS_BEKEKEN, Actie.BEHEER_BEKEKEN, Actie.BSN_GETOOND,
    Actie.INZAGEVERZOEK,
})
#: Pagina's van de admin over één object (`<app>_<model>_<pagina>`) die het object tonen.
ADMIN_OBJECTPAGINAS = ("change", "history", "delete")

#: Het verzoek dat nu loopt (gezet door `ToegangslogMiddleware`), zodat ook een service of de
#: import zonder `request` het IP-adres en pad in het log zet (zoals django-auditlog doet).
_verzoek: contextvars.ContextVar = contextvars.ContextVar("toegangslog_verzoek", default=None)


class _Herkomst:
    """Wat het toegangslog van een verzoek gebruikt (gebruiker, pad, IP-adres), voor werk dat
    later en elders namens dat verzoek loopt (een taak op de wachtrij)."""

    def __init__(self, *, user, path: str, ip_adres: str | None):
        self.user = user
        self.path = path
        self.META = {"REMOTE_ADDR": ip_adres or ""}


@contextlib.contextmanager
def namens(*, user, pad: str, ip_adres: str | None):
    """Laat `registreer_toegang` zonder `request` deze gebruiker, dit pad en IP-adres
    gebruiken, zoals in het verzoek waarin het werk begon (bijv. de upload van een import)."""
    teken = _verzoek.set(_Herkomst(user=user, path=pad, ip_adres=ip_adres))
    try:
        yield
    finally:
        _verzoek.reset(teken)


class Objectnummer(int):
    """Een nummer uit de URL dat weet welk model het aanwijst (`model`: "app_label.model")."""

    model: str

    def __new__(cls, waarde, model: str):
        nummer = super().__new__(cls, waarde)
        nummer.model = model
        return nummer


class ObjectnummerConverter(IntConverter):
    """Padtype voor het nummer van een object: cijfers, zoals `int`, maar de view krijgt een
    `Objectnummer`. Subklassen zetten `model` (zie `trajecten/converters.py`)."""

    model = ""

    def to_python(self, value):
        return Objectnummer(value, self.model)


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


def deelnemer_van(model: type[models.Model], pk) -> int | None:
    """Het nummer van de deelnemer over wie object `pk` van `model` gaat (één query), of None
    als het object niet bestaat of niet over één deelnemer gaat."""
    pad = DOSSIERMODELLEN.get(model._meta.label_lower)
    if pad is None or not str(pk).isdigit():
        return None
    return model._default_manager.filter(pk=pk).values_list(pad, flat=True).first()


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
    model: type[models.Model] | None = None,
) -> Toegangslog:
    """Schrijf één regel in het toegangslog en geef hem terug.

    Gebruiker, IP-adres en pad komen uit `request`, of zonder `request` uit het verzoek dat nu
    loopt (`ToegangslogMiddleware`); `actor`/`gebruikersnaam` gaan voor (een mislukte
    inlogpoging, een beheercommando). `object` is het model-object waar het om gaat; het
    deelnemernummer wordt daaruit afgeleid (deelnemer, traject) of komt uit `deelnemer` (object
    of nummer). Zonder object leggen `model` en `object_id` soort en nummer vast. Kost één
    INSERT en geen andere query. Een ongeldige actie of resultaat geeft een `ValidationError`.
    """
    if request is None:
        request = _verzoek.get()
    if isinstance(deelnemer, models.Model):
        deelnemer = deelnemer.pk
    elif deelnemer is None:
        deelnemer = _deelnemer_nummer(object)
    if object is not None:
        model = type(object)
        if object.pk is not None:
            object_id = object.pk
    regel = _regel(
        request=request, actie=actie, resultaat=resultaat, actor=actor,
        gebruikersnaam=gebruikersnaam, toelichting=toelichting, model=model,
        object_id=object_id, deelnemer=deelnemer,
    )
    regel.save(force_insert=True)
    if request is not None and actie in INZAGE_ACTIES:
        request.toegangslog_inzage = True
    return regel


def registreer_toegang_per_deelnemer(
    *,
    actie: str,
    deelnemers: list[int],
    resultaat: str = Resultaat.GELUKT,
    actor=None,
    toelichting: str = "",
) -> None:
    """Eén regel per deelnemernummer in `deelnemers` (object: die deelnemer), samen in één
    INSERT: voor een import die veel dossiers tegelijk raakt. Verder als `registreer_toegang`
    zonder `request` (gebruiker, IP-adres en pad uit het lopende verzoek)."""
    request = _verzoek.get()
    model = apps.get_model("trajecten", "Deelnemer")
    Toegangslog.objects.bulk_create([
        _regel(
            request=request, actie=actie, resultaat=resultaat, actor=actor,
            gebruikersnaam=None, toelichting=toelichting, model=model, object_id=nummer,
            deelnemer=nummer,
        )
        for nummer in deelnemers
    ])


def _regel(
    *, request, actie, resultaat, actor, gebruikersnaam, toelichting, model, object_id, deelnemer
) -> Toegangslog:
    """Een nog niet opgeslagen regel, gecontroleerd op keuzes en lengtes (zonder query)."""
    if actor is None and request is not None:
        gebruiker = getattr(request, "user", None)
        if gebruiker is not None and gebruiker.is_authenticated:
            actor = gebruiker
    if gebruikersnaam is None:
        gebruikersnaam = actor.get_username() if actor is not None else ""
    regel = Toegangslog(
        actor=actor,
        gebruikersnaam=_afgekapt(gebruikersnaam, "gebruikersnaam"),
        actie=actie,
        resultaat=resultaat,
        content_type=ContentType.objects.get_for_model(model) if model is not None else None,
        object_id=_afgekapt(str(object_id) if object_id is not None else "", "object_id"),
        deelnemer_nummer=int(deelnemer) if deelnemer is not None else None,
        ip_adres=client_ip(request),
        pad=_afgekapt(zonder_geheimen(request.path) if request is not None else "", "pad"),
        toelichting=_afgekapt(toelichting, "toelichting"),
    )
    # Keuzes en lengtes controleren zonder de foreign keys op te zoeken (geen extra queries).
    regel.clean_fields(exclude=["actor", "content_type"])
    return regel


def registreer_weigering(
    *,
    request,
    status: int,
    object: models.Model | None = None,  # noqa: A002
    object_id: str | int | None = None,
    model: type[models.Model] | None = None,
    deelnemer: int | None = None,
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
        model=model,
        deelnemer=deelnemer,
        toelichting=toelichting,
    )


def aangewezen_object(match) -> tuple[type[models.Model], object, bool] | None:
    """(model, nummer, is_admin) van het ene object waarover de pagina van `match` gaat, of
    None voor een lijst of een pagina zonder object.

    Werkplek: een padparameter van een `ObjectnummerConverter`. Admin: de wijzig-, historie- of
    verwijderpagina van een ModelAdmin (`<app>_<model>_change` met `object_id`)."""
    model_admin = getattr(match.func, "model_admin", None)
    if model_admin is not None:
        pagina = (match.url_name or "").rsplit("_", 1)[-1]
        if pagina in ADMIN_OBJECTPAGINAS and "object_id" in match.kwargs:
            return model_admin.model, match.kwargs["object_id"], True
        return None
    for waarde in match.kwargs.values():
        if isinstance(waarde, Objectnummer):
            return apps.get_model(waarde.model), waarde, False
    return None


class ToegangslogMiddleware:
    """Logt wat een ingelogde gebruiker over een deelnemer ziet, en wat hem geweigerd wordt.

    - 403 en 404 op een bestaande URL: *toegang geweigerd*, met soort en nummer van het
      aangewezen object en, als het bestaat, het deelnemernummer. Zo komt een poging om een
      dossier van een andere gemeente te openen (404 uit een gescopete selector) of een pagina
      buiten de eigen rol (403) altijd in het log;
    - 200 op een pagina over één object uit `DOSSIERMODELLEN`: een inzage (zie de
      moduledocumentatie), tenzij de view al een inzage logde.

    Zet ook het lopende verzoek klaar voor `registreer_toegang` zonder `request`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _verzoek.set(request)
        try:
            response = self.get_response(request)
        finally:
            _verzoek.reset(token)
        match = getattr(request, "resolver_match", None)
        gebruiker = getattr(request, "user", None)
        if match is None or gebruiker is None or not gebruiker.is_authenticated:
            return response
        if response.status_code in (403, 404):
            self._weigering(request, response.status_code)
        elif response.status_code == 200 and not getattr(request, "toegangslog_inzage", False):
            self._inzage(request)
        return response

    @staticmethod
    def _weigering(request, status: int) -> None:
        aangewezen = aangewezen_object(request.resolver_match)
        if aangewezen is None:
            kwargs = request.resolver_match.kwargs or {}
            object_id = next((kwargs[k] for k in ("pk", "id", "object_id") if k in kwargs), None)
            registreer_weigering(request=request, status=status, object_id=object_id or None)
            return
        model, nummer, _admin = aangewezen
        # Het object is voor deze gebruiker niet opgehaald; het deelnemernummer wel (één query),
        # zodat alle pogingen op één persoon samen te vinden zijn.
        registreer_weigering(
            request=request, status=status, model=model, object_id=nummer,
            deelnemer=deelnemer_van(model, nummer),
        )

    @staticmethod
    def _inzage(request) -> None:
        aangewezen = aangewezen_object(request.resolver_match)
        if aangewezen is None:
            return
        model, nummer, is_admin = aangewezen
        pad = DOSSIERMODELLEN.get(model._meta.label_lower)
        if pad is None:
            return
        registreer_toegang(
            request=request,
            actie=Actie.BEHEER_BEKEKEN if is_admin else Actie.GEGEVENS_BEKEKEN,
            model=model,
            object_id=nummer,
            # Een getoonde pagina bestaat: een deelnemernummer staat al in de URL.
            deelnemer=int(nummer) if pad == "pk" and str(nummer).isdigit()
            else deelnemer_van(model, nummer),
            toelichting=request.resolver_match.view_name,
        )
