"""`manage.py seed_demo`: deterministisch, volledig, en het Banenoffensief 2006–2009 klopt."""

import datetime
import hashlib
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Sum

from gemeenten.constants import Rol
from gemeenten.models import Gemeente
from rapportage.constants import Indicator
from rapportage.models import Doelstelling, Gegevensversie, Programma
from trajecten import demodata
from trajecten.constants import GEPLAATST_SOORTEN, ContactSoort, Soort, Status
from trajecten.factories import DeelnemerFactory, TrajectFactory
from trajecten.models import (
    Actie,
    Afspraak,
    Bijeenkomst,
    Coach,
    Contactmoment,
    Contactpersoon,
    Deelname,
    Deelnemer,
    Document,
    Intake,
    Opleidingsbudget,
    Plaatsing,
    SocialReturnAfspraak,
    Traject,
    Uitgave,
    Vacature,
    Verhuizing,
    Voordracht,
    Werkgever,
    WerkgeverContact,
    vandaag,
)

pytestmark = pytest.mark.django_db

# Klein gehouden: de historische set (2927 deelnemers) komt er altijd bij.
KLEIN = 24


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed(**opties) -> str:
    uit = StringIO()
    call_command("seed_demo", stdout=uit, **opties)
    return uit.getvalue()


def momentopname():
    """De inhoud van de demogegevens zonder primaire sleutels (die lopen na wissen door)."""
    return {
        "deelnemers": list(
            Deelnemer.objects.order_by("pk").values_list(
                "voornaam", "achternaam", "geboortedatum", "bsn", "v_nummer", "gemeente__cbs_code",
                "land_van_herkomst", "taalniveau", "toestemming_datum",
            )
        ),
        "trajecten": list(
            Traject.objects.order_by("pk").values_list(
                "deelnemer__v_nummer", "programma__naam", "status", "aanmelddatum", "startdatum",
                "einddatum", "reden_uitval", "kosten", "coach__email", "uitvoerder",
            )
        ),
        "plaatsingen": list(
            Plaatsing.objects.order_by("pk").values_list(
                "traject__deelnemer__v_nummer", "soort", "werkgever__naam", "functie",
                "startdatum", "einddatum", "uren_per_week",
            )
        ),
        "intakes": list(
            Intake.objects.order_by("pk").values_list("datum", "beroepswens", "belemmeringen")
        ),
        "contacten": list(
            Contactmoment.objects.order_by("pk").values_list("datum", "soort", "notitie")
        ),
        "coaches": list(
            Coach.objects.order_by("pk").values_list(
                "naam", "email", "vog_datum", "getraind_op", "actief", "max_deelnemers"
            )
        ),
        "werkgevers": list(
            Werkgever.objects.order_by("pk").values_list("naam", "kvk_nummer", "gemeente_id")
        ),
    }


#: Alles wat seed_demo in de dossiertabellen schrijft, in de volgorde van aanmaken.
DEMOMODELLEN = [
    Werkgever, Coach, Coach.gemeenten.through, Deelnemer, Traject, Intake, Plaatsing, Afspraak,
    Contactmoment,
    # Issue 14 (trajecten/demodata/actieplan.py).
    Opleidingsbudget, Actie, Uitgave, Document, Verhuizing,
    # Werkgevers als partner (issue 16, `demodata/partners.py`):
    Werkgever.gemeenten.through, Contactpersoon, WerkgeverContact, Bijeenkomst,
    Bijeenkomst.gemeenten.through, Bijeenkomst.werkgevers.through, Deelname, Vacature,
    Voordracht, SocialReturnAfspraak,
]


def vingerafdruk() -> str:
    """SHA-256 over elke kolom van elke demorij, los van de database en van eerdere tests.

    Primaire sleutels en tijdstempels (aangemaakt/gewijzigd op) tellen niet mee; een verwijzing
    naar een andere demorij wordt haar volgnummer, een naar een gemeente, gebruiker of programma
    haar natuurlijke sleutel. Zo is de afdruk op SQLite en PostgreSQL gelijk.
    """
    volgnummer = {
        model: {pk: i for i, pk in enumerate(model._base_manager.order_by("pk").values_list(
            "pk", flat=True))}
        for model in DEMOMODELLEN
    }
    for model, sleutel in [
        (Gemeente, "cbs_code"), (get_user_model(), "username"), (Programma, "naam"),
    ]:
        volgnummer[model] = dict(model.objects.values_list("pk", sleutel))

    inhoud = {}
    for model in DEMOMODELLEN:
        velden = [
            veld for veld in model._meta.concrete_fields
            if not veld.primary_key and not getattr(veld, "auto_now", False)
            and not getattr(veld, "auto_now_add", False)
        ]
        rijen = model._base_manager.order_by("pk").values_list(*[v.attname for v in velden])
        inhoud[model._meta.label] = [
            [
                volgnummer[veld.related_model][waarde]
                if veld.is_relation and waarde is not None else waarde
                for veld, waarde in zip(velden, rij, strict=True)
            ]
            for rij in rijen
        ]
    tekst = json.dumps(inhoud, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(tekst.encode()).hexdigest()


def test_weigert_zonder_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError) as fout:
        seed(deelnemers=KLEIN)
    assert "draait daarom alleen met DEBUG aan" in str(fout.value)
    assert "--force" in str(fout.value)
    assert not Deelnemer.objects.exists()
    assert not get_user_model().objects.filter(username="beheerder").exists()


def test_met_force_het_resultaat_van_2006_2009_en_de_demo_accounts(settings):
    settings.DEBUG = False
    uitvoer = seed(deelnemers=KLEIN, force=True, password="geheim-demo")

    historie = Programma.objects.get(naam="Banenoffensief Vluchtelingen")
    telbaar = Plaatsing.objects.filter(
        traject__programma=historie,
        soort__in=GEPLAATST_SOORTEN,
        startdatum__range=(datetime.date(2006, 1, 1), datetime.date(2009, 3, 31)),
    )
    geplaatst = telbaar.values("traject__deelnemer").distinct().count()
    assert geplaatst == 2327
    # Sommige personen zijn twee keer geplaatst: meer plaatsingen dan personen.
    assert telbaar.count() > geplaatst
    assert Traject.objects.filter(programma=historie).count() >= 2327
    doel = Doelstelling.objects.get(programma=historie, indicator=Indicator.PERSONEN_GEPLAATST)
    assert doel.streefwaarde == 2600
    assert "2327 personen geplaatst" in uitvoer
    # De gepubliceerde kosten: EUR 2 500 per plaatsing.
    kosten = sum(Traject.objects.filter(programma=historie).values_list("kosten", flat=True))
    assert round(kosten / geplaatst, 2) == 2500
    # Het historische programma is afgesloten: geen open trajecten meer.
    assert not Traject.objects.filter(programma=historie).open().exists()

    # De demo-accounts, met hun rollen en het opgegeven wachtwoord.
    User = get_user_model()
    beheerder = User.objects.get(username="beheerder")
    assert beheerder.is_staff and beheerder.is_superuser
    assert beheerder.check_password("geheim-demo")

    def rollen(naam):
        return set(
            User.objects.get(username=naam).lidmaatschappen.values_list("gemeente__cbs_code", "rol")
        )

    assert rollen("landelijk") == {(None, Rol.COORDINATOR)}
    assert rollen("coordinator-groningen") == {("GM0014", Rol.COORDINATOR)}
    assert rollen("medewerker-groningen") == {("GM0014", Rol.MEDEWERKER)}
    assert rollen("medewerker-emmen") == {("GM0114", Rol.MEDEWERKER)}
    for naam in ["landelijk", "coordinator-groningen", "medewerker-groningen", "medewerker-emmen"]:
        gebruiker = User.objects.get(username=naam)
        assert gebruiker.check_password("geheim-demo")
        assert not gebruiker.is_staff
        assert naam in uitvoer
    assert "wachtwoord: geheim-demo" in uitvoer


def test_rapportage_ziet_de_nieuwe_gegevens_en_triggers_staan_aan(settings, groningen):
    settings.DEBUG = True

    def versie():
        connection.check_constraints()  # PostgreSQL: uitgestelde triggers nu laten vuren
        return Gegevensversie.objects.aggregate(v=Sum("versie"))["v"] or 0

    voor = versie()
    seed(deelnemers=KLEIN)
    na = versie()
    assert na > voor
    # Een deelnemer leest geen indicator: geen nieuwe versie; een traject wel.
    deelnemer = DeelnemerFactory(gemeente=groningen)
    assert versie() == na
    TrajectFactory(deelnemer=deelnemer, gemeente=groningen,
                   programma=Programma.objects.get(naam="Vervolg Banenoffensief"))
    assert versie() > na


def test_lopend_programma_is_volledig_en_nooit_in_de_toekomst(settings):
    settings.DEBUG = True
    seed(deelnemers=KLEIN)
    live = Programma.objects.get(naam="Vervolg Banenoffensief")
    trajecten = Traject.objects.filter(programma=live)
    assert trajecten.count() == KLEIN

    assert set(trajecten.values_list("status", flat=True)) == set(Status.values)
    assert set(
        Plaatsing.objects.filter(traject__programma=live).values_list("soort", flat=True)
    ) == set(Soort.values)
    assert set(
        Contactmoment.objects.filter(traject__programma=live).values_list("soort", flat=True)
    ) == set(ContactSoort.values)
    assert not trajecten.filter(aanmelddatum__lt=live.startdatum).exists()

    # Intake bij elk gestart traject; uitgevallen altijd met een reden.
    assert Intake.objects.filter(traject__programma=live).count() == trajecten.filter(
        startdatum__isnull=False
    ).count()
    assert not trajecten.filter(status=Status.UITGEVALLEN, reden_uitval="").exists()

    peil = vandaag()
    for model, velden in [
        (Traject, ["aanmelddatum", "startdatum", "einddatum"]),
        (Plaatsing, ["startdatum", "einddatum"]),
        (Intake, ["datum"]),
        (Contactmoment, ["datum"]),
        (Deelnemer, ["geboortedatum", "toestemming_datum", "datum_verblijfsvergunning"]),
        (Coach, ["vog_datum", "getraind_op"]),
    ]:
        for veld in velden:
            assert not model.objects.filter(**{f"{veld}__gt": peil}).exists(), (model, veld)

    # Coaches met een geldige, een verlopen en zonder VOG; nooit boven hun maximum.
    geldig = Coach.objects.met_geldige_vog()
    assert geldig.exists()
    assert Coach.objects.filter(vog_datum__isnull=True).exists()
    assert Coach.objects.filter(vog_datum__isnull=False).exclude(pk__in=geldig).exists()
    for coach in Coach.objects.met_caseload():
        assert coach.caseload <= coach.max_deelnemers
    # Een open traject heeft nooit een coach zonder geldige VOG.
    assert not trajecten.open().exclude(coach=None).exclude(coach__in=geldig).exists()

    # Verspreid over de elf voortrekkersgemeenten.
    assert Deelnemer.objects.values("gemeente").distinct().count() == 11


def test_zelfde_seed_zelfde_gegevens_ander_seed_andere(settings):
    settings.DEBUG = True
    seed(deelnemers=KLEIN, seed=7)
    eerste = momentopname()
    eerste_pks = set(Deelnemer.objects.values_list("pk", flat=True))

    # --als-leeg laat bestaande gegevens staan en zegt dat.
    uitvoer = seed(deelnemers=KLEIN, seed=99, als_leeg=True)
    assert "doet niets" in uitvoer
    assert set(Deelnemer.objects.values_list("pk", flat=True)) == eerste_pks

    # Opnieuw zonder --als-leeg: eerst gewist, daarna precies hetzelfde opgebouwd.
    uitvoer = seed(deelnemers=KLEIN, seed=7)
    assert "Eerst verwijderd" in uitvoer
    assert not Deelnemer.objects.filter(pk__in=eerste_pks).exists()
    tweede = momentopname()
    assert tweede == eerste
    assert len(tweede["deelnemers"]) == KLEIN + 2927

    seed(deelnemers=KLEIN, seed=8)
    derde = momentopname()
    assert len(derde["deelnemers"]) == len(eerste["deelnemers"])
    assert derde["deelnemers"] != eerste["deelnemers"]
    assert derde["trajecten"] != eerste["trajecten"]
    assert derde["coaches"] != eerste["coaches"]


def test_vaste_seed_en_peildatum_geven_precies_deze_gegevens():
    """Pint de demogegevens zelf: een herindeling van de code mag er niets aan veranderen.

    Faker (namen en telefoonnummers van coaches, contactpersonen van werkgevers) komt uit de
    lock; verandert de afdruk na een lock-upgrade, controleer dan met de oude lock dat de code
    niets veranderde en zet de nieuwe afdruk hier neer.
    """
    demodata.maak_demo_accounts(wachtwoord="demo")
    telling = demodata.bouw_demodata(
        deelnemers=KLEIN, seed=7, vandaag=datetime.date(2026, 6, 30)
    )
    assert telling.historie_geplaatst == 2327
    assert telling.aantallen["deelnemers"] == KLEIN + 2927
    # Issue 14 voegde de actieplannen, budgetten, documenten en verhuizingen toe, met een eigen
    # toeval (zonder die vijf tabellen bleef de afdruk 42c922ee…ae14). Issue 16 veranderde haar:
    # werkgevers kregen grootte, datum van het Werkakkoord en versie, plaatsingen hun herkomst
    # (bijeenkomst, vacature), en de partnergegevens kwamen erbij (`demodata/partners.py`, ná de
    # historie). Dezelfde afdruk op SQLite en PostgreSQL.
    assert vingerafdruk() == "e4b9e02e2afdaf28e73ced90cb945899ab8a7766c01901feb06418856d710d2f"


def test_demodata_van_issue_14(settings, django_capture_on_commit_callbacks):
    """Actieplannen met acties in elke status, budgetten met uitgaven (één boven het budget, met
    reden), een paar documenten (echte PDF's in de opslag) en verhuizingen met een
    overdrachtsnotitie."""
    from django.core.files.storage import default_storage

    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        seed(deelnemers=KLEIN, seed=7)
    assert set(Actie.objects.values_list("status", flat=True)) == {"open", "gedaan", "vervallen"}
    assert Actie.objects.verlopen().exists()
    assert not Actie.objects.filter(status="gedaan", gedaan_op__gt=vandaag()).exists()
    assert Opleidingsbudget.objects.count() == 11
    assert Uitgave.objects.exists()
    assert Uitgave.objects.exclude(reden_overschrijding="").exists()
    documenten = list(Document.objects.all())
    assert documenten and any(d.bewijs_toestemming for d in documenten)
    for d in documenten:
        with default_storage.open(d.bestand.name) as f:
            assert f.read(5) == b"%PDF-"
    verhuizing = Verhuizing.objects.exclude(overdrachtsnotitie="").first()
    assert verhuizing is not None and verhuizing.van_gemeente != verhuizing.naar_gemeente
    namen = {d.bestand.name for d in documenten}

    # Hetzelfde seed opnieuw: dezelfde bestanden, en ze bestaan (niet na de commit gewist).
    with django_capture_on_commit_callbacks(execute=True):
        seed(deelnemers=KLEIN, seed=7)
    assert set(Document.objects.values_list("bestand", flat=True)) == namen
    assert all(default_storage.exists(n) for n in namen)
    # Een ander seed: de oude bestanden zijn weg uit de opslag.
    with django_capture_on_commit_callbacks(execute=True):
        seed(deelnemers=KLEIN, seed=8)
    nieuw = set(Document.objects.values_list("bestand", flat=True))
    assert nieuw and not nieuw & namen
    assert not any(default_storage.exists(n) for n in namen)
    assert all(default_storage.exists(n) for n in nieuw)
