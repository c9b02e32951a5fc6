"""De wijzigingshistorie (django-auditlog) in woorden, op één plek.

Twee lezers gebruiken dezelfde weergave: het dossier (`wijzigingshistorie`: alles wat er met
een deelnemer en zijn trajecten gebeurde) en de melding bij een bewerkingsconflict
(`wijzigingen_sinds` en `conflictmelding`: wat een collega opsloog nadat het formulier werd
geopend, zie `services.Bewerkingsconflict`). Eén `Wijziging` per opslag, met per veld het label
en de oude en nieuwe waarde zoals een medewerker ze kent: datums als dd-mm-jjjj, keuzes met
hun label, gekoppelde objecten met hun naam, het BSN gemaskeerd. Velden die de software zelf
bijhoudt (`TECHNISCHE_VELDEN`) zeggen een medewerker niets en blijven weg.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .constants import Belemmering, Sector, Taal
from .models import Deelnemer, Intake, Plaatsing, Traject
from .selectors import Gebeurtenis, intake_van
from .validators import maskeer_bsn

#: Velden die de software zelf bijhoudt; in de historie zeggen ze een medewerker niets.
TECHNISCHE_VELDEN = frozenset({"id", "versie", "gewijzigd_op", "aangemaakt_op"})
#: Velden die in de historie nooit volledig getoond worden.
GEMASKEERD = frozenset({"bsn"})
#: Zoveel tussenliggende wijzigingen noemt een conflictmelding hooguit.
MAX_WIJZIGINGEN_IN_CONFLICT = 5


@dataclass
class Wijziging:
    """Eén opslag: wie, wanneer, wat (`actie`, `object`) en per veld (label, oud, nieuw).

    `oud` is None als niet bekend is wat er eerst stond (een conflict zonder historie)."""

    tijdstip: datetime.datetime
    actor: str
    actie: str
    object: str
    velden: list[tuple[str, str | None, str]]


# ---------------------------------------------------------------------------------------------
# Velden en waarden tonen
# ---------------------------------------------------------------------------------------------


def veld_van(model, naam: str):
    """Het (concrete) modelveld `naam`, of None voor een veld dat niet (meer) bestaat."""
    try:
        veld = model._meta.get_field(naam)
    except FieldDoesNotExist:
        return None
    return veld if getattr(veld, "concrete", False) else None


def objectnaam(obj) -> str:
    """Een gebruiker met zijn volledige naam (anders zijn gebruikersnaam), de rest als tekst."""
    if hasattr(obj, "get_full_name"):
        return obj.get_full_name() or obj.get_username()
    return str(obj)


def _lijst(waarde: str, keuzes: dict) -> str:
    """Een opgeslagen lijst ("['nl', 'ar']") als labels met komma's."""
    delen = (d.strip(" '\"") for d in waarde[1:-1].split(",") if d)
    return ", ".join(str(keuzes.get(d, d)) for d in delen)


def toon(veld, waarde, namen: dict) -> str:
    """Een waarde uit de historie (tekst) zoals een medewerker hem kent; `namen` geeft de naam
    van gekoppelde objecten per (model, pk)."""
    if waarde in (None, "None", ""):
        return "–"
    waarde = str(waarde)
    if veld.name in GEMASKEERD:
        # django-auditlog maskeert zelf al, ook een lege waarde: "None" wordt "**ne". Zonder
        # cijfers was er geen BSN.
        return maskeer_bsn(waarde) if any(c.isdigit() for c in waarde) else "–"
    if veld.is_relation and veld.many_to_one:
        return namen.get((veld.related_model, waarde), "#" + waarde)
    if veld.choices:
        keuzes = {str(k): str(v) for k, v in veld.flatchoices}
        return _lijst(waarde, keuzes) if waarde.startswith("[") else keuzes.get(waarde, waarde)
    if veld.get_internal_type() == "DateField" and len(waarde) >= 10:
        try:
            return datetime.date.fromisoformat(waarde[:10]).strftime("%d-%m-%Y")
        except ValueError:
            return waarde
    if waarde.startswith("[") and veld.name in LIJSTKEUZES:
        return _lijst(waarde, dict(LIJSTKEUZES[veld.name].choices)) or "–"
    return waarde


#: Lijstvelden (JSON) met vaste keuzes: in de historie met hun labels, niet als ["en","ti"].
LIJSTKEUZES = {"belemmeringen": Belemmering, "talen": Taal, "sectoren": Sector}


def zelfde_waarde(huidig, nieuw) -> bool:
    # Een CountryField geeft een Country-object; een formulier een ISO-code.
    return getattr(huidig, "code", huidig) == getattr(nieuw, "code", nieuw)


def _namen_van_gekoppelde(regels: Iterable[tuple[type, LogEntry]], bekend=()) -> dict:
    """(model, pk als tekst) → naam van de gekoppelde objecten in de wijzigingen.

    Wat al in `bekend` staat (objecten die de aanroeper al heeft opgehaald) kost geen query;
    de rest één query per gekoppeld model, hoeveel wijzigingen er ook zijn."""
    namen = {(type(obj), str(obj.pk)): objectnaam(obj) for obj in bekend if obj is not None}
    nodig: dict[type, set[str]] = {}
    for model, entry in regels:
        for veldnaam, waarden in (entry.changes_dict or {}).items():
            veld = veld_van(model, veldnaam)
            if veld is None or not (veld.is_relation and veld.many_to_one):
                continue
            for waarde in map(str, waarden):
                if waarde.isdigit() and (veld.related_model, waarde) not in namen:
                    nodig.setdefault(veld.related_model, set()).add(waarde)
    for gekoppeld, pks in nodig.items():
        for obj in gekoppeld._default_manager.filter(pk__in=pks):
            namen[(gekoppeld, str(obj.pk))] = objectnaam(obj)
    return namen


def _velden(model, entry: LogEntry, namen: dict) -> list[tuple[str, str, str]]:
    velden = []
    for veldnaam, waarden in (entry.changes_dict or {}).items():
        veld = veld_van(model, veldnaam)
        if veld is None or veldnaam in TECHNISCHE_VELDEN:
            continue
        oud, nieuw = (list(waarden) + [None, None])[:2]
        velden.append((str(veld.verbose_name), toon(veld, oud, namen), toon(veld, nieuw, namen)))
    return velden


def _actor(entry: LogEntry, onbekend: str) -> str:
    return objectnaam(entry.actor) if entry.actor else onbekend


# ---------------------------------------------------------------------------------------------
# Het dossier
# ---------------------------------------------------------------------------------------------


def wijzigingshistorie(deelnemer: Deelnemer, *, limiet: int = 100) -> list[Wijziging]:
    """De wijzigingshistorie van de deelnemer, zijn trajecten, intakes en plaatsingen;
    nieuwste eerst. Het BSN is gemaskeerd (*****1234).

    Werkt op een deelnemer uit `selectors.dossier()`. Namen van gekoppelde objecten
    (gemeente, coach, werkgever, …) komen uit wat het dossier al heeft, of per model uit één
    query: het aantal queries hangt niet af van het aantal wijzigingen.
    """
    modellen = [Deelnemer, Traject, Intake, Plaatsing]
    cts = ContentType.objects.get_for_models(*modellen)
    trajecten = deelnemer.alle_trajecten
    ids = {
        Deelnemer: [deelnemer.pk],
        Traject: [t.pk for t in trajecten],
        Intake: [i.pk for i in (intake_van(t) for t in trajecten) if i],
        Plaatsing: [p.pk for t in trajecten for p in t.alle_plaatsingen],
    }
    voorwaarde = Q(pk__in=[])
    for model in modellen:
        if ids[model]:
            voorwaarde |= Q(content_type=cts[model], object_id__in=ids[model])
    entries = list(
        LogEntry.objects.filter(voorwaarde).select_related("actor")
        .order_by("-timestamp", "-pk")[:limiet]
    )
    model_van_ct = {ct.pk: model for model, ct in cts.items()}
    regels = [(model_van_ct[entry.content_type_id], entry) for entry in entries]

    bekend = [deelnemer, deelnemer.gemeente]
    for traject in trajecten:
        bekend += [traject, traject.gemeente, traject.programma, traject.coach]
        bekend += [p.werkgever for p in traject.alle_plaatsingen]
    namen = _namen_van_gekoppelde(regels, bekend)

    acties = {
        LogEntry.Action.CREATE: _("aangemaakt"),
        LogEntry.Action.UPDATE: _("gewijzigd"),
        LogEntry.Action.DELETE: _("verwijderd"),
        LogEntry.Action.ACCESS: _("bekeken"),
    }
    return [
        Wijziging(
            tijdstip=entry.timestamp,
            actor=_actor(entry, _("systeem")),
            actie=acties.get(entry.action, ""),
            object=f"{model._meta.verbose_name} {entry.object_id}",
            velden=_velden(model, entry, namen),
        )
        for model, entry in regels
    ]


# ---------------------------------------------------------------------------------------------
# De wijzigingshistorie in de admin
# ---------------------------------------------------------------------------------------------


def logregel_velden(entry: LogEntry) -> list[tuple[str, str, str]]:
    """(label, oud, nieuw) van één regel van de wijzigingshistorie, zoals in het dossier:
    Nederlandse labels, keuzes en lijsten met hun namen, gekoppelde objecten met hun naam,
    het BSN gemaskeerd, zonder technische velden. Eén query per gekoppeld model."""
    model = entry.content_type.model_class()
    if model is None:
        return []
    return _velden(model, entry, _namen_van_gekoppelde([(model, entry)]))


def logregel_labels(entry: LogEntry) -> list[str]:
    """Alleen de labels van de gewijzigde velden (zonder query): voor de lijst in de admin."""
    model = entry.content_type.model_class()
    labels = []
    for naam in (entry.changes_dict or {}):
        veld = veld_van(model, naam) if model else None
        if veld is not None and naam not in TECHNISCHE_VELDEN:
            labels.append(str(veld.verbose_name))
    return labels


# ---------------------------------------------------------------------------------------------
# Het bewerkingsconflict
# ---------------------------------------------------------------------------------------------


def wijzigingen_sinds(obj, versie: int, ingediend: dict) -> list[Wijziging]:
    """De opslagen van `obj` na `versie`, uit de wijzigingshistorie (oudste eerst, hooguit
    `MAX_WIJZIGINGEN_IN_CONFLICT`).

    Zonder historie (uitgezet, of een wijziging buiten de services om) één `Wijziging` met de
    velden waarin de huidige rij afwijkt van wat de gebruiker instuurde (`ingediend`), met
    oud = None."""
    model = type(obj)
    entries = []
    if 0 < versie < obj.versie:
        kandidaten = (
            LogEntry.objects.get_for_object(obj).select_related("actor")
            .order_by("-timestamp", "-pk")[: min(obj.versie - versie, 50) + 5]
        )
        for entry in kandidaten:
            oud_nieuw = (entry.changes_dict or {}).get("versie") or [None, None]
            if str(oud_nieuw[-1]).isdigit() and int(oud_nieuw[-1]) > versie:
                entries.append(entry)
    entries = sorted(entries, key=lambda e: (e.timestamp, e.pk))[-MAX_WIJZIGINGEN_IN_CONFLICT:]
    if entries:
        namen = _namen_van_gekoppelde((model, entry) for entry in entries)
        return [
            Wijziging(
                tijdstip=entry.timestamp, actor=_actor(entry, _("iemand anders")),
                actie=_("gewijzigd"), object=str(model._meta.verbose_name),
                velden=_velden(model, entry, namen),
            )
            for entry in entries
        ]
    velden = []
    for naam, waarde in ingediend.items():
        huidig = getattr(obj, naam, None)
        if naam in TECHNISCHE_VELDEN or zelfde_waarde(huidig, waarde):
            continue
        veld = model._meta.get_field(naam)
        if veld.is_relation:
            getoond = str(huidig) if huidig is not None else "–"
        else:
            ruw = getattr(huidig, "code", huidig)
            ruw = ruw.isoformat() if isinstance(ruw, datetime.date) else ruw
            getoond = toon(veld, ruw, {})
        velden.append((str(veld.verbose_name), None, getoond))
    return [Wijziging(
        tijdstip=obj.gewijzigd_op, actor=_("iemand anders"), actie=_("gewijzigd"),
        object=str(model._meta.verbose_name), velden=velden,
    )]


def _tijdstip(moment: datetime.datetime) -> str:
    lokaal = timezone.localtime(moment)
    return _("%(datum)s om %(tijd)s") % {
        "datum": date_format(lokaal, "d-m-Y"), "tijd": date_format(lokaal, "H:i"),
    }


def conflictmelding(wijzigingen: list[Wijziging]) -> str:
    """De tekst van een bewerkingsconflict: wie wanneer welke velden veranderde."""
    delen = []
    for w in wijzigingen:
        velden = "; ".join(
            f"{label}: {oud} → {nieuw}" if oud is not None
            else _("%(label)s is nu %(nieuw)s") % {"label": label, "nieuw": nieuw}
            for label, oud, nieuw in w.velden
        ) or _("geen inhoudelijke wijziging")
        delen.append(_("%(wie)s op %(wanneer)s (%(velden)s)") % {
            "wie": w.actor, "wanneer": _tijdstip(w.tijdstip), "velden": velden,
        })
    return _(
        "Uw wijziging is niet opgeslagen: iemand anders heeft deze gegevens intussen gewijzigd. "
        "%(wijzigingen)s. Laad het formulier opnieuw en voer uw wijziging zo nodig opnieuw in."
    ) % {"wijzigingen": "; ".join(delen)}


# ---------------------------------------------------------------------------------------------
# Overdrachten in de tijdlijn
# ---------------------------------------------------------------------------------------------


#: Wisselingen op een traject die de tijdlijn toont: veld → (soort, titel met %(naam)s).
WISSELINGEN = {
    "behandelaar": ("overdracht", _lazy("Behandelaar: %(naam)s")),
    "coach": ("coach", _lazy("Coach: %(naam)s")),
    "status": ("status", _lazy("Status: %(naam)s")),
}


def overdrachten(deelnemer: Deelnemer) -> list[Gebeurtenis]:
    """Elke wisseling van behandelaar, coach of status op de trajecten van de deelnemer, als
    gebeurtenis voor de tijdlijn: "Behandelaar: B" (met "was A"), "Coach: C", "Status: actief".
    De bron is de wijzigingshistorie, dezelfde die het dossier onder 'Wijzigingshistorie'
    toont; wat bij het starten werd gezet, is geen wisseling.

    Werkt op een deelnemer uit `selectors.dossier()`: één query voor de historie, en alleen
    voor namen die het dossier nog niet kent één query per gekoppeld model.
    """
    trajecten = deelnemer.alle_trajecten
    if not trajecten:
        return []
    heeft_veld = Q(pk__in=[])
    for veldnaam in WISSELINGEN:
        heeft_veld |= Q(changes__has_key=veldnaam)
    entries = list(
        LogEntry.objects.filter(
            heeft_veld,
            content_type=ContentType.objects.get_for_model(Traject),
            object_id__in=[t.pk for t in trajecten],
            action=LogEntry.Action.UPDATE,
        ).order_by("timestamp", "pk")
    )
    if not entries:
        return []
    namen = _namen_van_gekoppelde(
        ((Traject, e) for e in entries),
        [t.behandelaar for t in trajecten] + [t.coach for t in trajecten],
    )
    items = []
    for entry in entries:
        for veldnaam, (soort, titel) in WISSELINGEN.items():
            if veldnaam not in (entry.changes_dict or {}):
                continue
            veld = Traject._meta.get_field(veldnaam)
            oud, nieuw = (list(entry.changes_dict[veldnaam]) + [None, None])[:2]
            tekst = _("was %(naam)s") % {"naam": toon(veld, oud, namen)} if oud not in (
                None, "None") else ""
            items.append(Gebeurtenis(
                timezone.localdate(entry.timestamp), soort,
                str(titel) % {"naam": toon(veld, nieuw, namen)}, tekst, 6,
            ))
    return items
