"""De modellen van het dossier, per onderwerp een module; alles ook te gebruiken als
`from trajecten.models import Traject`.

- `basis.py`: `vandaag`, `versieveld`, `Tijdstempels`;
- `deelnemer.py`, `coach.py`, `werkgever.py`;
- `traject.py`: `Traject` en `Intake`;
- `plaatsing.py`, `contact.py`;
- `afspraak.py`: de agenda (`Afspraak`) en het agenda-abonnement (`Agendafeed`);
- `werkgeverrelatie.py`, `bijeenkomst.py`, `vacature.py`: werkgevers als partner
  (contactpersonen, contacten, social return, bijeenkomsten, vacatures en voordrachten).
"""

from .afspraak import Afspraak, AfspraakQuerySet, Agendafeed
from .basis import Tijdstempels, vandaag, versieveld
from .bijeenkomst import Bijeenkomst, BijeenkomstQuerySet, Deelname
from .coach import Coach, CoachQuerySet, Coachtekort
from .contact import Contactmoment
from .deelnemer import Deelnemer, DeelnemerQuerySet
from .plaatsing import Plaatsing, PlaatsingQuerySet
from .traject import Intake, Traject, TrajectQuerySet
from .vacature import Vacature, VacatureQuerySet, Voordracht, VoordrachtQuerySet
from .werkgever import Grootte, Werkgever, WerkgeverQuerySet
from .werkgeverrelatie import Contactpersoon, SocialReturnAfspraak, WerkgeverContact

__all__ = [
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
