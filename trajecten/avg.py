"""AVG-plichten: bewaartermijn (anonimiseren) en het recht op inzage (artikel 15).

- `te_anonimiseren()` / `anonimiseer()`: deelnemers van wie het laatste traject langer dan
  `BEWAARTERMIJN_JAREN` geleden eindigde (afgerond of uitgevallen) en die geen open traject
  meer hebben, worden onherkenbaar gemaakt. Wat overblijft zijn de gegevens waarop de
  rapportage telt (gemeente, programma, status, datums, soorten plaatsing, kosten): elke
  indicator is na afloop gelijk. Een tweede run verandert niets (`geanonimiseerd_op`).
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

from .constants import OPEN_STATUSSEN, Status
from .models import Afspraak, Contactmoment, Deelnemer, Intake, Plaatsing, Traject
from .services import volgende_versie
from .zoeken import zoeknaam

GEANONIMISEERD = "Geanonimiseerd"
VERWIJDERD = "[verwijderd]"
REDEN_UITVAL_VERWIJDERD = "Reden verwijderd na het verstrijken van de bewaartermijn."
#: Aantal deelnemers per transactie: een onderbroken run laat hele deelnemers achter, nooit halve.
PARTIJ = 200


def grensdatum(peildatum: datetime.date | None = None) -> datetime.date:
    """Trajecten die vóór deze datum eindigden, vallen buiten de bewaartermijn."""
    peildatum = peildatum or timezone.localdate()
    return peildatum - relativedelta(years=settings.BEWAARTERMIJN_JAREN)


def te_anonimiseren(*, peildatum: datetime.date | None = None) -> models.QuerySet[Deelnemer]:
    """Deelnemers wier bewaartermijn verstreken is; nog niet geanonimiseerd.

    Dat zijn deelnemers met minstens één traject, van wie elk traject gesloten is
    (afgerond of uitgevallen) met een einddatum vóór `grensdatum()`. Een gesloten traject
    zonder einddatum telt als niet verlopen: liever te lang bewaren dan onterecht wissen.
    """
    grens = grensdatum(peildatum)
    trajecten = Traject.objects.filter(deelnemer=OuterRef("pk"))
    nog_bewaren = trajecten.filter(
        Q(status__in=OPEN_STATUSSEN) | Q(einddatum__isnull=True) | Q(einddatum__gte=grens)
    )
    return (
        Deelnemer.objects.filter(geanonimiseerd_op__isnull=True)
        .filter(Exists(trajecten))
        .exclude(Exists(nog_bewaren))
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
    dry_run: bool = False


def _historie(modellen_en_pks: dict[type[models.Model], list[int]]) -> models.QuerySet[LogEntry]:
    voorwaarde = Q(pk__in=[])
    for model, pks in modellen_en_pks.items():
        if pks:
            voorwaarde |= Q(
                content_type=ContentType.objects.get_for_model(model),
                object_pk__in=[str(pk) for pk in pks],
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
            deelnemer.geboortedatum = datetime.date(deelnemer.geboortedatum.year, 7, 1)
            deelnemer.geanonimiseerd_op = tijdstip
            volgende_versie(deelnemer)
            deelnemer.save(
                update_fields=[
                    "voornaam", "achternaam", "zoeknaam", "bsn", "v_nummer", "telefoon", "email",
                    "geboortedatum", "geanonimiseerd_op", "versie", "gewijzigd_op",
                ]
            )
        for traject in Traject.objects.filter(pk__in=dossier[Traject], status=Status.UITGEVALLEN):
            traject.reden_uitval = REDEN_UITVAL_VERWIJDERD
            volgende_versie(traject)
            traject.save(update_fields=["reden_uitval", "versie", "gewijzigd_op"])
        for intake in Intake.objects.filter(pk__in=dossier[Intake]):
            intake.beroepswens = VERWIJDERD
            intake.actieplan = ""
            intake.save(update_fields=["beroepswens", "actieplan", "gewijzigd_op"])
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
    verwijderd, _per_model = _historie(dossier).delete()
    for deelnemer in deelnemers:
        registreer_toegang(
            actie=Toegangslog.Actie.ANONIMISERING,
            object=deelnemer,
            gebruikersnaam="systeem: manage.py anonimiseer",
            toelichting=f"bewaartermijn {settings.BEWAARTERMIJN_JAREN} jaar verstreken",
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

    Per deelnemer: voornaam en achternaam "Geanonimiseerd"; BSN, v-nummer, telefoon en e-mail
    leeg; geboortedatum naar 1 juli van het geboortejaar; beroepswens, actieplan en
    contactnotities weg; reden van uitval vervangen door een neutrale tekst (de database eist
    een reden); de wijzigingshistorie (django-auditlog) van deelnemer, trajecten, intake,
    plaatsingen en contactmomenten verwijderd; één toegangslogregel per deelnemer.
    Gemeente, land van herkomst, programma, status, alle datums van trajecten en plaatsingen,
    soorten, kosten en belemmeringen blijven: daarop rust de rapportage, en zonder naam en
    nummers zijn ze niet meer tot een persoon te herleiden.
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
