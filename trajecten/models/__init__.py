"""De modellen van het dossier, per onderwerp een module; alles ook te gebruiken als
`from trajecten.models import Traject`.

- `basis.py`: `vandaag`, `versieveld`, `Tijdstempels`;
- `deelnemer.py`, `coach.py`, `werkgever.py`;
- `traject.py`: `Traject` en `Intake`;
- `plaatsing.py`, `contact.py`;
- `afspraak.py`: de agenda (`Afspraak`) en het agenda-abonnement (`Agendafeed`);
- `importopdracht.py`: een bulkimport op de achtergrond (`Importopdracht`).
"""

from .afspraak import Afspraak, AfspraakQuerySet, Agendafeed
from .basis import Tijdstempels, vandaag, versieveld
from .coach import Coach, CoachQuerySet, Coachtekort
from .contact import Contactmoment
from .deelnemer import Deelnemer, DeelnemerQuerySet
from .importopdracht import EINDSTATUSSEN, Importopdracht, Importstatus
from .plaatsing import Plaatsing, PlaatsingQuerySet
from .traject import Intake, Traject, TrajectQuerySet
from .werkgever import Werkgever, WerkgeverQuerySet

__all__ = [
    "Afspraak",
    "AfspraakQuerySet",
    "Agendafeed",
    "Coach",
    "CoachQuerySet",
    "Coachtekort",
    "Contactmoment",
    "Deelnemer",
    "DeelnemerQuerySet",
    "EINDSTATUSSEN",
    "Importopdracht",
    "Importstatus",
    "Intake",
    "Plaatsing",
    "PlaatsingQuerySet",
    "Tijdstempels",
    "Traject",
    "TrajectQuerySet",
    "Werkgever",
    "WerkgeverQuerySet",
    "vandaag",
    "versieveld",
]
