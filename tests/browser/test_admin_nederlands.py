"""De admin spreekt Nederlands (issue 14), in de browser op 1280 px: apps en modellen van
django-axes en django-otp met Nederlandse namen, de filterwidget bij de gemeenten van een coach
in het Nederlands, en de belangrijke kolommen van de coachlijst (VOG, caseload, actief) in beeld
zonder horizontaal te scrollen."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.hulp import sessie_voor
from trajecten.factories import CoachFactory

BREEDTE = 1280


def test_overzicht_zonder_technische_namen(page: Page, context, live_server, beheerder):
    sessie_voor(context, beheerder, live_server.url)
    page.goto("/admin/")
    tekst = page.locator("#content-main").inner_text()
    for technisch in ("AXES", "OTP_STATIC", "OTP_TOTP", "Otp_", "Static devices",
                      "TOTP devices", "Access attempts", "Audit log", "Log entries"):
        assert technisch.casefold() not in tekst.casefold(), technisch
    for nederlands in ("Inlogpogingen en blokkades", "Tweede factor: reservecodes",
                       "Tweede factor: authenticator-app", "Wijzigingshistorie",
                       "Opleidingsbudgetten"):
        assert nederlands.casefold() in tekst.casefold(), nederlands


def test_filterwidget_van_de_coach_is_nederlands(page: Page, context, live_server, beheerder,
                                                 groningen):
    coach = CoachFactory(gemeenten=[groningen])
    sessie_voor(context, beheerder, live_server.url)
    page.goto(f"/admin/trajecten/coach/{coach.pk}/change/")
    widget = page.locator(".selector").first
    expect(widget).to_be_visible()
    tekst = widget.inner_text() + " ".join(
        widget.locator("[title]").evaluate_all("els => els.map(e => e.title)"))
    assert "Beschikbare gemeenten" in tekst and "Gekozen gemeenten" in tekst
    for engels in ("Available", "Chosen", "Choose all", "Remove all", "Choose selected",
                   "Remove selected", "by selecting them"):
        assert engels not in tekst, engels


def test_coachlijst_belangrijke_kolommen_in_beeld_op_1280(page: Page, context, live_server,
                                                          beheerder, groningen, emmen):
    page.set_viewport_size({"width": BREEDTE, "height": 900})
    from gemeenten.models import Gemeente

    # Zoals in de demo: lange namen en adressen, een coach die in veel gemeenten werkt.
    CoachFactory(naam="Annemarie van den Berg-Oosterhuis",
                 gemeenten=list(Gemeente.objects.order_by("naam")[:8]),
                 email="annemarie.vandenberg-oosterhuis@vrijwilligers-groningen.example.nl")
    CoachFactory(naam="Mohammed Al-Hassan", gemeenten=[groningen, emmen],
                 email="mohammed.alhassan.werkcoach@vluchtelingenwerk-noordoost.example.nl")
    sessie_voor(context, beheerder, live_server.url)
    page.goto("/admin/trajecten/coach/")
    for kop in ("VOG", "Caseload", "Actief"):
        cel = page.locator("#result_list thead th").filter(has_text=kop).first
        expect(cel).to_be_visible()
        vak = cel.bounding_box()
        assert vak and vak["x"] + vak["width"] <= BREEDTE, (kop, vak)
