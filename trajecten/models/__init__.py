"""De modellen van het dossier, per onderwerp een module; alles ook te gebruiken als
`from trajecten.models import Traject`.

- `basis.py`: `vandaag`, `versieveld`, `Tijdstempels`;
- `deelnemer.py`, `coach.py`, `werkgever.py`;
- `traject.py`: `Traject` en `Intake`;
- `plaatsing.py`, `contact.py`;
- `afspraak.py`: de agenda (`Afspraak`) en het agenda-abonnement (`Agendafeed`);
- `actieplan.py`: de acties van het actieplan (`Actie`); `budget.py`: het opleidingsbudget
  (`Opleidingsbudget`, `Uitgave`); `document.py`: documenten; `verhuizing.py`: verhuizingen.
"""

from .actieplan import Actie, ActieQuerySet, ActieStatus, ActieUitvoerder
from .afspraak import Afspraak, AfspraakQuerySet, Agendafeed
from .basis import Tijdstempels, vandaag, versieveld
from .budget import Opleidingsbudget, Uitgave, UitgaveSoort
from .coach import Coach, CoachQuerySet, Coachtekort
from .contact import Contactmoment
from .deelnemer import Deelnemer, DeelnemerQuerySet
from .document import Document, DocumentSoort
from .plaatsing import Plaatsing, PlaatsingQuerySet
from .traject import Intake, Traject, TrajectQuerySet
from .verhuizing import Verhuizing
from .werkgever import Werkgever, WerkgeverQuerySet

__all__ = [
    "Actie",
    "ActieQuerySet",
    "ActieStatus",
    "ActieUitvoerder",
    "Document",
    "DocumentSoort",
    "Opleidingsbudget",
    "Uitgave",
    "UitgaveSoort",
    "Verhuizing",
    "Afspraak",
    "AfspraakQuerySet",
    "Agendafeed",
    "Coach",
    "CoachQuerySet",
    "Coachtekort",
    "Contactmoment",
    "Deelnemer",
    "DeelnemerQuerySet",
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
