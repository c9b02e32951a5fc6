"""Eén regelset voor een deelnemer: de bulkimport weigert alles wat het registratieformulier
weigert, met dezelfde Nederlandse melding, en slaat dan niets op.

Per regel wordt de melding eerst aan het formulier gevraagd (formulier + service, zoals de
pagina `/deelnemers/nieuw/` ze gebruikt) en daarna geëist dat de import precies die melding
geeft, bij het juiste rijnummer en de juiste kolom. Een regel die alleen in de service of
alleen in de import zou staan, laat deze test falen.
"""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError

from trajecten import services
from trajecten.factories import DeelnemerFactory, genereer_bsn
from trajecten.forms import DeelnemerForm
from trajecten.importeren import KOLOMMEN, ImportGeweigerd, deelnemers_importeren
from trajecten.models import Deelnemer

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
MORGEN = VANDAAG + datetime.timedelta(days=1)
GEBOREN = datetime.date(1991, 3, 14)
BSN_IN_EMMEN = genereer_bsn()


def geldig() -> dict:
    """Een geldige deelnemer in Groningen, als waarden van het registratieformulier."""
    return {
        "voornaam": "Semhar",
        "achternaam": "Tesfay",
        "geboortedatum": GEBOREN,
        "land_van_herkomst": "ER",
        "bsn": "",
        "v_nummer": "3012345678",
        "gemeente": "GM0014",
        "datum_verblijfsvergunning": VANDAAG - relativedelta(years=1),
        "taalniveau": "a2",
        "opleidingsniveau": "mbo",
        "inburgering": "bezig",
        "toestemming_datum": VANDAAG - datetime.timedelta(days=30),
        "telefoon": "0612345678",
        "email": "semhar@example.org",
    }


def tekst(waarde) -> str:
    return waarde.isoformat() if isinstance(waarde, datetime.date) else str(waarde)


def fouten_van_het_formulier(medewerker, groningen, waarden: dict) -> dict[str, str]:
    """Veld → melding, als een medewerker deze waarden op de registratiepagina invult."""
    data = {k: tekst(v) for k, v in waarden.items()}
    data["gemeente"] = str(groningen.pk) if waarden["gemeente"] else ""
    form = DeelnemerForm(data, user=medewerker)
    if not form.is_valid():
        return {veld: " ".join(meldingen) for veld, meldingen in form.errors.items()}
    with pytest.raises(ValidationError) as fout:
        services.deelnemer_registreren(door=medewerker, **form.cleaned_data)
    return {veld: " ".join(meldingen) for veld, meldingen in fout.value.message_dict.items()}


def als_importfouten(rij: int, fouten: dict[str, str]) -> list[str]:
    return [f"Rij {rij}, kolom {veld}: {fouten[veld]}" for veld in KOLOMMEN if veld in fouten]


def importfouten(medewerker, *rijen: dict) -> list[str]:
    regels = [";".join(KOLOMMEN)]
    regels += [";".join(tekst(r[k]) for k in KOLOMMEN) for r in rijen]
    inhoud = ("\r\n".join(regels) + "\r\n").encode()
    with pytest.raises(ImportGeweigerd) as geweigerd:
        deelnemers_importeren(inhoud=inhoud, bestandsnaam="deelnemers.csv", door=medewerker)
    return [str(f) for f in geweigerd.value.fouten]


#: Elke regel die het registratieformulier (formulier + service) handhaaft: (veld, waarde).
REGELS = {
    "geboortedatum-verplicht": ("geboortedatum", ""),
    "geboortedatum-in-de-toekomst": ("geboortedatum", MORGEN),
    "jonger-dan-15": ("geboortedatum", VANDAAG - relativedelta(years=15) + relativedelta(days=1)),
    "geboortedatum-voor-1900": ("geboortedatum", datetime.date(1899, 12, 31)),
    "vergunning-in-de-toekomst": ("datum_verblijfsvergunning", MORGEN),
    "vergunning-voor-de-geboorte": ("datum_verblijfsvergunning", GEBOREN - relativedelta(days=1)),
    "toestemming-in-de-toekomst": ("toestemming_datum", MORGEN),
    "toestemming-voor-1900": ("toestemming_datum", datetime.date(1899, 6, 1)),
    "bsn-11-proef": ("bsn", "123456789"),
    "bsn-bestaat-al": ("bsn", BSN_IN_EMMEN),
    "voornaam-verplicht": ("voornaam", ""),
    "voornaam-te-lang": ("voornaam", "X" * 101),
    "achternaam-verplicht": ("achternaam", ""),
    "achternaam-te-lang": ("achternaam", "Y" * 101),
    "land-verplicht": ("land_van_herkomst", ""),
    "gemeente-verplicht": ("gemeente", ""),
    "v-nummer-te-lang": ("v_nummer", "1" * 11),
    "telefoon-te-lang": ("telefoon", "0" * 21),
    "email-ongeldig": ("email", "geen-email"),
}


@pytest.mark.parametrize(("veld", "waarde"), REGELS.values(), ids=REGELS.keys())
def test_de_import_weigert_wat_het_formulier_weigert_met_dezelfde_melding(
    medewerker, groningen, emmen, veld, waarde
):
    DeelnemerFactory(gemeente=emmen, bsn=BSN_IN_EMMEN)
    rij = {**geldig(), veld: waarde}
    van_het_formulier = fouten_van_het_formulier(medewerker, groningen, rij)
    assert veld in van_het_formulier
    aantal = Deelnemer.objects.count()

    goede_rij = {**geldig(), "voornaam": "Yonas", "bsn": genereer_bsn()}
    assert importfouten(medewerker, goede_rij, rij) == als_importfouten(3, van_het_formulier)
    assert Deelnemer.objects.count() == aantal  # alles of niets: ook rij 2 niet


def test_vijfjarige_met_vergunning_van_voor_de_geboorte_wordt_niet_geimporteerd(
    medewerker, groningen
):
    geboren = VANDAAG - relativedelta(years=5)
    rij = {**geldig(), "geboortedatum": geboren,
           "datum_verblijfsvergunning": geboren - relativedelta(years=1)}
    verwacht = [
        "Rij 2, kolom geboortedatum: Een deelnemer is minstens 15 jaar oud; controleer de "
        "geboortedatum.",
        "Rij 2, kolom datum_verblijfsvergunning: De verblijfsvergunning kan niet vóór de "
        "geboortedatum zijn verleend.",
    ]
    assert importfouten(medewerker, rij) == verwacht
    assert als_importfouten(2, fouten_van_het_formulier(medewerker, groningen, rij)) == verwacht
    assert not Deelnemer.objects.exists()


#: Waarden die niet eens te lezen zijn. Een spreadsheet kent andere vormen dan een formulier
#: (labels, Nederlandse landnamen, CBS-codes, dd-mm-jjjj), dus de import zegt hier zelf welke
#: vorm hij verwacht; geweigerd wordt het in beide. (veld, waarde in het bestand, in het
#: formulier, begin van de importmelding)
ONLEESBAAR = {
    "datum": ("geboortedatum", "31-02-1990", "1990-02-31", "Geen geldige datum."),
    "land": ("land_van_herkomst", "Atlantis", "XX", "Onbekend land."),
    "taalniveau": ("taalniveau", "D1", "d1", "Onbekende waarde; kies uit:"),
    "opleidingsniveau": ("opleidingsniveau", "promotie", "promotie", "Onbekende waarde;"),
    "inburgering": ("inburgering", "half", "half", "Onbekende waarde; kies uit:"),
    "gemeente": ("gemeente", "GM9999", "GM9999", "Onbekende CBS-code."),
}


@pytest.mark.parametrize(
    ("veld", "in_bestand", "in_formulier", "melding"), ONLEESBAAR.values(), ids=ONLEESBAAR.keys()
)
def test_onleesbare_waarden_weigeren_formulier_en_import_allebei(
    medewerker, groningen, veld, in_bestand, in_formulier, melding
):
    data = {k: tekst(v) for k, v in geldig().items()}
    data.update(gemeente=str(groningen.pk))
    data[veld] = in_formulier
    form = DeelnemerForm(data, user=medewerker)
    assert not form.is_valid() and veld in form.errors

    fouten = importfouten(medewerker, {**geldig(), veld: in_bestand})
    assert len(fouten) == 1 and fouten[0].startswith(f"Rij 2, kolom {veld}: {melding}")
    assert not Deelnemer.objects.exists()
