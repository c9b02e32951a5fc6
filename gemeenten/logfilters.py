"""Logfilters die persoonsgegevens en geheimen uit logregels houden.

Staat in een eigen module zonder modellen of Django-imports: `LOGGING` laadt hem al tijdens
`django.setup()`, vóór de apps klaar zijn.
"""

import logging
import re


class ZonderTemplateContext(logging.Filter):
    """Haalt de exceptie weg uit de DEBUG-regels van `django.template`.

    Django logt elke onoplosbare templatevariabele op DEBUG, met de exceptie erbij; die
    (`VariableDoesNotExist`) bevat de repr van de hele templatecontext, en daarmee namen van
    deelnemers. Met `LOG_LEVEL=DEBUG` kwamen die zo in het log. De melding zelf (welke
    variabele, in welk template) blijft staan.
    """

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        return True


#: Paden met een geheim erin: het agenda-abonnement (`/agenda/feed/<token>.ics`) is een URL
#: zonder inloggen, dus wie het pad kent, leest de agenda. Het token komt in geen enkel log.
GEHEIME_PADEN = (re.compile(r"(/agenda/feed/)[^/?#\s]+?(\.ics)"),)
VERBORGEN = "[geheim]"


def zonder_geheimen(tekst: str) -> str:
    """`tekst` (een pad, een logregel) met elk geheim uit een pad vervangen door [geheim]."""
    for patroon in GEHEIME_PADEN:
        tekst = patroon.sub(rf"\g<1>{VERBORGEN}\g<2>", tekst)
    return tekst


class ZonderGeheimePaden(logging.Filter):
    """Vervangt het token van het agenda-abonnement in een logregel van `django.request` (die
    logt bij 4xx en 5xx het pad, "Not Found: /agenda/feed/…")."""

    def filter(self, record):
        record.msg = zonder_geheimen(str(record.msg))
        if isinstance(record.args, tuple):
            record.args = tuple(
                zonder_geheimen(a) if isinstance(a, str) else a for a in record.args
            )
        return True
