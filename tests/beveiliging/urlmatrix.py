"""Hulpjes voor de rol × URL-matrix: elk URL-patroon van het project opsommen en invullen.

`alle_patronen()` loopt recursief door `get_resolver().url_patterns` (ook door elke `include`)
en geeft per patroon een sleutel (de volledige URL-naam, of `route:<route>` voor een patroon
zonder naam), de volledige route en de namen van de padparameters. `vul_in()` maakt er een
echt pad van met de waarden die de test meegeeft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

_ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<naam>\w+)>")
_REGEX_PARAMETER = re.compile(r"\(\?P<(?P<naam>\w+)>[^)]*\)")


@dataclass(frozen=True)
class Patroon:
    sleutel: str  # "trajecten:dossier", of "route:admin/..." als het patroon geen naam heeft
    namespace: str  # "trajecten", "admin", "" ...
    naam: str | None  # de URL-naam zonder namespace
    delen: tuple  # (soort, tekst) per stuk route: ("route", ...) of ("regex", ...)

    @property
    def route(self) -> str:
        """De volledige route zoals `ResolverMatch.route` hem geeft (regex zonder ^)."""
        return "".join(
            tekst.removeprefix("^") if soort == "regex" else tekst for soort, tekst in self.delen
        )

    @property
    def parameters(self) -> list[str]:
        namen = []
        for soort, tekst in self.delen:
            regex = _ROUTE_PARAMETER if soort == "route" else _REGEX_PARAMETER
            namen += [m.group("naam") for m in regex.finditer(tekst)]
        return namen

    def vul_in(self, waarden: dict[str, object]) -> str:
        """Het pad (met voorloop-/) met elke parameter vervangen door `waarden[naam]`."""
        pad = ""
        for soort, tekst in self.delen:
            if soort == "route":
                tekst = _ROUTE_PARAMETER.sub(lambda m: str(waarden[m.group("naam")]), tekst)
            else:
                tekst = _REGEX_PARAMETER.sub(lambda m: str(waarden[m.group("naam")]), tekst)
                tekst = tekst.removeprefix("^").removesuffix("$")
            pad += tekst
        return "/" + pad


def _deel(pattern) -> tuple[str, str]:
    if isinstance(pattern, RoutePattern):
        return ("route", str(pattern))
    if isinstance(pattern, RegexPattern):
        return ("regex", str(pattern))
    raise TypeError(f"Onbekend soort URL-patroon: {pattern!r}")


def alle_patronen(patterns=None, delen=(), namespaces=()) -> list[Patroon]:
    """Elk eindpatroon van de URLconf, in de volgorde waarin Django ze probeert."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    gevonden = []
    for p in patterns:
        eigen = (*delen, _deel(p.pattern))
        if isinstance(p, URLResolver):
            ns = (*namespaces, p.namespace) if p.namespace else namespaces
            gevonden += alle_patronen(p.url_patterns, eigen, ns)
        elif isinstance(p, URLPattern):
            namespace = ":".join(namespaces)
            if p.name:
                sleutel = f"{namespace}:{p.name}" if namespace else p.name
            else:
                sleutel = "route:" + Patroon("", namespace, None, eigen).route
            gevonden.append(Patroon(sleutel, namespace, p.name, eigen))
    return gevonden
