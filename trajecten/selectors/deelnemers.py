"""De deelnemerslijst, mogelijke dubbelen en het dossier met zijn tijdlijn."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ..constants import AfspraakStatus, Status
from ..models import (
    Actie,
    Afspraak,
    Contactmoment,
    Deelnemer,
    Document,
    Intake,
    Opleidingsbudget,
    Plaatsing,
    Traject,
    Uitgave,
    Verhuizing,
)


def _huidig_traject():
    """Het meest recente traject van de deelnemer (de buitenste query)."""
    return Traject.objects.filter(deelnemer=OuterRef("pk")).order_by("-aanmelddatum", "-pk")


def deelnemer_lijst(*, user, mijn: bool = False) -> QuerySet[Deelnemer]:
    """Deelnemers van de gemeenten van `user`, met gegevens van hun huidige traject.

    Annoteert `traject_id`, `traject_status`, `traject_coach_id`, `traject_coach_naam`,
    `traject_programma_id` en `traject_behandelaar_id` als subqueries, zodat filteren,
    sorteren en tonen in één query gebeurt: het aantal queries hangt niet af van de
    paginagrootte. `mijn`: alleen 'mijn dossiers', deelnemers van wie `user` de behandelaar
    van het huidige traject is, en wie geen behandelaar heeft (`TrajectQuerySet.van_behandelaar`).
    """
    huidig = _huidig_traject()
    qs = (
        Deelnemer.objects.voor(user)
        .select_related("gemeente")
        .annotate(
            traject_id=Subquery(huidig.values("pk")[:1]),
            traject_status=Subquery(huidig.values("status")[:1]),
            traject_coach_id=Subquery(huidig.values("coach_id")[:1]),
            traject_coach_naam=Subquery(huidig.values("coach__naam")[:1]),
            traject_programma_id=Subquery(huidig.values("programma_id")[:1]),
            traject_behandelaar_id=Subquery(huidig.values("behandelaar_id")[:1]),
        )
    )
    if mijn:
        qs = qs.filter(Q(traject_behandelaar_id=user.pk) | Q(traject_behandelaar_id__isnull=True))
    return qs


def mogelijke_dubbelen(
    *, user, voornaam: str, achternaam: str, geboortedatum: datetime.date | None, bsn: str = ""
) -> list[Deelnemer]:
    """Deelnemers in de gemeenten van `user` met hetzelfde BSN, of dezelfde naam en
    geboortedatum (hoofdletterongevoelig). Eén query."""
    voorwaarde = Q(pk__in=[])
    if bsn:
        voorwaarde |= Q(bsn=bsn)
    if voornaam and achternaam and geboortedatum:
        voorwaarde |= Q(
            voornaam__iexact=voornaam.strip(),
            achternaam__iexact=achternaam.strip(),
            geboortedatum=geboortedatum,
        )
    return list(
        Deelnemer.objects.voor(user).filter(voorwaarde).select_related("gemeente")[:10]
    )


def dossier(*, user, pk: int) -> Deelnemer:
    """De deelnemer met alles wat het dossier toont, in een vast aantal queries.

    `deelnemer.alle_trajecten` bevat de trajecten (nieuwste eerst) met programma, coach,
    behandelaar, intake, plaatsingen (met werkgever), contactmomenten en afspraken (oudste
    eerst, met de medewerker in wiens agenda ze staan) al opgehaald.
    """
    plaatsingen = Plaatsing.objects.select_related("werkgever").order_by("-startdatum", "-pk")
    contacten = Contactmoment.objects.select_related("medewerker").order_by("-datum", "-pk")
    afspraken = Afspraak.objects.select_related("medewerker").order_by("datum", "tijd", "pk")
    trajecten = (
        Traject.objects.select_related(
            "programma", "coach", "gemeente", "behandelaar", "intake__medewerker"
        )
        .annotate(opleidingsbudget=opleidingsbudget_expressie())
        .prefetch_related(
            Prefetch("plaatsingen", queryset=plaatsingen, to_attr="alle_plaatsingen"),
            Prefetch("contactmomenten", queryset=contacten, to_attr="alle_contactmomenten"),
            Prefetch("afspraken", queryset=afspraken, to_attr="alle_afspraken"),
            Prefetch("acties", queryset=Actie.objects.order_by("deadline", "pk"),
                     to_attr="alle_acties"),
            Prefetch("uitgaven", queryset=Uitgave.objects.select_related("goedgekeurd_door"),
                     to_attr="alle_uitgaven"),
        )
        .order_by("-aanmelddatum", "-pk")
    )
    return get_object_or_404(
        Deelnemer.objects.voor(user)
        .select_related("gemeente")
        .prefetch_related(
            Prefetch("trajecten", queryset=trajecten, to_attr="alle_trajecten"),
            Prefetch("documenten", queryset=Document.objects.select_related("geupload_door"),
                     to_attr="alle_documenten"),
            Prefetch("verhuizingen",
                     queryset=Verhuizing.objects.select_related("van_gemeente", "naar_gemeente",
                                                                "door"),
                     to_attr="alle_verhuizingen"),
        ),
        pk=pk,
    )


def opleidingsbudget_expressie():
    """Het opleidingsbudget van een traject (programma × gemeente) als subquery, 0 zonder
    regel (docs/domain.md, "Opleidingsbudget")."""
    bedrag = Opleidingsbudget.objects.filter(
        programma=OuterRef("programma"), gemeente=OuterRef("gemeente")
    ).values("bedrag")[:1]
    return Coalesce(Subquery(bedrag), Value(Decimal("0")), output_field=DecimalField(
        max_digits=10, decimal_places=2))


def intake_van(traject: Traject) -> Intake | None:
    try:
        return traject.intake
    except Intake.DoesNotExist:
        return None


@dataclass
class Gebeurtenis:
    """Eén regel van de tijdlijn; `volgorde` ordent gebeurtenissen op dezelfde dag."""

    datum: datetime.date
    soort: str
    titel: str
    tekst: str = ""
    volgorde: int = 0


def tijdlijn(deelnemer: Deelnemer, extra: Iterable[Gebeurtenis] = ()) -> list[Gebeurtenis]:
    """Alle gebeurtenissen van de trajecten van een deelnemer als één tijdlijn (nieuwste eerst),
    samen met `extra` (de overdrachten uit `historie.overdrachten`).

    Werkt op een deelnemer uit `dossier()`: geen extra queries.
    """
    items: list[Gebeurtenis] = list(extra)
    for traject in deelnemer.alle_trajecten:
        items.append(Gebeurtenis(
            traject.aanmelddatum, "aanmelding", _("Aangemeld voor %(programma)s")
            % {"programma": traject.programma}, traject.get_uitvoerder_display(),
        ))
        intake = intake_van(traject)
        if intake:
            items.append(Gebeurtenis(
                intake.datum, "intake", _("Intake"),
                _("Beroepswens: %(wens)s") % {"wens": intake.beroepswens}, 1,
            ))
        for plaatsing in traject.alle_plaatsingen:
            werkgever = plaatsing.werkgever or "–"
            items.append(Gebeurtenis(
                plaatsing.startdatum, "plaatsing",
                _("Start %(soort)s") % {"soort": plaatsing.get_soort_display()},
                f"{plaatsing.functie or ''} {_('bij')} {werkgever}".strip(), 2,
            ))
            if plaatsing.einddatum:
                items.append(Gebeurtenis(
                    plaatsing.einddatum, "plaatsing_einde",
                    _("Einde %(soort)s") % {"soort": plaatsing.get_soort_display()},
                    str(werkgever), 3,
                ))
        for contact in traject.alle_contactmomenten:
            items.append(Gebeurtenis(
                contact.datum, f"contact_{contact.soort}",
                _("Contact: %(soort)s") % {"soort": contact.get_soort_display()},
                contact.notitie, 4,
            ))
        for afspraak in traject.alle_afspraken:
            if afspraak.status in (AfspraakStatus.NIET_VERSCHENEN, AfspraakStatus.GEANNULEERD):
                items.append(Gebeurtenis(
                    afspraak.datum, f"afspraak_{afspraak.status}",
                    _("Afspraak %(soort)s: %(status)s") % {
                        "soort": afspraak.get_soort_display(),
                        "status": afspraak.get_status_display(),
                    }, "", 4,
                ))
        for actie in traject.alle_acties:
            if actie.gedaan_op:
                items.append(Gebeurtenis(actie.gedaan_op, "actie", _("Actie gedaan"),
                                         actie.omschrijving, 4))
        if traject.einddatum:
            if traject.status == Status.UITGEVALLEN:
                titel, tekst = _("Uitgevallen"), traject.reden_uitval
            else:
                titel = _("Traject afgerond")
                tekst = traject.get_reden_afgerond_display() if traject.reden_afgerond else ""
            items.append(Gebeurtenis(traject.einddatum, "einde", titel, tekst, 5))
    for verhuizing in getattr(deelnemer, "alle_verhuizingen", []):
        items.append(Gebeurtenis(
            verhuizing.verhuisdatum, "verhuizing",
            _("Verhuisd van %(van)s naar %(naar)s") % {
                "van": verhuizing.van_gemeente, "naar": verhuizing.naar_gemeente},
            verhuizing.overdrachtsnotitie, 0,
        ))
    return sorted(items, key=lambda g: (g.datum, g.volgorde), reverse=True)
