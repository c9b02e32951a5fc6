"""Factories voor de dossiermodellen: voor de tests én voor `seed_demo` (`trajecten.demodata`).

Ze staan in de app, niet in `tests/`, zodat `seed_demo` ook werkt vanuit het geïnstalleerde
pakket (de Docker-image bevat geen `tests/`); factory-boy is daarom een runtime-afhankelijkheid.

Namen komen uit een Nederlandse, Arabische, Tigrinya en Perzische pool; BSN's worden
gegenereerd met de 11-proef en zijn dus nooit echte, uitgegeven nummers van een bekende
persoon (ze beginnen met 9, een reeks die niet aan burgers wordt uitgegeven in demo's).
"""

import datetime
import random

import factory
from dateutil.relativedelta import relativedelta
from factory import fuzzy
from stdnum.nl import bsn as stdnum_bsn

from gemeenten.factories import GemeenteFactory, UserFactory
from rapportage.factories import ProgrammaFactory
from trajecten.constants import (
    AfspraakSoort,
    Belemmering,
    ContactSoort,
    Contractvorm,
    Inburgering,
    Opleidingsniveau,
    RedenAfgerond,
    Sector,
    Soort,
    Status,
    Taalniveau,
    Uitvoerder,
)
from trajecten.models import (
    Actie,
    ActieStatus,
    ActieUitvoerder,
    Afspraak,
    Coach,
    Contactmoment,
    Deelnemer,
    Intake,
    Opleidingsbudget,
    Plaatsing,
    Traject,
    Uitgave,
    UitgaveSoort,
    Werkgever,
)
from trajecten.zoeken import zoeknaam as maak_zoeknaam

NAMEN = {
    # land: (talen, voornamen, achternamen)
    "SY": (["ar"], ["Ahmad", "Rania", "Omar", "Lina", "Yusuf", "Hiba", "Khaled", "Noor"],
           ["Al-Hassan", "Haddad", "Khalil", "Mansour", "Darwish", "Najjar", "Saleh"]),
    "ER": (["ti"], ["Semhar", "Yonas", "Selam", "Dawit", "Helen", "Filmon", "Mebrat", "Robel"],
           ["Tesfay", "Ghebremedhin", "Haile", "Kidane", "Berhane", "Tekle", "Woldu"]),
    "AF": (["fa", "ps"], ["Farid", "Mariam", "Ahmad Shah", "Zahra", "Mohammad", "Parwana"],
           ["Ahmadi", "Rahimi", "Karimi", "Hakimi", "Noori", "Sultani"]),
    "IR": (["fa"], ["Reza", "Shirin", "Dariush", "Leila", "Kaveh", "Parisa", "Navid"],
           ["Hosseini", "Rezaei", "Moradi", "Jafari", "Tehrani", "Mohammadi"]),
    "IQ": (["ar", "ku"], ["Ali", "Zainab", "Mustafa", "Huda", "Haider", "Sara"],
           ["Al-Jaburi", "Kadhim", "Abbas", "Hamdan", "Rashid"]),
    "TR": (["tr", "ku"], ["Mehmet", "Ayşe", "Emre", "Elif", "Deniz"],
           ["Yılmaz", "Kaya", "Demir", "Çelik"]),
    "YE": (["ar"], ["Abdullah", "Amal", "Nabil", "Samira"], ["Al-Ahmadi", "Saeed", "Qasim"]),
    "SO": (["so", "ar"], ["Abdi", "Hodan", "Farah", "Amina"], ["Warsame", "Mohamud", "Ali"]),
    "UA": (["uk", "ru"], ["Olena", "Andriy", "Iryna", "Taras"],
           ["Shevchenko", "Kovalenko", "Bondar"]),
}
LANDEN = list(NAMEN)


def genereer_bsn(rnd: random.Random | None = None) -> str:
    """Een willekeurig nummer dat de 11-proef doorstaat (alleen voor tests en demo's)."""
    rnd = rnd or random
    while True:
        kandidaat = "9" + "".join(str(rnd.randint(0, 9)) for _ in range(8))
        if stdnum_bsn.is_valid(kandidaat):
            return kandidaat


def genereer_kvk(rnd: random.Random | None = None) -> str:
    rnd = rnd or random
    return f"{rnd.randint(10_000_000, 99_999_999)}"


class DeelnemerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deelnemer

    class Params:
        land = factory.Faker("random_element", elements=LANDEN)

    land_van_herkomst = factory.SelfAttribute("land")
    voornaam = factory.LazyAttribute(lambda o: random.choice(NAMEN[o.land][1]))
    achternaam = factory.LazyAttribute(lambda o: random.choice(NAMEN[o.land][2]))
    talen = factory.LazyAttribute(lambda o: list(NAMEN[o.land][0]))
    geboortedatum = factory.Faker("date_of_birth", minimum_age=18, maximum_age=60)
    bsn = factory.LazyFunction(genereer_bsn)
    v_nummer = factory.Sequence(lambda n: f"{3000000000 + n}")
    gemeente = factory.SubFactory(GemeenteFactory)
    datum_verblijfsvergunning = factory.Faker("date_between", start_date="-4y", end_date="-1m")
    taalniveau = fuzzy.FuzzyChoice(Taalniveau.values)
    opleidingsniveau = fuzzy.FuzzyChoice(Opleidingsniveau.values)
    inburgering = fuzzy.FuzzyChoice(Inburgering.values)
    toestemming_datum = factory.Faker("date_between", start_date="-1y", end_date="today")
    zoeknaam = factory.LazyAttribute(lambda o: maak_zoeknaam(o.voornaam, o.achternaam))


class CoachFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coach
        skip_postgeneration_save = True

    class Params:
        zonder_vog = factory.Trait(vog_datum=None)
        vog_verlopen = factory.Trait(
            vog_datum=factory.LazyFunction(
                lambda: datetime.date.today() - relativedelta(years=3, days=10)
            )
        )
        ongetraind = factory.Trait(getraind_op=None)

    naam = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"coach{n}@example.org")
    telefoon = factory.Faker("phone_number", locale="nl_NL")
    talen = factory.LazyFunction(lambda: ["nl", random.choice(["en", "ar", "ti", "fa", "tr"])])
    sectoren = factory.LazyFunction(lambda: random.sample(Sector.values, 2))
    getraind_op = factory.Faker("date_between", start_date="-2y", end_date="-1w")
    vog_datum = factory.Faker("date_between", start_date="-2y", end_date="-1w")
    max_deelnemers = 3
    actief = True

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create and extracted:
            self.gemeenten.set(extracted)


class WerkgeverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkgever

    naam = factory.Faker("company", locale="nl_NL")
    kvk_nummer = factory.LazyFunction(genereer_kvk)
    sector = fuzzy.FuzzyChoice(Sector.values)
    gemeente = factory.SubFactory(GemeenteFactory)
    werkakkoord = factory.Faker("boolean", chance_of_getting_true=40)
    contactpersoon = factory.Faker("name", locale="nl_NL")
    contact_email = factory.Sequence(lambda n: f"hr{n}@werkgever.example")


class TrajectFactory(factory.django.DjangoModelFactory):
    """Een traject; standaard 'aangemeld'. Traits zetten de datums die bij een status horen."""

    class Meta:
        model = Traject

    class Params:
        gestart = factory.Trait(
            status=Status.ACTIEF,
            startdatum=factory.LazyAttribute(
                lambda o: o.aanmelddatum + datetime.timedelta(days=14)
            ),
        )
        geplaatst = factory.Trait(
            status=Status.GEPLAATST,
            startdatum=factory.LazyAttribute(
                lambda o: o.aanmelddatum + datetime.timedelta(days=14)
            ),
        )
        uitgevallen = factory.Trait(
            status=Status.UITGEVALLEN, reden_uitval="Verhuisd naar het buitenland"
        )

    deelnemer = factory.SubFactory(DeelnemerFactory)
    gemeente = factory.SelfAttribute("deelnemer.gemeente")
    programma = factory.SubFactory(ProgrammaFactory)
    uitvoerder = Uitvoerder.VLUCHTELINGENWERK
    status = Status.AANGEMELD
    aanmelddatum = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    kosten = 0
    # De database eist een reden bij (en alleen bij) 'afgerond'.
    reden_afgerond = factory.LazyAttribute(
        lambda o: RedenAfgerond.WERK if o.status == Status.AFGEROND else ""
    )


class IntakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intake

    traject = factory.SubFactory(TrajectFactory, gestart=True)
    datum = factory.LazyAttribute(lambda o: o.traject.startdatum or o.traject.aanmelddatum)
    medewerker = factory.SubFactory(UserFactory)
    beroepswens = "Verpleegkundige"
    sector = Sector.ZORG
    belemmeringen = factory.LazyFunction(lambda: [Belemmering.TAAL.value])
    actieplan = "Taalcursus B1, daarna werkervaringsplaats in de zorg."


class PlaatsingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plaatsing

    traject = factory.SubFactory(TrajectFactory, geplaatst=True)
    soort = Soort.BAAN
    werkgever = factory.SubFactory(
        WerkgeverFactory, gemeente=factory.SelfAttribute("..traject.gemeente")
    )
    functie = "Magazijnmedewerker"
    startdatum = factory.LazyAttribute(
        lambda o: (o.traject.startdatum or o.traject.aanmelddatum) + datetime.timedelta(days=30)
    )
    uren_per_week = 32
    contractvorm = Contractvorm.BEPAALDE_TIJD


class ContactmomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactmoment

    traject = factory.SubFactory(TrajectFactory, gestart=True)
    datum = factory.LazyFunction(datetime.date.today)
    soort = ContactSoort.GESPREK
    notitie = "Voortgang besproken."



class AfspraakFactory(factory.django.DjangoModelFactory):
    """Een geplande afspraak, morgen om tien uur, in de agenda van de behandelaar."""

    class Meta:
        model = Afspraak

    traject = factory.SubFactory(TrajectFactory, gestart=True)
    medewerker = factory.LazyAttribute(lambda o: o.traject.behandelaar)
    soort = AfspraakSoort.GESPREK
    datum = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=1))
    tijd = datetime.time(10, 0)
    locatie = "Gemeentehuis, spreekkamer 2"


# --- actieplan, opleidingsbudget, documenten (issue 14) -----------------------------------------


def demo_pdf(regels: list[str]) -> bytes:
    """Een kleine, geldige PDF van één A4-pagina met `regels` tekst (Helvetica), voor
    testdocumenten en de demodata; geen bibliotheek nodig."""

    def escape(tekst: str) -> str:
        tekst = tekst.encode("latin-1", "replace").decode("latin-1")
        return tekst.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    inhoud = "BT /F1 12 Tf 72 770 Td 16 TL " + " ".join(
        f"({escape(r)}) '" for r in regels
    ) + " ET"
    objecten = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(inhoud.encode('latin-1'))} >>\nstream\n{inhoud}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    uit = bytearray(b"%PDF-1.4\n")
    posities = []
    for nummer, obj in enumerate(objecten, start=1):
        posities.append(len(uit))
        uit += f"{nummer} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(uit)
    uit += f"xref\n0 {len(objecten) + 1}\n0000000000 65535 f \n".encode()
    for positie in posities:
        uit += f"{positie:010d} 00000 n \n".encode()
    uit += (f"trailer\n<< /Size {len(objecten) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(uit)


class ActieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actie

    traject = factory.SubFactory(TrajectFactory, gestart=True)
    omschrijving = factory.Iterator([
        "Cv opstellen met de coach", "Inschrijven bij het UWV", "Taalles B1 volgen",
        "Diploma laten waarderen (IDW)", "Sollicitatiegesprek oefenen",
        "Proefdag bij een werkgever regelen",
    ])
    uitvoerder = ActieUitvoerder.DEELNEMER
    deadline = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
    status = ActieStatus.OPEN
    gedaan_op = factory.LazyAttribute(
        lambda o: datetime.date.today() if o.status == ActieStatus.GEDAAN else None
    )


class OpleidingsbudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opleidingsbudget
        django_get_or_create = ("programma", "gemeente")

    programma = factory.SubFactory(ProgrammaFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    bedrag = 1500


class UitgaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uitgave

    traject = factory.SubFactory(TrajectFactory, gestart=True)
    soort = UitgaveSoort.CURSUS
    omschrijving = "Cursus heftruckchauffeur"
    bedrag = 450
    datum = factory.LazyFunction(datetime.date.today)
