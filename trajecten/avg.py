"""AVG-plichten: bewaartermijn (anonimiseren) en het recht op inzage (artikel 15).

- `te_anonimiseren()` / `anonimiseer()`: deelnemers van wie het laatste traject langer dan
  `BEWAARTERMIJN_JAREN` geleden eindigde (afgerond of uitgevallen) en die geen open traject
  meer hebben, en deelnemers zonder traject van wie de gegevens langer dan
  `BEWAARTERMIJN_ZONDER_TRAJECT_MAANDEN` niet zijn gewijzigd, worden onherkenbaar gemaakt. Wat
  overblijft zijn de gegevens waarop de rapportage telt (gemeente, programma, status, datums,
  soorten plaatsing, kosten) en een paar grove kenmerken: elke indicator is na afloop gelijk.
  Elke kopie van een naam gaat mee: de wijzigingshistorie (ook van verwijderde trajecten,
  intakes en plaatsingen), het beheerlog van de Django-admin en de toelichting in het
  toegangslog. Een tweede run verandert niets (`geanonimiseerd_op`). Wat blijft en waarom:
  docs/domain.md, "Bewaartermijn en anonimiseren".
- `inzageverzoek()`: alles wat over één deelnemer is vastgelegd, als JSON-klaar dict, en
  niets over iemand anders.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.models import Toegangslog
from gemeenten.toegangslog import registreer_toegang

from .avg_kopieen import (
    EXTRA_WISSTAPPEN,
    GEANONIMISEERD,
    VERWIJDERD,
    beheerlog_met_naam,
    toegangslog_schonen,
    verwijderde_objecten,
)
from .constants import OPEN_STATUSSEN, Opleidingsniveau, Status
from .models import Afspraak, Contactmoment, Deelnemer, Intake, Plaatsing, Traject
from .services import volgende_versie
from .zoeken import zoeknaam

REDEN_UITVAL_VERWIJDERD = "Reden verwijderd na het verstrijken van de bewaartermijn."
#: Aantal deelnemers per transactie: een onderbroken run laat hele deelnemers achter, nooit halve.
PARTIJ = 200


def grensdatum(peildatum: datetime.date | None = None) -> datetime.date:
    """Trajecten die vóór deze datum eindigden, vallen buiten de bewaartermijn."""
    peildatum = peildatum or timezone.localdate()
    return peildatum - relativedelta(years=settings.BEWAARTERMIJN_JAREN)


def grensdatum_zonder_traject(peildatum: datetime.date | None = None) -> datetime.date:
    """Een deelnemer zonder traject die vóór deze datum voor het laatst is gewijzigd, valt buiten
    de bewaartermijn."""
    peildatum = peildatum or timezone.localdate()
    return peildatum - relativedelta(months=settings.BEWAARTERMIJN_ZONDER_TRAJECT_MAANDEN)


def te_anonimiseren(*, peildatum: datetime.date | None = None) -> models.QuerySet[Deelnemer]:
    """Deelnemers wier bewaartermijn verstreken is; nog niet geanonimiseerd.

    Dat zijn deelnemers met minstens één traject, van wie elk traject gesloten is
    (afgerond of uitgevallen) met een einddatum vóór `grensdatum()`. Een gesloten traject
    zonder einddatum telt als niet verlopen: liever te lang bewaren dan onterecht wissen.
    En deelnemers zonder enig traject (geregistreerd, nooit gestart, bijvoorbeeld zonder
    toestemming) van wie de gegevens vóór `grensdatum_zonder_traject()` voor het laatst
    zijn gewijzigd.
    """
    grens = grensdatum(peildatum)
    trajecten = Traject.objects.filter(deelnemer=OuterRef("pk"))
    nog_bewaren = trajecten.filter(
        Q(status__in=OPEN_STATUSSEN) | Q(einddatum__isnull=True) | Q(einddatum__gte=grens)
    )
    zonder_traject = ~Exists(trajecten) & Q(
        gewijzigd_op__date__lt=grensdatum_zonder_traject(peildatum)
    )
    return (
        Deelnemer.objects.filter(geanonimiseerd_op__isnull=True)
        .filter((Exists(trajecten) & ~Exists(nog_bewaren)) | zonder_traject)
        .order_by("pk")
    )


@dataclass
class Anonimisering:
    """Wat `anonimiseer()` deed (of bij `dry_run` zou doen)."""

    deelnemers: list[int] = field(default_factory=list)
    trajecten: int = 0
    intakes: int = 0
    contactmomenten: int = 0
    historie_verwijderd: int = 0
    beheerlog: int = 0
    toegangslog: int = 0
    extra: int = 0
    dry_run: bool = False


def _historie(modellen_en_pks: dict[type[models.Model], list[int]]) -> models.QuerySet[LogEntry]:
    """De wijzigingshistorie van het dossier, ook van trajecten, intakes en plaatsingen die
    intussen zijn verwijderd (in de admin): die vinden we via hun verwijzing in de historie."""
    pks = {model: [str(pk) for pk in lijst] for model, lijst in modellen_en_pks.items()}
    verwijderd = verwijderde_objecten(Traject, "deelnemer", pks[Deelnemer])
    pks[Traject] = pks[Traject] + verwijderd
    for model in (Intake, Plaatsing):
        pks[model] = pks[model] + verwijderde_objecten(model, "traject", pks[Traject])
    voorwaarde = Q(pk__in=[])
    for model, lijst in pks.items():
        if lijst:
            voorwaarde |= Q(
                content_type=ContentType.objects.get_for_model(model), object_pk__in=lijst
            )
    return LogEntry.objects.filter(voorwaarde)


def _dossier_pks(deelnemer_pks: list[int]) -> dict[type[models.Model], list[int]]:
    traject_pks = list(
        Traject.objects.filter(deelnemer__in=deelnemer_pks).values_list("pk", flat=True)
    )
    return {
        Deelnemer: deelnemer_pks,
        Traject: traject_pks,
        Intake: list(Intake.objects.filter(traject__in=traject_pks).values_list("pk", flat=True)),
        Plaatsing: list(
            Plaatsing.objects.filter(traject__in=traject_pks).values_list("pk", flat=True)
        ),
        Contactmoment: list(
            Contactmoment.objects.filter(traject__in=traject_pks).values_list("pk", flat=True)
        ),
    }


def _anonimiseer_partij(deelnemers: list[Deelnemer], tijdstip, resultaat: Anonimisering) -> None:
    pks = [d.pk for d in deelnemers]
    dossier = _dossier_pks(pks)
    historie = _historie(dossier)
    resultaat.toegangslog += toegangslog_schonen(deelnemers)
    # Zonder wijzigingshistorie: die zou de oude naam en het oude BSN juist opnieuw vastleggen.
    # Wel een nieuwe versie, zodat een bewerkformulier dat nog openstond de oude gegevens niet
    # terugzet (optimistische vergrendeling, zie services/versies.py).
    with disable_auditlog():
        for deelnemer in deelnemers:
            deelnemer.voornaam = GEANONIMISEERD
            deelnemer.achternaam = GEANONIMISEERD
            deelnemer.zoeknaam = zoeknaam(GEANONIMISEERD, GEANONIMISEERD)
            deelnemer.bsn = ""
            deelnemer.v_nummer = ""
            deelnemer.telefoon = ""
            deelnemer.email = ""
            # Alleen het decennium: geboortejaar + herkomst + gemeente wijzen in een kleine
            # gemeente één persoon aan (docs/domain.md, "Wat blijft").
            jaar = deelnemer.geboortedatum.year
            deelnemer.geboortedatum = datetime.date(jaar - jaar % 10, 7, 1)
            deelnemer.land_van_herkomst = ""
            deelnemer.datum_verblijfsvergunning = None
            deelnemer.talen = []
            deelnemer.opleidingsniveau = Opleidingsniveau.ONBEKEND
            deelnemer.toestemming_datum = None
            deelnemer.geanonimiseerd_op = tijdstip
            volgende_versie(deelnemer)
            deelnemer.save(
                update_fields=[
                    "voornaam", "achternaam", "zoeknaam", "bsn", "v_nummer", "telefoon",
                    "email", "geboortedatum", "land_van_herkomst", "datum_verblijfsvergunning",
                    "talen", "opleidingsniveau", "toestemming_datum", "geanonimiseerd_op",
                    "versie", "gewijzigd_op",
                ]
            )
        for traject in Traject.objects.filter(pk__in=dossier[Traject], status=Status.UITGEVALLEN):
            traject.reden_uitval = REDEN_UITVAL_VERWIJDERD
            volgende_versie(traject)
            traject.save(update_fields=["reden_uitval", "versie", "gewijzigd_op"])
        for intake in Intake.objects.filter(pk__in=dossier[Intake]):
            intake.beroepswens = VERWIJDERD
            intake.actieplan = ""
            # Gezondheid, psychische klachten, schulden: bijzondere persoonsgegevens (AVG art. 9)
            # die de rapportage niet gebruikt.
            intake.belemmeringen = []
            volgende_versie(intake)
            intake.save(update_fields=[
                "beroepswens", "actieplan", "belemmeringen", "versie", "gewijzigd_op"
            ])
        for plaatsing in Plaatsing.objects.filter(pk__in=dossier[Plaatsing]).exclude(
            functie="", werkgever__isnull=True
        ):
            # Werkgever + functie + startdatum wijzen in een kleine gemeente de persoon aan;
            # de indicatoren tellen soort en datums, niet de werkgever.
            plaatsing.functie = ""
            plaatsing.werkgever = None
            volgende_versie(plaatsing)
            plaatsing.save(update_fields=["functie", "werkgever", "versie", "gewijzigd_op"])
        for contact in Contactmoment.objects.filter(pk__in=dossier[Contactmoment]).exclude(
            notitie=""
        ):
            contact.notitie = ""
            contact.save(update_fields=["notitie", "gewijzigd_op"])
        # Vrije tekst van afspraken (notitie, locatie) kan over de persoon gaan.
        for afspraak in Afspraak.objects.filter(traject__in=dossier[Traject]).exclude(
            notitie="", locatie=""
        ):
            afspraak.notitie = ""
            afspraak.locatie = ""
            volgende_versie(afspraak)
            afspraak.save(update_fields=["notitie", "locatie", "versie", "gewijzigd_op"])
    verwijderd, _per_model = historie.delete()
    resultaat.beheerlog += beheerlog_met_naam(pks).update(object_repr=GEANONIMISEERD)
    for stap in EXTRA_WISSTAPPEN:
        resultaat.extra += stap(pks)
    met_traject = set(
        Traject.objects.filter(deelnemer__in=pks).values_list("deelnemer_id", flat=True)
    )
    for deelnemer in deelnemers:
        registreer_toegang(
            actie=Toegangslog.Actie.ANONIMISERING,
            object=deelnemer,
            gebruikersnaam="systeem: manage.py anonimiseer",
            toelichting=(
                f"bewaartermijn {settings.BEWAARTERMIJN_JAREN} jaar verstreken"
                if deelnemer.pk in met_traject else
                f"geen traject, {settings.BEWAARTERMIJN_ZONDER_TRAJECT_MAANDEN} maanden niet "
                "gewijzigd"
            ),
        )
    resultaat.deelnemers.extend(pks)
    resultaat.trajecten += len(dossier[Traject])
    resultaat.intakes += len(dossier[Intake])
    resultaat.contactmomenten += len(dossier[Contactmoment])
    resultaat.historie_verwijderd += verwijderd


def anonimiseer(
    *, peildatum: datetime.date | None = None, dry_run: bool = False
) -> Anonimisering:
    """Anonimiseer alle deelnemers uit `te_anonimiseren()`.

    Per deelnemer: voornaam en achternaam "Geanonimiseerd"; BSN, v-nummer, telefoon, e-mail,
    land van herkomst, datum verblijfsvergunning, talen en toestemmingsdatum leeg;
    opleidingsniveau "onbekend"; geboortedatum naar 1 juli van het begin van het decennium;
    beroepswens, actieplan, belemmeringen, contactnotities en notitie en locatie van afspraken
    weg; de zoeknaam volgt de naam; van plaatsingen werkgever en
    functie weg; reden van uitval vervangen door een neutrale tekst (de database eist een
    reden); de wijzigingshistorie (django-auditlog) van deelnemer, trajecten, intake,
    plaatsingen en contactmomenten verwijderd, ook van verwijderde objecten; de naam in het
    beheerlog van de admin vervangen; naam en nummers uit de toelichting in het toegangslog;
    de `EXTRA_WISSTAPPEN`; één toegangslogregel per deelnemer.
    Gemeente, programma, status, coach, alle datums van trajecten en plaatsingen, soorten,
    uren, contractvorm, kosten, taalniveau en inburgering blijven: daarop rust de rapportage
    (docs/domain.md zegt waarom dat geen persoon meer aanwijst, en waar dat niet helemaal op
    gaat).
    Eén transactie per partij van `PARTIJ` deelnemers. Met `dry_run` wordt niets gewijzigd.
    """
    resultaat = Anonimisering(dry_run=dry_run)
    kandidaten = te_anonimiseren(peildatum=peildatum)
    if dry_run:
        pks = list(kandidaten.values_list("pk", flat=True))
        dossier = _dossier_pks(pks)
        resultaat.deelnemers = pks
        resultaat.trajecten = len(dossier[Traject])
        resultaat.intakes = len(dossier[Intake])
        resultaat.contactmomenten = len(dossier[Contactmoment])
        resultaat.historie_verwijderd = _historie(dossier).count() if pks else 0
        resultaat.beheerlog = beheerlog_met_naam(pks).count() if pks else 0
        return resultaat
    tijdstip = timezone.now()
    while True:
        with transaction.atomic():
            # Steeds de eerste partij van wat nog over is: verwerkte deelnemers vallen eruit.
            partij = list(kandidaten.select_for_update()[:PARTIJ])
            if not partij:
                break
            _anonimiseer_partij(partij, tijdstip, resultaat)
    return resultaat


# --- Inzageverzoek (AVG artikel 15) -------------------------------------------------------------


def _waarden(obj: models.Model, *, zonder: tuple[str, ...] = ()) -> dict:
    """Alle eigen velden van een object, met Nederlandse weergave van keuzes.

    Verwijzingen naar gebruikers (medewerkers) en interne sleutels blijven weg: dat zijn geen
    gegevens over de deelnemer zelf.
    """
    gegevens = {}
    for veld in obj._meta.concrete_fields:
        if veld.name in zonder:
            continue
        if veld.is_relation:
            gerelateerd = getattr(obj, veld.name)
            gegevens[veld.name] = str(gerelateerd) if gerelateerd is not None else None
            continue
        waarde = veld.value_from_object(obj)
        if veld.name == "land_van_herkomst":
            land = obj.land_van_herkomst
            waarde = {"code": str(land.code), "naam": str(land.name)}
        elif veld.choices and waarde not in (None, ""):
            waarde = getattr(obj, f"get_{veld.name}_display")()
        gegevens[veld.name] = waarde
    return gegevens


def inzageverzoek(*, deelnemer: Deelnemer) -> dict:
    """Alles wat Banenoffensief over `deelnemer` bewaart, klaar voor `json.dumps`.

    Bevat het dossier, elk traject met intake, plaatsingen en contactmomenten, de
    wijzigingshistorie van al die objecten (BSN daarin gemaskeerd zoals opgeslagen) en het
    toegangslog over de deelnemer (wanneer, welke handeling, resultaat). Namen van
    medewerkers die het dossier inzagen of wijzigden staan er niet in: de AVG geeft recht op
    het wanneer en waarom van raadplegingen, niet op de identiteit van medewerkers
    (HvJ EU 22 juni 2023, C-579/21). Bevat niets over andere deelnemers; de enige gegevens
    van derden zijn de naam van de coach en van de werkgever.
    """
    trajecten = list(
        Traject.objects.filter(deelnemer=deelnemer)
        .select_related("programma", "gemeente", "coach", "intake")
        .prefetch_related("plaatsingen__werkgever", "contactmomenten", "afspraken")
        .order_by("aanmelddatum", "pk")
    )
    uitvoer_trajecten = []
    for traject in trajecten:
        intake = getattr(traject, "intake", None)
        uitvoer_trajecten.append(
            {
                **_waarden(traject, zonder=("deelnemer", "behandelaar")),
                "intake": _waarden(intake, zonder=("traject", "medewerker")) if intake else None,
                "plaatsingen": [
                    _waarden(p, zonder=("traject",)) for p in traject.plaatsingen.all()
                ],
                "contactmomenten": [
                    _waarden(c, zonder=("traject", "medewerker"))
                    for c in traject.contactmomenten.all()
                ],
                "afspraken": [
                    _waarden(a, zonder=("traject", "medewerker", "plaatsing"))
                    for a in traject.afspraken.all()
                ],
            }
        )

    dossier = _dossier_pks([deelnemer.pk])
    historie = (
        _historie(dossier).select_related("content_type").order_by("timestamp", "pk")
    )
    log = Toegangslog.objects.over_deelnemer(deelnemer.pk).order_by("tijdstip", "pk")

    return {
        "inzageverzoek": {
            "gemaakt_op": timezone.now(),
            "deelnemernummer": deelnemer.pk,
            "toelichting": _(
                "Alle gegevens die Banenoffensief over deze persoon bewaart "
                "(AVG artikel 15)."
            ),
        },
        "deelnemer": _waarden(deelnemer),
        "trajecten": uitvoer_trajecten,
        "wijzigingshistorie": [
            {
                "tijdstip": regel.timestamp,
                "object": f"{regel.content_type.model} {regel.object_pk}",
                "handeling": regel.get_action_display(),
                "wijzigingen": regel.changes,
            }
            for regel in historie
        ],
        "toegangslog": [
            {
                "tijdstip": regel.tijdstip,
                "handeling": regel.get_actie_display(),
                "resultaat": regel.get_resultaat_display(),
            }
            for regel in log
        ],
    }
