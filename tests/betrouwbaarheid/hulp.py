"""Hulp voor de betrouwbaarheidstests: een HTTPS-client en formulieren lezen zoals een browser.

`formulier(antwoord)` leest het formulier van de pagina (`class="app-formulier"`) met de waarden
die de browser zou versturen: ingevulde tekstvelden, verborgen velden (zoals `versie`),
aangevinkte keuzes en geselecteerde opties. Zo sturen de tests precies terug wat de medewerker
op zijn scherm had, inclusief de versie waarop dat scherm gebaseerd was.
"""

from __future__ import annotations

from html.parser import HTMLParser

from django.test import Client


class HttpsClient(Client):
    """Praat altijd via HTTPS, zoals productie (SECURE_SSL_REDIRECT staat aan met DEBUG uit)."""

    def generic(self, *args, **kwargs):
        kwargs["secure"] = True
        return super().generic(*args, **kwargs)


class FormulierLezer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.formulieren: list[tuple[dict, dict[str, list[str]]]] = []
        self._velden: dict[str, list[str]] | None = None
        self._select: tuple[str, list[str]] | None = None
        self._textarea: str | None = None
        self._tekst: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._velden = {}
            self.formulieren.append((a, self._velden))
            return
        if self._velden is None:
            return
        naam = a.get("name")
        if tag == "input" and naam and naam != "csrfmiddlewaretoken":
            soort = (a.get("type") or "text").lower()
            if soort in ("submit", "button", "reset", "file"):
                return
            if soort in ("checkbox", "radio"):
                self._velden.setdefault(naam, [])
                if "checked" in a:
                    self._velden[naam].append(a.get("value") or "on")
            else:
                self._velden.setdefault(naam, []).append(a.get("value") or "")
        elif tag == "select" and naam:
            self._select = (naam, self._velden.setdefault(naam, []))
        elif tag == "option" and self._select and "selected" in a:
            self._select[1].append(a.get("value") or "")
        elif tag == "textarea" and naam:
            self._textarea, self._tekst = naam, []

    def handle_data(self, data):
        if self._textarea:
            self._tekst.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._velden = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea and self._velden is not None:
            # Een browser laat de eerste regelovergang na <textarea> weg.
            tekst = "".join(self._tekst)
            self._velden[self._textarea] = [tekst[1:] if tekst.startswith("\n") else tekst]
            self._textarea = None


def formulier(antwoord, *, actie: str | None = None) -> dict[str, list[str]]:
    """De velden van het (eerste) formulier op de pagina, zoals de browser ze zou versturen;
    met `actie` het formulier dat naar die URL gaat."""
    lezer = FormulierLezer()
    lezer.feed(antwoord.content.decode())
    for attrs, velden in lezer.formulieren:
        if "app-formulier" in (attrs.get("class") or "") and (
            actie is None or attrs.get("action") == actie
        ):
            return {naam: list(waarden) for naam, waarden in velden.items()}
    raise AssertionError(f"Geen formulier (class app-formulier) naar {actie or 'de pagina'}")


def tekst(antwoord) -> str:
    return antwoord.content.decode()
