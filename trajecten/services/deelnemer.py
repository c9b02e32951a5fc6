"""Deelnemer: registreren, persoonsgegevens wijzigen, verhuizen; en de regels voor de
persoonsgegevens (`deelnemer_fouten`), die ook de bulkimport gebruikt. Wat een bestaand BSN
oplevert, staat in `bsn.py`."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Lidmaatschap

from ..constants import Inburgering, Opleidingsniveau, Taal, Taalniveau
from ..models import Coach, Deelnemer, Verhuizing, vandaag
from ..selectors import is_medewerker_van, mogelijke_dubbelen
from ..validators import normaliseer_bsn, valideer_bsn
from .basis import (
    Fouten,
    controleer_keuzes,
    eis_medewerker,
    niet_in_toekomst,
    recent,
    uniek,
    vergrendel_deelnemer,
)
from .bsn import (
    BSN_BESTAAT,
    BSN_NIET_BRUIKBAAR,
    bsn_houders,
    weiger_bsn_van_andere_gemeente,
)
from .versies import bewaar_nieuwe_versie, eis_versie, volgende_versie

#: Jongste leeftijd van een deelnemer (werkende leeftijd).
MINIMUM_LEEFTIJD = 15
#: Een datum vóór dit jaar is bij een deelnemer een tikfout.
EERSTE_JAAR = 1900

#: De andere datums van een deelnemer: (veld, hoe de melding hem noemt, melding bij vóór 1900).
_ANDERE_DATUMS = (
    ("datum_verblijfsvergunning", gettext_lazy("De datum van de verblijfsvergunning"),
     gettext_lazy("Controleer de datum van de verblijfsvergunning: die ligt vóór 1900.")),
    ("toestemming_datum", gettext_lazy("De datum van toestemming"),
     gettext_lazy("Controleer de datum van toestemming: die ligt vóór 1900.")),
)

#: Velden die `deelnemer_wijzigen` aanpast; de gemeente verandert alleen via een verhuizing.
WIJZIGBARE_VELDEN = (
    "voornaam", "achternaam", "geboortedatum", "land_van_herkomst", "bsn", "v_nummer",
    "telefoon", "email", "datum_verblijfsvergunning", "taalniveau", "talen",
    "opleidingsniveau", "inburgering", "toestemming_datum",
)
#: Tekstvelden waarvan spaties aan het begin en eind wegvallen.
_TEKSTVELDEN = ("voornaam", "achternaam", "v_nummer", "telefoon", "email")


def deelnemer_fouten(deelnemer: Deelnemer, *, exclude: Iterable[str] = ()) -> dict[str, list]:
    """Alle regels voor de persoonsgegevens van één (nog niet opgeslagen) deelnemer.

    - geboortedatum: niet in de toekomst, minstens `MINIMUM_LEEFTIJD` jaar geleden, niet vóór
      1900;
    - datum verblijfsvergunning en datum toestemming: niet in de toekomst, niet vóór 1900; de
      verblijfsvergunning niet vóór de geboortedatum;
    - BSN: de 11-proef (python-stdnum); talen uit de lijst;
    - de modelvalidatie: verplichte velden, lengtes, keuzes, e-mailadres.

    Eén functie voor elke weg naar binnen: registreren en wijzigen (hieronder) en de bulkimport
    (`importeren.py`) roepen haar aan, zodat regels en meldingen niet uit elkaar kunnen lopen.
    Geeft per veld de meldingen (leeg: in orde) en gooit zelf niets. Niet hier: de gemeente
    (een toegangsvraag van de aanroeper) en een BSN of persoon die al bestaat (dat vraagt de
    database; de import doet het in bulk). `exclude`: velden die de aanroeper al afkeurde.
    """
    exclude = set(exclude)
    fouten = Fouten()
    heden = vandaag()
    geboren = deelnemer.geboortedatum
    if geboren:
        if geboren > heden:
            fouten.voeg_toe("geboortedatum", _("De geboortedatum kan niet in de toekomst liggen."))
        elif geboren > heden - relativedelta(years=MINIMUM_LEEFTIJD):
            fouten.voeg_toe("geboortedatum", _(
                "Een deelnemer is minstens %(jaar)s jaar oud; controleer de geboortedatum."
            ) % {"jaar": MINIMUM_LEEFTIJD})
        elif geboren.year < EERSTE_JAAR:
            fouten.voeg_toe("geboortedatum", _("Controleer de geboortedatum: die ligt vóór 1900."))
    for veld, wat, te_vroeg in _ANDERE_DATUMS:
        datum = getattr(deelnemer, veld)
        niet_in_toekomst(fouten, veld, datum, wat, peildatum=heden)
        if datum and datum.year < EERSTE_JAAR:
            fouten.voeg_toe(veld, str(te_vroeg))
    vergunning = deelnemer.datum_verblijfsvergunning
    if geboren and vergunning and vergunning < geboren and not fouten.get(
        "datum_verblijfsvergunning"
    ):
        fouten.voeg_toe("datum_verblijfsvergunning", _(
            "De verblijfsvergunning kan niet vóór de geboortedatum zijn verleend."
        ))
    try:
        valideer_bsn(deelnemer.bsn)
    except ValidationError as exc:
        fouten["bsn"] = exc.messages
    controleer_keuzes(fouten, "talen", deelnemer.talen or [], Taal)
    try:
        # De gemeente controleert de aanroeper (toegang); uniek-zijn vraagt de database.
        deelnemer.full_clean(
            exclude=[*fouten, *exclude, "gemeente"],
            validate_unique=False, validate_constraints=False,
        )
    except ValidationError as exc:
        for veld, meldingen in exc.message_dict.items():
            fouten.setdefault(veld, []).extend(meldingen)
    return {veld: meldingen for veld, meldingen in fouten.items() if veld not in exclude}


def _bsn_bij_ander(bsn: str, *, door, behalve: int | None = None) -> bool:
    """Heeft een andere deelnemer in de gemeenten van `door` dit BSN? (Een deelnemer elders
    heeft `weiger_bsn_van_andere_gemeente` al afgehandeld, buiten deze transactie.)"""
    houder = bsn_houders([bsn], door=door, behalve=behalve).get(bsn)
    return houder is not None and houder.zichtbaar


def _bewaar(deelnemer: Deelnemer) -> None:
    # Twee gelijktijdige registraties met hetzelfde BSN: de unieke index beslist. Van wie het
    # andere dossier is, weten we hier niet: dus de neutrale weigering.
    try:
        with transaction.atomic():
            deelnemer.save()
    except IntegrityError as exc:
        raise ValidationError({"bsn": [BSN_NIET_BRUIKBAAR]}) from exc


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

    Weigert (ValidationError) wat `deelnemer_fouten` afkeurt en een BSN dat al bestaat: in de
    gemeenten van `door` met `BSN_BESTAAT`, daarbuiten met de neutrale `BSN_NIET_BRUIKBAAR`
    en een melding voor de beheerder (`bsn.py`). Bestaat er in de gemeenten van `door` al
    iemand met dezelfde naam en geboortedatum, dan volgt een ValidationError met code
    `mogelijk_dubbel`, tenzij `dubbel_bevestigd` waar is ("toch aanmaken"). Hetzelfde
    formulier twee keer binnen het dubbel-venster geeft de eerste deelnemer terug.

    Alleen het opslaan draait in een transactie: de melding van een BSN uit een andere gemeente
    moet de weigering overleven.
    """
    fouten = Fouten()
    if not is_medewerker_van(door, gemeente):
        fouten.voeg_toe("gemeente", _(
            "U kunt alleen deelnemers registreren in uw eigen gemeenten."
        ))
    tekst = {naam: (waarde or "").strip() for naam, waarde in (
        ("voornaam", voornaam), ("achternaam", achternaam), ("v_nummer", v_nummer),
        ("telefoon", telefoon), ("email", email),
    )}
    deelnemer = Deelnemer(
        gemeente=gemeente, geboortedatum=geboortedatum, land_van_herkomst=land_van_herkomst,
        bsn=normaliseer_bsn(bsn or ""), datum_verblijfsvergunning=datum_verblijfsvergunning,
        taalniveau=taalniveau, talen=uniek(talen), opleidingsniveau=opleidingsniveau,
        inburgering=inburgering, toestemming_datum=toestemming_datum, **tekst,
    )
    fouten.update(deelnemer_fouten(deelnemer))
    fouten.gooi()
    weiger_bsn_van_andere_gemeente(
        bsn=deelnemer.bsn, door=door, gemeente=gemeente, bron="registreren"
    )
    return _bewaar_nieuwe_deelnemer(deelnemer, door=door, dubbel_bevestigd=dubbel_bevestigd)


@transaction.atomic
def _bewaar_nieuwe_deelnemer(deelnemer: Deelnemer, *, door, dubbel_bevestigd: bool) -> Deelnemer:
    # Dubbel verzonden? Dan dezelfde deelnemer terug.
    eerder = recent(Deelnemer.objects.filter(
        gemeente=deelnemer.gemeente, voornaam=deelnemer.voornaam,
        achternaam=deelnemer.achternaam, geboortedatum=deelnemer.geboortedatum,
        bsn=deelnemer.bsn,
    ))
    if eerder:
        return eerder

    if _bsn_bij_ander(deelnemer.bsn, door=door):
        raise ValidationError({"bsn": [BSN_BESTAAT]})
    if not dubbel_bevestigd and mogelijke_dubbelen(
        user=door, voornaam=deelnemer.voornaam, achternaam=deelnemer.achternaam,
        geboortedatum=deelnemer.geboortedatum,
    ):
        raise ValidationError(
            _("Er is al een deelnemer met dezelfde naam en geboortedatum. Controleer of het om "
              "dezelfde persoon gaat; is het echt iemand anders, kies dan ‘Toch aanmaken’."),
            code="mogelijk_dubbel",
        )
    # Het BSN keurde `deelnemer_fouten` al; of het uniek is, beslist de index in `_bewaar`
    # (met de neutrale melding), niet een constraintmelding die het bestaan verraadt.
    deelnemer.full_clean(exclude=["bsn"])
    _bewaar(deelnemer)
    return deelnemer


def deelnemer_wijzigen(
    *, deelnemer: Deelnemer, door, versie: int | None = None, **velden
) -> Deelnemer:
    """Wijzigt de persoonsgegevens van een deelnemer (niet de gemeente: zie
    `deelnemer_verhuizen`). Zelfde regels als bij registreren, ook voor een BSN dat bij een
    ander hoort (`bsn.py`). Met `versie` (uit het formulier): `Bewerkingsconflict` als iemand
    anders de deelnemer intussen wijzigde; er wordt dan niets overschreven."""
    onbekend = set(velden) - set(WIJZIGBARE_VELDEN)
    if onbekend:
        raise ValueError(f"onbekende velden: {sorted(onbekend)}")
    if "bsn" in velden:
        velden["bsn"] = normaliseer_bsn(velden["bsn"] or "")
        eis_medewerker(door, deelnemer.gemeente_id)
        weiger_bsn_van_andere_gemeente(
            bsn=velden["bsn"], door=door, gemeente=deelnemer.gemeente, bron="wijzigen",
            behalve=deelnemer.pk,
        )
    return _wijzig_deelnemer(deelnemer, door=door, versie=versie, velden=velden)


@transaction.atomic
def _wijzig_deelnemer(deelnemer: Deelnemer, *, door, versie: int | None, velden: dict):
    deelnemer = vergrendel_deelnemer(deelnemer, door=door)
    if "talen" in velden:
        velden["talen"] = uniek(velden["talen"])
    for naam in _TEKSTVELDEN:
        if naam in velden:
            velden[naam] = (velden[naam] or "").strip()
    if eis_versie(deelnemer, versie, velden):
        return deelnemer
    for naam, waarde in velden.items():
        setattr(deelnemer, naam, waarde)
    fouten = Fouten(deelnemer_fouten(deelnemer))
    if _bsn_bij_ander(deelnemer.bsn, door=door, behalve=deelnemer.pk):
        fouten.voeg_toe("bsn", _("Er is al een andere deelnemer met dit BSN geregistreerd."))
    fouten.gooi()
    volgende_versie(deelnemer)
    deelnemer.full_clean(exclude=["bsn"])  # zie _bewaar_nieuwe_deelnemer
    _bewaar(deelnemer)
    return deelnemer


@transaction.atomic
def deelnemer_verhuizen(
    *,
    deelnemer: Deelnemer,
    naar_gemeente: Gemeente,
    door,
    versie: int | None = None,
    verhuisdatum: datetime.date | None = None,
    overdrachtsnotitie: str = "",
) -> Deelnemer:
    """Verhuist een deelnemer met zijn open traject(en) naar een andere gemeente
    (docs/domain.md, "Verhuizing").

    `door` moet medewerker zijn van de huidige gemeente; het doel mag elke gemeente zijn.
    Afgesloten trajecten blijven voor de rapportage bij de oude gemeente (zo tellen ze daar,
    en de persoon telt nooit dubbel: elk traject hoort bij precies één gemeente), maar de
    toegang volgt de persoon: daarna ziet alleen de nieuwe gemeente het dossier en al zijn
    trajecten. De wijzigingshistorie blijft bij het dossier. Een coach die niet in de nieuwe
    gemeente werkt, wordt losgekoppeld; net zo de behandelaar, en geplande afspraken in de
    agenda van iemand buiten de nieuwe gemeente staan daarna in niemands agenda. Het verhuisde
    traject krijgt `binnengekomen_op` (vandaag): zonder behandelaar staat het in de
    werkvoorraad van de nieuwe gemeente. Met `versie`: `Bewerkingsconflict` als iemand anders
    de deelnemer intussen wijzigde (bijvoorbeeld al verhuisd).

    De overdracht: een `Verhuizing` met `verhuisdatum` (standaard vandaag; niet in de toekomst)
    en de `overdrachtsnotitie` voor de nieuwe gemeente; het verhuisde traject krijgt de
    verhuisdatum als `binnengekomen_op`. Dossier en tijdlijn tonen de verhuizing met de notitie.
    """
    deelnemer = vergrendel_deelnemer(deelnemer, door=door)
    if eis_versie(deelnemer, versie, {"gemeente": naar_gemeente}):
        return deelnemer
    if naar_gemeente.pk == deelnemer.gemeente_id:
        raise ValidationError(
            {"naar_gemeente": [_("De deelnemer staat al in deze gemeente ingeschreven.")]}
        )
    verhuisdatum = verhuisdatum or vandaag()
    if verhuisdatum > vandaag():
        raise ValidationError({"verhuisdatum": [_(
            "Leg een verhuizing vast op of na de verhuisdatum; die ligt nu in de toekomst."
        )]})
    verhuizing = Verhuizing(
        deelnemer=deelnemer, van_gemeente=deelnemer.gemeente, naar_gemeente=naar_gemeente,
        verhuisdatum=verhuisdatum, overdrachtsnotitie=(overdrachtsnotitie or "").strip(),
        door=door,
    )
    verhuizing.full_clean()
    verhuizing.save()
    deelnemer.gemeente = naar_gemeente
    bewaar_nieuwe_versie(deelnemer)
    coach_pks_in_nieuwe_gemeente = set(
        Coach.objects.filter(gemeenten=naar_gemeente).values_list("pk", flat=True)
    )
    medewerkers_nieuwe_gemeente = set(
        Lidmaatschap.objects.filter(gemeente=naar_gemeente, rol=Rol.MEDEWERKER)
        .values_list("user_id", flat=True)
    )
    for traject in deelnemer.trajecten.select_for_update().open():
        traject.gemeente = naar_gemeente
        traject.binnengekomen_op = verhuisdatum
        if traject.coach_id and traject.coach_id not in coach_pks_in_nieuwe_gemeente:
            traject.coach = None
        if traject.behandelaar_id not in medewerkers_nieuwe_gemeente:
            traject.behandelaar = None
        bewaar_nieuwe_versie(traject)
        for afspraak in traject.afspraken.select_for_update().gepland().filter(
            medewerker__isnull=False
        ).exclude(
            medewerker__in=medewerkers_nieuwe_gemeente
        ):
            afspraak.medewerker = None
            bewaar_nieuwe_versie(afspraak)
    return deelnemer
