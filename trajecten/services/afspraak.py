"""De agenda: afspraken plannen, wijzigen, afmelden en als gehouden vastleggen; het persoonlijke
agenda-abonnement (.ics) vernieuwen (docs/domain.md, "Agenda")."""

from __future__ import annotations

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente

from ..constants import AFMELDINGEN, AfspraakSoort, AfspraakStatus, ContactSoort
from ..models import Afspraak, Agendafeed, Contactmoment, Traject, vandaag
from ..models.afspraak import MAX_DUUR_MINUTEN
from .basis import Fouten, datum_nl, is_medewerker_van, recent, vergrendel_traject
from .contact import contactmoment_registreren
from .plaatsing import plaatsing_beeindigen
from .versies import bewaar_nieuwe_versie, eis_versie

#: Verder vooruit plannen is vrijwel altijd een tikfout in het jaartal.
AFSPRAAK_MAX_DAGEN_VOORUIT = 366


def _gemeente_medewerker(fouten: Fouten, traject: Traject, medewerker) -> None:
    if medewerker is not None and not is_medewerker_van(medewerker, traject.gemeente_id):
        fouten.voeg_toe("medewerker", _(
            "%(naam)s is geen medewerker van %(gemeente)s."
        ) % {"naam": medewerker.get_full_name() or medewerker.get_username(),
             "gemeente": traject.gemeente.naam})


def _controleer(
    fouten: Fouten, *, soort: str, datum: datetime.date | None, duur_minuten,
    vorige_datum: datetime.date | None = None,
) -> None:
    if soort not in AfspraakSoort.values:
        fouten.voeg_toe("soort", _("Kies een soort afspraak uit de lijst."))
    heden = vandaag()
    # Een afspraak ligt vandaag of later; een bestaande afspraak mag zijn datum houden.
    if datum and datum < heden and datum != vorige_datum:
        fouten.voeg_toe("datum", _(
            "Een afspraak ligt niet in het verleden; wat al gebeurd is, legt u vast als "
            "contactmoment."
        ))
    if datum and datum > heden + datetime.timedelta(days=AFSPRAAK_MAX_DAGEN_VOORUIT):
        fouten.voeg_toe("datum", _("De datum ligt te ver vooruit (hooguit een jaar)."))
    if duur_minuten is None or not 5 <= duur_minuten <= MAX_DUUR_MINUTEN:
        fouten.voeg_toe("duur_minuten", _(
            "Een afspraak duurt 5 tot %(max)s minuten."
        ) % {"max": MAX_DUUR_MINUTEN})


def _vergrendel(afspraak: Afspraak, *, door) -> Afspraak:
    # Eerst het traject, zoals elke schrijvende functie (één volgorde van vergrendelen).
    vergrendel_traject(afspraak.traject, door=door)
    return (
        Afspraak.objects.select_for_update(of=("self",))
        .select_related("traject__gemeente", "plaatsing")
        .get(pk=afspraak.pk)
    )


def _eis_gepland(afspraak: Afspraak) -> None:
    if not afspraak.is_gepland:
        raise ValidationError(
            _("Deze afspraak is al %(status)s; hij verandert niet meer.")
            % {"status": afspraak.get_status_display()},
            code="afspraak_afgehandeld",
        )


@transaction.atomic
def afspraak_plannen(
    *,
    traject: Traject,
    door,
    soort: str,
    datum: datetime.date,
    tijd: datetime.time,
    duur_minuten: int = 60,
    locatie: str = "",
    notitie: str = "",
    medewerker=None,
) -> Afspraak:
    """Plant een afspraak op een open traject, in de agenda van `medewerker` (standaard
    `door`), een medewerker van de gemeente van het traject.

    Regels: een soort uit de lijst, vandaag of later en hooguit een jaar vooruit, 5–480
    minuten. Dezelfde afspraak (soort, datum, tijd) binnen het dubbel-venster geeft de eerste
    terug.
    """
    traject = vergrendel_traject(traject, door=door)
    if not traject.is_open:
        raise ValidationError(_("Dit traject is afgesloten; er worden geen afspraken meer "
                                "gepland."), code="traject_gesloten")
    medewerker = medewerker or door
    fouten = Fouten()
    _controleer(fouten, soort=soort, datum=datum, duur_minuten=duur_minuten)
    _gemeente_medewerker(fouten, traject, medewerker)
    fouten.gooi()
    eerder = recent(traject.afspraken.filter(soort=soort, datum=datum, tijd=tijd))
    if eerder:
        return eerder
    afspraak = Afspraak(
        traject=traject, medewerker=medewerker, soort=soort, datum=datum, tijd=tijd,
        duur_minuten=duur_minuten, locatie=(locatie or "").strip(),
        notitie=(notitie or "").strip(),
    )
    afspraak.full_clean()
    afspraak.save()
    return afspraak


@transaction.atomic
def afspraak_wijzigen(
    *,
    afspraak: Afspraak,
    door,
    versie: int | None = None,
    soort: str,
    datum: datetime.date,
    tijd: datetime.time,
    duur_minuten: int,
    locatie: str = "",
    notitie: str = "",
) -> Afspraak:
    """Verzet of wijzigt een geplande afspraak (ook een nazorgafspraak; die blijft van soort
    nazorg). Zelfde regels als plannen; de oude datum mag blijven staan. Met `versie`:
    `Bewerkingsconflict` als de afspraak intussen door iemand anders is gewijzigd."""
    afspraak = _vergrendel(afspraak, door=door)
    velden = {
        "soort": soort, "datum": datum, "tijd": tijd, "duur_minuten": duur_minuten,
        "locatie": (locatie or "").strip(), "notitie": (notitie or "").strip(),
    }
    if eis_versie(afspraak, versie, velden):
        return afspraak
    _eis_gepland(afspraak)
    fouten = Fouten()
    _controleer(fouten, soort=soort, datum=datum, duur_minuten=duur_minuten,
                vorige_datum=afspraak.datum)
    if afspraak.nazorg_maanden and soort != AfspraakSoort.NAZORG:
        fouten.voeg_toe("soort", _("Een geplande nazorgafspraak blijft van soort nazorg."))
    fouten.gooi()
    for naam, waarde in velden.items():
        setattr(afspraak, naam, waarde)
    bewaar_nieuwe_versie(afspraak)
    return afspraak


@transaction.atomic
def afspraak_afmelden(
    *, afspraak: Afspraak, door, status: str, versie: int | None = None
) -> Afspraak:
    """Legt vast dat een geplande afspraak niet doorging: *niet verschenen* (alleen vandaag of
    eerder) of *geannuleerd*. 'Gehouden' gaat via `afspraak_gehouden`, met het contact erbij."""
    afspraak = _vergrendel(afspraak, door=door)
    if eis_versie(afspraak, versie, {"status": status}):
        return afspraak
    if afspraak.status == status:
        return afspraak
    _eis_gepland(afspraak)
    fouten = Fouten()
    if status not in AFMELDINGEN:
        fouten.voeg_toe("status", _("Kies ‘niet verschenen’ of ‘geannuleerd’."))
    elif status == AfspraakStatus.NIET_VERSCHENEN and afspraak.datum > vandaag():
        fouten.voeg_toe("status", _(
            "De afspraak is pas op %(datum)s; ‘niet verschenen’ kan pas vanaf die dag."
        ) % {"datum": datum_nl(afspraak.datum)})
    fouten.gooi()
    afspraak.status = status
    bewaar_nieuwe_versie(afspraak)
    return afspraak


@transaction.atomic
def afspraak_gehouden(
    *,
    afspraak: Afspraak,
    door,
    soort: str,
    datum: datetime.date,
    notitie: str = "",
    versie: int | None = None,
    plaatsing_loopt: bool | None = None,
    plaatsing_einddatum: datetime.date | None = None,
) -> Contactmoment:
    """De afspraak is gehouden: legt het contactmoment vast (het verslag, gekoppeld aan de
    afspraak) en zet de afspraak op *gehouden*, in één transactie.

    Het contact volgt de regels van `contactmoment_registreren` (niet in de toekomst: een
    afspraak van morgen is nog niet gehouden). Bij de nazorg na zes maanden zegt de medewerker
    of de plaatsing nog loopt (`plaatsing_loopt`); zo niet, dan is `plaatsing_einddatum`
    verplicht en wordt de plaatsing beëindigd (`plaatsing_beeindigen`). Dubbel verzonden: het
    eerste contact komt terug.
    """
    afspraak = _vergrendel(afspraak, door=door)
    if afspraak.status == AfspraakStatus.GEHOUDEN:
        bestaand = Contactmoment.objects.filter(afspraak=afspraak).first()
        if bestaand:
            return bestaand
    eis_versie(afspraak, versie, {"status": AfspraakStatus.GEHOUDEN})
    _eis_gepland(afspraak)
    fouten = Fouten()
    if soort not in ContactSoort.values:
        fouten.voeg_toe("soort", _("Kies een soort contact uit de lijst."))
    if afspraak.is_zesmaandencontrole:
        if plaatsing_loopt is None:
            fouten.voeg_toe("plaatsing_loopt", _(
                "Zeg of de plaatsing nog loopt: dat is het doel van deze nazorg."
            ))
        elif not plaatsing_loopt and not plaatsing_einddatum:
            fouten.voeg_toe("plaatsing_einddatum", _(
                "Vul de einddatum van de plaatsing in."
            ))
    fouten.gooi()
    contact = contactmoment_registreren(
        traject=afspraak.traject, door=door, soort=soort, datum=datum, notitie=notitie,
        afspraak=afspraak,
    )
    if afspraak.is_zesmaandencontrole:
        afspraak.plaatsing_loopt = plaatsing_loopt
        if not plaatsing_loopt:
            try:
                plaatsing_beeindigen(
                    plaatsing=afspraak.plaatsing, einddatum=plaatsing_einddatum, door=door
                )
            except ValidationError as exc:
                raise ValidationError(
                    {"plaatsing_einddatum": exc.message_dict.get("einddatum", exc.messages)}
                ) from exc
    afspraak.status = AfspraakStatus.GEHOUDEN
    bewaar_nieuwe_versie(afspraak)
    return contact


def _eis_medewerker_ergens(door) -> None:
    """Alleen een medewerker heeft een agenda."""
    if not Gemeente.objects.voor(door).exists():
        raise PermissionDenied(_("Alleen medewerkers hebben een agenda."))


@transaction.atomic
def agendafeed_vernieuwen(*, door) -> str:
    """Maakt (of vervangt) het persoonlijke agenda-abonnement van `door` en geeft het token
    voor de geheime URL terug: `kenmerk.geheim`. Alleen de hash van het geheim wordt bewaard,
    dus dit is het enige moment waarop het token bestaat; de vorige URL werkt niet meer."""
    _eis_medewerker_ergens(door)
    kenmerk = secrets.token_urlsafe(12)
    geheim = secrets.token_urlsafe(32)
    Agendafeed.objects.update_or_create(
        user=door, defaults={"kenmerk": kenmerk, "geheim_hash": Agendafeed.hash(geheim)},
    )
    return f"{kenmerk}.{geheim}"


@transaction.atomic
def agendafeed_opheffen(*, door) -> None:
    """Zet het agenda-abonnement van `door` uit: de geheime URL geeft daarna 404."""
    Agendafeed.objects.filter(user=door).delete()
