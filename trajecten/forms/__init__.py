"""Formulieren van de werkplek: ze lezen en typeren de invoer; de regels staan in `services/`.

Velden komen waar het kan uit het model (`formfield()`), zodat labels en keuzes één bron
hebben. `NLDSFormulier` geeft elke widget de NL Design System-klassen; foutmeldingen,
`aria-describedby` en `aria-invalid` regelt de tag `{% veld %}`
(templatetags/werkplek_formulieren.py).

Per onderwerp een module (`deelnemer.py`, `traject.py`, `plaatsing.py`, `contact.py`,
`afspraak.py`, `werkgever.py`); `basis.py` heeft wat ze delen.
`from trajecten.forms import PlaatsingForm` blijft werken.
"""

from .actieplan import ActieForm, ActieStatusForm, DocumentForm, UitgaveForm
from .afspraak import (
    AfspraakAfmeldenForm,
    AfspraakForm,
    AfspraakGehoudenForm,
    AfspraakWijzigenForm,
    TijdInvoer,
)
from .basis import (
    DATUM_FORMAAT,
    BsnVeld,
    DatumInvoer,
    NLDSFormulier,
    VersieVeld,
    datumveld,
    modelveld,
)
from .contact import ContactmomentForm
from .deelnemer import BsnZoekForm, DeelnemerForm, VerhuizenForm
from .plaatsing import PlaatsingBeeindigenForm, PlaatsingForm, PlaatsingWijzigenForm
from .relaties import (
    AanwezigheidForm,
    BijeenkomstForm,
    ContactpersoonForm,
    DeelnameForm,
    SocialReturnForm,
    VacatureForm,
    VoordrachtStatusForm,
    VoordragenForm,
    WerkgeverContactForm,
    WerkgeverRelatieForm,
)
from .traject import (
    BehandelaarForm,
    CoachToewijzenForm,
    IntakeForm,
    StatusForm,
    TrajectStartenForm,
    TrajectWijzigenForm,
    WachtlijstForm,
)
from .werkgever import WerkgeverForm

__all__ = [
    "ActieForm",
    "ActieStatusForm",
    "DocumentForm",
    "UitgaveForm",
    "AanwezigheidForm",
    "BijeenkomstForm",
    "ContactpersoonForm",
    "DeelnameForm",
    "SocialReturnForm",
    "VacatureForm",
    "VoordrachtStatusForm",
    "VoordragenForm",
    "WerkgeverContactForm",
    "WerkgeverRelatieForm",
    "DATUM_FORMAAT",
    "AfspraakAfmeldenForm",
    "AfspraakForm",
    "AfspraakGehoudenForm",
    "AfspraakWijzigenForm",
    "BehandelaarForm",
    "BsnVeld",
    "BsnZoekForm",
    "CoachToewijzenForm",
    "ContactmomentForm",
    "DatumInvoer",
    "DeelnemerForm",
    "IntakeForm",
    "NLDSFormulier",
    "PlaatsingBeeindigenForm",
    "PlaatsingForm",
    "PlaatsingWijzigenForm",
    "StatusForm",
    "TijdInvoer",
    "TrajectStartenForm",
    "TrajectWijzigenForm",
    "VersieVeld",
    "WachtlijstForm",
    "VerhuizenForm",
    "WerkgeverForm",
    "datumveld",
    "modelveld",
]
