"""De soorten werk in de werkvoorraad: per soort één query met de vaste kolommen van een regel
(`regelkolommen`), en de toelichting per regel. Het register (`SIGNALEN`) en de lijst staan in
`werkvoorraad.py`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..constants import (
    GEPLAATST_SOORTEN,
    OPEN_STATUSSEN,
    AfspraakSoort,
    ContactSoort,
    Status,
)
from ..datums import PlusMaanden
from ..models import Afspraak, Contactmoment, Plaatsing, Traject
from ..models.coach import VogVerlooptOp, inzetbaar

#: Aangemeld zonder intake: na zoveel dagen over tijd.
INTAKE_TERMIJN_DAGEN = 14
#: Nazorgcontrole zonder geplande afspraak: zoveel maanden na de start van de plaatsing.
NAZORG_NA_MAANDEN = 6
#: Een open traject zonder contact in zoveel dagen vraagt aandacht.
CONTACT_TERMIJN_DAGEN = 60


@dataclass(frozen=True)
class Bereik:
    """Wat de werkvoorraad bekijkt: de gebruiker, de peildatum en 'mijn dossiers' (waar
    `user` behandelaar is, plus wat van niemand is) of alle dossiers van zijn gemeenten."""

    user: object
    peildatum: datetime.date
    mijn: bool

    def trajecten(self) -> QuerySet[Traject]:
        qs = Traject.objects.voor(self.user)
        return qs.van_behandelaar(self.user) if self.mijn else qs

    def afspraken(self) -> QuerySet[Afspraak]:
        qs = Afspraak.objects.voor(self.user).gepland()
        if self.mijn:
            qs = qs.filter(
                Q(medewerker=self.user)
                | Q(medewerker__isnull=True, traject__in=self.trajecten().values("pk"))
            )
        return qs

    def plaatsingen(self) -> QuerySet[Plaatsing]:
        return Plaatsing.objects.voor(self.user).filter(traject__in=self.trajecten().values("pk"))


def regelkolommen(
    qs: QuerySet, *, basis, traject: str = "", velden: tuple[str, ...] = (), **extra
) -> QuerySet:
    """De vaste kolommen van een werkvoorraadregel als `values()`, oudste basisdatum eerst.

    `traject`: het pad naar het traject ("" vanuit een traject, "traject__" vanuit een
    afspraak of plaatsing). `basis`: de datum waarop de termijn van het signaal begint.
    `velden`: eigen velden van het model erbij; `extra`: expressies erbij."""
    p = traject
    return qs.values(
        *velden,
        basis=basis,
        doel=F("pk"),
        tid=F(f"{p}pk") if p else F("pk"),
        did=F(f"{p}deelnemer_id"),
        voornaam=F(f"{p}deelnemer__voornaam"),
        achternaam=F(f"{p}deelnemer__achternaam"),
        gemeentenaam=F(f"{p}gemeente__naam"),
        bh_voornaam=F(f"{p}behandelaar__first_name"),
        bh_achternaam=F(f"{p}behandelaar__last_name"),
        bh_gebruiker=F(f"{p}behandelaar__username"),
        **extra,
    ).order_by("basis", "pk")


def datum_nl(d: datetime.date | None) -> str:
    return date_format(d, "d-m-Y") if d else "–"


# --- de soorten --------------------------------------------------------------------------------


def afspraken_vandaag(b: Bereik) -> QuerySet:
    return regelkolommen(
        b.afspraken().filter(datum=b.peildatum), basis=F("datum"), traject="traject__",
        velden=("tijd", "soort", "locatie"),
    )


def afspraken_verlopen(b: Bereik, *, nazorg: bool) -> QuerySet:
    qs = b.afspraken().filter(datum__lt=b.peildatum)
    qs = qs.filter(soort=AfspraakSoort.NAZORG) if nazorg else qs.exclude(
        soort=AfspraakSoort.NAZORG
    )
    return regelkolommen(qs, basis=F("datum"), traject="traject__", velden=("tijd", "soort"))


def nazorg_zonder_afspraak(b: Bereik) -> QuerySet:
    nazorgcontact = Contactmoment.objects.filter(
        traject=OuterRef("traject"),
        soort=ContactSoort.NAZORG,
        datum__gte=PlusMaanden(OuterRef("startdatum"), NAZORG_NA_MAANDEN),
    )
    qs = (
        b.plaatsingen()
        .filter(
            soort__in=GEPLAATST_SOORTEN,
            traject__status__in=OPEN_STATUSSEN,
            startdatum__lte=b.peildatum - relativedelta(months=NAZORG_NA_MAANDEN),
            nazorgafspraken__isnull=True,
        )
        .filter(~Exists(nazorgcontact))
    )
    return regelkolommen(qs, basis=F("startdatum"), traject="traject__", velden=("soort",),
                  werkgevernaam=F("werkgever__naam"))


def intake_te_laat(b: Bereik) -> QuerySet:
    qs = b.trajecten().filter(
        status=Status.AANGEMELD,
        aanmelddatum__lt=b.peildatum - datetime.timedelta(days=INTAKE_TERMIJN_DAGEN),
        intake__isnull=True,
    )
    return regelkolommen(qs, basis=F("aanmelddatum"))


def geen_contact(b: Bereik) -> QuerySet:
    grens = b.peildatum - datetime.timedelta(days=CONTACT_TERMIJN_DAGEN)
    laatste = (
        Contactmoment.objects.filter(traject=OuterRef("pk")).order_by("-datum").values("datum")[:1]
    )
    qs = (
        b.trajecten()
        .filter(status__in=OPEN_STATUSSEN)
        .exclude(status=Status.AANGEMELD)
        .annotate(_laatste=Coalesce(Subquery(laatste), "startdatum", "aanmelddatum"))
        .filter(_laatste__lte=grens)
    )
    return regelkolommen(qs, basis=F("_laatste"), laatste_contact=Subquery(laatste))


def wacht_op_coach(b: Bereik) -> QuerySet:
    qs = b.trajecten().filter(status__in=OPEN_STATUSSEN, wachtlijst_sinds__isnull=False)
    return regelkolommen(qs, basis=F("wachtlijst_sinds"))


def zonder_geldige_coach(b: Bereik) -> QuerySet:
    """In intake of actief zonder coach (en niet op de wachtlijst), of een open traject met een
    coach die niet meer telt: niet actief, of zonder geldige VOG."""
    geldig = inzetbaar("coach__", b.peildatum)
    qs = b.trajecten().filter(
        Q(status__in=[Status.INTAKE, Status.ACTIEF], coach__isnull=True,
          wachtlijst_sinds__isnull=True)
        | (Q(status__in=OPEN_STATUSSEN, coach__isnull=False) & ~geldig)
    )
    # Vanaf wanneer: de start (nog nooit een coach), de dag waarop de coach werd gewijzigd
    # (gedeactiveerd) of de dag waarop zijn VOG verliep.
    basis = Case(
        When(coach__isnull=True, then=Coalesce("startdatum", "aanmelddatum")),
        When(coach__actief=False, then=TruncDate("coach__gewijzigd_op")),
        default=Coalesce(VogVerlooptOp("coach__vog_datum"), "startdatum", "aanmelddatum"),
        output_field=DateField(),
    )
    return regelkolommen(qs, basis=basis, coachnaam=F("coach__naam"),
                         coach_actief=F("coach__actief"), coach_vog=F("coach__vog_datum"))


def nieuw_in_gemeente(b: Bereik) -> QuerySet:
    qs = b.trajecten().filter(
        status__in=OPEN_STATUSSEN, binnengekomen_op__isnull=False, behandelaar__isnull=True
    )
    return regelkolommen(qs, basis=F("binnengekomen_op"))


# --- toelichting per regel ----------------------------------------------------------------------


def afspraakdetail(rij: dict) -> str:
    delen = [rij["tijd"].strftime("%H:%M"), str(AfspraakSoort(rij["soort"]).label)]
    if rij.get("locatie"):
        delen.append(rij["locatie"])
    return " · ".join(delen)


def coachdetail(rij: dict) -> str:
    naam = rij["coachnaam"]
    if not naam:
        return _("nog geen coach")
    if not rij["coach_actief"]:
        return _("coach %(naam)s is niet meer actief") % {"naam": naam}
    if not rij["coach_vog"]:
        return _("coach %(naam)s heeft geen VOG") % {"naam": naam}
    return _("VOG van coach %(naam)s is verlopen") % {"naam": naam}
