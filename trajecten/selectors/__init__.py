"""Leesfuncties van de werkplek van de medewerker, per onderwerp een module.

- `ophalen.py`: één deelnemer, traject, plaatsing of werkgever (`*_ophalen`), zoeken op BSN;
- `deelnemers.py`: de deelnemerslijst, mogelijke dubbelen, het dossier en zijn tijdlijn;
- `werkvoorraad.py`: de werkvoorraad (één lijst, het meest urgente eerst; `SIGNALEN`);
- `agenda.py`: de agenda van een medewerker, één afspraak (`afspraak_ophalen`, via
  `traject_ophalen`), het agenda-abonnement;
- `behandelaars.py`: medewerkers van een gemeente, caseload per behandelaar, coachtekort per
  gemeente (aggregaten, ook voor het gemeentedashboard);
- `coaches.py`: coachsuggesties voor een traject;
- `werkgevers.py`: werkgevers en hun plaatsingen;
- `actieplan.py`: acties, voortgang, budgetstand en documenten van een dossier, en de verlopen
  acties voor de werkvoorraad (issue 14).
- `relaties.py`: de relatie met een werkgever, social return met voortgang en achter op schema;
- `bijeenkomsten.py`: bijeenkomsten, aanwezigen, de tijdlijnregels van een deelnemer;
- `vacatures.py`: vacatures, voordrachten en passende deelnemers met de reden.

Scoping gebeurt op één plek per model: elke functie begint bij `Model.objects.voor(user)` (de
gemeenten waarin `user` medewerker is, `Gemeente.objects.voor(user)`). Een view die een id
krijgt, haalt het object op via een `*_ophalen`-functie; een id buiten de gemeenten van de
gebruiker geeft `Http404`, nooit het record. Querysets komen terug met
`select_related`/`prefetch_related` al toegepast, zodat een lijst een vast aantal queries doet,
hoe lang hij ook is. Selectors schrijven nooit. De wijzigingshistorie van het dossier staat in
`trajecten/historie.py`.
"""

from .agenda import afspraak_ophalen, agenda, agendafeed, agendafeed_van, nazorgafspraken
from .behandelaars import (
    Caseload,
    caseload_per_behandelaar,
    coachtekort_per_gemeente,
    medewerkers_van,
    wachtdagen,
)
from .bijeenkomsten import (
    aanwezigen,
    bijeenkomst_gebeurtenissen,
    bijeenkomst_lijst,
    bijeenkomst_ophalen,
    bijeenkomsten_voor_deelnemer,
    kandidaat_aanwezigen,
)
from .coaches import CoachSuggestie, coach_suggesties
from .deelnemers import (
    Gebeurtenis,
    deelnemer_lijst,
    dossier,
    intake_van,
    mogelijke_dubbelen,
    tijdlijn,
)
from .ophalen import (
    alle_gemeenten,
    deelnemer_met_bsn,
    deelnemer_ophalen,
    is_medewerker_van,
    plaatsing_ophalen,
    traject_ophalen,
    werkgever_ophalen,
)
from .programmas import lopende_programmas
from .relaties import (
    Voortgang,
    met_gerealiseerd,
    social_return_achter,
    social_return_van,
    voortgang,
    werkgever_relatie,
)
from .vacatures import (
    Kandidaat,
    vacature_kandidaten,
    vacature_lijst,
    vacature_ophalen,
    voordracht_ophalen,
    voordrachten_bij,
)
from .werkgevers import plaatsingen_bij_werkgever, werkgever_lijst
from .werkvoorraad import (
    CONTACT_TERMIJN_DAGEN,
    INTAKE_TERMIJN_DAGEN,
    NAZORG_NA_MAANDEN,
    SIGNALEN,
    WERKVOORRAAD_MAX,
    Regel,
    Signaal,
    Werkvoorraad,
    werkvoorraad,
)

__all__ = [
    "Kandidaat",
    "Voortgang",
    "aanwezigen",
    "bijeenkomst_gebeurtenissen",
    "bijeenkomst_lijst",
    "bijeenkomst_ophalen",
    "bijeenkomsten_voor_deelnemer",
    "kandidaat_aanwezigen",
    "met_gerealiseerd",
    "social_return_achter",
    "social_return_van",
    "vacature_kandidaten",
    "vacature_lijst",
    "vacature_ophalen",
    "voordracht_ophalen",
    "voordrachten_bij",
    "voortgang",
    "werkgever_relatie",
    "CONTACT_TERMIJN_DAGEN",
    "INTAKE_TERMIJN_DAGEN",
    "NAZORG_NA_MAANDEN",
    "SIGNALEN",
    "WERKVOORRAAD_MAX",
    "Caseload",
    "CoachSuggestie",
    "Gebeurtenis",
    "Regel",
    "Signaal",
    "Werkvoorraad",
    "afspraak_ophalen",
    "agenda",
    "agendafeed",
    "agendafeed_van",
    "alle_gemeenten",
    "caseload_per_behandelaar",
    "coachtekort_per_gemeente",
    "coach_suggesties",
    "deelnemer_lijst",
    "deelnemer_met_bsn",
    "deelnemer_ophalen",
    "dossier",
    "intake_van",
    "is_medewerker_van",
    "lopende_programmas",
    "medewerkers_van",
    "mogelijke_dubbelen",
    "nazorgafspraken",
    "plaatsing_ophalen",
    "plaatsingen_bij_werkgever",
    "tijdlijn",
    "traject_ophalen",
    "wachtdagen",
    "werkgever_lijst",
    "werkgever_ophalen",
    "werkvoorraad",
]
