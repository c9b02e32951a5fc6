"""De werkvoorraad: één lijst, het meest urgente eerst (docs/domain.md, "Werkvoorraad").

Elke soort signaal is één regel in `SIGNALEN`: een query die de rijen van die soort geeft, met
de datum waarop iets had moeten gebeuren (de queries staan in `signalen.py`). Alle soorten komen
samen in één lijst, gesorteerd op die vervaldatum: wat het langst over tijd is, staat bovenaan.
Een nieuwe soort (bijvoorbeeld verlopen acties) is één `Signaal` erbij; de lijst, de telling, de
pagina en de querytelling (hooguit twee per soort) volgen vanzelf.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..constants import Soort
from ..models import ActieUitvoerder, vandaag
from .actieplan import acties_verlopen
from .signalen import (
    CONTACT_TERMIJN_DAGEN,
    INTAKE_TERMIJN_DAGEN,
    NAZORG_NA_MAANDEN,
    Bereik,
    afspraakdetail,
    afspraken_vandaag,
    afspraken_verlopen,
    coachdetail,
    datum_nl,
    geen_contact,
    intake_te_laat,
    nazorg_zonder_afspraak,
    nieuw_in_gemeente,
    wacht_op_coach,
    zonder_geldige_coach,
)

#: Zoveel regels toont de werkvoorraad; per soort wordt er ook hooguit zoveel opgehaald, dus de
#: getoonde regels zijn precies de meest urgente van alle soorten samen.
WERKVOORRAAD_MAX = 100


# --- het register ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signaal:
    """Eén soort werk in de werkvoorraad.

    `rijen(bereik)` geeft een `values()`-queryset via `signalen.regelkolommen` (oudste
    basisdatum eerst);
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


SIGNALEN: list[Signaal] = [
    Signaal(
        "afspraak_vandaag", gettext_lazy("Afspraak vandaag"), gettext_lazy("Verslag vastleggen"),
        afspraken_vandaag, "trajecten:afspraak_gehouden", doel="object",
        detail=afspraakdetail,
    ),
    Signaal(
        "nazorg_gemist", gettext_lazy("Nazorg niet bijgewerkt"),
        gettext_lazy("Gehouden of niet verschenen?"),
        lambda b: afspraken_verlopen(b, nazorg=True), "trajecten:afspraak_gehouden",
        doel="object", detail=afspraakdetail,
    ),
    Signaal(
        "afspraak_verlopen", gettext_lazy("Afspraak niet bijgewerkt"),
        gettext_lazy("Gehouden of niet verschenen?"),
        lambda b: afspraken_verlopen(b, nazorg=False), "trajecten:afspraak_gehouden",
        doel="object", detail=afspraakdetail,
    ),
    Signaal(
        "nazorg", gettext_lazy("Nazorgcontrole na zes maanden"),
        gettext_lazy("Nazorgcontact vastleggen"), nazorg_zonder_afspraak,
        "trajecten:contact_nieuw", query="?soort=nazorg",
        termijn=relativedelta(months=NAZORG_NA_MAANDEN),
        detail=lambda rij: _("%(soort)s bij %(werkgever)s, gestart %(datum)s") % {
            "soort": Soort(rij["soort"]).label, "werkgever": rij["werkgevernaam"] or "–",
            "datum": datum_nl(rij["basis"]),
        },
    ),
    Signaal(
        "zonder_intake", gettext_lazy("Intake te laat"), gettext_lazy("Intake vastleggen"),
        intake_te_laat, "trajecten:intake",
        termijn=datetime.timedelta(days=INTAKE_TERMIJN_DAGEN),
        detail=lambda rij: _("aangemeld op %(datum)s") % {"datum": datum_nl(rij["basis"])},
    ),
    Signaal(
        "zonder_contact",
        gettext_lazy("Geen contact in %(dagen)s dagen") % {"dagen": CONTACT_TERMIJN_DAGEN},
        gettext_lazy("Contactmoment vastleggen"), geen_contact, "trajecten:contact_nieuw",
        termijn=datetime.timedelta(days=CONTACT_TERMIJN_DAGEN),
        detail=lambda rij: (
            _("laatste contact %(datum)s") % {"datum": datum_nl(rij["laatste_contact"])}
            if rij["laatste_contact"] else _("nog geen contact")
        ),
    ),
    Signaal(
        "wachtlijst", gettext_lazy("Wacht op een coach"), gettext_lazy("Coach zoeken"),
        wacht_op_coach, "trajecten:coach_toewijzen",
        detail=lambda rij: _("op de wachtlijst sinds %(datum)s")
        % {"datum": datum_nl(rij["basis"])},
    ),
    Signaal(
        "zonder_coach", gettext_lazy("Zonder (geldige) coach"), gettext_lazy("Coach toewijzen"),
        zonder_geldige_coach, "trajecten:coach_toewijzen", detail=coachdetail,
    ),
    Signaal(
        "nieuw_in_gemeente", gettext_lazy("Verhuisd naar uw gemeente"),
        gettext_lazy("Behandelaar kiezen"), nieuw_in_gemeente, "trajecten:behandelaar",
        detail=lambda rij: _("verhuisd op %(datum)s, nog geen behandelaar")
        % {"datum": datum_nl(rij["basis"])},
    ),
    Signaal(
        "actie_verlopen", gettext_lazy("Actie over de deadline"),
        gettext_lazy("Actieplan bijwerken"), acties_verlopen, "trajecten:actieplan",
        detail=lambda rij: _("%(wat)s (%(wie)s), deadline %(datum)s") % {
            "wat": rij["omschrijving"], "wie": ActieUitvoerder(rij["uitvoerder"]).label,
            "datum": datum_nl(rij["basis"]),
        },
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
    "Regel",
    "Signaal",
    "Werkvoorraad",
    "werkvoorraad",
]
