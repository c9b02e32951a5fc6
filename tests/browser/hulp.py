"""Hulpjes voor de browsertests: inloggen zoals een gebruiker, of snel via een sessiecookie,
TOTP-codes uitrekenen en axe-core draaien."""

from __future__ import annotations

import base64
from pathlib import Path

from django.conf import settings
from django.test import Client
from django_otp.oath import TOTP
from playwright.sync_api import BrowserContext, Page

WACHTWOORD = "Wachtwoord-voor-tests-123"  # van UserFactory

#: De toegankelijkheidseis: WCAG 2.1 niveau A en AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
ERNSTIG = {"serious", "critical"}
#: axe-core staat bij de tests, niet in de statische bestanden van de app (zie vendor/).
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
#: Het pad waarop de browser axe-core ophaalt. Playwright beantwoordt dat verzoek zelf uit
#: `AXE` (`context.route` in conftest.py); het bereikt de app nooit, die kent dit pad niet.
AXE_PAD = "/__browsertests__/axe.min.js"


def inloggen(page: Page, gebruikersnaam: str, wachtwoord: str = WACHTWOORD, *, volgende=""):
    """Stap 1 van de inlogwizard, getypt zoals een gebruiker dat doet."""
    page.goto("/accounts/login/" + (f"?next={volgende}" if volgende else ""))
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()


def sessie_voor(context: BrowserContext, user, base_url: str) -> None:
    """Log `user` in zonder de inlogpagina (die testen de stromen): een echte sessie in de
    database, waarvan de cookie in de browsercontext komt. Alleen met MFA uit."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url,
        "httpOnly": True, "sameSite": "Lax",
    }])


def totp_code(geheim_base32: str) -> str:
    """De code die een authenticator-app nu toont voor de sleutel van de instelpagina."""
    sleutel = base64.b32decode(_met_opvulling(geheim_base32))
    return f"{TOTP(sleutel).token():06d}"


def geheim_van(sleutel: bytes) -> str:
    """De sleutel van een TOTP-apparaat zoals de instelpagina hem toont (base32)."""
    return base64.b32encode(sleutel).decode()


def _met_opvulling(geheim: str) -> str:
    geheim = geheim.replace(" ", "").upper()
    return geheim + "=" * (-len(geheim) % 8)


def axe_overtredingen(page: Page, base_url: str) -> list[dict]:
    """Draai axe-core en geef de overtredingen met impact serious of critical.

    axe-core komt via een <script src> op de eigen site (`AXE_PAD`), want de CSP staat geen
    inline script toe; de CSP blijft dus gewoon aan tijdens de meting."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=f"{base_url}{AXE_PAD}")
    resultaat = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
        })""",
        AXE_TAGS,
    )
    return [v for v in resultaat["violations"] if v["impact"] in ERNSTIG]


def beschrijf(overtredingen: list[dict]) -> str:
    """Leesbaar overzicht voor de foutmelding van een test."""
    regels = []
    for v in overtredingen:
        regels.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            regels.append(f"    {', '.join(node['target'])}")
            samenvatting = (node.get("failureSummary") or "").replace("\n", " ")
            regels.append(f"      {samenvatting[:300]}")
        if len(v["nodes"]) > 5:
            regels.append(f"    … en nog {len(v['nodes']) - 5} elementen")
    return "\n".join(regels)
