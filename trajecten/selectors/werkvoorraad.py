"""De werkvoorraad: één lijst, het meest urgente eerst (docs/domain.md, "Werkvoorraad").

Elke soort signaal is één regel in `SIGNALEN`: een query die de rijen van die soort geeft, met
de datum waarop iets had moeten gebeuren. Alle soorten komen samen in één lijst, gesorteerd op
die vervaldatum: wat het langst over tijd is, staat bovenaan. Een nieuwe soort (bijvoorbeeld
verlopen acties) is één `Signaal` erbij; de lijst, de telling, de pagina en de querytelling
(hooguit twee per soort) volgen vanzelf.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..constants import (
    GEPLAATST_SOORTEN,
    OPEN_STATUSSEN,
    AfspraakSoort,
    ContactSoort,
    Soort,
    Status,
)
from ..models import Afspraak, Contactmoment, Plaatsing, Traject, vandaag
from ..models.coach import VogVerlooptOp, inzetbaar

#: Aangemeld zonder intake: na zoveel dagen over tijd.
INTAKE_TERMIJN_DAGEN = 14
#: Nazorgcontrole zonder geplande afspraak: zoveel maanden na de start van de plaatsing.
NAZORG_NA_MAANDEN = 6
#: Een open traject zonder contact in zoveel dagen vraagt aandacht.
CONTACT_TERMIJN_DAGEN = 60
#: Zoveel regels toont de werkvoorraad; per soort wordt er ook hooguit zoveel opgehaald, dus de
#: getoonde regels zijn precies de meest urgente van alle soorten samen.
WERKVOORRAAD_MAX = 100


class PlusMaanden(Func):
    """`datum + n maanden` in de database (PostgreSQL en SQLite), als DateField."""

    output_field = DateField()

    def __init__(self, expressie, maanden: int, **extra):
        self.maanden = int(maanden)
        super().__init__(expressie, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(({sql} + INTERVAL '{self.maanden} months') AS date)", params

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '+{self.maanden} months')", params


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


def _rijen(
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


def _datum(d: datetime.date | None) -> str:
    return date_format(d, "d-m-Y") if d else "–"


# --- de soorten --------------------------------------------------------------------------------


def _afspraken_vandaag(b: Bereik) -> QuerySet:
    return _rijen(
        b.afspraken().filter(datum=b.peildatum), basis=F("datum"), traject="traject__",
        velden=("tijd", "soort", "locatie"),
    )


def _afspraken_verlopen(b: Bereik, *, nazorg: bool) -> QuerySet:
    qs = b.afspraken().filter(datum__lt=b.peildatum)
    qs = qs.filter(soort=AfspraakSoort.NAZORG) if nazorg else qs.exclude(
        soort=AfspraakSoort.NAZORG
    )
    return _rijen(qs, basis=F("datum"), traject="traject__", velden=("tijd", "soort"))


def _nazorg_zonder_afspraak(b: Bereik) -> QuerySet:
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
    return _rijen(qs, basis=F("startdatum"), traject="traject__", velden=("soort",),
                  werkgevernaam=F("werkgever__naam"))


def _intake_te_laat(b: Bereik) -> QuerySet:
    qs = b.trajecten().filter(
        status=Status.AANGEMELD,
        aanmelddatum__lt=b.peildatum - datetime.timedelta(days=INTAKE_TERMIJN_DAGEN),
        intake__isnull=True,
    )
    return _rijen(qs, basis=F("aanmelddatum"))


def _geen_contact(b: Bereik) -> QuerySet:
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
    return _rijen(qs, basis=F("_laatste"), laatste_contact=Subquery(laatste))


def _wacht_op_coach(b: Bereik) -> QuerySet:
    qs = b.trajecten().filter(status__in=OPEN_STATUSSEN, wachtlijst_sinds__isnull=False)
    return _rijen(qs, basis=F("wachtlijst_sinds"))


def _zonder_geldige_coach(b: Bereik) -> QuerySet:
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
    return _rijen(qs, basis=basis, coachnaam=F("coach__naam"), coach_actief=F("coach__actief"),
                  coach_vog=F("coach__vog_datum"))


def _nieuw_in_gemeente(b: Bereik) -> QuerySet:
    qs = b.trajecten().filter(
        status__in=OPEN_STATUSSEN, binnengekomen_op__isnull=False, behandelaar__isnull=True
    )
    return _rijen(qs, basis=F("binnengekomen_op"))


# --- het register ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signaal:
    """Eén soort werk in de werkvoorraad.

    `rijen(bereik)` geeft een `values()`-queryset via `_rijen` (oudste basisdatum eerst);
    vervaldatum = basisdatum + `termijn`. `url_naam` met het `doel` van de rij (een traject-,
    afspraak- of plaatsingnummer, zie `doel`) en `query` is de actielink; `detail(rij)` de
    toelichting op de regel."""

    sleutel: str
    titel: str
    actie: str
    rijen: Callable[[Bereik], QuerySet]
    url_naam: str
    doel: str = "traject"  # "traject" of "object" (de pk van de rij)
    query: str = ""
    termijn: datetime.timedelta | relativedelta = datetime.timedelta(0)
    detail: Callable[[dict], str] = lambda rij: ""


def _afspraakdetail(rij: dict) -> str:
    delen = [rij["tijd"].strftime("%H:%M"), str(AfspraakSoort(rij["soort"]).label)]
    if rij.get("locatie"):
        delen.append(rij["locatie"])
    return " · ".join(delen)


def _coachdetail(rij: dict) -> str:
    naam = rij["coachnaam"]
    if not naam:
        return _("nog geen coach")
    if not rij["coach_actief"]:
        return _("coach %(naam)s is niet meer actief") % {"naam": naam}
    if not rij["coach_vog"]:
        return _("coach %(naam)s heeft geen VOG") % {"naam": naam}
    return _("VOG van coach %(naam)s is verlopen") % {"naam": naam}


SIGNALEN: list[Signaal] = [
    Signaal(
        "afspraak_vandaag", gettext_lazy("Afspraak vandaag"), gettext_lazy("Verslag vastleggen"),
        _afspraken_vandaag, "trajecten:afspraak_gehouden", doel="object",
        detail=_afspraakdetail,
    ),
    Signaal(
        "nazorg_gemist", gettext_lazy("Nazorg niet bijgewerkt"),
        gettext_lazy("Gehouden of niet verschenen?"),
        lambda b: _afspraken_verlopen(b, nazorg=True), "trajecten:afspraak_gehouden",
        doel="object", detail=_afspraakdetail,
    ),
    Signaal(
        "afspraak_verlopen", gettext_lazy("Afspraak niet bijgewerkt"),
        gettext_lazy("Gehouden of niet verschenen?"),
        lambda b: _afspraken_verlopen(b, nazorg=False), "trajecten:afspraak_gehouden",
        doel="object", detail=_afspraakdetail,
    ),
    Signaal(
        "nazorg", gettext_lazy("Nazorgcontrole na zes maanden"),
        gettext_lazy("Nazorgcontact vastleggen"), _nazorg_zonder_afspraak,
        "trajecten:contact_nieuw", query="?soort=nazorg",
        termijn=relativedelta(months=NAZORG_NA_MAANDEN),
        detail=lambda rij: _("%(soort)s bij %(werkgever)s, gestart %(datum)s") % {
            "soort": Soort(rij["soort"]).label, "werkgever": rij["werkgevernaam"] or "–",
            "datum": _datum(rij["basis"]),
        },
    ),
    Signaal(
        "zonder_intake", gettext_lazy("Intake te laat"), gettext_lazy("Intake vastleggen"),
        _intake_te_laat, "trajecten:intake",
        termijn=datetime.timedelta(days=INTAKE_TERMIJN_DAGEN),
        detail=lambda rij: _("aangemeld op %(datum)s") % {"datum": _datum(rij["basis"])},
    ),
    Signaal(
        "zonder_contact",
        gettext_lazy("Geen contact in %(dagen)s dagen") % {"dagen": CONTACT_TERMIJN_DAGEN},
        gettext_lazy("Contactmoment vastleggen"), _geen_contact, "trajecten:contact_nieuw",
        termijn=datetime.timedelta(days=CONTACT_TERMIJN_DAGEN),
        detail=lambda rij: (
            _("laatste contact %(datum)s") % {"datum": _datum(rij["laatste_contact"])}
            if rij["laatste_contact"] else _("nog geen contact")
        ),
    ),
    Signaal(
        "wachtlijst", gettext_lazy("Wacht op een coach"), gettext_lazy("Coach zoeken"),
        _wacht_op_coach, "trajecten:coach_toewijzen",
        detail=lambda rij: _("op de wachtlijst sinds %(datum)s") % {"datum": _datum(rij["basis"])},
    ),
    Signaal(
        "zonder_coach", gettext_lazy("Zonder (geldige) coach"), gettext_lazy("Coach toewijzen"),
        _zonder_geldige_coach, "trajecten:coach_toewijzen", detail=_coachdetail,
    ),
    Signaal(
        "nieuw_in_gemeente", gettext_lazy("Nieuw in uw gemeente"),
        gettext_lazy("Behandelaar kiezen"), _nieuw_in_gemeente, "trajecten:behandelaar",
        detail=lambda rij: _("verhuisd op %(datum)s, nog geen behandelaar")
        % {"datum": _datum(rij["basis"])},
    ),
]


# --- de lijst ----------------------------------------------------------------------------------


@dataclass
class Regel:
    """Eén regel van de werkvoorraad."""

    signaal: Signaal
    vervaldatum: datetime.date
    dagen_te_laat: int
    deelnemer_id: int
    deelnemer: str
    gemeente: str
    behandelaar: str
    detail: str
    actie_url: str


@dataclass
class Werkvoorraad:
    regels: list[Regel]
    #: (signaal, aantal) in de volgorde van `SIGNALEN`, ook de soorten zonder werk.
    per_soort: list[tuple[Signaal, int]] = field(default_factory=list)

    @property
    def totaal(self) -> int:
        return sum(aantal for _signaal, aantal in self.per_soort)

    @property
    def niet_getoond(self) -> int:
        return self.totaal - len(self.regels)


def _regel(signaal: Signaal, rij: dict, peildatum: datetime.date) -> Regel:
    vervaldatum = rij["basis"] + signaal.termijn
    doel = rij["doel"] if signaal.doel == "object" else rij["tid"]
    behandelaar = " ".join(filter(None, (rij["bh_voornaam"], rij["bh_achternaam"]))) or (
        rij["bh_gebruiker"] or ""
    )
    return Regel(
        signaal=signaal,
        vervaldatum=vervaldatum,
        dagen_te_laat=max((peildatum - vervaldatum).days, 0),
        deelnemer_id=rij["did"],
        deelnemer=f"{rij['voornaam']} {rij['achternaam']}",
        gemeente=rij["gemeentenaam"],
        behandelaar=behandelaar,
        detail=signaal.detail(rij),
        actie_url=reverse(signaal.url_naam, args=[doel]) + signaal.query,
    )


def werkvoorraad(
    *, user, mijn: bool = True, peildatum: datetime.date | None = None,
    limiet: int = WERKVOORRAAD_MAX,
) -> Werkvoorraad:
    """De werkvoorraad van `user`: elk signaal uit `SIGNALEN`, samen in één lijst, de langst
    verlopen vervaldatum eerst (bij gelijke datum in de volgorde van `SIGNALEN`), hooguit
    `limiet` regels. `mijn`: alleen 'mijn dossiers' (`Bereik`).

    Per soort één query (de eerste `limiet + 1` rijen) en alleen als er meer zijn een
    count-query: hooguit twee queries per soort, hoe groot de werkvoorraad ook is.
    """
    peildatum = peildatum or vandaag()
    bereik = Bereik(user=user, peildatum=peildatum, mijn=mijn)
    regels, per_soort = [], []
    for volgorde, signaal in enumerate(SIGNALEN):
        qs = signaal.rijen(bereik)
        rijen = list(qs[: limiet + 1])
        aantal = len(rijen) if len(rijen) <= limiet else qs.count()
        per_soort.append((signaal, aantal))
        regels += [(volgorde, _regel(signaal, rij, peildatum)) for rij in rijen[:limiet]]
    regels.sort(key=lambda vr: (vr[1].vervaldatum, vr[0], vr[1].deelnemer))
    return Werkvoorraad(regels=[r for _v, r in regels[:limiet]], per_soort=per_soort)


__all__ = [
    "CONTACT_TERMIJN_DAGEN",
    "INTAKE_TERMIJN_DAGEN",
    "NAZORG_NA_MAANDEN",
    "SIGNALEN",
    "WERKVOORRAAD_MAX",
    "Bereik",
    "PlusMaanden",
    "Regel",
    "Signaal",
    "Werkvoorraad",
    "werkvoorraad",
]
