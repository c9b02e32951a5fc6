"""Demogegevens in bulk, voor `manage.py seed_demo`.

Wat dit garandeert:

- **Deterministisch**: hetzelfde `seed` (en dezelfde peildatum `vandaag`) geeft dezelfde
  gegevens: alle toeval komt uit één `random.Random(seed)` plus de met hetzelfde seed
  gezaaide generatoren van `random`, factory-boy en Faker (die de factories gebruiken).
- **Realistisch**: namen uit de Nederlandse, Arabische, Tigrinya en Perzische pools van de
  factories; per traject een samenhangende tijdlijn (aanmelding → intake → actief → plaatsing
  → nazorg → afgerond, of uitgevallen met een reden), nooit een datum na vandaag.
- **Volledig**: trajecten in élke status, plaatsingen van élke soort (vanaf tien deelnemers),
  coaches met een geldige, verlopen of ontbrekende VOG, werkgevers, intakes, gesprekken,
  werkgeverscontacten en nazorg, verspreid over de elf voortrekkersgemeenten.
- **Het Banenoffensief 2006–2009** zoals gepubliceerd: precies 2327 verschillende personen met
  een baan, stage of werkervaringsplaats die begon tussen 2006-01-01 en 2009-03-31 (doel 2600),
  en samen precies EUR 2 500 kosten per plaatsing.
- **Snel**: alles gaat met `bulk_create` in blokken (geen save per rij, dus ook geen
  wijzigingshistorie en geen signalen voor deze demogegevens).

De personen en organisaties (deelnemers, coaches, werkgevers) komen uit de factory-boy
factories in `trajecten/factories.py`.
"""

from __future__ import annotations

import datetime
import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

import factory.random
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import F

from gemeenten.constants import VOORTREKKERSGEMEENTEN, Rol
from gemeenten.models import Gemeente, Lidmaatschap
from rapportage.models import Programma

from . import factories
from .constants import (
    GEPLAATST_SOORTEN,
    OPEN_STATUSSEN,
    Belemmering,
    ContactSoort,
    Contractvorm,
    Inburgering,
    Sector,
    Soort,
    Status,
    Taalniveau,
    Uitvoerder,
)
from .models import Coach, Contactmoment, Deelnemer, Intake, Plaatsing, Traject, Werkgever

LIVE_PROGRAMMA = "Vervolg Banenoffensief"
HISTORISCH_PROGRAMMA = "Banenoffensief Vluchtelingen"
HISTORIE_VAN = datetime.date(2006, 1, 1)
HISTORIE_TOT = datetime.date(2009, 3, 31)
HISTORIE_GEPLAATST = 2327
HISTORIE_NIET_GEPLAATST = 600
HISTORIE_KOSTEN_PER_PLAATSING = Decimal("2500.00")

#: Deelnemers per blok: zo blijft het geheugen begrensd, ook bij een miljoen.
BLOK = 5000
BATCH = 1000


@dataclass(frozen=True)
class DemoAccount:
    gebruikersnaam: str
    omschrijving: str
    beheerder: bool = False
    lidmaatschappen: tuple[tuple[str | None, str], ...] = ()


DEMO_ACCOUNTS = [
    DemoAccount("beheerder", "beheerder (Django-admin)", beheerder=True),
    DemoAccount("landelijk", "landelijke coördinator", lidmaatschappen=((None, Rol.COORDINATOR),)),
    DemoAccount(
        "coordinator-groningen", "coördinator Groningen",
        lidmaatschappen=(("GM0014", Rol.COORDINATOR),),
    ),
    DemoAccount(
        "medewerker-groningen", "medewerker Groningen",
        lidmaatschappen=(("GM0014", Rol.MEDEWERKER),),
    ),
    DemoAccount(
        "medewerker-emmen", "medewerker Emmen", lidmaatschappen=(("GM0114", Rol.MEDEWERKER),)
    ),
]


@dataclass
class Telling:
    """Wat er is aangemaakt; `historie_geplaatst` is de telling uit de database."""

    aantallen: dict[str, int] = field(default_factory=dict)
    historie_geplaatst: int = 0

    def tel(self, naam: str, n: int) -> None:
        self.aantallen[naam] = self.aantallen.get(naam, 0) + n


# --- Tabellen met gegevens ----------------------------------------------------------------

BEROEPEN = {
    Sector.ZORG: ["Verzorgende IG", "Helpende zorg en welzijn", "Verpleegkundige",
                  "Apothekersassistent"],
    Sector.TECHNIEK: ["Monteur elektrotechniek", "Lasser", "Installatiemonteur", "CNC-operator"],
    Sector.BOUW: ["Timmerman", "Metselaar", "Schilder", "Grondwerker"],
    Sector.LOGISTIEK: ["Magazijnmedewerker", "Chauffeur C", "Heftruckchauffeur", "Orderpicker"],
    Sector.HORECA: ["Kok", "Medewerker bediening", "Keukenhulp"],
    Sector.DETAILHANDEL: ["Verkoopmedewerker", "Vakkenvuller", "Kassamedewerker"],
    Sector.ICT: ["Softwareontwikkelaar", "Systeembeheerder", "Servicedeskmedewerker"],
    Sector.ONDERWIJS: ["Onderwijsassistent", "Docent wiskunde", "Tolk-vertaler"],
    Sector.SCHOONMAAK: ["Schoonmaker", "Medewerker facilitair"],
    Sector.LANDBOUW: ["Medewerker glastuinbouw", "Hovenier"],
    Sector.ADMINISTRATIE: ["Administratief medewerker", "Boekhouder"],
    Sector.OVERHEID: ["Klantmanager", "Medewerker publiekszaken"],
    Sector.OVERIG: ["Kapper", "Fietsenmaker", "Naaister"],
}
SECTOREN = list(BEROEPEN)

STAPPEN = {
    Belemmering.TAAL: "taalcursus tot niveau B1",
    Belemmering.GEZONDHEID: "afstemming met de huisarts over belastbaarheid",
    Belemmering.KINDEROPVANG: "kinderopvang regelen",
    Belemmering.VERVOER: "fietsles en een OV-route naar het werk",
    Belemmering.DIPLOMAWAARDERING: "diploma laten waarderen (IDW)",
    Belemmering.HUISVESTING: "contact met de woningcorporatie",
    Belemmering.SCHULDEN: "aanmelding bij schuldhulpverlening",
    Belemmering.TRAUMA: "doorverwijzing naar passende zorg",
    Belemmering.OVERIG: "maatwerkafspraak met de coach",
}
BELEMMERING_GEWICHT = {
    Belemmering.TAAL: 60, Belemmering.DIPLOMAWAARDERING: 25, Belemmering.KINDEROPVANG: 15,
    Belemmering.VERVOER: 15, Belemmering.GEZONDHEID: 10, Belemmering.HUISVESTING: 10,
    Belemmering.SCHULDEN: 6, Belemmering.TRAUMA: 6, Belemmering.OVERIG: 4,
}

REDENEN_UITVAL = [
    "Verhuisd naar een andere regio",
    "Gezondheidsproblemen; traject gepauzeerd en niet hervat",
    "Geen contact meer ondanks herhaalde pogingen",
    "Zorg voor het gezin gaat voor",
    "Gestart met een voltijdopleiding buiten het traject",
    "Verhuisd naar het buitenland",
    "Traject past niet bij de situatie van de deelnemer",
]
NOTITIES_GESPREK = [
    "Voortgang besproken; afspraken in het actieplan bijgewerkt.",
    "Cv samen doorgenomen en aangepast.",
    "Sollicitatiegesprek geoefend.",
    "Taalcursus loopt; volgende stap besproken.",
    "Beroepswens en mogelijkheden in de regio besproken.",
    "Diplomawaardering en vervolgopleiding besproken.",
]
NOTITIES_NAZORG = [
    "Nazorg: gaat goed op het werk; werkgever tevreden.",
    "Nazorg: vragen over loonstrook en toeslagen beantwoord.",
    "Nazorg: rooster lastig met kinderopvang; samen een oplossing gezocht.",
    "Nazorg: contract wordt verlengd.",
    "Nazorg: gesprek met de leidinggevende over taalondersteuning op de werkvloer.",
]
NOTITIES_WERKGEVER = [
    "Kennismaking met de werkgever; functie-eisen besproken.",
    "Afspraken gemaakt over begeleiding op de werkvloer.",
    "Plaatsing geëvalueerd met de werkgever.",
]

UITVOERDERS = [
    (Uitvoerder.VLUCHTELINGENWERK, 45), (Uitvoerder.GEMEENTE, 20), (Uitvoerder.UWV, 15),
    (Uitvoerder.UAF, 10), (Uitvoerder.EMPLOOI, 10),
]
HISTORISCHE_UITVOERDERS = [
    (Uitvoerder.VLUCHTELINGENWERK, 50), (Uitvoerder.EMPLOOI, 20), (Uitvoerder.UAF, 15),
    (Uitvoerder.UWV, 15),
]
TAALNIVEAUS = [
    (Taalniveau.A0, 8), (Taalniveau.A1, 22), (Taalniveau.A2, 30), (Taalniveau.B1, 27),
    (Taalniveau.B2, 9), (Taalniveau.C1, 3), (Taalniveau.C2, 1),
]
GEPLAATST_GEWICHT = [(Soort.BAAN, 55), (Soort.STAGE, 20), (Soort.WERKERVARINGSPLAATS, 25)]
VOORPORTAAL_GEWICHT = [
    (Soort.PROEFPLAATSING, 35), (Soort.OPLEIDING, 25), (Soort.VRIJWILLIGERSWERK, 25),
    (Soort.LEERWERKTRAJECT, 15),
]
HISTORISCHE_INBURGERING = [
    (Inburgering.AFGEROND, 60), (Inburgering.VRIJGESTELD, 20), (Inburgering.BEZIG, 15),
    (Inburgering.NIET_GESTART, 5),
]
#: Landen van herkomst in 2006–2009 (de pools van de factories).
HISTORISCHE_LANDEN = ["AF", "IQ", "IR", "SO", "ER", "TR"]

#: Extra namen bovenop de pools van de factories, zodat lijsten niet vol dubbele namen staan.
EXTRA_NAMEN = {
    "SY": (["Bashar", "Dima", "Fadi", "Ghada", "Hassan", "Joud", "Majd", "Nour", "Sami", "Yara"],
           ["Al-Khatib", "Homsi", "Aziz", "Barakat", "Hamwi", "Kassab", "Sabbagh", "Zein"]),
    "ER": (["Abrehet", "Daniel", "Eden", "Merhawi", "Luwam", "Samuel", "Senait", "Tesfalem"],
           ["Asfaha", "Gebreyesus", "Mehari", "Negash", "Tsegay", "Yohannes", "Habte"]),
    "AF": (["Bashir", "Fatima", "Hamid", "Khadija", "Nasrin", "Sohrab", "Wahid", "Zarghona"],
           ["Amiri", "Haidari", "Popal", "Safi", "Stanikzai", "Wardak", "Yousufzai"]),
    "IR": (["Arash", "Bahar", "Farhad", "Mina", "Omid", "Roya", "Sina", "Yasmin"],
           ["Ahmadi", "Ebrahimi", "Ghorbani", "Kazemi", "Nouri", "Sadeghi", "Zamani"]),
    "IQ": (["Ahmed", "Dunya", "Hussein", "Israa", "Karim", "Maryam", "Saif", "Wafaa"],
           ["Al-Ani", "Al-Tikriti", "Jawad", "Mahmoud", "Salih", "Younis"]),
}

#: Fictieve werkgeversnamen: een Nederlandse achternaam of plaats met een woord per sector.
WERKGEVER_NAMEN = ["Bakker", "De Vries", "Jansen", "Visser", "Smit", "Meijer", "De Boer",
                   "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Dijkstra",
                   "Kok", "Van Dam", "Postma", "Hoekstra", "Veenstra"]
WERKGEVER_SOORT = {
    Sector.ZORG: ["Zorggroep {}", "Thuiszorg {}", "Woonzorgcentrum {}"],
    Sector.TECHNIEK: ["{} Installatietechniek", "{} Elektrotechniek", "Metaalbewerking {}"],
    Sector.BOUW: ["Bouwbedrijf {}", "{} Bouw & Onderhoud"],
    Sector.LOGISTIEK: ["{} Logistiek", "Transportbedrijf {}", "Distributiecentrum {}"],
    Sector.HORECA: ["Restaurant {}", "Hotel {}", "{} Catering"],
    Sector.DETAILHANDEL: ["Supermarkt {}", "{} Bouwmarkt", "Warenhuis {}"],
    Sector.ICT: ["{} IT-diensten", "{} Software"],
    Sector.ONDERWIJS: ["Scholengroep {}", "Kinderopvang {}"],
    Sector.SCHOONMAAK: ["Schoonmaakbedrijf {}", "{} Facilitair"],
    Sector.LANDBOUW: ["Kwekerij {}", "Hoveniersbedrijf {}", "Melkveebedrijf {}"],
    Sector.ADMINISTRATIE: ["Administratiekantoor {}", "{} Accountants"],
    Sector.OVERHEID: ["Gemeentewerken {}", "Waterschap {}"],
    Sector.OVERIG: ["{} Fietsen", "Kapsalon {}", "Kringloop {}"],
}

#: Eerste tien live trajecten: zo zit elke status en elke soort plaatsing er altijd in.
SCENARIOS = [
    (Status.AANGEMELD, None),
    (Status.INTAKE, None),
    (Status.ACTIEF, Soort.PROEFPLAATSING),
    (Status.ACTIEF, Soort.LEERWERKTRAJECT),
    (Status.ACTIEF, Soort.OPLEIDING),
    (Status.ACTIEF, Soort.VRIJWILLIGERSWERK),
    (Status.GEPLAATST, Soort.BAAN),
    (Status.NAZORG, Soort.STAGE),
    (Status.AFGEROND, Soort.WERKERVARINGSPLAATS),
    (Status.UITGEVALLEN, None),
]

#: (volgende status, kleinste en grootste aantal dagen tot die stap)
VERLOOP = [
    (Status.INTAKE, 5, 35),
    (Status.ACTIEF, 3, 21),
    (Status.GEPLAATST, 20, 160),
    (Status.NAZORG, 30, 90),
    (Status.AFGEROND, 150, 200),
]
KANS_UITVAL = {
    Status.AANGEMELD: 0.04, Status.INTAKE: 0.04, Status.ACTIEF: 0.10, Status.GEPLAATST: 0.04,
    Status.NAZORG: 0.02,
}


def _verdeel_kosten(tijdlijnen) -> list[Decimal]:
    """Precies EUR 2 500 per geplaatste persoon in totaal, verdeeld naar de duur per traject."""
    totaal = HISTORIE_KOSTEN_PER_PLAATSING * HISTORIE_GEPLAATST
    gewichten = [
        (t.einddatum - t.aanmelddatum).days + (300 if t.geplaatst_soort else 30)
        for t in tijdlijnen
    ]
    som = sum(gewichten)
    bedragen = [
        (totaal * g / som).quantize(Decimal("0.01"), rounding=ROUND_DOWN) for g in gewichten
    ]
    bedragen[-1] += totaal - sum(bedragen)
    return bedragen


def _gewogen(rnd: random.Random, keuzes):
    waarden, gewichten = zip(*keuzes, strict=True)
    return rnd.choices(waarden, weights=gewichten)[0]


def _dag(datum: datetime.date, dagen: int) -> datetime.date:
    return datum + datetime.timedelta(days=dagen)


def _tussen(rnd: random.Random, van: datetime.date, tot: datetime.date) -> datetime.date:
    if tot <= van:
        return van
    return _dag(van, rnd.randint(0, (tot - van).days))


@dataclass
class Tijdlijn:
    """De datums van één traject; `momenten` geeft per bereikte status de datum."""

    status: str
    momenten: dict[str, datetime.date]
    einddatum: datetime.date | None = None
    reden_uitval: str = ""
    voorportaal: str | None = None  # soort van een plaatsing die niet als 'geplaatst' telt
    geplaatst_soort: str | None = None

    @property
    def aanmelddatum(self):
        return self.momenten[Status.AANGEMELD]

    @property
    def startdatum(self):
        return self.momenten.get(Status.INTAKE)


# --- Accounts en opruimen -----------------------------------------------------------------

#: De tabellen die seed_demo wist en vult, in een volgorde waarin wissen kan.
DOSSIERMODELLEN = [
    Contactmoment, Plaatsing, Intake, Traject, Coach.gemeenten.through, Coach, Deelnemer,
    Werkgever,
]


def heeft_dossiergegevens() -> bool:
    return Deelnemer.objects.exists()


@contextmanager
def zonder_rijtriggers():
    """Op PostgreSQL: zet de eigen rijtriggers op de dossiertabellen uit tijdens het bulkwerk.

    De rapportage hoogt met een (uitgestelde) rijtrigger een versierij op bij elke geschreven
    rij. Binnen één transactie met honderdduizenden rijen wordt dat kwadratisch traag (elke
    update van dezelfde rij loopt de keten van eerdere versies af). Daarom gaan die triggers
    hier even uit (`DISABLE TRIGGER USER`: de triggers van foreign keys blijven aan) en geeft
    één no-op-update op een gemeente na afloop precies één wijziging door. Alles gebeurt in de
    transactie van de aanroeper: mislukt het bouwen, dan rolt ook het uitzetten terug.
    Op SQLite is er niets te doen (die triggers zijn daar lineair).
    """
    if connection.vendor != "postgresql":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("zonder_rijtriggers() hoort binnen transaction.atomic().")
    tabellen = [model._meta.db_table for model in DOSSIERMODELLEN]
    # ALTER TABLE kan niet zolang er uitgestelde triggers (foreign keys) wachten: die eerst.
    connection.check_constraints()
    with connection.cursor() as cursor:
        for tabel in tabellen:
            cursor.execute(f'ALTER TABLE "{tabel}" DISABLE TRIGGER USER')
    yield
    connection.check_constraints()
    with connection.cursor() as cursor:
        for tabel in tabellen:
            cursor.execute(f'ALTER TABLE "{tabel}" ENABLE TRIGGER USER')
    gemeente = Gemeente.objects.order_by("pk").first()
    if gemeente:
        Gemeente.objects.filter(pk=gemeente.pk).update(naam=F("naam"))
    # De uitgestelde trigger van die update nu laten vuren, niet pas bij de commit.
    connection.check_constraints()


def wis_dossiergegevens() -> dict[str, int]:
    """Verwijdert alle dossiergegevens (deelnemers, trajecten, coaches, werkgevers, ...).

    Snel met één DELETE per tabel, tenzij andere tabellen nog naar deze rijen verwijzen: dan
    ruimt Django's gewone delete() die verwijzingen netjes op. Geen wijzigingshistorie.
    """
    from auditlog.context import disable_auditlog

    verwijderd = {}
    with transaction.atomic(), disable_auditlog():
        for model in DOSSIERMODELLEN:
            qs = model._base_manager.all()
            if _wordt_van_buiten_verwezen(model, DOSSIERMODELLEN):
                aantal = qs.count()
                qs.delete()
            else:
                aantal = qs._raw_delete(qs.db)
            verwijderd[str(model._meta.verbose_name_plural)] = aantal
    return verwijderd


def _wordt_van_buiten_verwezen(model, volgorde) -> bool:
    for rel in model._meta.related_objects:
        if rel.related_model in volgorde or rel.many_to_many:
            continue
        if rel.related_model._base_manager.filter(**{f"{rel.field.name}__isnull": False}).exists():
            return True
    return False


def maak_demo_accounts(*, wachtwoord: str) -> list[DemoAccount]:
    """Maakt (of herstelt) de demo-accounts met dit wachtwoord en precies hun rollen."""
    User = get_user_model()
    gemeenten = {g.cbs_code: g for g in Gemeente.objects.all()}
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.gebruikersnaam)
        user.email = f"{account.gebruikersnaam}@example.org"
        user.is_active = True
        user.is_staff = user.is_superuser = account.beheerder
        # Demo: set_password zonder de wachtwoordregels (het standaardwachtwoord is 'demo').
        user.set_password(wachtwoord)
        user.save()
        Lidmaatschap.objects.filter(user=user).delete()
        Lidmaatschap.objects.bulk_create(
            Lidmaatschap(user=user, gemeente=gemeenten.get(code) if code else None, rol=rol)
            for code, rol in account.lidmaatschappen
        )
    return DEMO_ACCOUNTS


# --- De bouwer ----------------------------------------------------------------------------


def bouw_demodata(
    *, deelnemers: int = 500, seed: int = 1, vandaag: datetime.date | None = None,
    voortgang=None,
) -> Telling:
    """Bouwt de demogegevens in een lege dossierdatabase (roep eerst `wis_dossiergegevens`).

    `deelnemers` is het aantal deelnemers in het lopende programma; daarnaast komen er
    2927 deelnemers in het Banenoffensief 2006–2009. Geeft de telling terug.
    """
    random.seed(seed)
    factory.random.reseed_random(seed)
    for f in (factories.DeelnemerFactory, factories.CoachFactory, factories.WerkgeverFactory):
        f.reset_sequence(0, force=True)
    bouwer = _Bouwer(
        factories=factories, rnd=random.Random(seed), vandaag=vandaag or _vandaag(),
        voortgang=voortgang,
    )
    with transaction.atomic():
        bouwer.bouw(deelnemers)
    return bouwer.telling


def _vandaag() -> datetime.date:
    from .models import vandaag

    return vandaag()


class _Bouwer:
    def __init__(self, *, factories, rnd, vandaag, voortgang):
        self.f = factories
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
        self.medewerker_van = {}
        for lid in medewerkers:
            self.medewerker_van.setdefault(lid.gemeente_id, lid.user_id)
        self.bsns: set[str] = set()
        self.werkgevers: dict[int, list[Werkgever]] = {}
        self.coaches: dict[int, list[int]] = {}  # gemeente_id → coach-ids (alle)
        self.inzetbaar: dict[int, list[int]] = {}  # gemeente_id → coach-ids met geldige VOG
        self.ruimte: dict[int, int] = {}  # coach_id → vrije plaatsen

    # -- hulpjes --

    def _bulk(self, model, objecten: list) -> list:
        if objecten:
            model.objects.bulk_create(objecten, batch_size=BATCH)
            self.telling.tel(str(model._meta.verbose_name_plural), len(objecten))
        return objecten

    def _naam(self, land: str) -> dict:
        """Voor- en achternaam uit de pool van de factory voor dit land, plus extra namen."""
        _talen, voornamen, achternamen = self.f.NAMEN[land]
        extra_voor, extra_achter = EXTRA_NAMEN.get(land, ([], []))
        return {
            "land": land,
            "voornaam": self.rnd.choice(voornamen + extra_voor),
            "achternaam": self.rnd.choice(achternamen + extra_achter),
        }

    def _bsn(self) -> str:
        while True:
            bsn = self.f.genereer_bsn(self.rnd)
            if bsn not in self.bsns:
                self.bsns.add(bsn)
                return bsn

    def _werkgever(self, gemeente_id: int) -> Werkgever:
        return self.rnd.choice(self.werkgevers[gemeente_id])

    # -- opbouw --

    def bouw(self, aantal_deelnemers: int) -> None:
        self.maak_werkgevers(max(4 * len(self.gemeenten), aantal_deelnemers // 25))
        self.maak_coaches(max(30, aantal_deelnemers // 4))
        self.voortgang(f"werkgevers en coaches klaar; {aantal_deelnemers} deelnemers volgen")
        for begin in range(0, aantal_deelnemers, BLOK):
            self.maak_live_blok(begin, min(BLOK, aantal_deelnemers - begin))
            self.voortgang(f"lopend programma: {begin + min(BLOK, aantal_deelnemers - begin)}")
        self.maak_historie()
        self.telling.historie_geplaatst = (
            Plaatsing.objects.filter(
                traject__programma=self.historie,
                soort__in=GEPLAATST_SOORTEN,
                startdatum__range=(HISTORIE_VAN, HISTORIE_TOT),
            )
            .values("traject__deelnemer")
            .distinct()
            .count()
        )

    def maak_werkgevers(self, aantal: int) -> None:
        rnd = self.rnd
        objecten = []
        for i in range(aantal):
            gemeente = self.gemeenten[i % len(self.gemeenten)]
            sector = rnd.choice(SECTOREN)
            kern = rnd.choice(WERKGEVER_NAMEN + [gemeente.naam.split()[-1]])
            naam = rnd.choice(WERKGEVER_SOORT[sector]).format(kern)
            objecten.append(
                self.f.WerkgeverFactory.build(gemeente=gemeente, sector=sector, naam=naam)
            )
        self._bulk(Werkgever, objecten)
        for werkgever in objecten:
            self.werkgevers.setdefault(werkgever.gemeente_id, []).append(werkgever)

    def maak_coaches(self, aantal: int) -> None:
        rnd, vandaag = self.rnd, self.vandaag
        coaches, gemeenten_per_coach = [], []
        for i in range(aantal):
            soort = rnd.random()
            extra = {}
            if soort < 0.12:
                extra["zonder_vog"] = True
            elif soort < 0.22:  # VOG ouder dan drie jaar
                extra["vog_datum"] = _dag(vandaag - relativedelta(years=3), -rnd.randint(1, 700))
            else:
                extra["vog_datum"] = _dag(vandaag, -rnd.randint(7, 3 * 365 - 30))
            if rnd.random() < 0.10:
                extra["ongetraind"] = True
            else:
                extra["getraind_op"] = _dag(vandaag, -rnd.randint(7, 900))
            coach = self.f.CoachFactory.build(
                actief=rnd.random() > 0.06, max_deelnemers=rnd.choice([2, 3, 3, 3, 4, 5]),
                **extra,
            )
            hoofd = self.gemeenten[i % len(self.gemeenten)]
            gemeenten = [hoofd]
            if rnd.random() < 0.15:
                tweede = rnd.choice(self.gemeenten)
                if tweede != hoofd:
                    gemeenten.append(tweede)
            coaches.append(coach)
            gemeenten_per_coach.append(gemeenten)
        self._bulk(Coach, coaches)
        koppelingen = []
        for coach, gemeenten in zip(coaches, gemeenten_per_coach, strict=True):
            geldig = coach.actief and coach.heeft_geldige_vog(vandaag)
            if geldig:
                self.ruimte[coach.pk] = coach.max_deelnemers
            for gemeente in gemeenten:
                koppelingen.append(
                    Coach.gemeenten.through(coach_id=coach.pk, gemeente_id=gemeente.pk)
                )
                self.coaches.setdefault(gemeente.pk, []).append(coach.pk)
                if geldig:
                    self.inzetbaar.setdefault(gemeente.pk, []).append(coach.pk)
        Coach.gemeenten.through.objects.bulk_create(koppelingen, batch_size=BATCH)

    # -- tijdlijnen --

    def tijdlijn(self, van, tot, doel=None, voorportaal=None, geplaatst_soort=None) -> Tijdlijn:
        """Een samenhangend verloop tussen `van` en `tot`.

        Zonder `doel` loopt het traject door de stappen tot vandaag (met kans op uitval en op
        lang 'actief' blijven); met `doel` eindigt het precies in die status.
        """
        rnd = self.rnd
        if doel is None:
            momenten = {Status.AANGEMELD: _tussen(rnd, van, tot)}
            status, datum = Status.AANGEMELD, momenten[Status.AANGEMELD]
            for volgende, kort, lang in VERLOOP:
                stap = rnd.randint(kort, lang)
                if status == Status.ACTIEF and rnd.random() < 0.3:
                    stap += rnd.randint(200, 500)  # vindt (nog) geen baan, stage of wep
                if rnd.random() < KANS_UITVAL[status]:
                    uitval = _dag(datum, rnd.randint(1, stap))
                    if uitval <= tot:
                        return Tijdlijn(
                            Status.UITGEVALLEN, momenten, einddatum=uitval,
                            reden_uitval=rnd.choice(REDENEN_UITVAL),
                            voorportaal=self._voorportaal_kans(momenten),
                        )
                if _dag(datum, stap) > tot:
                    break
                datum = _dag(datum, stap)
                status = volgende
                momenten[status] = datum
            return Tijdlijn(
                status, momenten,
                einddatum=momenten.get(Status.AFGEROND),
                voorportaal=self._voorportaal_kans(momenten),
                geplaatst_soort=_gewogen(rnd, GEPLAATST_GEWICHT)
                if Status.GEPLAATST in momenten else None,
            )

        # Gedwongen scenario: de stappen tot het doel passen precies tussen van en tot.
        uitgevallen = doel == Status.UITGEVALLEN
        laatste = Status.ACTIEF if uitgevallen else doel
        stappen = []
        for volgende, kort, lang in VERLOOP:
            if laatste == Status.AANGEMELD:
                break
            stappen.append((volgende, rnd.randint(kort, lang)))
            if volgende == laatste:
                break
        uitvalstap = rnd.randint(10, 40) if uitgevallen else 0
        totaal = sum(d for _s, d in stappen) + uitvalstap
        ruimte = max((tot - van).days, 1)
        schaal = min(1.0, ruimte * 0.9 / totaal) if totaal else 1.0
        stappen = [(s, max(1, int(d * schaal))) for s, d in stappen]
        uitvalstap = max(1, int(uitvalstap * schaal)) if uitgevallen else 0
        totaal = sum(d for _s, d in stappen) + uitvalstap
        datum = _dag(tot, -totaal - rnd.randint(0, max(0, ruimte - totaal) // 2))
        momenten = {Status.AANGEMELD: datum}
        for status, stap in stappen:
            datum = _dag(datum, stap)
            momenten[status] = datum
        if uitgevallen:
            return Tijdlijn(
                Status.UITGEVALLEN, momenten, einddatum=_dag(datum, uitvalstap),
                reden_uitval=rnd.choice(REDENEN_UITVAL),
            )
        return Tijdlijn(
            doel, momenten, einddatum=momenten.get(Status.AFGEROND), voorportaal=voorportaal,
            geplaatst_soort=geplaatst_soort,
        )

    def _voorportaal_kans(self, momenten) -> str | None:
        if Status.ACTIEF in momenten and self.rnd.random() < 0.35:
            return _gewogen(self.rnd, VOORPORTAAL_GEWICHT)
        return None

    # -- lopend programma --

    def maak_live_blok(self, begin: int, aantal: int) -> None:
        rnd, vandaag = self.rnd, self.vandaag
        van = min(self.live.startdatum, _dag(vandaag, -60))
        tijdlijnen, personen = [], []
        for i in range(begin, begin + aantal):
            if i < len(SCENARIOS):
                doel, soort = SCENARIOS[i]
                tijdlijn = self.tijdlijn(
                    van, vandaag, doel=doel,
                    voorportaal=soort if soort not in GEPLAATST_SOORTEN else None,
                    geplaatst_soort=soort if soort in GEPLAATST_SOORTEN else None,
                )
            else:
                tijdlijn = self.tijdlijn(van, vandaag)
            gemeente = rnd.choice(self.gemeenten)
            a = tijdlijn.aanmelddatum
            vergunning = _dag(a, -rnd.randint(14, 4 * 365))
            personen.append(
                self.f.DeelnemerFactory.build(
                    **self._naam(rnd.choice(self.f.LANDEN)),
                    gemeente=gemeente,
                    bsn=self._bsn() if rnd.random() < 0.9 else "",
                    geboortedatum=_dag(a, -rnd.randint(18 * 365 + 5, 60 * 365)),
                    datum_verblijfsvergunning=vergunning,
                    toestemming_datum=max(vergunning, _dag(a, -rnd.randint(0, 10))),
                    taalniveau=_gewogen(rnd, TAALNIVEAUS),
                )
            )
            tijdlijnen.append(tijdlijn)
        self._bulk(Deelnemer, personen)
        self.maak_trajecten(self.live, personen, tijdlijnen, UITVOERDERS, met_coach=True)

    # -- Banenoffensief 2006–2009 --

    def maak_historie(self) -> None:
        rnd = self.rnd
        tijdlijnen, personen = [], []
        laatste_aanmelding = datetime.date(2008, 12, 31)
        for i in range(HISTORIE_GEPLAATST + HISTORIE_NIET_GEPLAATST):
            a = _tussen(rnd, HISTORIE_VAN, laatste_aanmelding)
            start = _dag(a, rnd.randint(7, 35))
            momenten = {Status.AANGEMELD: a, Status.INTAKE: start, Status.ACTIEF: _dag(start, 7)}
            if i < HISTORIE_GEPLAATST:
                # Geplaatst binnen de looptijd: dit zijn de 2327 van het eindresultaat.
                plaatsing = min(_dag(start, rnd.randint(21, 240)), HISTORIE_TOT)
                plaatsing = max(plaatsing, _dag(start, 8))
                momenten[Status.GEPLAATST] = plaatsing
                momenten[Status.NAZORG] = _dag(plaatsing, rnd.randint(30, 90))
                einde = _dag(momenten[Status.NAZORG], rnd.randint(120, 240))
                if rnd.random() < 0.12:
                    tijdlijn = Tijdlijn(
                        Status.UITGEVALLEN, momenten, einddatum=einde,
                        reden_uitval="Contract niet verlengd; daarna buiten beeld geraakt",
                        geplaatst_soort=_gewogen(rnd, GEPLAATST_GEWICHT),
                    )
                else:
                    momenten[Status.AFGEROND] = einde
                    tijdlijn = Tijdlijn(
                        Status.AFGEROND, momenten, einddatum=einde,
                        geplaatst_soort=_gewogen(rnd, GEPLAATST_GEWICHT),
                    )
            else:
                keuze = rnd.random()
                if keuze < 0.05:
                    # Geplaatst, maar pas na de looptijd: telt niet mee in de 2327.
                    plaatsing = _dag(HISTORIE_TOT, rnd.randint(1, 150))
                    momenten[Status.GEPLAATST] = plaatsing
                    momenten[Status.AFGEROND] = _dag(plaatsing, rnd.randint(90, 200))
                    tijdlijn = Tijdlijn(
                        Status.AFGEROND, momenten, einddatum=momenten[Status.AFGEROND],
                        geplaatst_soort=_gewogen(rnd, GEPLAATST_GEWICHT),
                    )
                elif keuze < 0.35:
                    # Alleen een opleiding of vrijwilligerswerk: geen 'geplaatst'.
                    einde = _dag(start, rnd.randint(120, 400))
                    momenten[Status.AFGEROND] = einde
                    tijdlijn = Tijdlijn(
                        Status.AFGEROND, momenten, einddatum=einde,
                        voorportaal=rnd.choice([Soort.OPLEIDING, Soort.VRIJWILLIGERSWERK]),
                    )
                else:
                    tijdlijn = Tijdlijn(
                        Status.UITGEVALLEN, momenten, einddatum=_dag(start, rnd.randint(10, 300)),
                        reden_uitval=rnd.choice(REDENEN_UITVAL),
                        voorportaal=self._voorportaal_kans(momenten)
                        if rnd.random() < 0.5 else None,
                    )
            personen.append(
                self.f.DeelnemerFactory.build(
                    **self._naam(rnd.choice(HISTORISCHE_LANDEN)),
                    gemeente=rnd.choice(self.gemeenten),
                    bsn="",  # het BSN bestond pas vanaf eind 2007
                    geboortedatum=_dag(a, -rnd.randint(18 * 365 + 5, 55 * 365)),
                    datum_verblijfsvergunning=_dag(a, -rnd.randint(60, 6 * 365)),
                    toestemming_datum=a,
                    taalniveau=_gewogen(rnd, TAALNIVEAUS),
                    inburgering=_gewogen(rnd, HISTORISCHE_INBURGERING),
                )
            )
            tijdlijnen.append(tijdlijn)
        self._bulk(Deelnemer, personen)
        self.maak_trajecten(
            self.historie, personen, tijdlijnen, HISTORISCHE_UITVOERDERS, met_coach=False,
            kosten=_verdeel_kosten(tijdlijnen), contacten_per_fase=1,
        )

    # -- trajecten en wat erbij hoort --

    def maak_trajecten(
        self, programma, personen, tijdlijnen, uitvoerders, *, met_coach, kosten=None,
        contacten_per_fase=6,
    ):
        rnd, vandaag = self.rnd, self.vandaag
        trajecten = []
        for i, (persoon, t) in enumerate(zip(personen, tijdlijnen, strict=True)):
            coach_id = self._kies_coach(persoon.gemeente_id, t) if met_coach else None
            if kosten is not None:
                bedrag = kosten[i]
            elif t.startdatum:
                maanden = max(1, ((t.einddatum or vandaag) - t.startdatum).days // 30)
                bedrag = Decimal(min(6000, 250 + maanden * rnd.randint(80, 220)))
            else:
                bedrag = Decimal(0)
            trajecten.append(
                Traject(
                    deelnemer_id=persoon.pk, programma=programma, gemeente_id=persoon.gemeente_id,
                    coach_id=coach_id, uitvoerder=_gewogen(rnd, uitvoerders), status=t.status,
                    aanmelddatum=t.aanmelddatum, startdatum=t.startdatum, einddatum=t.einddatum,
                    reden_uitval=t.reden_uitval, kosten=bedrag,
                )
            )
        self._bulk(Traject, trajecten)

        intakes, plaatsingen, contacten = [], [], []
        for traject, t in zip(trajecten, tijdlijnen, strict=True):
            medewerker_id = self.medewerker_van.get(traject.gemeente_id)
            if t.startdatum:
                intakes.append(self._intake(traject, t, medewerker_id))
            plaatsingen.extend(self._plaatsingen(traject, t))
            contacten.extend(self._contacten(traject, t, medewerker_id, contacten_per_fase))
        self._bulk(Intake, intakes)
        self._bulk(Plaatsing, plaatsingen)
        self._bulk(Contactmoment, contacten)
        return trajecten

    def _kies_coach(self, gemeente_id: int, t: Tijdlijn) -> int | None:
        rnd = self.rnd
        if t.startdatum is None or rnd.random() > 0.85:
            return None
        if t.status in OPEN_STATUSSEN:
            # Alleen coaches met een geldige VOG en ruimte (de caseload telt open trajecten);
            # volle coaches vallen er gaandeweg uit, zodat dit per traject O(1) blijft.
            vrij = self.inzetbaar.get(gemeente_id, [])
            while vrij:
                i = rnd.randrange(len(vrij))
                coach_id = vrij[i]
                if self.ruimte[coach_id] > 0:
                    self.ruimte[coach_id] -= 1
                    return coach_id
                vrij[i] = vrij[-1]
                vrij.pop()
            return None
        kandidaten = self.coaches.get(gemeente_id)
        return rnd.choice(kandidaten) if kandidaten else None

    def _intake(self, traject, t: Tijdlijn, medewerker_id) -> Intake:
        rnd = self.rnd
        sector = rnd.choice(SECTOREN)
        beroep = rnd.choice(BEROEPEN[sector])
        belemmeringen = sorted(
            {_gewogen(rnd, BELEMMERING_GEWICHT.items()) for _ in range(rnd.randint(1, 3))}
        )
        stappen = "; ".join(STAPPEN[Belemmering(b)] for b in belemmeringen)
        return Intake(
            traject_id=traject.pk, datum=t.startdatum, medewerker_id=medewerker_id,
            beroepswens=beroep, sector=sector, belemmeringen=belemmeringen,
            actieplan=f"Doel: werk als {beroep.lower()}. Stappen: {stappen}; daarna "
                      f"solliciteren met hulp van de coach.",
        )

    def _plaatsingen(self, traject, t: Tijdlijn) -> list[Plaatsing]:
        rnd, vandaag = self.rnd, self.vandaag
        resultaat = []
        grens = t.einddatum or vandaag
        geplaatst_op = t.momenten.get(Status.GEPLAATST)
        if t.voorportaal and Status.ACTIEF in t.momenten:
            # Een voorportaal (proefplaatsing, opleiding, ...) ligt vóór een echte plaatsing.
            actief = t.momenten[Status.ACTIEF]
            grens_voorportaal = geplaatst_op or grens
            start = _dag(actief, rnd.randint(7, 60))
            if start > grens_voorportaal:
                start = _tussen(rnd, actief, grens_voorportaal)
            eind = _dag(start, rnd.randint(30, 120))
            if eind > grens_voorportaal:
                eind = grens_voorportaal if (geplaatst_op or t.einddatum) else None
            werkgever = self._werkgever(traject.gemeente_id)
            resultaat.append(
                Plaatsing(
                    traject_id=traject.pk, soort=t.voorportaal,
                    werkgever=None if t.voorportaal == Soort.OPLEIDING else werkgever,
                    functie="" if t.voorportaal == Soort.OPLEIDING
                    else rnd.choice(BEROEPEN[werkgever.sector]),
                    startdatum=start, einddatum=eind,
                    uren_per_week=rnd.choice([8, 12, 16, 20, 24]),
                    contractvorm=Contractvorm.GEEN,
                )
            )
        if geplaatst_op and t.geplaatst_soort:
            soorten = [t.geplaatst_soort]
            if t.geplaatst_soort == Soort.STAGE and rnd.random() < 0.4:
                soorten.append(Soort.BAAN)  # stage, daarna een baan: telt één persoon
            start = geplaatst_op
            for n, soort in enumerate(soorten):
                werkgever = self._werkgever(traject.gemeente_id)
                eind = None
                if soort != Soort.BAAN or rnd.random() < 0.25:
                    eind = _dag(start, rnd.randint(60, 300))
                if n + 1 < len(soorten):
                    eind = _dag(start, rnd.randint(60, 150))
                if t.status == Status.UITGEVALLEN:
                    eind = t.einddatum
                if eind and (eind > vandaag or eind < start):
                    eind = None
                resultaat.append(
                    Plaatsing(
                        traject_id=traject.pk, soort=soort, werkgever=werkgever,
                        functie=rnd.choice(BEROEPEN[werkgever.sector]), startdatum=start,
                        einddatum=eind, uren_per_week=rnd.choice([16, 20, 24, 28, 32, 36, 38]),
                        contractvorm=self._contractvorm(soort),
                    )
                )
                if eind is None or _dag(eind, 14) > grens:
                    break
                start = _dag(eind, rnd.randint(1, 14))
        return resultaat

    def _contractvorm(self, soort: str) -> str:
        if soort == Soort.STAGE:
            return Contractvorm.STAGEOVEREENKOMST
        if soort == Soort.WERKERVARINGSPLAATS:
            return Contractvorm.GEEN
        return self.rnd.choice(
            [Contractvorm.BEPAALDE_TIJD, Contractvorm.BEPAALDE_TIJD, Contractvorm.ONBEPAALDE_TIJD,
             Contractvorm.UITZEND, Contractvorm.OPROEP]
        )

    def _contacten(self, traject, t: Tijdlijn, medewerker_id, per_fase) -> list[Contactmoment]:
        rnd, vandaag = self.rnd, self.vandaag
        contacten = []

        def contact(datum, soort, notitie):
            contacten.append(
                Contactmoment(
                    traject_id=traject.pk, datum=datum, soort=soort, notitie=notitie,
                    medewerker_id=medewerker_id,
                )
            )

        if not t.startdatum:
            return contacten
        grens = t.einddatum or vandaag
        geplaatst_op = t.momenten.get(Status.GEPLAATST)
        datum = t.startdatum
        tot = geplaatst_op or grens
        for _ in range(per_fase):
            datum = _dag(datum, rnd.randint(21, 45))
            if datum >= tot:
                break
            contact(datum, ContactSoort.GESPREK, rnd.choice(NOTITIES_GESPREK))
        if geplaatst_op:
            contact(
                max(t.startdatum, _dag(geplaatst_op, -rnd.randint(0, 14))),
                ContactSoort.WERKGEVERSCONTACT, rnd.choice(NOTITIES_WERKGEVER),
            )
            datum = t.momenten.get(Status.NAZORG, geplaatst_op)
            for _ in range(per_fase):
                datum = _dag(datum, rnd.randint(25, 40))
                if datum > grens:
                    break
                contact(datum, ContactSoort.NAZORG, rnd.choice(NOTITIES_NAZORG))
        if t.status == Status.UITGEVALLEN:
            contact(t.einddatum, ContactSoort.GESPREK, f"Traject beëindigd: {t.reden_uitval}.")
        return contacten

