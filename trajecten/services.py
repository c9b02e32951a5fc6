"""Schrijfacties van de werkplek: één functie per handeling.

Elke functie is keyword-only, draait in één transactie (`@transaction.atomic`), controleert de
regels van het domein (DOMAIN.md) en roept `full_clean()` aan vóór `save()`. Bij een fout gooit
ze een `ValidationError` met een Nederlandse melding (per veld waar dat kan) en is er niets
opgeslagen. Een object buiten de gemeenten van `door` geeft `PermissionDenied`.

Schrijven gaat altijd met `.save()` (nooit `QuerySet.update()`), zodat signalen (cache van de
rapportage, wijzigingshistorie) elke wijziging zien.

Dubbel verzenden: een formulier dat twee keer verstuurd wordt, maakt geen twee records. De
functies vergrendelen de rij van het traject of de deelnemer (`select_for_update`) en kijken dan
of er binnen `DUBBEL_VENSTER` al een identiek record is gemaakt; zo ja, dan geven ze dat record
terug in plaats van een tweede te maken (idempotent).

Geen verloren wijzigingen (optimistische vergrendeling): Deelnemer, Traject en Plaatsing hebben
een `versie`. Elke functie die zo'n rij opslaat, leest hem vergrendeld (`select_for_update`) en
verhoogt de versie met één. Een bewerkformulier stuurt de versie mee waarop het gebaseerd was
(`versie=`); is de rij intussen door iemand anders opgeslagen, dan volgt `Bewerkingsconflict`
(een ValidationError die noemt wie wat wanneer wijzigde) en wordt er niets overschreven. Omdat
vergelijken en opslaan onder dezelfde rijvergrendeling gebeuren, is dit op PostgreSQL atomair:
van twee gelijktijdige opslagen met dezelfde versie wacht de tweede op de eerste en krijgt dan
het conflict. Stuurt iemand hetzelfde formulier twee keer (de rij heeft al precies die waarden),
dan is dat geen conflict maar een dubbel verzonden formulier: er verandert niets.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente
from rapportage.models import Programma

from .constants import (
    GEPLAATST_SOORTEN,
    OVERGANGEN,
    Belemmering,
    ContactSoort,
    Contractvorm,
    Inburgering,
    Opleidingsniveau,
    Sector,
    Soort,
    Status,
    Taal,
    Taalniveau,
    Uitvoerder,
)
from .models import (
    Coach,
    Contactmoment,
    Deelnemer,
    Intake,
    Plaatsing,
    Traject,
    Werkgever,
    vandaag,
)
from .selectors import Wijziging, _toon, _veld, gemeenten_van, mogelijke_dubbelen
from .validators import normaliseer_bsn

#: Een identiek record binnen dit venster geldt als dubbel verzonden formulier.
DUBBEL_VENSTER = datetime.timedelta(seconds=30)
#: Een plaatsing mag hooguit zoveel dagen vooruit beginnen (een getekend contract).
PLAATSING_MAX_DAGEN_VOORUIT = 92
#: Jongste leeftijd van een deelnemer (werkende leeftijd).
MINIMUM_LEEFTIJD = 15
#: Soorten plaatsing waarbij een werkgever verplicht is.
SOORTEN_MET_WERKGEVER = [*GEPLAATST_SOORTEN, Soort.PROEFPLAATSING, Soort.LEERWERKTRAJECT]


# ---------------------------------------------------------------------------------------------
# Hulpfuncties
# ---------------------------------------------------------------------------------------------


def _eis_medewerker(door, gemeente: Gemeente | int) -> None:
    gemeente_pk = getattr(gemeente, "pk", gemeente)
    if not gemeenten_van(door).filter(pk=gemeente_pk).exists():
        raise PermissionDenied(_("U bent geen medewerker van deze gemeente."))


def _niet_in_toekomst(fouten: dict, veld: str, datum: datetime.date | None, wat: str) -> None:
    if datum and datum > vandaag():
        fouten.setdefault(veld, []).append(
            _("%(wat)s kan niet in de toekomst liggen.") % {"wat": wat}
        )


def _gooi(fouten: dict) -> None:
    if fouten:
        raise ValidationError(fouten)


def _recent(qs):
    """Een record uit `qs` dat binnen het dubbel-venster is aangemaakt (of None)."""
    return qs.filter(aangemaakt_op__gte=timezone.now() - DUBBEL_VENSTER).order_by("-pk").first()


def _vergrendel_traject(traject: Traject) -> Traject:
    return (
        Traject.objects.select_for_update(of=("self",))
        .select_related("deelnemer", "gemeente", "coach")
        .get(pk=traject.pk)
    )


def _valideer_keuzes(waarden: Iterable[str], keuzes, veld: str, fouten: dict) -> list[str]:
    waarden = list(dict.fromkeys(waarden or []))
    onbekend = [w for w in waarden if w not in keuzes.values]
    if onbekend:
        fouten.setdefault(veld, []).append(
            _("Onbekende keuze: %(waarden)s.") % {"waarden": ", ".join(onbekend)}
        )
    return waarden


# ---------------------------------------------------------------------------------------------
# Optimistische vergrendeling: geen verloren wijzigingen
# ---------------------------------------------------------------------------------------------

#: Velden die in een conflictmelding niet als inhoudelijke wijziging tellen.
_TECHNISCHE_VELDEN = {"versie", "gewijzigd_op", "aangemaakt_op"}
#: Zoveel tussenliggende wijzigingen noemt een conflictmelding hooguit.
_MAX_GETOONDE_WIJZIGINGEN = 5


class Bewerkingsconflict(ValidationError):
    """Iemand anders heeft het record opgeslagen nadat het formulier werd geopend.

    `wijzigingen` (oudste eerst) zegt per tussenliggende opslag wie, wanneer en welke velden
    (label, oud, nieuw) veranderden, uit de wijzigingshistorie. Ontbreekt die historie, dan
    staat er één `Wijziging` met de velden waarin de huidige gegevens afwijken van wat de
    gebruiker instuurde (oud = None). De melding zelf noemt dezelfde wijzigingen in tekst.
    """

    def __init__(self, *, obj, wijzigingen: list[Wijziging]):
        self.obj = obj
        self.wijzigingen = wijzigingen
        super().__init__(_conflictmelding(wijzigingen), code="bewerkingsconflict")


def _tijdstip(moment: datetime.datetime) -> str:
    lokaal = timezone.localtime(moment)
    return _("%(datum)s om %(tijd)s") % {
        "datum": date_format(lokaal, "d-m-Y"), "tijd": date_format(lokaal, "H:i"),
    }


def _conflictmelding(wijzigingen: list[Wijziging]) -> str:
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


def _gelijk(huidig, nieuw) -> bool:
    # Een CountryField geeft een Country-object; het formulier een ISO-code.
    return getattr(huidig, "code", huidig) == getattr(nieuw, "code", nieuw)


def _ongewijzigd(obj, velden: dict) -> bool:
    """Heeft `obj` al precies deze waarden (een dubbel verzonden formulier)?"""
    return all(_gelijk(getattr(obj, naam), waarde) for naam, waarde in velden.items())


def _namen_van_gekoppelde(model, entries) -> dict:
    """(model, pk als tekst) → naam van de gekoppelde objecten in de wijzigingen; één query
    per gekoppeld model."""
    nodig: dict[type, set[str]] = {}
    for entry in entries:
        for veldnaam, waarden in (entry.changes_dict or {}).items():
            veld = _veld(model, veldnaam)
            if veld is not None and veld.is_relation and veld.many_to_one:
                nodig.setdefault(veld.related_model, set()).update(
                    str(w) for w in waarden if str(w).isdigit()
                )
    return {
        (gekoppeld, str(obj.pk)): str(obj)
        for gekoppeld, pks in nodig.items()
        for obj in gekoppeld._default_manager.filter(pk__in=pks)
    }


def _wijzigingen_sinds(obj, versie: int, ingediend: dict) -> list[Wijziging]:
    """De opslagen van `obj` na `versie`, uit de wijzigingshistorie (oudste eerst)."""
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
    entries = sorted(entries, key=lambda e: (e.timestamp, e.pk))[-_MAX_GETOONDE_WIJZIGINGEN:]
    namen = _namen_van_gekoppelde(model, entries)
    resultaat = []
    for entry in entries:
        velden = []
        for veldnaam, waarden in (entry.changes_dict or {}).items():
            veld = _veld(model, veldnaam)
            if veld is None or veldnaam in _TECHNISCHE_VELDEN:
                continue
            oud, nieuw = (list(waarden) + [None, None])[:2]
            velden.append((
                str(veld.verbose_name), _toon(model, veld, oud, namen),
                _toon(model, veld, nieuw, namen),
            ))
        actor = entry.actor
        resultaat.append(Wijziging(
            tijdstip=entry.timestamp,
            actor=(actor.get_full_name() or actor.get_username()) if actor else _("iemand anders"),
            actie=_("gewijzigd"), object=str(model._meta.verbose_name), velden=velden,
        ))
    if resultaat:
        return resultaat
    # Geen historie (uitgezet, of een wijziging buiten de services om): vergelijk dan de
    # huidige rij met wat de gebruiker instuurde.
    velden = []
    for naam, waarde in ingediend.items():
        huidig = getattr(obj, naam, None)
        if naam in _TECHNISCHE_VELDEN or _gelijk(huidig, waarde):
            continue
        veld = model._meta.get_field(naam)
        if veld.is_relation:
            getoond = str(huidig) if huidig is not None else "–"
        else:
            ruw = getattr(huidig, "code", huidig)
            ruw = ruw.isoformat() if isinstance(ruw, datetime.date) else ruw
            getoond = _toon(model, veld, ruw, {})
        velden.append((str(veld.verbose_name), None, getoond))
    return [Wijziging(
        tijdstip=obj.gewijzigd_op, actor=_("iemand anders"), actie=_("gewijzigd"),
        object=str(model._meta.verbose_name), velden=velden,
    )]


def _eis_versie(obj, versie: int | None, ingediend: dict) -> bool:
    """Controleert de versie van het (vergrendeld gelezen) `obj` tegen de versie waarop het
    formulier gebaseerd was. Geeft True als er niets te doen is: een dubbel verzonden
    formulier (de rij heeft al precies de ingediende waarden). Gooit `Bewerkingsconflict` als
    iemand anders intussen iets anders opsloeg. `versie=None`: geen controle (aanroepen buiten
    een bewerkformulier)."""
    if versie is None or versie == obj.versie:
        return False
    if _ongewijzigd(obj, ingediend):
        return True
    raise Bewerkingsconflict(obj=obj, wijzigingen=_wijzigingen_sinds(obj, versie, ingediend))


def _volgende_versie(obj) -> None:
    """Verhoog de versie van een vergrendeld gelezen rij, vlak voor `save()`."""
    obj.versie = (obj.versie or 0) + 1


# ---------------------------------------------------------------------------------------------
# Deelnemer
# ---------------------------------------------------------------------------------------------


def _valideer_persoonsdata(
    fouten: dict,
    *,
    geboortedatum: datetime.date | None,
    datum_verblijfsvergunning: datetime.date | None,
    toestemming_datum: datetime.date | None,
) -> None:
    if geboortedatum:
        if geboortedatum > vandaag():
            fouten.setdefault("geboortedatum", []).append(
                _("De geboortedatum kan niet in de toekomst liggen.")
            )
        elif geboortedatum > vandaag() - relativedelta(years=MINIMUM_LEEFTIJD):
            fouten.setdefault("geboortedatum", []).append(
                _("Een deelnemer is minstens %(jaar)s jaar oud; controleer de geboortedatum.")
                % {"jaar": MINIMUM_LEEFTIJD}
            )
        elif geboortedatum.year < 1900:
            fouten.setdefault("geboortedatum", []).append(
                _("Controleer de geboortedatum: die ligt vóór 1900.")
            )
    _niet_in_toekomst(
        fouten, "datum_verblijfsvergunning", datum_verblijfsvergunning,
        _("De datum van de verblijfsvergunning"),
    )
    if datum_verblijfsvergunning and geboortedatum and datum_verblijfsvergunning < geboortedatum:
        fouten.setdefault("datum_verblijfsvergunning", []).append(
            _("De verblijfsvergunning kan niet vóór de geboortedatum zijn verleend.")
        )
    _niet_in_toekomst(fouten, "toestemming_datum", toestemming_datum, _("De datum van toestemming"))


def _bsn_bestaat(bsn: str, behalve: int | None = None) -> bool:
    qs = Deelnemer.objects.filter(bsn=bsn)
    if behalve:
        qs = qs.exclude(pk=behalve)
    return bool(bsn) and qs.exists()


def _bewaar_deelnemer(deelnemer: Deelnemer) -> None:
    # Twee gelijktijdige registraties met hetzelfde BSN: de unieke index beslist.
    try:
        with transaction.atomic():
            deelnemer.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"bsn": [_("Er is al een deelnemer met dit BSN geregistreerd.")]}
        ) from exc


@transaction.atomic
def deelnemer_registreren(
    *,
    door,
    gemeente: Gemeente,
    voornaam: str,
    achternaam: str,
    geboortedatum: datetime.date,
    land_van_herkomst: str,
    toestemming_datum: datetime.date | None = None,
    bsn: str = "",
    v_nummer: str = "",
    telefoon: str = "",
    email: str = "",
    datum_verblijfsvergunning: datetime.date | None = None,
    taalniveau: str = Taalniveau.A0,
    talen: Iterable[str] = (),
    opleidingsniveau: str = Opleidingsniveau.ONBEKEND,
    inburgering: str = Inburgering.NIET_GESTART,
    dubbel_bevestigd: bool = False,
) -> Deelnemer:
    """Registreert een deelnemer in een gemeente van `door`.

    Weigert (ValidationError) een BSN dat al bestaat (in welke gemeente ook), datums in de
    toekomst en een onwaarschijnlijke geboortedatum. Bestaat er in de gemeenten van `door` al
    iemand met dezelfde naam en geboortedatum, dan volgt een ValidationError met code
    `mogelijk_dubbel`, tenzij `dubbel_bevestigd` waar is ("toch aanmaken"). Hetzelfde
    formulier twee keer binnen het dubbel-venster geeft de eerste deelnemer terug.
    """
    fouten: dict = {}
    if not gemeenten_van(door).filter(pk=gemeente.pk).exists():
        fouten["gemeente"] = [_("U kunt alleen deelnemers registreren in uw eigen gemeenten.")]
    bsn = normaliseer_bsn(bsn or "")
    voornaam, achternaam = voornaam.strip(), achternaam.strip()
    talen = _valideer_keuzes(talen, Taal, "talen", fouten)
    _valideer_persoonsdata(
        fouten,
        geboortedatum=geboortedatum,
        datum_verblijfsvergunning=datum_verblijfsvergunning,
        toestemming_datum=toestemming_datum,
    )
    _gooi(fouten)

    # Dubbel verzonden? Dan dezelfde deelnemer terug.
    eerder = _recent(Deelnemer.objects.filter(
        gemeente=gemeente, voornaam=voornaam, achternaam=achternaam,
        geboortedatum=geboortedatum, bsn=bsn,
    ))
    if eerder:
        return eerder

    if _bsn_bestaat(bsn):
        raise ValidationError({"bsn": [_("Er is al een deelnemer met dit BSN geregistreerd.")]})
    if not dubbel_bevestigd and mogelijke_dubbelen(
        user=door, voornaam=voornaam, achternaam=achternaam, geboortedatum=geboortedatum
    ):
        raise ValidationError(
            _("Er is al een deelnemer met dezelfde naam en geboortedatum. Controleer of het om "
              "dezelfde persoon gaat; is het echt iemand anders, kies dan ‘Toch aanmaken’."),
            code="mogelijk_dubbel",
        )

    deelnemer = Deelnemer(
        gemeente=gemeente, voornaam=voornaam, achternaam=achternaam,
        geboortedatum=geboortedatum, land_van_herkomst=land_van_herkomst, bsn=bsn,
        v_nummer=(v_nummer or "").strip(), telefoon=(telefoon or "").strip(),
        email=(email or "").strip(), datum_verblijfsvergunning=datum_verblijfsvergunning,
        taalniveau=taalniveau, talen=talen, opleidingsniveau=opleidingsniveau,
        inburgering=inburgering, toestemming_datum=toestemming_datum,
    )
    deelnemer.full_clean()
    _bewaar_deelnemer(deelnemer)
    return deelnemer


#: Velden die `deelnemer_wijzigen` aanpast; de gemeente verandert alleen via een verhuizing.
WIJZIGBARE_VELDEN = (
    "voornaam", "achternaam", "geboortedatum", "land_van_herkomst", "bsn", "v_nummer",
    "telefoon", "email", "datum_verblijfsvergunning", "taalniveau", "talen",
    "opleidingsniveau", "inburgering", "toestemming_datum",
)


@transaction.atomic
def deelnemer_wijzigen(
    *, deelnemer: Deelnemer, door, versie: int | None = None, **velden
) -> Deelnemer:
    """Wijzigt de persoonsgegevens van een deelnemer (niet de gemeente: zie
    `deelnemer_verhuizen`). Zelfde regels als bij registreren; een BSN dat bij een ander
    hoort wordt geweigerd. Met `versie` (uit het formulier): `Bewerkingsconflict` als iemand
    anders de deelnemer intussen wijzigde; er wordt dan niets overschreven."""
    _eis_medewerker(door, deelnemer.gemeente_id)
    onbekend = set(velden) - set(WIJZIGBARE_VELDEN)
    if onbekend:
        raise ValueError(f"onbekende velden: {sorted(onbekend)}")
    deelnemer = Deelnemer.objects.select_for_update().get(pk=deelnemer.pk)
    fouten: dict = {}
    if "bsn" in velden:
        velden["bsn"] = normaliseer_bsn(velden["bsn"] or "")
    if "talen" in velden:
        velden["talen"] = _valideer_keuzes(velden["talen"], Taal, "talen", fouten)
    for naam in ("voornaam", "achternaam", "v_nummer", "telefoon", "email"):
        if naam in velden:
            velden[naam] = (velden[naam] or "").strip()
    if _eis_versie(deelnemer, versie, velden):
        return deelnemer
    for naam, waarde in velden.items():
        setattr(deelnemer, naam, waarde)
    _valideer_persoonsdata(
        fouten,
        geboortedatum=deelnemer.geboortedatum,
        datum_verblijfsvergunning=deelnemer.datum_verblijfsvergunning,
        toestemming_datum=deelnemer.toestemming_datum,
    )
    if _bsn_bestaat(deelnemer.bsn, behalve=deelnemer.pk):
        fouten.setdefault("bsn", []).append(
            _("Er is al een andere deelnemer met dit BSN geregistreerd.")
        )
    _gooi(fouten)
    _volgende_versie(deelnemer)
    deelnemer.full_clean()
    _bewaar_deelnemer(deelnemer)
    return deelnemer


@transaction.atomic
def deelnemer_verhuizen(*, deelnemer: Deelnemer, naar_gemeente: Gemeente, door) -> Deelnemer:
    """Verhuist een deelnemer met zijn open traject(en) naar een andere gemeente.

    `door` moet medewerker zijn van de huidige gemeente; het doel mag elke gemeente zijn.
    Afgesloten trajecten blijven bij de oude gemeente (zo tellen ze daar, en de persoon telt
    nooit dubbel: elk traject hoort bij precies één gemeente). De wijzigingshistorie blijft bij
    het dossier. Een coach die niet in de nieuwe gemeente werkt, wordt losgekoppeld. Daarna
    heeft de oude gemeente geen toegang meer.
    """
    _eis_medewerker(door, deelnemer.gemeente_id)
    deelnemer = Deelnemer.objects.select_for_update().get(pk=deelnemer.pk)
    if naar_gemeente.pk == deelnemer.gemeente_id:
        raise ValidationError(
            {"naar_gemeente": [_("De deelnemer staat al in deze gemeente ingeschreven.")]}
        )
    deelnemer.gemeente = naar_gemeente
    _volgende_versie(deelnemer)
    deelnemer.full_clean()
    deelnemer.save()
    coach_pks_in_nieuwe_gemeente = set(
        Coach.objects.filter(gemeenten=naar_gemeente).values_list("pk", flat=True)
    )
    for traject in deelnemer.trajecten.select_for_update().open():
        traject.gemeente = naar_gemeente
        if traject.coach_id and traject.coach_id not in coach_pks_in_nieuwe_gemeente:
            traject.coach = None
        _volgende_versie(traject)
        traject.full_clean()
        traject.save()
    return deelnemer


# ---------------------------------------------------------------------------------------------
# Traject
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def traject_starten(
    *,
    deelnemer: Deelnemer,
    programma: Programma,
    uitvoerder: str,
    door,
    aanmelddatum: datetime.date | None = None,
) -> Traject:
    """Meldt een deelnemer aan voor een traject (status 'aangemeld') in zijn gemeente.

    Geweigerd zonder toestemming van de deelnemer (AVG: geen verwerking zonder grondslag), bij
    een al lopend traject, bij een aanmelddatum in de toekomst of buiten de looptijd van het
    programma.
    """
    _eis_medewerker(door, deelnemer.gemeente_id)
    deelnemer = Deelnemer.objects.select_for_update().get(pk=deelnemer.pk)
    aanmelddatum = aanmelddatum or vandaag()
    if not deelnemer.toestemming_datum:
        raise ValidationError(
            _("Er kan geen traject starten: de deelnemer heeft nog geen toestemming gegeven voor "
              "het verwerken van zijn gegevens. Leg eerst de datum van toestemming vast bij de "
              "persoonsgegevens."),
            code="geen_toestemming",
        )
    eerder = _recent(
        deelnemer.trajecten.open().filter(programma=programma, uitvoerder=uitvoerder)
    )
    if eerder:
        return eerder
    if deelnemer.trajecten.open().exists():
        raise ValidationError(
            _("Deze deelnemer heeft al een lopend traject. Rond dat eerst af of meld het af als "
              "uitgevallen."),
            code="al_open_traject",
        )
    fouten: dict = {}
    _niet_in_toekomst(fouten, "aanmelddatum", aanmelddatum, _("De aanmelddatum"))
    if programma.einddatum < aanmelddatum:
        fouten.setdefault("programma", []).append(
            _("Dit programma is op %(datum)s afgelopen; kies een lopend programma.")
            % {"datum": programma.einddatum.strftime("%d-%m-%Y")}
        )
    if uitvoerder not in Uitvoerder.values:
        fouten.setdefault("uitvoerder", []).append(_("Kies een uitvoerder uit de lijst."))
    _gooi(fouten)
    traject = Traject(
        deelnemer=deelnemer, programma=programma, gemeente=deelnemer.gemeente,
        uitvoerder=uitvoerder, status=Status.AANGEMELD, aanmelddatum=aanmelddatum,
    )
    traject.full_clean()
    traject.save()
    return traject


@transaction.atomic
def intake_vastleggen(
    *,
    traject: Traject,
    door,
    datum: datetime.date,
    beroepswens: str,
    sector: str = "",
    belemmeringen: Iterable[str] = (),
    actieplan: str = "",
) -> Intake:
    """Legt de intake vast (of werkt hem bij) en zet een aangemeld traject op 'intake'.

    De startdatum van het traject wordt de intakedatum (trajecten gestart telt daarop). De
    intakedatum ligt niet in de toekomst en niet vóór de aanmelding. Bij het bijwerken van een
    bestaande intake schuift de startdatum mee, maar nooit voorbij de eerste plaatsing.
    """
    _eis_medewerker(door, traject.gemeente_id)
    traject = _vergrendel_traject(traject)
    fouten: dict = {}
    if traject.status in (Status.AFGEROND, Status.UITGEVALLEN):
        raise ValidationError(_("Dit traject is afgesloten; de intake kan niet meer worden "
                                "vastgelegd."), code="traject_gesloten")
    _niet_in_toekomst(fouten, "datum", datum, _("De intakedatum"))
    if datum and datum < traject.aanmelddatum:
        fouten.setdefault("datum", []).append(
            _("De intake kan niet vóór de aanmelding (%(datum)s) liggen.")
            % {"datum": traject.aanmelddatum.strftime("%d-%m-%Y")}
        )
    if sector and sector not in Sector.values:
        fouten.setdefault("sector", []).append(_("Kies een sector uit de lijst."))
    belemmeringen = _valideer_keuzes(belemmeringen, Belemmering, "belemmeringen", fouten)

    intake = Intake.objects.filter(traject=traject).first()
    eerste_plaatsing = traject.plaatsingen.order_by("startdatum").first()
    if intake and eerste_plaatsing and datum and datum > eerste_plaatsing.startdatum:
        fouten.setdefault("datum", []).append(
            _("De intake kan niet na de start van de eerste plaatsing (%(datum)s) liggen.")
            % {"datum": eerste_plaatsing.startdatum.strftime("%d-%m-%Y")}
        )
    _gooi(fouten)

    oude_datum = intake.datum if intake else None
    intake = intake or Intake(traject=traject)
    intake.datum = datum
    intake.medewerker = door
    intake.beroepswens = (beroepswens or "").strip()
    intake.sector = sector or ""
    intake.belemmeringen = belemmeringen
    intake.actieplan = (actieplan or "").strip()
    intake.full_clean()
    intake.save()

    voor = (traject.status, traject.startdatum)
    if traject.status == Status.AANGEMELD:
        traject.status = Status.INTAKE
        traject.startdatum = datum
    elif oude_datum and traject.startdatum == oude_datum:
        traject.startdatum = datum
    # Alleen een echte wijziging van het traject krijgt een nieuwe versie; anders zou een
    # bijgewerkt actieplan een collega die het traject bewerkt een conflict geven.
    if (traject.status, traject.startdatum) != voor:
        _volgende_versie(traject)
        traject.full_clean()
        traject.save()
    return intake


@transaction.atomic
def coach_toewijzen(
    *, traject: Traject, coach: Coach, door, versie: int | None = None
) -> Traject:
    """Wijst een vrijwillige werkcoach toe aan een open traject.

    Geweigerd, wat het formulier ook stuurt: een coach die niet actief is, geen geldige VOG
    heeft (niet ouder dan drie jaar), niet in de gemeente van het traject werkt of al
    `max_deelnemers` open trajecten heeft. De coach-rij wordt vergrendeld, zodat twee
    gelijktijdige toewijzingen de capaciteit niet samen overschrijden. Met `versie`:
    `Bewerkingsconflict` als het traject intussen door iemand anders is gewijzigd.
    """
    _eis_medewerker(door, traject.gemeente_id)
    traject = _vergrendel_traject(traject)
    if _eis_versie(traject, versie, {"coach": coach}):
        return traject
    if not traject.is_open:
        raise ValidationError(_("Dit traject is afgesloten; er kan geen coach meer worden "
                                "toegewezen."), code="traject_gesloten")
    coach = Coach.objects.select_for_update().get(pk=coach.pk)
    fouten = []
    if not coach.actief:
        fouten.append(_("%(coach)s is niet actief als coach.") % {"coach": coach})
    if not coach.heeft_geldige_vog():
        if coach.vog_datum:
            fouten.append(_("De VOG van %(coach)s is verlopen (ouder dan drie jaar); vraag een "
                            "nieuwe VOG aan.") % {"coach": coach})
        else:
            fouten.append(_("%(coach)s heeft geen VOG; zonder geldige VOG kan een coach geen "
                            "deelnemer begeleiden.") % {"coach": coach})
    if not coach.gemeenten.filter(pk=traject.gemeente_id).exists():
        fouten.append(_("%(coach)s werkt niet in de gemeente %(gemeente)s.")
                      % {"coach": coach, "gemeente": traject.gemeente})
    caseload = coach.trajecten.open().exclude(pk=traject.pk).count()
    if caseload >= coach.max_deelnemers:
        fouten.append(_("%(coach)s begeleidt al %(aantal)s deelnemers, het maximum voor deze "
                        "coach.") % {"coach": coach, "aantal": caseload})
    if fouten:
        raise ValidationError({"coach": fouten})
    traject.coach = coach
    _volgende_versie(traject)
    traject.full_clean()
    traject.save()
    return traject


@transaction.atomic
def status_wijzigen(
    *,
    traject: Traject,
    naar: str,
    door,
    reden_uitval: str = "",
    datum: datetime.date | None = None,
    versie: int | None = None,
) -> Traject:
    """Zet het traject in een volgende status, alleen volgens `OVERGANGEN` (DOMAIN.md).

    - naar 'intake' gaat via `intake_vastleggen` (die zet de startdatum);
    - 'geplaatst' vraagt een plaatsing (baan, stage of werkervaringsplaats);
    - 'uitgevallen' vraagt een reden;
    - 'afgerond' en 'uitgevallen' zetten de einddatum (`datum`, standaard vandaag), niet in de
      toekomst en niet vóór de startdatum.
    Staat het traject al in `naar` (dubbel verzonden), dan verandert er niets. Met `versie`:
    `Bewerkingsconflict` als het traject intussen door iemand anders is gewijzigd.
    """
    _eis_medewerker(door, traject.gemeente_id)
    traject = _vergrendel_traject(traject)
    if traject.status == naar and (versie is None or versie == traject.versie):
        return traject
    ingediend: dict = {"status": naar}
    if naar == Status.UITGEVALLEN:
        ingediend["reden_uitval"] = (reden_uitval or "").strip()
    if naar in (Status.AFGEROND, Status.UITGEVALLEN) and datum:
        ingediend["einddatum"] = datum
    # Een collega zette het traject intussen al in `naar`, maar met een andere reden of datum:
    # ook dat is een conflict, anders verdwijnt deze invoer stil.
    if _eis_versie(traject, versie, ingediend):
        return traject
    huidige = Status(traject.status)
    toegestaan = OVERGANGEN.get(huidige, [])
    if naar not in toegestaan:
        raise ValidationError(
            {"naar": [_("Van ‘%(van)s’ kan een traject niet naar ‘%(naar)s’.")
                      % {"van": huidige.label, "naar": _statuslabel(naar)}]}
        )
    if naar == Status.INTAKE:
        raise ValidationError(
            {"naar": [_("Leg de intake vast; daarmee gaat het traject naar ‘intake’.")]}
        )
    fouten: dict = {}
    if naar == Status.GEPLAATST and not traject.plaatsingen.filter(
        soort__in=GEPLAATST_SOORTEN
    ).exists():
        fouten.setdefault("naar", []).append(
            _("Registreer eerst een plaatsing (baan, stage of werkervaringsplaats).")
        )
    if naar == Status.UITGEVALLEN:
        reden_uitval = (reden_uitval or "").strip()
        if not reden_uitval:
            fouten.setdefault("reden_uitval", []).append(
                _("Geef de reden van uitval op.")
            )
    if naar in (Status.AFGEROND, Status.UITGEVALLEN):
        datum = datum or vandaag()
        _niet_in_toekomst(fouten, "datum", datum, _("De einddatum"))
        ondergrens = traject.startdatum or traject.aanmelddatum
        if datum < ondergrens:
            fouten.setdefault("datum", []).append(
                _("De einddatum kan niet vóór %(datum)s liggen.")
                % {"datum": ondergrens.strftime("%d-%m-%Y")}
            )
    _gooi(fouten)
    traject.status = naar
    if naar == Status.UITGEVALLEN:
        traject.reden_uitval = reden_uitval
    if naar in (Status.AFGEROND, Status.UITGEVALLEN):
        traject.einddatum = datum
    _volgende_versie(traject)
    traject.full_clean()
    traject.save()
    return traject


#: Het grootste bedrag dat `kosten` kan bevatten (max_digits=10, decimal_places=2).
MAX_KOSTEN = Decimal("99999999.99")


@transaction.atomic
def traject_wijzigen(
    *,
    traject: Traject,
    door,
    versie: int | None = None,
    uitvoerder: str,
    kosten: Decimal,
) -> Traject:
    """Wijzigt de uitvoerder en de kosten (EUR) van een traject, ook van een afgesloten traject
    (kosten zijn vaak pas achteraf bekend). Coach en status hebben hun eigen handeling.

    Regels: een uitvoerder uit de lijst, kosten niet negatief. Met `versie`:
    `Bewerkingsconflict` als het traject intussen door iemand anders is gewijzigd; dan wordt
    niets overschreven.
    """
    _eis_medewerker(door, traject.gemeente_id)
    traject = _vergrendel_traject(traject)
    velden = {"uitvoerder": uitvoerder, "kosten": kosten}
    if _eis_versie(traject, versie, velden):
        return traject
    fouten: dict = {}
    if uitvoerder not in Uitvoerder.values:
        fouten.setdefault("uitvoerder", []).append(_("Kies een uitvoerder uit de lijst."))
    if kosten is None or not kosten.is_finite() or not Decimal(0) <= kosten <= MAX_KOSTEN:
        fouten.setdefault("kosten", []).append(
            _("De kosten liggen tussen € 0 en € 99.999.999,99.")
        )
    _gooi(fouten)
    traject.uitvoerder = uitvoerder
    traject.kosten = kosten
    _volgende_versie(traject)
    traject.full_clean()
    traject.save()
    return traject


def _statuslabel(waarde: str) -> str:
    try:
        return str(Status(waarde).label)
    except ValueError:
        return waarde


# ---------------------------------------------------------------------------------------------
# Werkgever en plaatsing
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def werkgever_registreren(
    *,
    door,
    gemeente: Gemeente,
    naam: str,
    sector: str,
    kvk_nummer: str = "",
    werkakkoord: bool = False,
    contactpersoon: str = "",
    contact_email: str = "",
    contact_telefoon: str = "",
) -> Werkgever:
    """Registreert een werkgever in een gemeente van `door`.

    Een KvK-nummer dat in die gemeente al bij een werkgever hoort, wordt geweigerd.
    """
    _eis_medewerker(door, gemeente)
    naam, kvk_nummer = (naam or "").strip(), (kvk_nummer or "").replace(" ", "").strip()
    if kvk_nummer:
        bestaand = Werkgever.objects.filter(gemeente=gemeente, kvk_nummer=kvk_nummer).first()
        if bestaand:
            raise ValidationError({"kvk_nummer": [
                _("Er is in deze gemeente al een werkgever met dit KvK-nummer: %(naam)s.")
                % {"naam": bestaand.naam}
            ]})
    werkgever = Werkgever(
        gemeente=gemeente, naam=naam, sector=sector, kvk_nummer=kvk_nummer,
        werkakkoord=werkakkoord, contactpersoon=(contactpersoon or "").strip(),
        contact_email=(contact_email or "").strip(),
        contact_telefoon=(contact_telefoon or "").strip(),
    )
    werkgever.full_clean()
    werkgever.save()
    return werkgever


@transaction.atomic
def plaatsing_registreren(
    *,
    traject: Traject,
    door,
    soort: str,
    startdatum: datetime.date,
    werkgever: Werkgever | None = None,
    nieuwe_werkgever: dict | None = None,
    functie: str = "",
    einddatum: datetime.date | None = None,
    uren_per_week: int = 0,
    contractvorm: str = Contractvorm.GEEN,
) -> Plaatsing:
    """Registreert een plaatsing op een gestart, open traject.

    De werkgever is een bestaande werkgever uit de gemeenten van `door`, of wordt in dezelfde
    transactie aangemaakt uit `nieuwe_werkgever` (naam, kvk_nummer, sector; fouten komen terug
    als `werkgever_<veld>`). Regels: start niet vóór de start van het traject en hooguit
    drie maanden vooruit; einde niet vóór start; 0–60 uur per week; werkgever verplicht bij
    baan, stage, werkervaringsplaats, proefplaatsing en leerwerktraject. Een baan, stage of
    werkervaringsplaats op een 'actief' traject zet het traject op 'geplaatst'.
    """
    _eis_medewerker(door, traject.gemeente_id)
    traject = _vergrendel_traject(traject)
    if not traject.startdatum or traject.status in (
        Status.AANGEMELD, Status.AFGEROND, Status.UITGEVALLEN
    ):
        raise ValidationError(
            _("Een plaatsing kan alleen op een gestart, lopend traject. Leg eerst de intake "
              "vast."),
            code="traject_niet_gestart",
        )
    fouten: dict = {}
    if soort not in Soort.values:
        fouten.setdefault("soort", []).append(_("Kies een soort plaatsing uit de lijst."))
    if startdatum < traject.startdatum:
        fouten.setdefault("startdatum", []).append(
            _("De plaatsing kan niet beginnen vóór de start van het traject (%(datum)s).")
            % {"datum": traject.startdatum.strftime("%d-%m-%Y")}
        )
    if startdatum > vandaag() + datetime.timedelta(days=PLAATSING_MAX_DAGEN_VOORUIT):
        fouten.setdefault("startdatum", []).append(
            _("De startdatum ligt te ver in de toekomst: hooguit drie maanden vooruit.")
        )
    if einddatum and einddatum < startdatum:
        fouten.setdefault("einddatum", []).append(
            _("De einddatum kan niet vóór de startdatum liggen.")
        )
    if uren_per_week is None or not 0 <= uren_per_week <= 60:
        fouten.setdefault("uren_per_week", []).append(
            _("Het aantal uren per week ligt tussen 0 en 60.")
        )
    if werkgever is not None and not gemeenten_van(door).filter(pk=werkgever.gemeente_id).exists():
        fouten.setdefault("werkgever", []).append(
            _("Kies een werkgever uit uw eigen gemeenten.")
        )
    if werkgever is None and not nieuwe_werkgever and soort in SOORTEN_MET_WERKGEVER:
        fouten.setdefault("werkgever", []).append(
            _("Kies een werkgever of maak een nieuwe werkgever aan.")
        )
    if contractvorm not in Contractvorm.values:
        fouten.setdefault("contractvorm", []).append(_("Kies een contractvorm uit de lijst."))
    _gooi(fouten)

    if werkgever is None and nieuwe_werkgever:
        try:
            werkgever = werkgever_registreren(
                door=door, gemeente=traject.gemeente, **nieuwe_werkgever
            )
        except ValidationError as exc:
            raise ValidationError(
                {f"werkgever_{veld}": fout for veld, fout in exc.message_dict.items()}
            ) from exc

    functie = (functie or "").strip()
    gelijk = traject.plaatsingen.filter(
        soort=soort, werkgever=werkgever, startdatum=startdatum, functie=functie
    )
    eerder = _recent(gelijk)
    if eerder:
        return eerder
    if gelijk.exists():
        raise ValidationError(
            _("Deze plaatsing (zelfde soort, werkgever, functie en startdatum) is al "
              "geregistreerd."),
            code="plaatsing_bestaat",
        )

    plaatsing = Plaatsing(
        traject=traject, soort=soort, werkgever=werkgever, functie=functie,
        startdatum=startdatum, einddatum=einddatum, uren_per_week=uren_per_week,
        contractvorm=contractvorm,
    )
    plaatsing.full_clean()
    plaatsing.save()
    if soort in GEPLAATST_SOORTEN and traject.status == Status.ACTIEF:
        traject.status = Status.GEPLAATST
        _volgende_versie(traject)
        traject.full_clean()
        traject.save()
    return plaatsing


def _vergrendel_plaatsing(plaatsing: Plaatsing) -> Plaatsing:
    # Eerst het traject, zoals elke schrijvende functie: zo is de volgorde van vergrendelen
    # overal gelijk (geen deadlock) en ziet de plaatsing-rij geen gelijktijdige schrijver.
    _vergrendel_traject(plaatsing.traject)
    return Plaatsing.objects.select_for_update().get(pk=plaatsing.pk)


def _controleer_einddatum(fouten: dict, plaatsing: Plaatsing, einddatum) -> None:
    if einddatum is None:
        return
    if einddatum < plaatsing.startdatum:
        fouten.setdefault("einddatum", []).append(
            _("De einddatum kan niet vóór de startdatum (%(datum)s) liggen.")
            % {"datum": plaatsing.startdatum.strftime("%d-%m-%Y")}
        )
    elif einddatum > vandaag() + datetime.timedelta(days=366):
        fouten.setdefault("einddatum", []).append(
            _("De einddatum ligt te ver in de toekomst (hooguit een jaar).")
        )


@transaction.atomic
def plaatsing_beeindigen(
    *, plaatsing: Plaatsing, einddatum: datetime.date, door, versie: int | None = None
) -> Plaatsing:
    """Zet de einddatum van een plaatsing (niet vóór de start; een afgesproken einde mag in de
    toekomst liggen, hooguit een jaar vooruit). Met `versie`: `Bewerkingsconflict` als de
    plaatsing intussen door iemand anders is gewijzigd."""
    _eis_medewerker(door, plaatsing.traject.gemeente_id)
    plaatsing = _vergrendel_plaatsing(plaatsing)
    if plaatsing.einddatum == einddatum:
        return plaatsing
    _eis_versie(plaatsing, versie, {"einddatum": einddatum})
    fouten: dict = {}
    _controleer_einddatum(fouten, plaatsing, einddatum)
    _gooi(fouten)
    plaatsing.einddatum = einddatum
    _volgende_versie(plaatsing)
    plaatsing.full_clean()
    plaatsing.save()
    return plaatsing


@transaction.atomic
def plaatsing_wijzigen(
    *,
    plaatsing: Plaatsing,
    door,
    versie: int | None = None,
    functie: str,
    einddatum: datetime.date | None,
    uren_per_week: int,
    contractvorm: str,
) -> Plaatsing:
    """Wijzigt functie, einddatum, uren per week en contractvorm van een plaatsing.

    Soort, werkgever en startdatum bepalen de indicatoren en de status van het traject; die
    blijven zoals geregistreerd. Regels: einde niet vóór de start en hooguit een jaar vooruit
    (leeg = loopt nog), 0–60 uur per week, een contractvorm uit de lijst. Met `versie`:
    `Bewerkingsconflict` als de plaatsing intussen door iemand anders is gewijzigd; dan wordt
    niets overschreven.
    """
    _eis_medewerker(door, plaatsing.traject.gemeente_id)
    plaatsing = _vergrendel_plaatsing(plaatsing)
    velden = {
        "functie": (functie or "").strip(), "einddatum": einddatum,
        "uren_per_week": uren_per_week, "contractvorm": contractvorm,
    }
    if _eis_versie(plaatsing, versie, velden):
        return plaatsing
    fouten: dict = {}
    _controleer_einddatum(fouten, plaatsing, einddatum)
    if uren_per_week is None or not 0 <= uren_per_week <= 60:
        fouten.setdefault("uren_per_week", []).append(
            _("Het aantal uren per week ligt tussen 0 en 60.")
        )
    if contractvorm not in Contractvorm.values:
        fouten.setdefault("contractvorm", []).append(_("Kies een contractvorm uit de lijst."))
    _gooi(fouten)
    for naam, waarde in velden.items():
        setattr(plaatsing, naam, waarde)
    _volgende_versie(plaatsing)
    plaatsing.full_clean()
    plaatsing.save()
    return plaatsing


# ---------------------------------------------------------------------------------------------
# Contactmoment
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def contactmoment_registreren(
    *,
    traject: Traject,
    door,
    soort: str,
    datum: datetime.date,
    notitie: str = "",
) -> Contactmoment:
    """Legt een gesprek, nazorgcontact of werkgeverscontact vast.

    De datum ligt niet in de toekomst en niet vóór de aanmelding. Hetzelfde contact (soort,
    datum, notitie) binnen het dubbel-venster geeft het eerste terug.
    """
    _eis_medewerker(door, traject.gemeente_id)
    traject = _vergrendel_traject(traject)
    fouten: dict = {}
    if soort not in ContactSoort.values:
        fouten["soort"] = [_("Kies een soort contact uit de lijst.")]
    _niet_in_toekomst(fouten, "datum", datum, _("De datum van het contact"))
    if datum and datum < traject.aanmelddatum:
        fouten.setdefault("datum", []).append(
            _("Het contact kan niet vóór de aanmelding (%(datum)s) liggen.")
            % {"datum": traject.aanmelddatum.strftime("%d-%m-%Y")}
        )
    _gooi(fouten)
    notitie = (notitie or "").strip()
    eerder = _recent(traject.contactmomenten.filter(soort=soort, datum=datum, notitie=notitie))
    if eerder:
        return eerder
    contact = Contactmoment(
        traject=traject, soort=soort, datum=datum, notitie=notitie, medewerker=door
    )
    contact.full_clean()
    contact.save()
    return contact

