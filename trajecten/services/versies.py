"""Geen verloren wijzigingen: optimistische vergrendeling met het veld `versie`.

Deelnemer, Traject en Plaatsing hebben een `versie`. Elke schrijfweg die zo'n rij opslaat
(deze services, de Django-admin, `manage.py anonimiseer`) verhoogt hem met `volgende_versie`.
Een bewerkformulier stuurt de versie mee waarop het gebaseerd was; `eis_versie` vergelijkt die
met de vergrendeld gelezen rij. Omdat vergelijken en opslaan onder dezelfde rijvergrendeling
gebeuren, is dit op PostgreSQL atomair: van twee gelijktijdige opslagen met dezelfde versie
wacht de tweede op de eerste en krijgt dan `Bewerkingsconflict`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from ..historie import Wijziging, conflictmelding, wijzigingen_sinds, zelfde_waarde


class Bewerkingsconflict(ValidationError):
    """Iemand anders heeft het record opgeslagen nadat het formulier werd geopend.

    `wijzigingen` (oudste eerst) zegt per tussenliggende opslag wie, wanneer en welke velden
    (label, oud, nieuw) veranderden, uit de wijzigingshistorie. Ontbreekt die historie, dan
    staat er één `Wijziging` met de velden waarin de huidige gegevens afwijken van wat de
    gebruiker instuurde (oud = None). De melding zelf noemt dezelfde wijzigingen in tekst.
    """

    def __init__(self, *, obj, wijzigingen: list[Wijziging]):
        self.obj = obj
        self.wijzigingen = wijzigingen
        super().__init__(conflictmelding(wijzigingen), code="bewerkingsconflict")


def eis_versie(obj, versie: int | None, ingediend: dict) -> bool:
    """Controleert de versie van het (vergrendeld gelezen) `obj` tegen de versie waarop het
    formulier gebaseerd was. Geeft True als er niets te doen is: een dubbel verzonden
    formulier (de rij heeft al precies de ingediende waarden). Gooit `Bewerkingsconflict` als
    iemand anders intussen iets anders opsloeg. `versie=None`: geen controle (aanroepen buiten
    een bewerkformulier)."""
    if versie is None or versie == obj.versie:
        return False
    if all(zelfde_waarde(getattr(obj, naam), waarde) for naam, waarde in ingediend.items()):
        return True
    raise Bewerkingsconflict(obj=obj, wijzigingen=wijzigingen_sinds(obj, versie, ingediend))


def volgende_versie(obj) -> None:
    """Verhoog de versie van een rij, vlak voor `save()`. De enige plek waar `versie` omhoog
    gaat; de services lezen de rij eerst vergrendeld."""
    obj.versie = (obj.versie or 0) + 1


def bewaar_nieuwe_versie(obj) -> None:
    """Nieuwe versie, `full_clean()`, `save()`: het slot van elke wijziging van een rij met
    een versie."""
    volgende_versie(obj)
    obj.full_clean()
    obj.save()
