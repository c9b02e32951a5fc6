"""Werkgevers als partner: de relatie (contactpersonen, contacten, social return), en social
return-afspraken die achter op schema liggen (docs/domain.md, "Social return")."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from ..constants import GEPLAATST_SOORTEN
from ..models import (
    Bijeenkomst,
    Plaatsing,
    SocialReturnAfspraak,
    Vacature,
    Werkgever,
    WerkgeverContact,
    vandaag,
)


def met_gerealiseerd(qs: QuerySet[SocialReturnAfspraak], peildatum: datetime.date | None = None):
    """`qs` met `gerealiseerd`: het aantal plaatsingen (baan, stage, werkervaringsplaats) bij de
    werkgever op trajecten van de gemeente van de afspraak, begonnen tussen start en einde van
    de afspraak en op of vóór de peildatum. Eén subquery, geen extra query per afspraak."""
    peildatum = peildatum or vandaag()
    plaatsingen = (
        Plaatsing.objects.filter(
            werkgever_id=OuterRef("werkgever_id"),
            traject__gemeente_id=OuterRef("gemeente_id"),
            soort__in=GEPLAATST_SOORTEN,
            startdatum__gte=OuterRef("startdatum"),
            startdatum__lte=OuterRef("einddatum"),
        )
        .filter(startdatum__lte=peildatum)
        .order_by()
        .values("werkgever_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return qs.annotate(gerealiseerd=Coalesce(
        Subquery(plaatsingen, output_field=IntegerField()), Value(0)))


@dataclass
class Voortgang:
    """De voortgang van een social return-afspraak op een peildatum."""

    afspraak: SocialReturnAfspraak
    gerealiseerd: int
    verstreken_pct: int
    realisatie_pct: int

    @property
    def nagekomen(self) -> bool:
        return self.gerealiseerd >= self.afspraak.aantal_plaatsingen

    @property
    def achter_op_schema(self) -> bool:
        """Niet nagekomen en minder gerealiseerd dan het deel van de looptijd dat verstreken
        is (na de einddatum: alles wat niet nagekomen is)."""
        return not self.nagekomen and self.realisatie_pct < self.verstreken_pct


def voortgang(afspraak: SocialReturnAfspraak, peildatum: datetime.date | None = None) -> Voortgang:
    """De voortgang van een afspraak uit `met_gerealiseerd` (geen query)."""
    peildatum = peildatum or vandaag()
    duur = (afspraak.einddatum - afspraak.startdatum).days or 1
    verstreken = min(max((peildatum - afspraak.startdatum).days, 0), duur)
    gerealiseerd = afspraak.gerealiseerd
    return Voortgang(
        afspraak=afspraak, gerealiseerd=gerealiseerd,
        verstreken_pct=round(100 * verstreken / duur),
        realisatie_pct=min(round(100 * gerealiseerd / afspraak.aantal_plaatsingen), 100),
    )


def social_return_van(*, user, werkgever: Werkgever) -> list[Voortgang]:
    """De social return-afspraken van `werkgever` met de gemeenten van `user`, met voortgang;
    één query."""
    qs = met_gerealiseerd(
        SocialReturnAfspraak.objects.voor(user).filter(werkgever=werkgever)
        .select_related("gemeente").order_by("einddatum", "pk")
    )
    return [voortgang(a) for a in qs]


def social_return_achter(*, user) -> list[Voortgang]:
    """Alle social return-afspraken van de gemeenten van `user` die achter op schema liggen
    (docs/domain.md), de vroegste einddatum eerst; één query."""
    qs = met_gerealiseerd(
        SocialReturnAfspraak.objects.voor(user).select_related("werkgever", "gemeente")
        .order_by("einddatum", "pk")
    )
    return [v for v in (voortgang(a) for a in qs) if v.achter_op_schema]


def werkgever_relatie(*, user, werkgever: Werkgever) -> dict:
    """Wat de werkgeverpagina over de relatie toont, alleen binnen de gemeenten van `user`:
    samenwerkende gemeenten, contactpersonen, de laatste contacten, social return met
    voortgang, open vacatures en bijeenkomsten waar de werkgever was. Zes queries."""
    return {
        "samenwerkende_gemeenten": list(werkgever.gemeenten.order_by("naam")),
        "contactpersonen": list(werkgever.contactpersonen.all()),
        "contacten": list(
            WerkgeverContact.objects.voor(user).filter(werkgever=werkgever)
            .select_related("gemeente", "medewerker").order_by("-datum", "-pk")[:20]
        ),
        "social_return": social_return_van(user=user, werkgever=werkgever),
        "vacatures": list(
            Vacature.objects.voor(user).filter(werkgever=werkgever, open_tot__gte=vandaag())
            .annotate(aantal_voordrachten=Count("voordrachten"))
            .order_by("open_tot", "pk")
        ),
        "bijeenkomsten": list(
            Bijeenkomst.objects.voor(user).filter(werkgevers=werkgever).order_by("-datum")[:20]
        ),
    }

