"""Actieplannen, opleidingsbudgetten, documenten en overdrachten bij het lopende programma
(issue 14).

- **Opleidingsbudget**: € 1.500 per traject in elke voortrekkersgemeente (een paar € 2.000).
- **Actieplan**: elk traject in intake, actief, geplaatst of nazorg krijgt drie tot zes acties uit
  `ACTIES`, in elke status: gedaan (met de datum), open met een deadline die nog komt, soms open
  en over de deadline (werkvoorraad), soms vervallen. Het eerste traject heeft ze alle vier.
- **Uitgaven**: ongeveer de helft van die trajecten; een enkele gaat boven het budget, met een
  reden.
- **Documenten**: een paar gegenereerde PDF's (een getekende toestemmingsverklaring als bewijs van
  de toestemmingsdatum, soms een cv) via de opslag van Django.
- **Verhuizing**: elk traject dat net verhuisd is (`binnengekomen_op`, zie `agenda.py`) krijgt
  zijn `Verhuizing` met een overdrachtsnotitie.

Het toeval komt uit een eigen `random.Random`, afgeleid van het seed: de rest van de
demogegevens blijft zo precies wat hij was.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from ..constants import Status
from ..factories import demo_pdf
from ..models import (
    Actie,
    ActieStatus,
    ActieUitvoerder,
    Document,
    DocumentSoort,
    Opleidingsbudget,
    Traject,
    Uitgave,
    UitgaveSoort,
    Verhuizing,
)
from .tijdlijn import tussen, verschuif

if TYPE_CHECKING:
    from .bouwer import Bouwer

ACTIES = [
    ("Cv opstellen met de coach", ActieUitvoerder.COACH),
    ("Inschrijven bij het UWV als werkzoekende", ActieUitvoerder.DEELNEMER),
    ("Taalles Nederlands (B1) volgen", ActieUitvoerder.DEELNEMER),
    ("Diploma laten waarderen bij IDW", ActieUitvoerder.BEHANDELAAR),
    ("Sollicitatiegesprek oefenen", ActieUitvoerder.COACH),
    ("Proefdag regelen", ActieUitvoerder.WERKGEVER),
    ("VOG aanvragen", ActieUitvoerder.DEELNEMER),
    ("Kinderopvang regelen", ActieUitvoerder.BEHANDELAAR),
    ("Werkplek en begeleiding afspreken", ActieUitvoerder.WERKGEVER),
    ("Netwerkbijeenkomst werkgevers bezoeken", ActieUitvoerder.COACH),
]
UITGAVEN = [
    (UitgaveSoort.CURSUS, "Cursus heftruckchauffeur", (450, 850)),
    (UitgaveSoort.CURSUS, "Taalcursus vaktaal zorg", (300, 600)),
    (UitgaveSoort.DIPLOMAWAARDERING, "Diplomawaardering IDW", (150, 250)),
    (UitgaveSoort.REISKOSTEN, "Reiskosten naar de opleiding", (40, 120)),
    (UitgaveSoort.MATERIAAL, "Werkschoenen en kleding", (60, 150)),
]
OVERDRACHTEN = [
    "Taal op A2, wil in de zorg werken. Coach was Ahmad; nieuwe coach nodig.",
    "Heeft een proefdag gehad bij een bouwbedrijf; graag snel een gesprek plannen.",
    "Inburgering loopt nog; kinderopvang was het knelpunt. Diploma is gewaardeerd.",
    "Gemotiveerd, zoekt werk in de logistiek. Heeft een rijbewijs B.",
]
REDEN_OVER = "Examen en reiskosten vielen hoger uit; akkoord van de teamleider."


def maak_actieplan_budget_documenten(b: Bouwer, *, seed: int) -> None:
    rnd = random.Random(seed * 7919 + 14)
    vandaag = b.vandaag
    for i, gemeente in enumerate(b.gemeenten):
        Opleidingsbudget.objects.update_or_create(
            programma=b.live, gemeente=gemeente,
            defaults={"bedrag": Decimal(2000 if i % 5 == 4 else 1500)},
        )
    budget = {o.gemeente_id: o.bedrag for o in Opleidingsbudget.objects.filter(programma=b.live)}
    trajecten = list(
        Traject.objects.filter(
            programma=b.live,
            status__in=[Status.INTAKE, Status.ACTIEF, Status.GEPLAATST, Status.NAZORG],
        ).order_by("pk").values("pk", "startdatum", "gemeente_id", "behandelaar_id",
                                 "deelnemer_id")
    )
    acties, uitgaven = [], []
    for n, t in enumerate(trajecten):
        start = t["startdatum"] or vandaag
        keuze = rnd.sample(ACTIES, rnd.randint(3, 6))
        for j, (wat, wie) in enumerate(keuze):
            if n == 0:  # het eerste traject: elke status
                status = [ActieStatus.GEDAAN, ActieStatus.OPEN, ActieStatus.OPEN,
                          ActieStatus.VERVALLEN, ActieStatus.OPEN, ActieStatus.GEDAAN][j]
                verlopen = j == 2
            else:
                kans = rnd.random()
                status = (ActieStatus.GEDAAN if kans < 0.45 else
                          ActieStatus.VERVALLEN if kans < 0.52 else ActieStatus.OPEN)
                verlopen = status == ActieStatus.OPEN and rnd.random() < 0.15
            if status == ActieStatus.GEDAAN:
                gedaan = tussen(rnd, start, vandaag)
                deadline = verschuif(gedaan, rnd.randint(0, 14))
            elif verlopen:
                gedaan, deadline = None, verschuif(vandaag, -rnd.randint(1, 20))
            else:
                gedaan, deadline = None, verschuif(vandaag, rnd.randint(3, 60))
            acties.append(Actie(traject_id=t["pk"], omschrijving=wat, uitvoerder=wie,
                                deadline=max(deadline, start), status=status,
                                gedaan_op=gedaan))
        if n > 0 and rnd.random() >= 0.5:
            continue
        totaal, max_budget = Decimal("0"), budget.get(t["gemeente_id"], Decimal("0"))
        for soort, omschrijving, (laag, hoog) in rnd.sample(UITGAVEN, rnd.randint(1, 3)):
            bedrag = Decimal(rnd.randint(laag, hoog))
            if n == 0 and soort != UitgaveSoort.REISKOSTEN:
                bedrag = max_budget  # één voorbeeld boven het budget
            totaal += bedrag
            uitgaven.append(Uitgave(
                traject_id=t["pk"], soort=soort, omschrijving=omschrijving, bedrag=bedrag,
                datum=tussen(rnd, start, vandaag), goedgekeurd_door_id=t["behandelaar_id"],
                reden_overschrijding=REDEN_OVER if totaal > max_budget else "",
            ))
    b.bulk(Actie, acties)
    b.bulk(Uitgave, uitgaven)
    _documenten(b, rnd, trajecten)
    _verhuizingen(b, rnd)


def _documenten(b: Bouwer, rnd: random.Random, trajecten: list[dict]) -> None:
    """Een handvol deelnemers met een toestemmingsverklaring (het bewijs) en soms een cv."""
    from ..models import Deelnemer

    pks = [t["deelnemer_id"] for t in trajecten[:6]]
    documenten = []
    for deelnemer in Deelnemer.objects.filter(pk__in=pks).order_by("pk"):
        soorten = [DocumentSoort.TOESTEMMING] + ([DocumentSoort.CV] if rnd.random() < 0.5 else [])
        for soort in soorten:
            datum = deelnemer.toestemming_datum or b.vandaag
            regels = (
                ["Toestemmingsverklaring Banenoffensief",
                 f"{deelnemer.voornaam} {deelnemer.achternaam} geeft toestemming om haar of zijn",
                 "gegevens te verwerken voor de begeleiding naar werk.",
                 f"Datum: {datum:%d-%m-%Y}", "Handtekening: (getekend)"]
                if soort == DocumentSoort.TOESTEMMING else
                ["Curriculum vitae", f"{deelnemer.voornaam} {deelnemer.achternaam}",
                 "Werkervaring: magazijnmedewerker, schoonmaak", "Talen: zie dossier"]
            )
            inhoud = demo_pdf(regels)
            # Een willekeurige, niet te raden naam, maar uit het seed: de demo blijft
            # deterministisch (de service gebruikt uuid4).
            # Bestaat hij al (hetzelfde seed opnieuw), dan overschrijven: `wis_dossiergegevens`
            # laat een naam die weer in gebruik is staan.
            naam = f"documenten/{rnd.getrandbits(128):032x}.pdf"
            default_storage.delete(naam)
            naam = default_storage.save(naam, ContentFile(inhoud))
            documenten.append(Document(
                deelnemer=deelnemer, soort=soort, bestand=naam,
                bestandsnaam=f"{soort}.pdf", mimetype="application/pdf", grootte=len(inhoud),
                bewijs_toestemming=soort == DocumentSoort.TOESTEMMING,
            ))
    b.bulk(Document, documenten)


def _verhuizingen(b: Bouwer, rnd: random.Random) -> None:
    verhuizingen = []
    for t in Traject.objects.filter(programma=b.live, binnengekomen_op__isnull=False).order_by(
        "pk"
    ).values("deelnemer_id", "gemeente_id", "binnengekomen_op"):
        van = rnd.choice([g for g in b.gemeenten if g.pk != t["gemeente_id"]])
        verhuizingen.append(Verhuizing(
            deelnemer_id=t["deelnemer_id"], van_gemeente=van, naar_gemeente_id=t["gemeente_id"],
            verhuisdatum=t["binnengekomen_op"], overdrachtsnotitie=rnd.choice(OVERDRACHTEN),
        ))
    b.bulk(Verhuizing, verhuizingen)
