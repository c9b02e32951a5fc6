"""AVG: anonimiseren na de bewaartermijn en het inzageverzoek (artikel 15)."""

import datetime
import io
import json

import pytest
from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from gemeenten.models import Toegangslog
from gemeenten.toegangslog import registreer_toegang
from rapportage.models import Programma
from trajecten.avg import GEANONIMISEERD, REDEN_UITVAL_VERWIJDERD, te_anonimiseren
from trajecten.constants import GEPLAATST_SOORTEN, Belemmering, Soort, Status
from trajecten.factories import (
    ContactmomentFactory,
    DeelnemerFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
)
from trajecten.models import Contactmoment, Deelnemer, Intake, Plaatsing, Traject

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()


def _jaren_geleden(jaren, dagen=0):
    return VANDAAG - relativedelta(years=jaren, days=dagen)


def _afgerond_traject(deelnemer, *, programma, einde, status=Status.AFGEROND):
    start = einde - datetime.timedelta(days=200)
    traject = TrajectFactory(
        deelnemer=deelnemer,
        programma=programma,
        status=status,
        aanmelddatum=start - datetime.timedelta(days=14),
        startdatum=start,
        einddatum=einde,
        reden_uitval="Verhuisd naar Duitsland" if status == Status.UITGEVALLEN else "",
        kosten=1250,
    )
    IntakeFactory(
        traject=traject,
        datum=start,
        beroepswens="Verpleegkundige in Martini Ziekenhuis",
        belemmeringen=[Belemmering.GEZONDHEID.value, Belemmering.TAAL.value],
        actieplan="Eerst traumabehandeling bij GGZ, dan taalcursus.",
    )
    PlaatsingFactory(
        traject=traject, soort=Soort.BAAN, startdatum=start + datetime.timedelta(days=30),
        functie="Verzorgende IG",
    )
    ContactmomentFactory(
        traject=traject, datum=start, notitie="Vertelde over zijn gezin in Aleppo."
    )
    return traject


@pytest.fixture
def programma(db):
    return Programma.objects.get(naam="Banenoffensief Vluchtelingen")


@pytest.fixture
def dossiers(groningen, programma):
    """A en B zijn verlopen; C, D en E niet."""
    a = DeelnemerFactory(gemeente=groningen, geboortedatum=datetime.date(1993, 3, 17),
                         talen=["ar", "ti"], opleidingsniveau="hbo")
    _afgerond_traject(a, programma=programma, einde=_jaren_geleden(3))
    b = DeelnemerFactory(gemeente=groningen)
    _afgerond_traject(b, programma=programma, einde=_jaren_geleden(2, 1), status=Status.UITGEVALLEN)
    c = DeelnemerFactory(gemeente=groningen)  # oud traject, maar ook een open traject
    _afgerond_traject(c, programma=programma, einde=_jaren_geleden(5))
    TrajectFactory(deelnemer=c, programma=programma, gestart=True)
    d = DeelnemerFactory(gemeente=groningen)  # laatste traject eindigde een jaar geleden
    _afgerond_traject(d, programma=programma, einde=_jaren_geleden(4))
    _afgerond_traject(d, programma=programma, einde=_jaren_geleden(1, 30))
    e = DeelnemerFactory(gemeente=groningen)  # nog geen traject
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


def _indicatoren(programma):
    """De rapportagecijfers volgens docs/domain.md ("Indicatoren"), hier direct uit de database
    geteld."""
    periode = (datetime.date(2000, 1, 1), VANDAAG)
    trajecten = Traject.objects.filter(programma=programma)
    return {
        "trajecten_gestart": trajecten.filter(startdatum__range=periode).count(),
        "personen_geplaatst": Plaatsing.objects.filter(
            traject__programma=programma, soort__in=GEPLAATST_SOORTEN, startdatum__range=periode
        )
        .values("traject__deelnemer")
        .distinct()
        .count(),
        "statussen": dict(
            trajecten.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
        ),
        "kosten": sum(trajecten.values_list("kosten", flat=True)),
        "per_gemeente": list(
            trajecten.values("gemeente").annotate(n=Count("pk")).values_list("gemeente", "n")
        ),
        "plaatsingen_per_soort": dict(
            Plaatsing.objects.values_list("soort").annotate(n=Count("pk")).values_list("soort", "n")
        ),
    }


def _historie_van(*objecten):
    aantal = 0
    for obj in objecten:
        aantal += LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
        ).count()
    return aantal


def _dossierobjecten(deelnemer):
    trajecten = list(Traject.objects.filter(deelnemer=deelnemer))
    return [
        deelnemer,
        *trajecten,
        *Intake.objects.filter(traject__in=trajecten),
        *Plaatsing.objects.filter(traject__in=trajecten),
        *Contactmoment.objects.filter(traject__in=trajecten),
    ]


def _anonimiseer(*args):
    uit = io.StringIO()
    call_command("anonimiseer", *args, stdout=uit)
    return uit.getvalue()


# --- anonimiseren -----------------------------------------------------------------------------


def test_selectie_volgt_de_bewaartermijn(dossiers):
    assert set(te_anonimiseren()) == {dossiers["a"], dossiers["b"]}


def test_bewaartermijn_is_instelbaar(dossiers, settings):
    settings.BEWAARTERMIJN_JAREN = 5
    assert set(te_anonimiseren()) == set()
    settings.BEWAARTERMIJN_JAREN = 1
    assert set(te_anonimiseren()) == {dossiers["a"], dossiers["b"], dossiers["d"]}


def test_anonimiseren_verwijdert_persoonsgegevens_en_historie(dossiers):
    a = dossiers["a"]
    oud_bsn = a.bsn
    assert _historie_van(*_dossierobjecten(a)) > 0

    uitvoer = _anonimiseer()

    assert "2 deelnemers geanonimiseerd." in uitvoer
    assert oud_bsn not in uitvoer and a.achternaam not in uitvoer
    a.refresh_from_db()
    assert (a.voornaam, a.achternaam) == (GEANONIMISEERD, GEANONIMISEERD)
    assert (a.bsn, a.v_nummer, a.telefoon, a.email) == ("", "", "", "")
    assert a.geboortedatum == datetime.date(1990, 7, 1)  # alleen het decennium (1993 → 1990)
    assert a.geanonimiseerd_op is not None
    # Wat samen met de gemeente één persoon aanwijst, en de rapportage niet gebruikt:
    assert not a.land_van_herkomst
    assert (a.datum_verblijfsvergunning, a.toestemming_datum, a.talen) == (None, None, [])
    assert a.opleidingsniveau == "onbekend"
    intake = Intake.objects.get(traject__deelnemer=a)
    assert intake.actieplan == ""
    assert "Martini" not in intake.beroepswens
    assert intake.belemmeringen == []  # gezondheid: AVG art. 9
    plaatsing = Plaatsing.objects.get(traject__deelnemer=a)
    assert (plaatsing.werkgever, plaatsing.functie) == (None, "")
    assert not Contactmoment.objects.filter(traject__deelnemer=a).exclude(notitie="").exists()
    b_traject = Traject.objects.get(deelnemer=dossiers["b"])
    assert b_traject.reden_uitval == REDEN_UITVAL_VERWIJDERD
    assert _historie_van(*_dossierobjecten(a)) == 0
    assert _historie_van(*_dossierobjecten(dossiers["b"])) == 0
    # Geen nieuwe historie met de oude waarden: die zou het BSN en de naam juist bewaren.
    assert not LogEntry.objects.filter(changes_text__contains=oud_bsn[-4:]).filter(
        object_pk=str(a.pk)
    ).exists()
    logregels = Toegangslog.objects.filter(actie=Toegangslog.Actie.ANONIMISERING)
    assert set(logregels.values_list("deelnemer_nummer", flat=True)) == {a.pk, dossiers["b"].pk}


def test_formulier_van_voor_het_anonimiseren_zet_de_gegevens_niet_terug(dossiers, medewerker):
    """Een bewerkformulier dat nog openstond (versie van vóór het anonimiseren) krijgt een
    conflict in plaats van de oude naam terug te schrijven."""
    from trajecten import services

    a = dossiers["a"]
    oude_naam, oude_versie = a.achternaam, a.versie
    _anonimiseer()
    with pytest.raises(services.Bewerkingsconflict):
        services.deelnemer_wijzigen(deelnemer=a, door=medewerker, versie=oude_versie,
                                    achternaam=oude_naam)
    assert Deelnemer.objects.get(pk=a.pk).achternaam == GEANONIMISEERD


def test_anderen_blijven_onaangeroerd(dossiers):
    voor = {
        k: (Deelnemer.objects.get(pk=d.pk).achternaam, _historie_van(*_dossierobjecten(d)))
        for k, d in dossiers.items()
        if k in "cde"
    }

    _anonimiseer()

    for k, (achternaam, historie) in voor.items():
        d = Deelnemer.objects.get(pk=dossiers[k].pk)
        assert d.achternaam == achternaam
        assert d.geanonimiseerd_op is None
        assert _historie_van(*_dossierobjecten(d)) == historie


def test_indicatoren_zijn_na_anonimiseren_gelijk(dossiers, programma):
    voor = _indicatoren(programma)
    assert voor["personen_geplaatst"] == 4 and voor["trajecten_gestart"] == 6

    _anonimiseer()

    assert _indicatoren(programma) == voor


def test_elke_rapportage_indicator_is_gelijk(dossiers, programma):
    from rapportage import indicatoren

    selectie = indicatoren.Selectie(
        programma_id=programma.pk,
        van=datetime.date(2000, 1, 1),
        tot=VANDAAG,
        gemeente_ids=None,
        peildatum=VANDAAG,
        programma_start=programma.startdatum,
        programma_einde=programma.einddatum,
    )

    def dashboard():
        return indicatoren.dashboard(selectie)

    voor = dashboard()
    assert voor["kerncijfers"]["personen_geplaatst"] == 4

    _anonimiseer()

    assert dashboard() == voor


def test_tweede_keer_verandert_niets(dossiers):
    _anonimiseer()
    stand = {
        d.pk: (d.gewijzigd_op, d.geanonimiseerd_op) for d in Deelnemer.objects.order_by("pk")
    }
    logregels = Toegangslog.objects.count()

    uitvoer = _anonimiseer()

    assert "0 deelnemers geanonimiseerd." in uitvoer
    assert {
        d.pk: (d.gewijzigd_op, d.geanonimiseerd_op) for d in Deelnemer.objects.order_by("pk")
    } == stand
    assert Toegangslog.objects.count() == logregels


def test_proefdraai_wijzigt_niets(dossiers):
    a = dossiers["a"]
    historie = _historie_van(*_dossierobjecten(a))

    uitvoer = _anonimiseer("--dry-run")

    assert "Proefdraai: 2 deelnemers zouden worden geanonimiseerd." in uitvoer
    a.refresh_from_db()
    assert a.geanonimiseerd_op is None and a.achternaam != GEANONIMISEERD
    assert _historie_van(*_dossierobjecten(a)) == historie
    assert not Toegangslog.objects.exists()


def test_anonimiseren_in_partijen(dossiers, groningen, programma, monkeypatch):
    import trajecten.avg

    monkeypatch.setattr(trajecten.avg, "PARTIJ", 1)
    extra = DeelnemerFactory(gemeente=groningen)
    _afgerond_traject(extra, programma=programma, einde=_jaren_geleden(6))

    uitvoer = _anonimiseer()

    assert "3 deelnemers geanonimiseerd." in uitvoer
    assert Deelnemer.objects.filter(geanonimiseerd_op__isnull=False).count() == 3


def test_deelnemer_zonder_traject_heeft_ook_een_termijn(dossiers, groningen, settings):
    """Geregistreerd, nooit gestart (bijvoorbeeld zonder toestemming): vóór issue 12 kwam zo
    iemand nooit aan de beurt en bleef hij voor altijd bewaard."""
    settings.BEWAARTERMIJN_ZONDER_TRAJECT_MAANDEN = 12
    oud = DeelnemerFactory(gemeente=groningen, toestemming_datum=None)
    Deelnemer.objects.filter(pk=oud.pk).update(
        gewijzigd_op=timezone.now() - relativedelta(months=12, days=2)
    )
    net_binnen = DeelnemerFactory(gemeente=groningen)
    Deelnemer.objects.filter(pk=net_binnen.pk).update(
        gewijzigd_op=timezone.now() - relativedelta(months=11, days=25)
    )

    assert set(te_anonimiseren()) == {dossiers["a"], dossiers["b"], oud}
    uitvoer = _anonimiseer()

    assert "3 deelnemers geanonimiseerd." in uitvoer
    oud.refresh_from_db()
    assert (oud.achternaam, oud.bsn) == (GEANONIMISEERD, "")
    assert Toegangslog.objects.get(
        actie=Toegangslog.Actie.ANONIMISERING, deelnemer_nummer=oud.pk
    ).toelichting == "geen traject, 12 maanden niet gewijzigd"
    net_binnen.refresh_from_db()
    assert net_binnen.geanonimiseerd_op is None


def test_naam_verdwijnt_uit_recente_acties_van_de_admin(client, beheerder, dossiers):
    """De Django-admin bewaart de naam als omschrijving van elke wijziging (django_admin_log)
    en toont hem op /admin/ onder "Recente acties"."""
    a = dossiers["a"]
    naam = f"{a.voornaam} {a.achternaam}"
    client.force_login(beheerder)
    wijzigen = f"/admin/trajecten/deelnemer/{a.pk}/change/"
    formulier = client.get(wijzigen).context["adminform"].form
    data = {k: v for k, v in formulier.initial.items() if v is not None}
    data.update({
        "telefoon": "0611111111", "gemeente": a.gemeente_id,
        "land_van_herkomst": a.land_van_herkomst.code, "talen": a.talen,
        "trajecten-TOTAL_FORMS": "1", "trajecten-INITIAL_FORMS": "1",
        "trajecten-MIN_NUM_FORMS": "0", "trajecten-MAX_NUM_FORMS": "1000",
        "trajecten-0-id": Traject.objects.get(deelnemer=a).pk, "trajecten-0-deelnemer": a.pk,
    })
    assert client.post(wijzigen, data).status_code == 302
    assert naam in client.get("/admin/").content.decode()

    _anonimiseer()

    assert naam not in client.get("/admin/").content.decode()
    from django.contrib.admin.models import LogEntry as Beheerlog

    assert not Beheerlog.objects.filter(object_repr__contains=a.achternaam).exists()
    assert Beheerlog.objects.filter(object_id=str(a.pk), object_repr=GEANONIMISEERD).exists()


def test_historie_van_verwijderde_trajecten_en_plaatsingen_gaat_ook(dossiers, programma):
    """Een traject of plaatsing die in de admin is verwijderd, bestaat niet meer, maar zijn
    historie wel: met de reden van uitval, de beroepswens en de functie erin."""
    a = dossiers["a"]
    weg = _afgerond_traject(a, programma=programma, einde=_jaren_geleden(4),
                            status=Status.UITGEVALLEN)
    weg.intake.beroepswens = "Tolk Tigrinya bij de GGZ"
    weg.intake.save()
    weg.reden_uitval = "Opgenomen in een kliniek"
    weg.save()
    plaatsing = Plaatsing.objects.get(traject=weg)
    plaatsing.functie = "Schoonmaker bij de kliniek"
    plaatsing.save()
    weg_id, intake_id = weg.pk, weg.intake.pk
    plaatsing.delete()
    weg.delete()
    assert LogEntry.objects.filter(object_pk=str(weg_id), action=LogEntry.Action.DELETE).exists()

    _anonimiseer()

    for model, pk in ((Traject, weg_id), (Intake, intake_id)):
        assert not LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_pk=str(pk)
        ).exists()
    for tekst in ("Tolk Tigrinya", "Opgenomen in een kliniek", "Schoonmaker bij de kliniek"):
        assert not LogEntry.objects.filter(changes__icontains=tekst).exists(), tekst


def test_naam_en_nummers_uit_de_toelichting_van_het_toegangslog(dossiers, medewerker):
    a, c = dossiers["a"], dossiers["c"]
    registreer_toegang(actie=Toegangslog.Actie.DOSSIER_BEKEKEN, object=a, actor=medewerker,
                       toelichting=f"gezocht op {a.achternaam.upper()} en {a.bsn}")
    registreer_toegang(actie=Toegangslog.Actie.DOSSIER_BEKEKEN, object=c, actor=medewerker,
                       toelichting=f"gezocht op {c.achternaam}")

    _anonimiseer()

    regel_a = Toegangslog.objects.get(deelnemer_nummer=a.pk,
                                      actie=Toegangslog.Actie.DOSSIER_BEKEKEN)
    assert regel_a.toelichting == "gezocht op [verwijderd] en [verwijderd]"
    assert regel_a.actor == medewerker  # wie het dossier zag, blijft
    assert Toegangslog.objects.get(
        deelnemer_nummer=c.pk, actie=Toegangslog.Actie.DOSSIER_BEKEKEN
    ).toelichting == f"gezocht op {c.achternaam}"


def test_extra_wisstappen_draaien_in_dezelfde_partij(dossiers, monkeypatch):
    """De plek voor geüploade documenten: elke stap krijgt de deelnemers van de partij."""
    import trajecten.avg

    gezien = []

    def documenten_wissen(pks):
        gezien.append(sorted(pks))
        assert Deelnemer.objects.get(pk=pks[0]).achternaam == GEANONIMISEERD
        return 3

    monkeypatch.setattr(trajecten.avg, "EXTRA_WISSTAPPEN", [documenten_wissen])
    uitvoer = _anonimiseer()

    assert gezien == [sorted([dossiers["a"].pk, dossiers["b"].pk])]
    assert "extra: 3" in uitvoer


# --- inzageverzoek ----------------------------------------------------------------------------


@pytest.fixture
def twee_dossiers(groningen, programma, medewerker):
    a = DeelnemerFactory(gemeente=groningen, voornaam="Semhar", achternaam="Tesfay")
    _afgerond_traject(a, programma=programma, einde=_jaren_geleden(0, 10))
    b = DeelnemerFactory(gemeente=groningen, voornaam="Dariush", achternaam="Rezaei")
    _afgerond_traject(b, programma=programma, einde=_jaren_geleden(0, 20))
    registreer_toegang(actie=Toegangslog.Actie.DOSSIER_BEKEKEN, object=a, actor=medewerker)
    registreer_toegang(actie=Toegangslog.Actie.DOSSIER_BEKEKEN, object=b, actor=medewerker)
    return a, b


def test_beheerder_downloadt_alles_over_een_deelnemer(client, beheerder, twee_dossiers, medewerker):
    a, b = twee_dossiers
    client.force_login(beheerder)

    response = client.get(f"/beheer/inzage/{a.pk}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="inzageverzoek-deelnemer-{a.pk}-'
    )
    tekst = response.content.decode()
    gegevens = json.loads(tekst)
    assert gegevens["deelnemer"]["bsn"] == a.bsn
    assert gegevens["deelnemer"]["achternaam"] == "Tesfay"
    assert gegevens["deelnemer"]["land_van_herkomst"]["code"] == a.land_van_herkomst.code
    [traject] = gegevens["trajecten"]
    assert traject["status"] == "afgerond"
    assert traject["intake"]["actieplan"].startswith("Eerst traumabehandeling")
    assert traject["intake"]["belemmeringen"] == ["gezondheid", "taal"]
    assert traject["plaatsingen"][0]["soort"] == "baan"
    assert traject["contactmomenten"][0]["notitie"].startswith("Vertelde over")
    objecten = {regel["object"].split()[0] for regel in gegevens["wijzigingshistorie"]}
    assert {"deelnemer", "traject", "intake", "plaatsing"} <= objecten
    handelingen = [regel["handeling"] for regel in gegevens["toegangslog"]]
    assert "dossier bekeken" in handelingen and "inzageverzoek" in handelingen
    # Niets over de andere deelnemer, en geen namen van medewerkers.
    assert b.bsn not in tekst and "Rezaei" not in tekst and "Dariush" not in tekst
    assert medewerker.username not in tekst


def test_inzageverzoek_wordt_gelogd(client, beheerder, twee_dossiers):
    a, _ = twee_dossiers
    client.force_login(beheerder)

    client.get(f"/beheer/inzage/{a.pk}/")

    regel = Toegangslog.objects.get(actie=Toegangslog.Actie.INZAGEVERZOEK)
    assert regel.actor == beheerder
    assert regel.deelnemer_nummer == a.pk
    assert a.bsn not in regel.pad + regel.toelichting


@pytest.mark.parametrize("rol", ["medewerker", "coordinator", "landelijk"])
def test_alleen_beheerders_krijgen_een_inzagebestand(client, request, rol, twee_dossiers):
    a, _ = twee_dossiers
    client.force_login(request.getfixturevalue(rol))

    response = client.get(f"/beheer/inzage/{a.pk}/")

    assert response.status_code == 403
    assert not Toegangslog.objects.filter(actie=Toegangslog.Actie.INZAGEVERZOEK).exists()


def test_anoniem_gaat_naar_inloggen(client, twee_dossiers):
    a, _ = twee_dossiers
    response = client.get(f"/beheer/inzage/{a.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_onbekende_deelnemer_geeft_404(client, beheerder):
    client.force_login(beheerder)
    assert client.get("/beheer/inzage/999999/").status_code == 404


def test_inzageverzoek_heeft_een_vast_aantal_queries(
    client, beheerder, groningen, programma, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(beheerder)

    def tel(aantal_trajecten):
        deelnemer = DeelnemerFactory(gemeente=groningen)
        for i in range(aantal_trajecten):
            _afgerond_traject(deelnemer, programma=programma, einde=_jaren_geleden(0, 10 + i))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/beheer/inzage/{deelnemer.pk}/").status_code == 200
        return len(queries)

    assert tel(1) == tel(4)


def test_admin_deelnemerpagina_heeft_de_downloadknop(client, beheerder, twee_dossiers):
    a, _ = twee_dossiers
    client.force_login(beheerder)

    response = client.get(f"/admin/trajecten/deelnemer/{a.pk}/change/")

    assert response.status_code == 200
    assert f'href="/beheer/inzage/{a.pk}/"' in response.content.decode()
    assert "Inzageverzoek downloaden" in response.content.decode()


def test_geanonimiseerd_dossier_toont_nog_gewoon(client, medewerker, beheerder, dossiers):
    """Zonder land, werkgever of belemmeringen rendert elke pagina van het dossier (geen 500),
    en nergens staat de oude naam nog."""
    a = dossiers["a"]
    oude_naam = a.achternaam
    _anonimiseer()
    traject = Traject.objects.get(deelnemer=a)
    plaatsing = Plaatsing.objects.get(traject=traject)
    for gebruiker, pad in (
        (medewerker, f"/deelnemers/{a.pk}/"),
        (medewerker, f"/trajecten/{traject.pk}/intake/"),
        (medewerker, f"/plaatsingen/{plaatsing.pk}/wijzigen/"),
        (beheerder, f"/admin/trajecten/deelnemer/{a.pk}/change/"),
        (beheerder, f"/admin/trajecten/plaatsing/{plaatsing.pk}/change/"),
    ):
        client.force_login(gebruiker)
        antwoord = client.get(pad)
        assert antwoord.status_code == 200, pad
        assert oude_naam not in antwoord.content.decode(), pad


def test_nachtelijke_taak_anonimiseert_zoals_het_commando(dossiers):
    """`celery beat` start elke nacht `trajecten.anonimiseer`: dezelfde service als het
    commando, met alleen aantallen in de uitkomst (die staat in de admin)."""
    from trajecten.tasks import anonimiseer_taak

    uitkomst = anonimiseer_taak.delay().get()

    assert uitkomst == {"deelnemers": 2, "trajecten": uitkomst["trajecten"]}
    assert set(te_anonimiseren()) == set()
    for sleutel in ("a", "b"):
        deelnemer = Deelnemer.objects.get(pk=dossiers[sleutel].pk)
        assert deelnemer.achternaam == GEANONIMISEERD and not deelnemer.bsn
        assert deelnemer.geanonimiseerd_op is not None
    assert "0 deelnemers geanonimiseerd." in _anonimiseer()
