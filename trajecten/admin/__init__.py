"""Admin voor de dossiermodellen: het dagelijkse gereedschap van de beheerder.

Geen N+1: elke lijst haalt zijn relaties met `list_select_related`/prefetch op en de caseload
van coaches komt uit één geannoteerde query (`Coach.objects.met_caseload()`).

Deelnemers zijn alleen op id te zoeken: een zoekterm komt in de URL (en daarmee in logregels)
terecht, en namen en BSN's horen daar niet in. Zoeken op naam of BSN gebeurt in de werkruimte.
Elke admin met persoonsgegevens staat alleen de lookups van zijn verklaarde filters toe
(`gemeenten.admin_lookups.AlleenVerklaardeFilters`).

Elke wijzig-, historie- en verwijderpagina van een deelnemer, traject, intake, plaatsing,
contactmoment of afspraak komt in het toegangslog (*bekeken in de beheeromgeving*, met het
deelnemernummer), en elke geweigerde poging ook: dat doet
`gemeenten.toegangslog.ToegangslogMiddleware` voor alle admins samen. Wat een beheerder mag zien,
bepalen zijn Django-rechten; `is_staff` alleen geeft niets.

Per onderwerp een module (`deelnemer.py`, `coach.py`, `werkgever.py`, `traject.py`,
`relaties.py`, `importopdracht.py`); `basis.py`
heeft wat ze delen.
"""

from .actieplan import ActieAdmin, DocumentAdmin, UitgaveAdmin, VerhuizingAdmin
from .basis import BijTrajectAdmin, KeuzelijstMixin, VersieMixin
from .budget import OpleidingsbudgetAdmin
from .coach import CoachAdmin, CoachtekortAdmin, GetraindFilter, VogFilter
from .deelnemer import DeelnemerAdmin
from .historie import WijzigingshistorieInZinnenAdmin
from .importopdracht import ImportopdrachtAdmin
from .relaties import (
    BijeenkomstAdmin,
    ContactpersoonAdmin,
    DeelnameAdmin,
    SocialReturnAfspraakAdmin,
    VacatureAdmin,
    VoordrachtAdmin,
    WerkgeverContactAdmin,
)
from .traject import (
    AfspraakAdmin,
    ContactmomentAdmin,
    IntakeAdmin,
    PlaatsingAdmin,
    TrajectAdmin,
)
from .werkgever import WerkgeverAdmin

__all__ = [
    "ActieAdmin",
    "DocumentAdmin",
    "UitgaveAdmin",
    "VerhuizingAdmin",
    "OpleidingsbudgetAdmin",
    "BijeenkomstAdmin",
    "ContactpersoonAdmin",
    "DeelnameAdmin",
    "SocialReturnAfspraakAdmin",
    "VacatureAdmin",
    "VoordrachtAdmin",
    "WerkgeverContactAdmin",
    "AfspraakAdmin",
    "BijTrajectAdmin",
    "CoachAdmin",
    "CoachtekortAdmin",
    "ContactmomentAdmin",
    "DeelnemerAdmin",
    "GetraindFilter",
    "ImportopdrachtAdmin",
    "IntakeAdmin",
    "KeuzelijstMixin",
    "PlaatsingAdmin",
    "TrajectAdmin",
    "VersieMixin",
    "VogFilter",
    "WijzigingshistorieInZinnenAdmin",
    "WerkgeverAdmin",
]
