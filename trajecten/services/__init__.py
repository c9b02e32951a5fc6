"""Schrijfacties van de werkplek: één functie per handeling, per onderwerp een module.

- `deelnemer.py`: `deelnemer_registreren`, `deelnemer_wijzigen`, `deelnemer_verhuizen`, en
  de regels voor persoonsgegevens (`deelnemer_fouten`), die ook de bulkimport gebruikt;
- `bsn.py`: een BSN dat al bestaat, zonder orakel: behulpzaam binnen de eigen gemeenten,
  neutraal daarbuiten, met een melding voor de beheerder (ook voor de bulkimport);
- `traject.py`: `traject_starten`, `intake_vastleggen`, `coach_toewijzen`,
  `status_wijzigen`, `traject_wijzigen`;
- `plaatsing.py`: `plaatsing_registreren`, `plaatsing_wijzigen`, `plaatsing_beeindigen`;
- `werkgever.py`: `werkgever_registreren`;
- `contact.py`: `contactmoment_registreren`;
- `afspraak.py`: `afspraak_plannen`, `afspraak_wijzigen`, `afspraak_afmelden`,
  `afspraak_gehouden`, het agenda-abonnement (`agendafeed_vernieuwen`, `agendafeed_opheffen`);
- `nazorg.py`: `nazorg_plannen` (na 1, 3 en 6 maanden, vanuit `plaatsing_registreren`);
- `behandelaar.py`: `behandelaar_overdragen`, `op_wachtlijst_zetten`;
- `actieplan.py`: `actie_toevoegen`, `actie_status_wijzigen`; `budget.py`:
  `uitgave_registreren` (boven het opleidingsbudget alleen met een reden); `documenten.py`:
  `document_uploaden` (type op inhoud, 10 MB), `document_verwijderen` (issue 14). Deze drie
  importeert u uit hun module;
- `versies.py`: optimistische vergrendeling (`Bewerkingsconflict`, `eis_versie`,
  `volgende_versie`);
- `basis.py`: toegang, rijvergrendeling, dubbel verzenden, foutmeldingen per veld;
- `werkgeverrelatie.py`, `bijeenkomst.py`, `vacature.py`: werkgevers als partner (Werkakkoord,
  contactpersonen, contacten, social return, bijeenkomsten en aanwezigheid, vacatures en
  voordrachten).

Elke handeling is keyword-only, draait in één transactie (`@transaction.atomic`), controleert de
regels van het domein (docs/domain.md) en roept `full_clean()` aan vóór `save()`. Bij een fout
gooit ze een `ValidationError` met een Nederlandse melding (per veld waar dat kan) en is er niets
opgeslagen. Een object buiten de gemeenten van `door` geeft `PermissionDenied`.

Schrijven gaat met `.save()`, nooit met `QuerySet.update()`: zo loopt `full_clean()` mee en
legt django-auditlog (via save-signalen) elke wijziging vast in de wijzigingshistorie. De cache
van de rapportage hangt daar niet van af: die volgt de gegevensversie die databasetriggers bij
elke schrijfactie ophogen (`rapportage/triggers.py`).

Dubbel verzenden: een formulier dat twee keer verstuurd wordt, maakt geen twee deelnemers,
trajecten, plaatsingen (ook niet met een nieuwe werkgever) of contactmomenten. De functies
vergrendelen de rij van het traject of de deelnemer (`select_for_update`) en kijken dan of er
binnen `DUBBEL_VENSTER` al een identiek record is gemaakt; zo ja, dan geven ze dat record terug
in plaats van een tweede te maken (idempotent). Intake, coach en status zijn van nature
idempotent. `werkgever_registreren` los (de pagina 'Nieuwe werkgever') is dat niet: een tweede
keer met hetzelfde KvK-nummer geeft de melding dat de werkgever al bestaat.

Geen verloren wijzigingen: zie `versies.py`. Stuurt iemand hetzelfde bewerkformulier twee keer
(de rij heeft al precies die waarden), dan is dat geen conflict maar een dubbel verzonden
formulier: er verandert niets.

`from trajecten import services; services.traject_starten(...)` blijft werken: alles wat
hieronder staat, is vanuit dit pakket te gebruiken.
"""

from .afspraak import (
    AFMELDINGEN,
    AFSPRAAK_MAX_DAGEN_VOORUIT,
    afspraak_afmelden,
    afspraak_gehouden,
    afspraak_plannen,
    afspraak_wijzigen,
    agendafeed_opheffen,
    agendafeed_vernieuwen,
)
from .basis import DUBBEL_VENSTER
from .behandelaar import behandelaar_overdragen, op_wachtlijst_zetten
from .bijeenkomst import aanwezigheid_vastleggen, bijeenkomst_plannen, deelname_vastleggen
from .bsn import (
    BSN_BESTAAT,
    BSN_NIET_BRUIKBAAR,
    BsnHouder,
    bsn_andere_gemeente_melden,
    bsn_houders,
)
from .contact import contactmoment_registreren
from .deelnemer import (
    MINIMUM_LEEFTIJD,
    WIJZIGBARE_VELDEN,
    deelnemer_fouten,
    deelnemer_registreren,
    deelnemer_verhuizen,
    deelnemer_wijzigen,
)
from .nazorg import nazorg_plannen, nazorgdatum
from .plaatsing import (
    PLAATSING_MAX_DAGEN_VOORUIT,
    SOORTEN_MET_WERKGEVER,
    plaatsing_beeindigen,
    plaatsing_registreren,
    plaatsing_wijzigen,
)
from .traject import (
    MAX_KOSTEN,
    coach_toewijzen,
    intake_vastleggen,
    status_wijzigen,
    traject_starten,
    traject_wijzigen,
    volgende_status,
)
from .vacature import (
    VOORDRACHT_OVERGANGEN,
    vacature_registreren,
    voordracht_status_wijzigen,
    voordragen,
)
from .versies import Bewerkingsconflict, eis_versie, volgende_versie
from .werkgever import werkgever_registreren
from .werkgeverrelatie import (
    contactpersoon_toevoegen,
    social_return_vastleggen,
    werkgever_contact_vastleggen,
    werkgever_relatie_wijzigen,
)

__all__ = [
    "AFMELDINGEN",
    "AFSPRAAK_MAX_DAGEN_VOORUIT",
    "BSN_BESTAAT",
    "BSN_NIET_BRUIKBAAR",
    "DUBBEL_VENSTER",
    "MAX_KOSTEN",
    "MINIMUM_LEEFTIJD",
    "PLAATSING_MAX_DAGEN_VOORUIT",
    "SOORTEN_MET_WERKGEVER",
    "VOORDRACHT_OVERGANGEN",
    "WIJZIGBARE_VELDEN",
    "aanwezigheid_vastleggen",
    "bijeenkomst_plannen",
    "contactpersoon_toevoegen",
    "deelname_vastleggen",
    "social_return_vastleggen",
    "vacature_registreren",
    "voordracht_status_wijzigen",
    "voordragen",
    "werkgever_contact_vastleggen",
    "werkgever_relatie_wijzigen",
    "Bewerkingsconflict",
    "BsnHouder",
    "afspraak_afmelden",
    "afspraak_gehouden",
    "afspraak_plannen",
    "afspraak_wijzigen",
    "agendafeed_opheffen",
    "agendafeed_vernieuwen",
    "behandelaar_overdragen",
    "bsn_andere_gemeente_melden",
    "bsn_houders",
    "coach_toewijzen",
    "contactmoment_registreren",
    "deelnemer_fouten",
    "deelnemer_registreren",
    "deelnemer_verhuizen",
    "deelnemer_wijzigen",
    "eis_versie",
    "intake_vastleggen",
    "nazorg_plannen",
    "nazorgdatum",
    "op_wachtlijst_zetten",
    "plaatsing_beeindigen",
    "plaatsing_registreren",
    "plaatsing_wijzigen",
    "status_wijzigen",
    "traject_starten",
    "traject_wijzigen",
    "volgende_status",
    "volgende_versie",
    "werkgever_registreren",
]
