"""Bijeenkomsten plannen en achteraf vastleggen wie er kwam (docs/domain.md,
"Bijeenkomsten")."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente

from ..models import Bijeenkomst, Deelname, Deelnemer, Werkgever, vandaag
from .basis import Fouten, eis_medewerker, recent
from .versies import Bewerkingsconflict, volgende_versie

#: Een bijeenkomst plannen kan hooguit zo ver vooruit.
BIJEENKOMST_MAX_DAGEN_VOORUIT = 366


@transaction.atomic
def bijeenkomst_plannen(
    *, door, soort: str, titel: str, datum: datetime.date, plaats: str, organisator: str,
    gemeenten,
) -> Bijeenkomst:
    """Plant een bijeenkomst voor een of meer gemeenten van `door` (alleen eigen gemeenten).
    Dubbel verzonden geeft de eerste terug."""
    gemeenten = list(gemeenten)
    fouten = Fouten()
    if not gemeenten:
        fouten.voeg_toe("gemeenten", _("Kies minstens één gemeente."))
    eigen = set(Gemeente.objects.voor(door).values_list("pk", flat=True))
    if any(g.pk not in eigen for g in gemeenten):
        fouten.voeg_toe("gemeenten", _("Kies alleen uit uw eigen gemeenten."))
    if soort not in Bijeenkomst.Soort.values:
        fouten.voeg_toe("soort", _("Kies een soort bijeenkomst uit de lijst."))
    if datum > vandaag() + datetime.timedelta(days=BIJEENKOMST_MAX_DAGEN_VOORUIT):
        fouten.voeg_toe("datum", _("Plan een bijeenkomst hooguit een jaar vooruit."))
    fouten.gooi()
    titel, plaats, organisator = (x.strip() for x in (titel or "", plaats or "",
                                                       organisator or ""))
    eerder = recent(Bijeenkomst.objects.filter(
        soort=soort, titel=titel, datum=datum, plaats=plaats, aangemaakt_door=door,
    ))
    if eerder:
        return eerder
    bijeenkomst = Bijeenkomst(soort=soort, titel=titel, datum=datum, plaats=plaats,
                              organisator=organisator, aangemaakt_door=door)
    bijeenkomst.full_clean()
    bijeenkomst.save()
    bijeenkomst.gemeenten.set(gemeenten)
    return bijeenkomst


def _vergrendel(bijeenkomst: Bijeenkomst, *, door) -> Bijeenkomst:
    if not Bijeenkomst.objects.voor(door).filter(pk=bijeenkomst.pk).exists():
        raise PermissionDenied(_("Deze bijeenkomst is niet van uw gemeenten."))
    return Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)


@transaction.atomic
def aanwezigheid_vastleggen(
    *, bijeenkomst: Bijeenkomst, door, werkgevers, deelnemers, versie: int | None = None,
) -> Bijeenkomst:
    """Legt achteraf vast welke werkgevers en deelnemers er waren.

    Alleen binnen het zicht van `door`: de lijst vervangt de aanwezige werkgevers die hij ziet
    en de deelnemers uit zijn gemeenten; wat collega's van andere gemeenten vastlegden, blijft
    staan. Een bijeenkomst in de toekomst heeft nog geen aanwezigen. Een ander die intussen
    iets anders opsloeg, geeft `Bewerkingsconflict`; hetzelfde nog eens opslaan niet.
    """
    bijeenkomst = _vergrendel(bijeenkomst, door=door)
    werkgevers, deelnemers = set(werkgevers), set(deelnemers)
    if bijeenkomst.datum > vandaag() and (werkgevers or deelnemers):
        raise ValidationError(
            _("De bijeenkomst is nog niet geweest: leg de aanwezigheid achteraf vast."),
            code="bijeenkomst_toekomst",
        )
    zichtbare_werkgevers = set(Werkgever.objects.voor(door).values_list("pk", flat=True))
    eigen_deelnemers = Deelnemer.objects.voor(door)
    if any(w.pk not in zichtbare_werkgevers for w in werkgevers):
        raise ValidationError({"werkgevers": [_("Kies alleen werkgevers uit uw gemeenten.")]})
    gemeenten = set(bijeenkomst.gemeenten.values_list("pk", flat=True))
    if any(d.gemeente_id not in gemeenten for d in deelnemers):
        raise ValidationError({"deelnemers": [
            _("Kies alleen deelnemers uit de gemeenten van de bijeenkomst.")]})
    if set(eigen_deelnemers.filter(pk__in=[d.pk for d in deelnemers])) != deelnemers:
        raise ValidationError({"deelnemers": [_("Kies alleen deelnemers uit uw gemeenten.")]})

    huidige_werkgevers = set(bijeenkomst.werkgevers.values_list("pk", flat=True))
    nieuwe_werkgevers = (huidige_werkgevers - zichtbare_werkgevers) | {w.pk for w in werkgevers}
    huidige_deelnemers = set(bijeenkomst.deelnames.filter(
        deelnemer__in=eigen_deelnemers).values_list("deelnemer_id", flat=True))
    gekozen_deelnemers = {d.pk for d in deelnemers}
    ongewijzigd = (nieuwe_werkgevers == huidige_werkgevers
                   and gekozen_deelnemers == huidige_deelnemers)
    if versie is not None and versie != bijeenkomst.versie:
        if ongewijzigd:
            return bijeenkomst
        raise Bewerkingsconflict(obj=bijeenkomst, wijzigingen=[])
    if ongewijzigd:
        return bijeenkomst
    bijeenkomst.werkgevers.set(nieuwe_werkgevers)
    bijeenkomst.deelnames.filter(deelnemer_id__in=huidige_deelnemers - gekozen_deelnemers).delete()
    Deelname.objects.bulk_create([
        Deelname(bijeenkomst=bijeenkomst, deelnemer_id=pk, vastgelegd_door=door)
        for pk in sorted(gekozen_deelnemers - huidige_deelnemers)
    ])
    volgende_versie(bijeenkomst)
    bijeenkomst.save(update_fields=["versie", "gewijzigd_op"])
    return bijeenkomst


@transaction.atomic
def deelname_vastleggen(*, deelnemer: Deelnemer, bijeenkomst: Bijeenkomst, door) -> Deelname:
    """Legt vanuit het dossier vast dat de deelnemer bij de bijeenkomst was (idempotent: al
    vastgelegd geeft de bestaande deelname terug)."""
    eis_medewerker(door, deelnemer.gemeente_id)
    bijeenkomst = _vergrendel(bijeenkomst, door=door)
    if not bijeenkomst.gemeenten.filter(pk=deelnemer.gemeente_id).exists():
        raise ValidationError({"bijeenkomst": [
            _("Deze bijeenkomst is niet voor de gemeente van de deelnemer.")]})
    if bijeenkomst.datum > vandaag():
        raise ValidationError({"bijeenkomst": [
            _("De bijeenkomst is nog niet geweest: leg de aanwezigheid achteraf vast.")]})
    deelname, nieuw = Deelname.objects.get_or_create(
        bijeenkomst=bijeenkomst, deelnemer=deelnemer, defaults={"vastgelegd_door": door},
    )
    if nieuw:
        volgende_versie(bijeenkomst)
        bijeenkomst.save(update_fields=["versie", "gewijzigd_op"])
    return deelname
