"""Rol × URL-matrix: ELK URL-patroon van het project, voor elke rol, tegen één tabel.

Voor elk patroon uit `get_resolver()` (recursief, ook door elke `include`) vraagt de test de
pagina op als anoniem, medewerker van Groningen, medewerker van Emmen, coördinator van
Groningen, coördinator van Emmen, landelijk coördinator en beheerder, met GET en met POST, en
vergelijkt het antwoord met `TABEL`. Padparameters zijn echte objecten van Groningen
(deelnemer, traject, plaatsing, werkgever, CBS-code …), zodat "andere gemeente" een echte
poging op een echt dossier is.

Een patroon zonder regel in de tabel laat de test falen, met de naam van het patroon: wie een
URL toevoegt, moet beslissen wie hem mag openen. De admin staat als groep in de tabel (per
soort adminpagina één regel, plus de uitzonderingen bij naam), net als de MFA-pagina's.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from urllib.parse import quote

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import resolve
from django_celery_results.models import GroupResult, TaskResult
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory
from gemeenten.models import BsnMelding, Lidmaatschap, Toegangslog
from gemeenten.toegangslog import registreer_toegang
from rapportage.models import Doelstelling, Programma
from tests.beveiliging.urlmatrix import Patroon, alle_patronen
from tests.conftest import HttpsClient
from trajecten.constants import Belemmering
from trajecten.factories import (
    ActieFactory,
    AfspraakFactory,
    CoachFactory,
    ContactmomentFactory,
    IntakeFactory,
    OpleidingsbudgetFactory,
    PlaatsingFactory,
    TrajectFactory,
    UitgaveFactory,
    demo_pdf,
)
from trajecten.models import (
    Bijeenkomst,
    Contactmoment,
    Contactpersoon,
    Deelname,
    Deelnemer,
    Importopdracht,
    Importstatus,
    Intake,
    Plaatsing,
    SocialReturnAfspraak,
    Traject,
    Vacature,
    Verhuizing,
    Voordracht,
    Werkgever,
    WerkgeverContact,
    vandaag,
)
from trajecten.services.documenten import document_uploaden

pytestmark = pytest.mark.django_db

# --- de antwoorden -----------------------------------------------------------------------------


#: 302 naar `/accounts/login/?next=<het gevraagde pad>`.
LOGIN = "naar inloggen"
#: 302 naar de inlog van de admin (`/admin/login/?next=…`); die stuurt zelf door naar
#: /accounts/login/ (`admin_login_doorsturen`), dus ook de admin vraagt wachtwoord én code.
ADMIN_LOGIN = "naar admin-inloggen"


@dataclass(frozen=True)
class Door:
    """Een redirect (302) naar precies dit pad (een querystring mag erachter staan).

    `{pad}` staat voor het gevraagde pad, `{pk}` (enz.) voor de padparameters.
    """

    naar: str

    def __str__(self):
        return f"302 naar {self.naar}"


@dataclass(frozen=True)
class Overschaduwd:
    """Het patroon is onbereikbaar: het eerdere patroon `door` heeft dezelfde route."""

    door: str


ROLLEN = (
    "anoniem",
    "medewerker",  # medewerker van Groningen: de objecten zijn van zijn gemeente
    "medewerker_emmen",  # medewerker van een andere gemeente
    "coordinator",  # coördinator van Groningen
    "coordinator_emmen",  # coördinator van een andere gemeente
    "landelijk",  # landelijk coördinator
    "beheerder",  # is_staff (en superuser, dus met alle rechten), zonder lidmaatschap
)


@dataclass(frozen=True)
class Rij:
    """Eén regel van de tabel: het verwachte antwoord per rol, in de volgorde van `ROLLEN`.

    `post=None`: geen aparte POST-controle (alleen in de admin-groep, waar elke POST door
    dezelfde `admin_view`-controle gaat als GET; een lege POST als beheerder zou daar
    formulieren versturen). `pk` zegt welk Gronings object de `<pk>` van het patroon vult.
    """

    get: tuple | Overschaduwd
    post: tuple | None = None
    pk: str | None = None
    waarom: str = field(default="", compare=False)

    def __post_init__(self):
        for antwoorden in (self.get, self.post):
            if isinstance(antwoorden, tuple):
                assert len(antwoorden) == len(ROLLEN), self


def _admin(beheerder, *, post=None, waarom=""):
    """Een adminregel: wie geen beheerder is, gaat naar het (admin-)inloggen."""
    return Rij(get=(ADMIN_LOGIN,) * 6 + (beheerder,), post=post, waarom=waarom)


# De tabel. Kolommen: anoniem | medewerker Groningen | medewerker Emmen | coördinator
# Groningen | coördinator Emmen | landelijk | beheerder.
# Sleutel: de volledige URL-naam; `route:<route>` voor een patroon zonder naam. Alleen in de
# admin mag een sleutel een * bevatten (een groep); een regel met de volledige naam gaat voor.
TABEL: dict[str, Rij] = {
    # --- openbaar ------------------------------------------------------------------------------
    "healthz": Rij(
        get=(200, 200, 200, 200, 200, 200, 200),
        post=(405, 405, 405, 405, 405, 405, 405),
    ),
    "login": Rij(
        get=(200, 200, 200, 200, 200, 200, 200),
        post=(400, 400, 400, 400, 400, 400, 400),
        waarom="POST zonder de stap van de inlogwizard is een kapot formulier (400)",
    ),
    "logout": Rij(
        get=(405, 405, 405, 405, 405, 405, 405),
        post=(Door("/accounts/login/"),) * 7,
        waarom="uitloggen alleen met POST (en dus met CSRF-token)",
    ),
    "admin_login_doorsturen": Rij(
        get=(Door("/accounts/login/"),) * 7,
        post=(Door("/accounts/login/"),) * 7,
        waarom="het inlogformulier van de admin zelf (zonder tweede factor) bestaat niet",
    ),
    # --- elke ingelogde gebruiker ----------------------------------------------------------------
    "start": Rij(
        get=(LOGIN, Door("/werkvoorraad/"), Door("/werkvoorraad/"),
             Door("/rapportage/gemeente/GM0014/"), Door("/rapportage/gemeente/GM0114/"),
             Door("/rapportage/"), Door("/admin/")),
        post=(LOGIN, 405, 405, 405, 405, 405, 405),
    ),
    "password_change": Rij(
        get=(LOGIN, 200, 200, 200, 200, 200, 200),
        post=(LOGIN, 200, 200, 200, 200, 200, 200),
        waarom="een lege POST toont de Nederlandse foutmeldingen en wijzigt niets",
    ),
    "password_change_done": Rij(
        get=(LOGIN, 200, 200, 200, 200, 200, 200),
        post=(LOGIN, 405, 405, 405, 405, 405, 405),
    ),
    "sessie_verlengen": Rij(
        get=(LOGIN,) + (405,) * 6,
        post=(LOGIN,) + (200,) * 6,
        waarom="keep-alive van de sessie: alleen POST (met CSRF-token), antwoord zonder gegevens",
    ),
    "mfa_controleren": Rij(
        get=(LOGIN,) + (Door("/accounts/mfa/instellen/"),) * 6,
        post=(LOGIN,) + (Door("/accounts/mfa/instellen/"),) * 6,
        waarom="zonder apparaat eerst instellen",
    ),
    # De MFA-pagina's (namespace two_factor, django-two-factor-auth).
    "two_factor:profile": Rij(
        get=(LOGIN, 200, 200, 200, 200, 200, 200),
        post=(LOGIN, 405, 405, 405, 405, 405, 405),
    ),
    "two_factor:setup": Rij(
        get=(LOGIN, 200, 200, 200, 200, 200, Door("/accounts/mfa/controleren/")),
        post=(LOGIN, 400, 400, 400, 400, 400, Door("/accounts/mfa/controleren/")),
        waarom="POST zonder wizardstap is een kapot formulier (400); de beheerder heeft hier al "
               "een TOTP-apparaat, en een tweede koppelen vraagt eerst een verse code",
    ),
    "two_factor:qr": Rij(
        get=(LOGIN, 404, 404, 404, 404, 404, 404),
        post=(LOGIN, 405, 405, 405, 405, 405, 405),
        waarom="de QR-code bestaat alleen tijdens het instellen (sleutel in de sessie)",
    ),
    "two_factor:setup_complete": Rij(
        get=(LOGIN,) * 7,
        post=(LOGIN,) * 7,
        waarom="alleen na een geverifieerde code (otp_required); hier is niemand geverifieerd",
    ),
    "two_factor:backup_tokens": Rij(
        get=(LOGIN,) * 7,
        post=(LOGIN,) * 7,
        waarom="reservecodes alleen na een geverifieerde code (otp_required)",
    ),
    # --- rapportage: alleen cijfers, alleen met een rol als coördinator -------------------------
    "rapportage:landelijk": Rij(
        get=(LOGIN, 403, 403, 403, 403, 200, 403),
        post=(LOGIN, 403, 403, 403, 403, 200, 403),
        waarom="alleen lezen: een POST (met CSRF-token) toont hetzelfde dashboard; is_staff "
               "alleen geeft geen cijfers",
    ),
    "rapportage:gemeente": Rij(
        get=(LOGIN, 403, 403, 200, 404, 200, 403),
        post=(LOGIN, 403, 403, 200, 404, 200, 403),
        waarom="cbs_code = GM0014; een coördinator van Emmen krijgt 404",
    ),
    "rapportage:export_csv": Rij(
        get=(LOGIN, 403, 403, 200, 200, 200, 403),
        post=(LOGIN, 403, 403, 200, 200, 200, 403),
        waarom="een coördinator van Emmen krijgt de export van zijn eigen gemeente",
    ),
    "rapportage:export_xlsx": Rij(
        get=(LOGIN, 403, 403, 200, 200, 200, 403),
        post=(LOGIN, 403, 403, 200, 200, 200, 403),
    ),
    # --- AVG: alleen een beheerder met het recht op inzageverzoeken ------------------------------
    "avg:inzageverzoek": Rij(
        get=(LOGIN, 403, 403, 403, 403, 403, 200),
        post=(LOGIN, 403, 403, 403, 403, 403, 200),
        pk="deelnemer",
        waarom="een beheerder zonder dat recht krijgt 403 (tests/beveiliging/test_rechten.py)",
    ),
    # --- werkplek van de medewerker: andere gemeente → 404, andere rol → 403 ---------------------
    "importeren:formulier": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 200, 200, 403, 403, 403, 403),
        waarom="een POST zonder bestand geeft een Nederlandse foutmelding en importeert niets",
    ),
    "importeren:status": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
        waarom="alleen wie het bestand uploadde ziet voortgang en rapport (UUID, niet te raden)",
    ),
    "importeren:sjabloon_csv": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
    ),
    "importeren:sjabloon_xlsx": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
    ),
    "trajecten:werkvoorraad": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
    ),
    "trajecten:deelnemer_lijst": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
    ),
    "trajecten:bsn_zoeken": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 200, 200, 403, 403, 403, 403),
    ),
    "trajecten:deelnemer_nieuw": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 200, 200, 403, 403, 403, 403),
    ),
    "trajecten:dossier": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
        pk="deelnemer",
        waarom="alleen lezen: de methode wordt vóór het dossier gecontroleerd (405, niets gelezen)",
    ),
    "trajecten:bsn_tonen": Rij(
        get=(LOGIN, 405, 405, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="deelnemer",
        waarom="het volledige BSN alleen per POST (een knop), en dan in het toegangslog",
    ),
    "trajecten:deelnemer_wijzigen": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="deelnemer",
    ),
    "trajecten:deelnemer_verhuizen": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="deelnemer",
    ),
    "trajecten:traject_starten": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="deelnemer",
    ),
    "trajecten:traject_wijzigen": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="traject",
    ),
    "trajecten:intake": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="traject",
    ),
    "trajecten:coach_toewijzen": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="traject",
    ),
    "trajecten:status_wijzigen": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="traject",
    ),
    "trajecten:plaatsing_nieuw": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="traject",
    ),
    "trajecten:contact_nieuw": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="traject",
    ),
    "trajecten:plaatsing_beeindigen": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="plaatsing",
    ),
    "trajecten:plaatsing_wijzigen": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="plaatsing",
    ),
    "trajecten:deelnemer_zoeken": Rij(
        get=(LOGIN, 405, 405, 403, 403, 403, 403),
        post=(LOGIN, Door("/deelnemers/"), Door("/deelnemers/"), 403, 403, 403, 403),
        waarom="zoeken op naam alleen per POST; de lijst krijgt een sleutel, niet de naam",
    ),
    "trajecten:behandelaar": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="traject",
    ),
    "trajecten:wachtlijst": Rij(
        get=(LOGIN, 405, 405, 403, 403, 403, 403),
        post=(LOGIN, Door("/trajecten/{pk}/coach/"), 404, 403, 403, 403, 403),
        pk="traject",
        waarom="alleen POST; dit traject heeft al een geldige coach: terug met een melding",
    ),
    "trajecten:afspraak_nieuw": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="traject",
    ),
    "trajecten:afspraak_wijzigen": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="afspraak",
    ),
    "trajecten:afspraak_gehouden": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="afspraak",
    ),
    "trajecten:afspraak_afmelden": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="afspraak",
    ),
    "trajecten:actieplan": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="traject",
        waarom="een lege POST toont de Nederlandse foutmeldingen en voegt niets toe",
    ),
    "trajecten:actieplan_afdrukken": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
        pk="traject",
    ),
    "trajecten:actie_status": Rij(
        get=(LOGIN, 405, 405, 403, 403, 403, 403),
        post=(LOGIN, Door("/trajecten/{traject}/actieplan/"), 404, 403, 403, 403, 403),
        pk="actie",
        waarom="alleen POST; een lege POST geeft een melding op het actieplan",
    ),
    "trajecten:budget": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="traject",
    ),
    "trajecten:documenten": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="deelnemer",
        waarom="een POST zonder bestand geeft een Nederlandse foutmelding",
    ),
    "trajecten:document_downloaden": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
        pk="document",
        waarom="alleen gescoped zoals het dossier, als bijlage en in het toegangslog",
    ),
    "trajecten:document_verwijderen": Rij(
        get=(LOGIN, 405, 405, 403, 403, 403, 403),
        post=(LOGIN, Door("/deelnemers/{deelnemer}/#documenten"), 404, 403, 403, 403, 403),
        pk="document",
        waarom="alleen POST; de laatste rol die mag, verwijdert het echt",
    ),
    "trajecten:agenda": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
        waarom="een persoonlijke agenda alleen voor medewerkers, niet voor coördinatoren",
    ),
    "trajecten:agenda_koppeling": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 200, 200, 403, 403, 403, 403),
        waarom="een POST zonder actie verandert niets",
    ),
    "trajecten:agenda_feed": Rij(
        get=(404,) * 7,
        post=(405,) * 7,
        waarom="zonder inloggen (Outlook), alleen met het geheime token; een onbekend token: 404",
    ),
    "trajecten:werkgever_lijst": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
    ),
    "trajecten:werkgever_nieuw": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 200, 200, 403, 403, 403, 403),
    ),
    "trajecten:werkgever_detail": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
        pk="werkgever",
    ),
    # --- werkgevers als partner (issue 16): alleen medewerkers, alleen eigen gemeenten ---------
    "trajecten:social_return_achter": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
    ),
    **{naam: Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="werkgever",
        waarom="een lege POST toont de foutmeldingen en slaat niets op",
    ) for naam in ("trajecten:werkgever_relatie", "trajecten:contactpersoon_nieuw",
                   "trajecten:werkgever_contact_nieuw", "trajecten:social_return_nieuw",
                   "trajecten:vacature_nieuw")},
    "trajecten:bijeenkomst_lijst": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
    ),
    "trajecten:bijeenkomst_nieuw": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 200, 200, 403, 403, 403, 403),
    ),
    "trajecten:bijeenkomst_detail": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="bijeenkomst",
        waarom="de pagina is ook het formulier voor de aanwezigheid",
    ),
    "trajecten:deelname_nieuw": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="deelnemer",
    ),
    "trajecten:vacature_lijst": Rij(
        get=(LOGIN, 200, 200, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
    ),
    "trajecten:vacature_detail": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 405, 405, 403, 403, 403, 403),
        pk="vacature",
    ),
    "trajecten:voordragen": Rij(
        get=(LOGIN, 405, 405, 403, 403, 403, 403),
        post=(LOGIN, Door("/vacatures/{pk}/"), 404, 403, 403, 403, 403),
        pk="vacature",
        waarom="alleen POST; zonder deelnemer terug naar de vacature met een melding",
    ),
    "trajecten:voordracht_status": Rij(
        get=(LOGIN, 200, 404, 403, 403, 403, 403),
        post=(LOGIN, 200, 404, 403, 403, 403, 403),
        pk="voordracht",
    ),
    # --- de Django-admin (namespace admin): alleen beheerders ----------------------------------
    "admin:index": _admin(200),
    "admin:login": Rij(
        get=Overschaduwd(door="admin_login_doorsturen"),
        waarom="het eigen inlogformulier van de admin (zonder tweede factor) is onbereikbaar",
    ),
    "admin:logout": Rij(
        get=(Door("/admin/"),) * 6 + (405,),
        post=(Door("/admin/"),) * 6 + (Door("/accounts/login/"),),
        waarom="uitloggen alleen met POST; wie geen beheerder is, gaat naar de admin-index",
    ),
    "admin:password_change": _admin(200),
    "admin:password_change_done": _admin(200),
    "admin:autocomplete": _admin(403, waarom="zonder veld en model in de querystring"),
    "admin:jsi18n": _admin(200),
    "admin:view_on_site": _admin(404, waarom="deelnemers hebben geen pagina op de site"),
    "admin:app_list": _admin(200),
    "route:admin/(?P<url>.*)$": _admin(404, waarom="de vangnet-URL van de admin"),
    # Per model (groep): overzicht, toevoegen, wijzigen, historie, verwijderen, kale objecturl.
    "admin:*_changelist": _admin(200),
    "admin:*_add": _admin(200),
    "admin:*_change": _admin(200),
    "admin:*_history": _admin(200),
    "admin:*_delete": _admin(200),
    "route:admin/*/<path:object_id>/": _admin(Door("{pad}change/")),
    "admin:auth_user_password_change": _admin(200),
    # Uitzonderingen: logboeken zijn voor niemand te maken, en wat vastligt niet te wissen.
    "admin:gemeenten_toegangslog_add": _admin(403, waarom="alleen-toevoegen via de app"),
    "admin:gemeenten_toegangslog_delete": _admin(403, waarom="het toegangslog is onuitwisbaar"),
    "admin:auditlog_logentry_add": _admin(403, waarom="historie ontstaat alleen uit wijzigingen"),
    "admin:auditlog_logentry_delete": _admin(403, waarom="historie is niet te wissen"),
    "admin:axes_accessattempt_add": _admin(403, waarom="pogingen registreert django-axes zelf"),
    "admin:axes_accesslog_add": _admin(403, waarom="pogingen registreert django-axes zelf"),
    "admin:axes_accessfailurelog_add": _admin(403, waarom="pogingen registreert django-axes"),
    "admin:trajecten_coachtekort_add": _admin(403, waarom="een overzicht, alleen lezen"),
    "admin:trajecten_coachtekort_delete": _admin(403, waarom="een overzicht, alleen lezen"),
    "admin:gemeenten_bsnmelding_add": _admin(403, waarom="meldingen maakt alleen de app"),
    "admin:gemeenten_bsnmelding_delete": _admin(403, waarom="een melding blijft staan"),
    "admin:otp_totp_totpdevice_add": _admin(403, waarom="een tweede factor maakt de gebruiker"),
    "admin:otp_static_staticdevice_add": _admin(403, waarom="reservecodes maakt de gebruiker"),
    "admin:django_celery_results_taskresult_add": _admin(403, waarom="uitkomsten maakt de worker"),
    "admin:trajecten_importopdracht_add": _admin(403, waarom="opdrachten maakt alleen de upload"),
    "admin:django_celery_results_groupresult_add": _admin(403, waarom="uitkomsten maakt de worker"),
    "admin:trajecten_document_add": _admin(403, waarom="uploaden alleen via het dossier "
                                                "(type op inhoud)"),
    "admin:trajecten_verhuizing_add": _admin(403, waarom="een verhuizing legt de werkplek vast"),
}


# --- de gegevens -------------------------------------------------------------------------------


@pytest.fixture
def coordinator_emmen(emmen):
    return LidmaatschapFactory(
        user__username="coordinator-emmen-test", gemeente=emmen, rol=Rol.COORDINATOR
    ).user


@pytest.fixture
def gebruikers(medewerker, medewerker_emmen, coordinator, coordinator_emmen, landelijk, beheerder):
    return {
        "anoniem": None,
        "medewerker": medewerker,
        "medewerker_emmen": medewerker_emmen,
        "coordinator": coordinator,
        "coordinator_emmen": coordinator_emmen,
        "landelijk": landelijk,
        "beheerder": beheerder,
    }


@pytest.fixture
def objecten(groningen, medewerker, beheerder):
    """Echte objecten van Groningen voor elke padparameter, ook die van de admin."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS rapportage_versie IMMEDIATE")
    cache.clear()
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    traject = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True)
    intake = IntakeFactory(
        traject=traject, medewerker=medewerker,
        belemmeringen=[Belemmering.TAAL.value, Belemmering.GEZONDHEID.value],
    )
    plaatsing = PlaatsingFactory(traject=traject)
    contact = ContactmomentFactory(traject=traject)
    afspraak = AfspraakFactory(traject=traject, medewerker=medewerker)
    actie = ActieFactory(traject=traject)
    document = document_uploaden(
        deelnemer=traject.deelnemer, door=medewerker, soort="diploma",
        bestand=SimpleUploadedFile("diploma.pdf", demo_pdf(["Diploma"])),
    )
    coach = CoachFactory(gemeenten=[groningen])
    traject.coach = coach
    traject.save(update_fields=["coach"])
    deelnemer = traject.deelnemer
    werkgever = plaatsing.werkgever
    bijeenkomst = Bijeenkomst.objects.create(
        soort="stagecafe", titel="Stage-café", datum=vandaag(), plaats="Forum",
        organisator="Gemeente")
    bijeenkomst.gemeenten.add(groningen)
    vacature = Vacature.objects.create(
        werkgever=werkgever, gemeente=groningen, functie="Kok", sector="horeca",
        uren_per_week=24, open_tot=vandaag())
    voordracht = Voordracht.objects.create(vacature=vacature, deelnemer=deelnemer)
    logregel = registreer_toegang(actie=Toegangslog.Actie.EXPORT, actor=beheerder)
    admin = {
        "auth.group": Group.objects.create(name="testgroep"),
        "auth.user": medewerker,
        "auditlog.logentry": LogEntry.objects.get_for_object(deelnemer).first(),
        "otp_static.staticdevice": StaticDevice.objects.create(user=beheerder, name="reserve"),
        "otp_totp.totpdevice": TOTPDevice.objects.create(user=beheerder, name="app"),
        "django_celery_results.taskresult": TaskResult.objects.create(
            task_id="taak-1", task_name="voorbeeld", status="FAILURE"
        ),
        "django_celery_results.groupresult": GroupResult.objects.create(group_id="groep-1"),
        "axes.accessattempt": AccessAttempt.objects.create(
            username="iemand", ip_address="198.51.100.9", failures_since_start=1,
            get_data="", post_data="", http_accept="", path_info="/accounts/login/",
        ),
        "axes.accesslog": AccessLog.objects.create(
            username="iemand", ip_address="198.51.100.9", http_accept="",
            path_info="/accounts/login/",
        ),
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            username="iemand", ip_address="198.51.100.9", http_accept="",
            path_info="/accounts/login/",
        ),
        "gemeenten.gemeente": groningen,
        "gemeenten.lidmaatschap": Lidmaatschap.objects.get(user=medewerker),
        "gemeenten.toegangslog": logregel,
        "gemeenten.bsnmelding": BsnMelding.objects.create(
            gemeente=groningen, gemeente_dossier=groningen, deelnemer_nummer=deelnemer.pk,
        ),
        "trajecten.deelnemer": deelnemer,
        "trajecten.coach": coach,
        "trajecten.werkgever": plaatsing.werkgever,
        "trajecten.traject": traject,
        "trajecten.intake": intake,
        "trajecten.plaatsing": plaatsing,
        "trajecten.contactmoment": contact,
        "trajecten.afspraak": afspraak,
        "trajecten.coachtekort": groningen,
        "trajecten.opleidingsbudget": OpleidingsbudgetFactory(programma=vervolg,
                                                              gemeente=groningen),
        "trajecten.actie": actie,
        "trajecten.uitgave": UitgaveFactory(traject=traject),
        "trajecten.document": document,
        "trajecten.verhuizing": Verhuizing.objects.create(
            deelnemer=deelnemer, van_gemeente=groningen, naar_gemeente=groningen),
        "trajecten.contactpersoon": Contactpersoon.objects.create(werkgever=werkgever,
                                                                  naam="Petra"),
        "trajecten.werkgevercontact": WerkgeverContact.objects.create(
            werkgever=werkgever, gemeente=groningen, datum=vandaag(), soort="bezoek"),
        "trajecten.socialreturnafspraak": SocialReturnAfspraak.objects.create(
            werkgever=werkgever, gemeente=groningen, contract="Bestek", aantal_plaatsingen=2,
            startdatum=vandaag(), einddatum=vandaag() + datetime.timedelta(days=90)),
        "trajecten.bijeenkomst": bijeenkomst,
        "trajecten.deelname": Deelname.objects.create(bijeenkomst=bijeenkomst,
                                                      deelnemer=deelnemer),
        "trajecten.vacature": vacature,
        "trajecten.voordracht": voordracht,
        "trajecten.importopdracht": Importopdracht.objects.create(
            door=medewerker, soort=".csv", status=Importstatus.GELUKT
        ),
        "rapportage.programma": vervolg,
        "rapportage.doelstelling": Doelstelling.objects.filter(programma=vervolg).first(),
    }
    assert all(admin.values()), admin
    return {
        "deelnemer": deelnemer,
        "traject": traject,
        "plaatsing": plaatsing,
        "werkgever": plaatsing.werkgever,
        "afspraak": afspraak,
        "actie": actie,
        "document": document,
        "bijeenkomst": bijeenkomst,
        "vacature": vacature,
        "voordracht": voordracht,
        "admin": admin,
        "importopdracht": admin["trajecten.importopdracht"],
    }


def _aantallen():
    return {
        model.__name__: model.objects.count()
        for model in (Deelnemer, Traject, Intake, Plaatsing, Contactmoment, Werkgever)
    }


# --- patronen invullen en antwoorden beoordelen ------------------------------------------------

PATRONEN = alle_patronen()


def _admin_model(patroon: Patroon) -> str:
    """"admin/trajecten/deelnemer/<path:object_id>/change/" → "trajecten.deelnemer"."""
    delen = patroon.route.split("/")
    return f"{delen[1]}.{delen[2]}"


def _waarden(patroon: Patroon, rij: Rij | None, objecten) -> dict:
    waarden = {}
    for naam in patroon.parameters:
        if patroon.namespace == "admin":
            if naam == "object_id" and "content_type_id" in patroon.parameters:
                waarden[naam] = objecten["deelnemer"].pk
            elif naam == "content_type_id":
                waarden[naam] = ContentType.objects.get_for_model(Deelnemer).pk
            elif naam in ("object_id", "id", "pk"):
                waarden[naam] = objecten["admin"][_admin_model(patroon)].pk
            elif naam == "app_label":
                waarden[naam] = "trajecten"
            elif naam == "url":
                waarden[naam] = "bestaat-niet/"
        elif naam == "pk":
            waarden[naam] = objecten[rij.pk].pk
        elif naam == "cbs_code":
            waarden[naam] = "GM0014"
        elif naam == "opdracht":
            waarden[naam] = objecten["importopdracht"].pk
        elif naam == "token":
            waarden[naam] = "onbekend.token"
        if naam not in waarden:
            raise AssertionError(f"{patroon.sleutel}: geen waarde voor <{naam}>")
    return waarden


def _beoordeel(response, pad: str) -> object:
    """Het antwoord in de termen van de tabel: een statuscode, LOGIN, ADMIN_LOGIN of Door."""
    if response.status_code != 302:
        return response.status_code
    naar = response["Location"]
    if naar == f"/accounts/login/?next={quote(pad)}":
        return LOGIN
    if naar == f"/admin/login/?next={quote(pad)}":
        return ADMIN_LOGIN
    return Door(naar)


def _klopt(verwacht, werkelijk, pad: str, waarden: dict) -> bool:
    if isinstance(verwacht, Door):
        doel = verwacht.naar.format(pad=pad, **waarden)
        return isinstance(werkelijk, Door) and (
            werkelijk.naar == doel or werkelijk.naar.startswith(doel + "?")
        )
    return verwacht == werkelijk


def regel_voor(patroon: Patroon) -> Rij | None:
    """De regel van de tabel voor dit patroon: de eigen naam, anders één admingroep."""
    if patroon.sleutel in TABEL:
        return TABEL[patroon.sleutel]
    if patroon.namespace != "admin" and not patroon.sleutel.startswith("route:admin/"):
        return None
    groepen = [s for s in TABEL if "*" in s and fnmatchcase(patroon.sleutel, s)]
    assert len(groepen) <= 1, f"{patroon.sleutel} valt in meer dan één groep: {groepen}"
    return TABEL[groepen[0]] if groepen else None


@pytest.fixture(scope="module")
def _client():
    """Eén client voor de hele module: elke nieuwe client laadt de middleware opnieuw, en
    WhiteNoise leest dan elke keer alle statische bestanden in (een halve seconde)."""
    return HttpsClient()


@pytest.fixture
def vraag(_client, gebruikers):
    """Doe één verzoek als `rol`, met een verse sessie (uitgelogd, dan ingelogd als `rol`)."""

    def doe(rol, methode, pad):
        _client.logout()
        if gebruikers[rol] is not None:
            _client.force_login(gebruikers[rol])
        return _client.get(pad) if methode == "GET" else _client.post(pad, {})

    return doe


# --- de tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("patroon", PATRONEN, ids=[p.sleutel for p in PATRONEN])
def test_elke_url_geeft_per_rol_het_verwachte_antwoord(patroon, objecten, vraag):
    rij = regel_voor(patroon)
    if rij is None:
        pytest.fail(
            f"URL-patroon {patroon.sleutel!r} (route {patroon.route!r}) staat niet in TABEL "
            f"van {__name__}: leg vast welk antwoord elke rol krijgt."
        )
    waarden = _waarden(patroon, rij, objecten)
    pad = patroon.vul_in(waarden)
    match = resolve(pad)

    bereikt = match.route == patroon.route and match.url_name == patroon.naam
    if isinstance(rij.get, Overschaduwd):
        assert not bereikt, f"{pad} is niet (meer) overschaduwd"
        assert match.view_name == rij.get.door
        return
    assert bereikt, f"{pad} komt bij {match.view_name}, niet bij dit patroon"

    voor = _aantallen()
    afwijkingen = []
    for methode, verwacht in (("GET", rij.get), ("POST", rij.post)):
        if verwacht is None:
            continue
        for rol, antwoord in zip(ROLLEN, verwacht, strict=True):
            werkelijk = _beoordeel(vraag(rol, methode, pad), pad)
            # {traject}/{deelnemer} in een Door: het dossier waar een actie of document bij hoort.
            ids = {"traject": objecten["traject"].pk, "deelnemer": objecten["deelnemer"].pk}
            if not _klopt(antwoord, werkelijk, pad, {**ids, **waarden}):
                afwijkingen.append(
                    f"{methode} {pad} als {rol}: verwacht {antwoord}, kreeg {werkelijk}"
                )
    assert not afwijkingen, "\n".join(afwijkingen)
    # Een lege of geweigerde POST slaat nooit iets op.
    assert _aantallen() == voor


def test_elke_regel_van_de_tabel_hoort_bij_een_bestaand_patroon():
    """Een verouderde regel (URL verdwenen of hernoemd) valt op."""
    sleutels = {p.sleutel for p in PATRONEN}
    weesregels = [
        s for s in TABEL
        if ("*" in s and not any(fnmatchcase(k, s) for k in sleutels))
        or ("*" not in s and s not in sleutels)
    ]
    assert not weesregels, f"Regels zonder URL-patroon: {weesregels}"


def test_groepen_bestaan_alleen_in_de_admin():
    groepen = [s for s in TABEL if "*" in s]
    assert groepen
    assert all(s.startswith(("admin:", "route:admin/")) for s in groepen), groepen


def test_een_nieuw_patroon_zonder_regel_valt_op():
    """De matrix vindt ook patronen in geneste includes, en kent een verzonnen URL niet."""
    verzonnen = Patroon("trajecten:geheim", "trajecten", "geheim", (("route", "geheim/"),))
    assert regel_voor(verzonnen) is None
    sleutels = {p.sleutel for p in PATRONEN}
    # Uit elke include: werkplek, import, AVG, rapportage, accounts, MFA en de admin.
    for sleutel in ("trajecten:dossier", "importeren:formulier", "avg:inzageverzoek",
                    "rapportage:export_csv", "logout", "two_factor:setup",
                    "admin:trajecten_coach_change"):
        assert sleutel in sleutels


# --- statische bestanden (WhiteNoise, vóór de URL's) ---------------------------------------------


def test_statische_bestanden_zijn_voor_iedereen(settings, gebruikers):
    """Statische bestanden staan niet in de URLconf: WhiteNoise geeft ze vóór de
    rolcontrole, aan iedereen (ook anoniem: de inlogpagina heeft CSS nodig). Een onbekend
    statisch pad valt door naar Django en geeft 404, geen inlogredirect of 500."""
    # WhiteNoise zoals na `collectstatic`, maar rechtstreeks uit de bronmappen.
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    client = HttpsClient()  # nieuwe client: WhiteNoise leest de instellingen bij het laden
    for rol in ROLLEN:
        client.logout()
        if gebruikers[rol] is not None:
            client.force_login(gebruikers[rol])
        antwoord = client.get("/static/css/app.css")
        assert antwoord.status_code == 200, rol
        assert "text/css" in antwoord["Content-Type"]
        assert client.get("/static/bestaat-niet.css").status_code == 404, rol
