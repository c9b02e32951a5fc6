"""De admin: geen filters buiten de verklaarde, en geen TOTP-sleutels of reservecodes.

Django staat in elke changelist elke lookup op een eigen veld toe. Zo kwam `?bsn=…` in URL's en
logs, en werd elke lijst een orakel (`?key__startswith=…` leest een TOTP-sleutel uit aan het
aantal resultaten). En de admin van django-otp toonde de sleutel en een QR-code.
"""

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.admin_lookups import AlleenVerklaardeFilters
from gemeenten.models import Toegangslog
from gemeenten.toegangslog import registreer_toegang
from trajecten.constants import Belemmering
from trajecten.factories import (
    CoachFactory,
    ContactmomentFactory,
    DeelnemerFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
)

pytestmark = pytest.mark.django_db

#: Velden met persoonsgegevens of geheimen: namen, nummers, contact, inhoud, sleutels.
PERSOONLIJK = {
    "voornaam", "achternaam", "bsn", "v_nummer", "telefoon", "email", "geboortedatum",
    "naam", "contactpersoon", "contact_email", "contact_telefoon", "reden_uitval",
    "beroepswens", "actieplan", "belemmeringen", "notitie", "functie", "username",
    "first_name", "last_name", "password", "gebruikersnaam", "ip_adres", "ip_address",
    "user_agent", "object_repr", "changes", "key", "get_data", "post_data", "toelichting",
}
#: Modellen waarvan `naam` geen persoon is.
NAAM_IS_GEEN_PERSOON = {"gemeenten.gemeente", "rapportage.programma", "auth.group"}


def _persoonlijke_velden(model) -> list[str]:
    label = model._meta.label_lower
    return sorted(
        veld.name for veld in model._meta.concrete_fields
        if veld.name in PERSOONLIJK and not (veld.name == "naam" and label in
                                             NAAM_IS_GEEN_PERSOON)
    )


ADMINS_MET_PERSOONSGEGEVENS = [
    (model, model_admin) for model, model_admin in admin.site._registry.items()
    if _persoonlijke_velden(model)
]


def _changelist(model) -> str:
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


@pytest.fixture
def gegevens(groningen, beheerder):
    deelnemer = DeelnemerFactory(gemeente=groningen, achternaam="Ahmadi", bsn="999999990")
    traject = TrajectFactory(deelnemer=deelnemer, gestart=True)
    IntakeFactory(traject=traject, belemmeringen=[Belemmering.GEZONDHEID.value])
    PlaatsingFactory(traject=traject)
    ContactmomentFactory(traject=traject)
    CoachFactory(gemeenten=[groningen])
    registreer_toegang(actie=Toegangslog.Actie.INLOGGEN_MISLUKT, gebruikersnaam="Ahmadi")
    TOTPDevice.objects.create(user=beheerder, name="default", confirmed=True)
    reserve = StaticDevice.objects.create(user=beheerder, name="backup")
    StaticToken.objects.create(device=reserve, token="geheim12")
    AccessAttempt.objects.create(username="Ahmadi", ip_address="198.51.100.9",
                                 failures_since_start=1, get_data="", post_data="",
                                 http_accept="", path_info="/accounts/login/")
    return deelnemer


def test_elke_admin_met_persoonsgegevens_gebruikt_de_beperking():
    """Een nieuwe admin met persoonsgegevens valt hier op als hij de mixin vergeet."""
    modellen = {m._meta.label_lower for m, _a in ADMINS_MET_PERSOONSGEGEVENS}
    assert {"trajecten.deelnemer", "trajecten.coach", "trajecten.werkgever",
            "trajecten.traject", "trajecten.intake", "trajecten.plaatsing",
            "trajecten.contactmoment", "auth.user", "gemeenten.toegangslog",
            "auditlog.logentry", "axes.accessattempt", "axes.accesslog",
            "axes.accessfailurelog", "otp_totp.totpdevice"} <= modellen
    zonder = [m._meta.label for m, a in ADMINS_MET_PERSOONSGEGEVENS
              if not isinstance(a, AlleenVerklaardeFilters)]
    assert not zonder


@pytest.mark.parametrize(
    ("model", "model_admin"), ADMINS_MET_PERSOONSGEGEVENS,
    ids=[m._meta.label_lower for m, _a in ADMINS_MET_PERSOONSGEGEVENS],
)
def test_lookups_op_persoonsgegevens_worden_geweigerd(client, beheerder, gegevens, model,
                                                     model_admin):
    client.force_login(beheerder)
    pad = _changelist(model)
    assert client.get(pad).status_code == 200
    for veld in _persoonlijke_velden(model):
        for lookup in (veld, f"{veld}__startswith", f"{veld}__icontains", f"{veld}__regex"):
            antwoord = client.get(f"{pad}?{lookup}=A")
            assert antwoord.status_code == 400, f"{pad}?{lookup}=A gaf {antwoord.status_code}"


def test_bsn_en_naam_niet_als_filter_in_de_deelnemerslijst(client, beheerder, gegevens):
    client.force_login(beheerder)
    for query in ("bsn=999999990", "bsn__startswith=9999", "achternaam=Ahmadi",
                  "traject__intake__belemmeringen__icontains=gezondheid",
                  "gemeente__naam__startswith=Gro"):
        assert client.get(f"/admin/trajecten/deelnemer/?{query}").status_code == 400, query


def test_de_verklaarde_filters_werken_nog(client, beheerder, gegevens, groningen):
    client.force_login(beheerder)
    for pad in (
        f"/admin/trajecten/deelnemer/?gemeente__id__exact={groningen.pk}",
        "/admin/trajecten/deelnemer/?taalniveau__exact=a2&inburgering__exact=bezig",
        "/admin/trajecten/deelnemer/?land_van_herkomst=SY",
        "/admin/trajecten/deelnemer/?q=" + str(gegevens.pk),
        "/admin/trajecten/coach/?vog=geldig&getraind=ja&actief__exact=1",
        "/admin/trajecten/traject/?coach__isempty=1&aanmelddatum__year=2026",
        f"/admin/trajecten/traject/?gemeente__id__exact={groningen.pk}&status__exact=actief",
        "/admin/trajecten/intake/?datum__year=2026&datum__month=1",
        "/admin/gemeenten/toegangslog/?deelnemer_nummer=1&actie__exact=export"
        "&tijdstip__year=2026",
        "/admin/auth/user/?is_staff__exact=1&lidmaatschappen__rol__exact=medewerker",
        "/admin/axes/accessattempt/?attempt_time__year=2026",
        "/admin/auditlog/logentry/?action__exact=0",
        "/admin/otp_totp/totpdevice/?confirmed__exact=1",
    ):
        antwoord = client.get(pad)
        assert antwoord.status_code == 200, pad
        assert "?e=1" not in antwoord.get("Location", "")


def test_totp_sleutel_en_qr_code_niet_te_zien(client, beheerder, gegevens):
    apparaat = TOTPDevice.objects.get(user=beheerder)
    client.force_login(beheerder)
    pagina = client.get(f"/admin/otp_totp/totpdevice/{apparaat.pk}/change/")
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert apparaat.key not in html
    assert "qrcode" not in html.lower()
    assert client.get(f"/admin/otp_totp/totpdevice/{apparaat.pk}/config/").status_code != 200
    assert client.get(f"/admin/otp_totp/totpdevice/{apparaat.pk}/qrcode/").status_code != 200
    assert apparaat.key not in client.get("/admin/otp_totp/totpdevice/").content.decode()


def test_reservecodes_niet_te_zien(client, beheerder, gegevens):
    reserve = StaticDevice.objects.get(user=beheerder)
    client.force_login(beheerder)
    html = client.get(f"/admin/otp_static/staticdevice/{reserve.pk}/change/").content.decode()
    assert "geheim12" not in html


def test_beheerder_maakt_geen_tweede_factor_voor_een_ander_maar_verwijdert_hem_wel(
    client, beheerder, medewerker
):
    client.force_login(beheerder)
    for pad in ("/admin/otp_totp/totpdevice/add/", "/admin/otp_static/staticdevice/add/"):
        assert client.get(pad).status_code == 403
        assert client.post(pad, {"user": medewerker.pk, "name": "x",
                                 "key": "0" * 40}).status_code == 403
    assert not TOTPDevice.objects.filter(user=medewerker).exists()

    apparaat = TOTPDevice.objects.create(user=medewerker, name="default", confirmed=True)
    pad = f"/admin/otp_totp/totpdevice/{apparaat.pk}/delete/"
    assert client.post(pad, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(pk=apparaat.pk).exists()


def test_gebruikerslijst_is_geen_orakel_voor_wachtwoordhashes(client, beheerder):
    client.force_login(beheerder)
    hash_begin = get_user_model().objects.get(pk=beheerder.pk).password[:10]
    assert client.get(
        f"/admin/auth/user/?password__startswith={hash_begin}"
    ).status_code == 400
