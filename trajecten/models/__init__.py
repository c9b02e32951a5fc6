"""De modellen van het dossier, per onderwerp een module; alles ook te gebruiken als
`from trajecten.models import Traject`.

- `basis.py`: `vandaag`, `versieveld`, `Tijdstempels`;
- `deelnemer.py`, `coach.py`, `werkgever.py`;
- `traject.py`: `Traject` en `Intake`;
- `plaatsing.py`, `contact.py`;
- `afspraak.py`: de agenda (`Afspraak`) en het agenda-abonnement (`Agendafeed`);
- `actieplan.py`: de acties van het actieplan (`Actie`); `budget.py`: het opleidingsbudget
  (`Opleidingsbudget`, `Uitgave`); `document.py`: documenten; `verhuizing.py`: verhuizingen.
- `werkgeverrelatie.py`, `bijeenkomst.py`, `vacature.py`: werkgevers als partner
  (contactpersonen, contacten, social return, bijeenkomsten, vacatures en voordrachten).
- `importopdracht.py`: een bulkimport op de achtergrond (`Importopdracht`).
"""

from .actieplan import Actie, ActieQuerySet, ActieStatus, ActieUitvoerder
from .afspraak import Afspraak, AfspraakQuerySet, Agendafeed
from .basis import Tijdstempels, vandaag, versieveld
from .bijeenkomst import Bijeenkomst, BijeenkomstQuerySet, Deelname
from .budget import Opleidingsbudget, Uitgave, UitgaveSoort
from .coach import Coach, CoachQuerySet, Coachtekort
from .contact import Contactmoment
from .deelnemer import Deelnemer, DeelnemerQuerySet
from .document import Document, DocumentSoort
from .importopdracht import EINDSTATUSSEN, Importopdracht, Importstatus
from .plaatsing import Plaatsing, PlaatsingQuerySet
from .traject import Intake, Traject, TrajectQuerySet
from .vacature import Vacature, VacatureQuerySet, Voordracht, VoordrachtQuerySet
from .verhuizing import Verhuizing
from .werkgever import Grootte, Werkgever, WerkgeverQuerySet
from .werkgeverrelatie import Contactpersoon, SocialReturnAfspraak, WerkgeverContact

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
    "Bijeenkomst",
    "BijeenkomstQuerySet",
    "Contactpersoon",
    "Deelname",
    "Grootte",
    "SocialReturnAfspraak",
    "Vacature",
    "VacatureQuerySet",
    "Voordracht",
    "VoordrachtQuerySet",
    "WerkgeverContact",
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
