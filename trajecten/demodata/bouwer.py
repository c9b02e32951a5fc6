"""De toestand van één opbouw, die elke stap (organisaties, lopend, historie) doorgeeft."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from gemeenten.constants import VOORTREKKERSGEMEENTEN, Rol
from gemeenten.models import Gemeente, Lidmaatschap
from rapportage.models import Programma

from ..factories import NAMEN, genereer_bsn
from ..models import Werkgever
from .pools import EXTRA_NAMEN

LIVE_PROGRAMMA = "Vervolg Banenoffensief"
HISTORISCH_PROGRAMMA = "Banenoffensief Vluchtelingen"

#: Deelnemers per blok: zo blijft het geheugen begrensd, ook bij een miljoen.
BLOK = 5000
BATCH = 1000


@dataclass
class Telling:
    """Wat er is aangemaakt; `historie_geplaatst` is de telling uit de database."""

    aantallen: dict[str, int] = field(default_factory=dict)
    historie_geplaatst: int = 0

    def tel(self, naam: str, n: int) -> None:
        self.aantallen[naam] = self.aantallen.get(naam, 0) + n


class Bouwer:
    """Het toeval (`rnd`), de peildatum, de gemeenten en programma's, en wat al gemaakt is.

    Alle keuzes komen uit `rnd`, in een vaste volgorde: zo geeft hetzelfde seed dezelfde
    gegevens. De stappen houden hier bij welke werkgevers en coaches er per gemeente zijn en
    hoeveel ruimte elke inzetbare coach nog heeft.
    """

    def __init__(
        self, *, rnd: random.Random, vandaag: datetime.date,
        voortgang: Callable[[str], None] | None,
    ):
        self.rnd = rnd
        self.vandaag = vandaag
        self.voortgang = voortgang or (lambda bericht: None)
        self.telling = Telling()
        codes = [code for code, _naam, _provincie in VOORTREKKERSGEMEENTEN]
        self.gemeenten = list(Gemeente.objects.filter(cbs_code__in=codes).order_by("cbs_code"))
        self.live = Programma.objects.get(naam=LIVE_PROGRAMMA)
        self.historie = Programma.objects.get(naam=HISTORISCH_PROGRAMMA)
        medewerkers = Lidmaatschap.objects.filter(
            rol=Rol.MEDEWERKER, gemeente__in=self.gemeenten
        ).order_by("pk")
        self.medewerker_van = {}  # gemeente_id → de eerste medewerker (intakes, contacten)
        self.medewerkers: dict[int, list[int]] = {}  # gemeente_id → alle medewerkers
        for lid in medewerkers:
            self.medewerker_van.setdefault(lid.gemeente_id, lid.user_id)
            self.medewerkers.setdefault(lid.gemeente_id, []).append(lid.user_id)
        self.volgende_behandelaar: dict[int, int] = {}
        self.koppelingen: list = []  # (afspraak, contact): zie agenda.koppel_verslagen
        self.bsns: set[str] = set()
        self.werkgevers: dict[int, list[Werkgever]] = {}
        self.coaches: dict[int, list[int]] = {}  # gemeente_id → coach-ids (alle)
        self.inzetbaar: dict[int, list[int]] = {}  # gemeente_id → coach-ids met geldige VOG
        self.ruimte: dict[int, int] = {}  # coach_id → vrije plaatsen

    def bulk(self, model, objecten: list) -> list:
        """Schrijft de objecten met `bulk_create` in batches en telt ze."""
        if objecten:
            model.objects.bulk_create(objecten, batch_size=BATCH)
            self.telling.tel(str(model._meta.verbose_name_plural), len(objecten))
        return objecten

    def naam(self, land: str) -> dict:
        """Voor- en achternaam uit de pool van de factory voor dit land, plus extra namen."""
        _talen, voornamen, achternamen = NAMEN[land]
        extra_voor, extra_achter = EXTRA_NAMEN.get(land, ([], []))
        return {
            "land": land,
            "voornaam": self.rnd.choice(voornamen + extra_voor),
            "achternaam": self.rnd.choice(achternamen + extra_achter),
        }

    def bsn(self) -> str:
        """Een gegenereerd BSN (11-proef) dat in deze opbouw nog niet voorkwam."""
        while True:
            bsn = genereer_bsn(self.rnd)
            if bsn not in self.bsns:
                self.bsns.add(bsn)
                return bsn

    def werkgever(self, gemeente_id: int) -> Werkgever:
        return self.rnd.choice(self.werkgevers[gemeente_id])
