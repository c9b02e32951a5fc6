"""De kerncijfers van een selectie als geheel: vier queries, hoeveel gegevens er ook zijn
(docs/domain.md, "Indicatoren")."""

from __future__ import annotations

from decimal import Decimal

from django.db import connection
from django.db.models import Count, F, Q

from config.replica import leesverbinding
from trajecten.constants import GEPLAATST_SOORTEN, STATUS_VOLGORDE, Soort, Status

from . import expressies as ex
from .per_gemeente import tabelrij
from .selectie import Selectie

#: De kosten per plaatsing van het Banenoffensief Vluchtelingen 2006–2009 (Kamerbrief 2009).
KOSTEN_NORM = Decimal("2500")


def kerncijfers(s: Selectie) -> dict:
    """Alle indicatoren van de selectie als geheel (vier queries). De tabelkolommen hebben
    dezelfde namen als een rij van de tabel per gemeente (`tabelrij`). De plaatsingen komen uit
    de feitentabel (alle gemeenten of één), of voor een andere verzameling gemeenten uit een
    distinct telling over de plaatsingen (`Selectie.vorige_kolom`)."""
    t = s.trajecten().aggregate(**ex.traject_cijfers(s))
    vorige = s.vorige_kolom
    plaatsingen = s.plaatsingsfeiten() if vorige else s.plaatsingen()
    p = plaatsingen.aggregate(**ex.plaatsing_cijfers(s, getekend_per_soort=True, vorige=vorige))
    return {
        **tabelrij(p, t),
        "kosten_norm": KOSTEN_NORM,
        "plaatsingen_per_soort": [
            {"soort": x.value, "label": str(x.label), "aantal": p[f"soort_{x.value}"],
             "getekend": p[f"getekend_{x.value}"], "telt_als_geplaatst": x in GEPLAATST_SOORTEN}
            for x in Soort
        ],
        "uitstroom": uitstroom(s),
        "mediaan_doorlooptijd": mediaan_doorlooptijd(s),
    }


def uitstroom(s: Selectie) -> dict:
    """KIS-aandelen (één query). Noemer: deelnemers met een traject van het programma dat in
    de periode open was. Teller per categorie: die van hen met op zo'n traject een plaatsing
    van die soort die in de periode begon; voor onderwijs en vrijwilligerswerk ook wie zo'n
    traject in de periode *afgerond* heeft met die reden. Nog niet gestart: die van hen zonder
    traject dat op het einde van de periode (of de peildatum) al begonnen was."""
    van, tot = s.plaatsingen_periode

    def naar(sleutel, soorten):
        telt = Q(plaatsingen__soort__in=soorten, plaatsingen__startdatum__range=(van, tot))
        if sleutel in ex.UITSTROOM_REDEN:
            telt |= Q(status=Status.AFGEROND, reden_afgerond=ex.UITSTROOM_REDEN[sleutel],
                      einddatum__range=(van, tot))
        return Count("deelnemer", distinct=True, filter=telt)

    r = s.trajecten().filter(ex.open_in_periode(s)).aggregate(
        deelnemers=Count("deelnemer", distinct=True),
        gestart=Count("deelnemer", distinct=True, filter=Q(startdatum__lte=s.tot_peildatum)),
        **{sleutel: naar(sleutel, soorten) for sleutel, soorten in ex.UITSTROOM.items()},
    )
    totaal = r["deelnemers"]
    aantallen = {sleutel: r[sleutel] for sleutel in ex.UITSTROOM}
    aantallen["nog_niet_gestart"] = totaal - r["gestart"]
    return {
        "deelnemers": totaal,
        "aantallen": aantallen,
        "aandelen": {k: ex.pct(v, totaal) for k, v in aantallen.items()},
    }


def trechter(s: Selectie) -> dict:
    """Trajecten aangemeld in de periode per huidige status, plus 'ten minste bereikt'."""
    per_status = dict(
        s.trajecten().filter(aanmelddatum__range=(s.van, s.tot))
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    stappen = []
    nog = sum(per_status.get(x, 0) for x in STATUS_VOLGORDE)
    for status in STATUS_VOLGORDE:
        stappen.append({
            "status": status.value, "label": str(status.label),
            "aantal": per_status.get(status, 0), "bereikt": nog,
        })
        nog -= per_status.get(status, 0)
    return {"stappen": stappen, "uitgevallen": per_status.get(Status.UITGEVALLEN, 0)}


def mediaan_doorlooptijd(s: Selectie) -> float | None:
    """Mediaan in dagen van aanmelding tot de eerste begonnen baan/stage/wep van een traject,
    voor trajecten waarvan die eerste plaatsing in de periode begon; één query, over de
    feitentabel.

    PostgreSQL: percentile_cont; SQLite: de middelste rij(en) via ROW_NUMBER() en COUNT() OVER.
    """
    van, tot = s.plaatsingen_periode
    # De feitentabel weet per werkplaatsing of zij de eerste van haar traject is; is die
    # eerste na de peildatum, dan is er op de peildatum nog geen begonnen.
    eerste = (
        s.plaatsingsfeiten()
        .filter(eerste_van_traject=True, startdatum__lte=s.peildatum,
                startdatum__range=(van, tot))
        .values(eerste=F("startdatum"), aanmeld=F("aanmelddatum"))
    )
    sql, params = eerste.query.sql_with_params()
    if connection.vendor == "postgresql":
        query = (
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (s.eerste - s.aanmeld)) "
            f"FROM ({sql}) s"
        )
    else:
        query = (
            "SELECT AVG(d) FROM (SELECT d, ROW_NUMBER() OVER (ORDER BY d) AS rn, "
            "COUNT(*) OVER () AS c FROM (SELECT julianday(s.eerste) - julianday(s.aanmeld) "
            f"AS d FROM ({sql}) s) t) u WHERE rn IN ((c + 1) / 2, (c + 2) / 2)"
        )
    with leesverbinding().cursor() as cursor:
        cursor.execute(query, params)
        (waarde,) = cursor.fetchone()
    return None if waarde is None else round(float(waarde), 1)
