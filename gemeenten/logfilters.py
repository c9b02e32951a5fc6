"""Logfilters die persoonsgegevens uit logregels houden.

Staat in een eigen module zonder modellen of Django-imports: `LOGGING` laadt hem al tijdens
`django.setup()`, vóór de apps klaar zijn.
"""

import logging


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
