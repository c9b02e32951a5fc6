"""De definities van de indicatoren als aggregaat-expressies (docs/domain.md, "Indicatoren").

Elke indicator heeft hier precies één definitie. Het dashboard (alle gemeenten samen) en de
tabel per gemeente (dezelfde expressies, gegroepeerd met `.values(...).annotate(...)`) gebruiken
alleen deze expressies; de exports en tests lezen die uitkomsten. Alles wordt in de database
geaggregeerd: gefilterde en distinct tellingen, geen Python-lus over rijen.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThanOrEqual

from trajecten.constants import GEPLAATST_SOORTEN, RedenAfgerond, Soort
from trajecten.datums import PlusMaanden

from .selectie import Selectie

#: Onderwijs en vrijwilligerswerk in de uitstroom (zoals de KIS-monitor); werk = GEPLAATST_SOORTEN.
ONDERWIJS_SOORTEN = [Soort.OPLEIDING, Soort.LEERWERKTRAJECT]
VRIJWILLIGERSWERK_SOORTEN = [Soort.VRIJWILLIGERSWERK]
UITSTROOM = {
    "werk": GEPLAATST_SOORTEN,
    "onderwijs": ONDERWIJS_SOORTEN,
    "vrijwilligerswerk": VRIJWILLIGERSWERK_SOORTEN,
}
#: Een traject dat *afgerond* is met deze reden telt in die uitstroomcategorie mee, naast de
#: plaatsingen van die soorten (gedateerd op de einddatum van het traject).
UITSTROOM_REDEN = {
    "onderwijs": RedenAfgerond.ONDERWIJS,
    "vrijwilligerswerk": RedenAfgerond.VRIJWILLIGERSWERK,
}
DUURZAAM_MAANDEN = 6


# --- Over Traject ---------------------------------------------------------------------------


def open_in_periode(s: Selectie) -> Q:
    """Trajecten die op minstens één dag van de periode tot en met de peildatum open waren:
    aangemeld op of vóór die dag en niet eerder beëindigd (geen einddatum, of een einddatum
    op of na `van`). Ligt de hele periode na de peildatum, dan is er zo'n dag niet."""
    if s.van > s.tot_peildatum:
        return Q(pk__isnull=True)
    return Q(aanmelddatum__lte=s.tot_peildatum) & (
        Q(einddatum__isnull=True) | Q(einddatum__gte=s.van)
    )


def trajecten_gestart_expr(s: Selectie):
    return Count("pk", filter=Q(startdatum__range=s.trajecten_periode))


def kosten_expr(s: Selectie):
    """De kosten van de trajecten die als gestart tellen."""
    return Coalesce(
        Sum("kosten", filter=Q(startdatum__range=s.trajecten_periode)), Value(Decimal("0"))
    )


def coaches_actief_expr(s: Selectie):
    """Coaches van minstens één traject dat in de periode open was."""
    return Count("coach", distinct=True, filter=open_in_periode(s))


def coaches_getraind_expr(s: Selectie):
    """Daarvan: op of vóór het einde van de periode getraind als werkcoach."""
    return Count(
        "coach", distinct=True, filter=open_in_periode(s) & Q(coach__getraind_op__lte=s.tot)
    )


def deelnemers_met_coach_expr(s: Selectie):
    """Deelnemers met een traject met coach dat in de periode open was."""
    return Count(
        "deelnemer", distinct=True, filter=open_in_periode(s) & Q(coach__isnull=False)
    )


def traject_cijfers(s: Selectie) -> dict:
    """De expressies over Traject, voor `.aggregate()` of `.values(...).annotate()`."""
    return {
        "trajecten_gestart": trajecten_gestart_expr(s),
        "kosten": kosten_expr(s),
        "coaches_actief": coaches_actief_expr(s),
        "coaches_getraind": coaches_getraind_expr(s),
        "deelnemers_met_coach": deelnemers_met_coach_expr(s),
    }


# --- Over Plaatsing -------------------------------------------------------------------------


def geplaatst_q(s: Selectie) -> Q:
    """Een baan, stage of werkervaringsplaats die in de periode begon (en al begonnen is)."""
    return Q(soort__in=GEPLAATST_SOORTEN, startdatum__range=s.plaatsingen_periode)


def eerste_in_venster(vorige: str, van) -> Q:
    """Over de feitentabel (`Plaatsingsfeit`): de ene rij waarmee een deelnemer telt in een
    venster dat op `van` begint, de eerste werkplaatsing erin (geen vorige, of een vóór `van`).
    `vorige` is de kolom die bij de selectie hoort (`Selectie.vorige_kolom`)."""
    return Q(**{f"{vorige}__isnull": True}) | Q(**{f"{vorige}__lt": van})


def personen(filter_: Q, van, vorige: str | None):
    """Verschillende deelnemers met een plaatsing die aan `filter_` voldoet (start vanaf `van`):
    over de plaatsingen een distinct telling, over de feiten een gewone (`vorige`)."""
    if vorige is None:
        return Count("traject__deelnemer", distinct=True, filter=filter_)
    return Count("pk", filter=filter_ & eerste_in_venster(vorige, van))


def personen_geplaatst_expr(s: Selectie, vorige: str | None = None):
    """Verschillende deelnemers met zo'n plaatsing; wie twee keer geplaatst is, telt één keer."""
    return personen(geplaatst_q(s), s.van, vorige)


def personen_met_contract_expr(s: Selectie, vorige: str | None = None):
    """Personen geplaatst plus wie alleen nog een getekende, niet begonnen plaatsing heeft;
    het verschil met personen geplaatst is 'getekend, nog niet gestart'."""
    return personen(Q(soort__in=GEPLAATST_SOORTEN, startdatum__range=(s.van, s.tot)), s.van,
                    vorige)


def plaatsingen_soort_expr(soort: str, s: Selectie):
    return Count("pk", filter=Q(soort=soort, startdatum__range=s.plaatsingen_periode))


def getekend_soort_expr(soort: str, s: Selectie):
    return Count("pk", filter=Q(soort=soort, startdatum__range=s.getekend_periode))


def _zes_maanden_na_start():
    return PlusMaanden(F("startdatum"), DUURZAAM_MAANDEN)


def duurzaam_noemer_expr(s: Selectie):
    """Baan/stage/wep die in de periode begon en waarvan de datum 'start + 6 kalendermaanden'
    op of vóór de peildatum ligt."""
    return Count("pk", filter=Q(
        Q(soort__in=GEPLAATST_SOORTEN, startdatum__range=(s.van, s.tot)),
        LessThanOrEqual(_zes_maanden_na_start(), Value(s.peildatum)),
    ))


def duurzaam_teller_expr(s: Selectie):
    """Daarvan: op die datum nog lopend (geen einddatum, of een einddatum op of na die datum)."""
    return Count("pk", filter=Q(
        Q(soort__in=GEPLAATST_SOORTEN, startdatum__range=(s.van, s.tot)),
        LessThanOrEqual(_zes_maanden_na_start(), Value(s.peildatum)),
        Q(einddatum__isnull=True) | Q(einddatum__gte=_zes_maanden_na_start()),
    ))


def plaatsing_cijfers(s: Selectie, *, getekend_per_soort: bool = False,
                      vorige: str | None = None) -> dict:
    """De expressies over Plaatsing, voor `.aggregate()` of `.values(...).annotate()`; de
    getekende plaatsingen per soort alleen als erom gevraagd wordt (de kerncijfers). Met
    `vorige` over de feitentabel (dezelfde kolomnamen), zonder distinct."""
    return {
        "personen_geplaatst": personen_geplaatst_expr(s, vorige),
        "personen_met_contract": personen_met_contract_expr(s, vorige),
        "duurzaam_teller": duurzaam_teller_expr(s),
        "duurzaam_noemer": duurzaam_noemer_expr(s),
        **{f"soort_{x.value}": plaatsingen_soort_expr(x, s) for x in Soort},
        **({f"getekend_{x.value}": getekend_soort_expr(x, s) for x in Soort}
           if getekend_per_soort else {}),
    }


# --- Rekenen met de uitkomsten ----------------------------------------------------------------


def pct(teller, noemer) -> float | None:
    """teller / noemer als percentage met één decimaal; None zonder noemer."""
    if not noemer:
        return None
    return round(100 * teller / noemer, 1)


def deel(teller, noemer, decimalen=2) -> Decimal | None:
    if not noemer:
        return None
    return round(Decimal(teller) / Decimal(noemer), decimalen)
