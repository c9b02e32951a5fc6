"""Views van de werkplek van de medewerker: dun (rol controleren, invoer lezen, één selector of
service aanroepen, tonen). Elke view is alleen voor medewerkers (`@toegang`); objecten komen
via een gescopete selector, dus een id van een deelnemer buiten de gemeenten van de gebruiker
geeft 404. Schrijven gaat altijd POST → service → redirect (POST-redirect-GET).

Het toegangslog hoeft een view niet zelf te schrijven: elke getoonde pagina over een deelnemer
en elke weigering logt `gemeenten.toegangslog.ToegangslogMiddleware`. Alleen een specifiekere
inzage (het dossier, het volledige BSN) logt de view zelf.

Per onderwerp een module (`werkvoorraad.py`, `deelnemers.py`, `traject.py`, `plaatsing.py`,
`agenda.py`, `werkgevers.py`); `basis.py` heeft het vaste verloop van een formulier
(`_formulierpagina`). `from trajecten import views; views.dossier` blijft werken.
"""

from .actieplan import (
    actie_status,
    actieplan,
    actieplan_afdrukken,
    budget,
    document_downloaden,
    document_verwijderen_view,
    documenten,
)
from .agenda import (
    afspraak_afmelden,
    afspraak_gehouden,
    afspraak_nieuw,
    afspraak_wijzigen,
    agenda,
    agenda_feed,
    agenda_koppeling,
)
from .deelnemers import (
    bsn_tonen,
    bsn_zoeken,
    deelnemer_lijst,
    deelnemer_nieuw,
    deelnemer_verhuizen,
    deelnemer_wijzigen,
    deelnemer_zoeken,
    dossier,
)
from .plaatsing import contact_nieuw, plaatsing_beeindigen, plaatsing_nieuw, plaatsing_wijzigen
from .traject import (
    behandelaar,
    coach_toewijzen,
    intake,
    status_wijzigen,
    traject_starten,
    traject_wijzigen,
    wachtlijst,
)
from .werkgevers import werkgever_detail, werkgever_lijst, werkgever_nieuw
from .werkvoorraad import werkvoorraad

__all__ = [
    "actie_status",
    "actieplan",
    "actieplan_afdrukken",
    "budget",
    "document_downloaden",
    "document_verwijderen_view",
    "documenten",
    "afspraak_afmelden",
    "afspraak_gehouden",
    "afspraak_nieuw",
    "afspraak_wijzigen",
    "agenda",
    "agenda_feed",
    "agenda_koppeling",
    "behandelaar",
    "bsn_tonen",
    "bsn_zoeken",
    "coach_toewijzen",
    "contact_nieuw",
    "deelnemer_lijst",
    "deelnemer_nieuw",
    "deelnemer_verhuizen",
    "deelnemer_wijzigen",
    "deelnemer_zoeken",
    "dossier",
    "intake",
    "plaatsing_beeindigen",
    "plaatsing_nieuw",
    "plaatsing_wijzigen",
    "status_wijzigen",
    "traject_starten",
    "traject_wijzigen",
    "wachtlijst",
    "werkgever_detail",
    "werkgever_lijst",
    "werkgever_nieuw",
    "werkvoorraad",
]
