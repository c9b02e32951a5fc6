"""Werkgevers als partner: de indicatoren per gemeente en voor de hele selectie
(docs/domain.md, "Indicatoren", "Werkgevers en bijeenkomsten").

Zeven queries, hoeveel gemeenten of gegevens er ook zijn, elk een aggregaat met FILTER in de
database. Wat bij één gemeente hoort (een deelnemer, een plaatsing, een social
return-afspraak), telt in de totaalrij als de som van de rijen; een werkgever die met twee
gemeenten contact had en een bijeenkomst voor twee gemeenten tellen in elke rij, maar één keer
in het totaal (daarom een eigen query voor die totalen).

De periode is die van de plaatsingen (`van` tot en met de peildatum of `tot`); de werkgevers,
bijeenkomsten en afspraken horen niet bij een programma, de plaatsingen wel (die van de
trajecten van het gekozen programma).
"""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from trajecten.models import Bijeenkomst, Deelname, SocialReturnAfspraak, WerkgeverContact
from trajecten.selectors.relaties import met_gerealiseerd

from .selectie import Selectie

SOORTEN = Bijeenkomst.Soort

#: De kolommen, in de volgorde van de exports (achter de bestaande kolommen), met hun label.
KOLOMMEN: list[tuple[str, str]] = [
    ("werkgevers_betrokken", _("werkgevers betrokken (contact in de periode)")),
    ("werkakkoord_bereikt", _("Werkakkoord-ondertekenaars bereikt")),
    *[(f"bijeenkomsten_{s.value}", format_lazy("{}: {}", _("bijeenkomsten"), s.label))
      for s in SOORTEN],
    ("bijeenkomsten_totaal", _("bijeenkomsten gehouden")),
    ("deelnemers_bijeenkomst", _("deelnemers bij minstens één bijeenkomst")),
    ("plaatsingen_uit_bijeenkomst", _("plaatsingen uit een bijeenkomst")),
    ("plaatsingen_uit_vacature", _("plaatsingen uit een vacature")),
    ("plaatsingen_uit_bijeenkomst_of_vacature",
     _("plaatsingen uit een bijeenkomst of vacature")),
    ("social_return_afspraken", _("social return-afspraken met einddatum in de periode")),
    ("social_return_nagekomen", _("social return-afspraken nagekomen")),
]
SLEUTELS = [k for k, _label in KOLOMMEN]

#: De definities in woorden (blad Toelichting; docs/domain.md, "Werkgevers en bijeenkomsten").
DEFINITIES = [
    (_("Werkgevers betrokken"), _(
        "Verschillende werkgevers met minstens één werkgeverscontact (telefoongesprek, "
        "bezoek, afspraak, e-mail) in de periode, vastgelegd voor de gemeente; kolom "
        "werkgevers_betrokken."
    )),
    (_("Werkakkoord-ondertekenaars bereikt"), _(
        "De werkgevers betrokken die het Werkakkoord tekenden; kolom werkakkoord_bereikt."
    )),
    (_("Bijeenkomsten gehouden"), _(
        "Bijeenkomsten met een datum in de periode tot en met de peildatum, per soort "
        "(ontmoeting, werkbezoek, stage-café, expertmeeting, rolmodel-sessie) en samen; een "
        "bijeenkomst voor twee gemeenten telt bij elk. Kolommen bijeenkomsten_<soort> en "
        "bijeenkomsten_totaal."
    )),
    (_("Deelnemers bij een bijeenkomst"), _(
        "Verschillende deelnemers die bij minstens één bijeenkomst in de periode waren, bij "
        "de gemeente waar de deelnemer nu woont; kolom deelnemers_bijeenkomst."
    )),
    (_("Plaatsingen uit een bijeenkomst of vacature"), _(
        "Plaatsingen (elke soort) die in de periode begonnen, op of vóór de peildatum, op een "
        "traject van het programma, waarbij is vastgelegd dat ze uit een bijeenkomst, uit een "
        "vacature, of uit een van beide voortkwamen; bij de gemeente van het traject. "
        "Kolommen plaatsingen_uit_bijeenkomst, plaatsingen_uit_vacature en "
        "plaatsingen_uit_bijeenkomst_of_vacature."
    )),
    (_("Social return-afspraken nagekomen"), _(
        "Social return-afspraken van de gemeente met een einddatum in de periode, en die "
        "daarvan waarvoor op de peildatum genoeg plaatsingen gerealiseerd zijn (zie Social "
        "return); kolommen social_return_afspraken en social_return_nagekomen."
    )),
    (_("Werkgevers in de totaalrij"), _(
        "Een werkgever die met twee gemeenten contact had en een bijeenkomst voor twee "
        "gemeenten tellen in elke rij en één keer in het totaal; deelnemers, plaatsingen en "
        "afspraken horen bij één gemeente en tellen precies op."
    )),
]


def _periode(s: Selectie):
    return (s.van, s.tot_peildatum)


def _contacten(s: Selectie):
    qs = WerkgeverContact.objects.filter(datum__range=_periode(s))
    if s.gemeente_ids is not None:
        qs = qs.filter(gemeente_id__in=s.gemeente_ids)
    return qs.order_by()


def _contact_cijfers() -> dict:
    return {
        "werkgevers_betrokken": Count("werkgever", distinct=True),
        "werkakkoord_bereikt": Count("werkgever", distinct=True,
                                     filter=Q(werkgever__werkakkoord=True)),
    }


def _bijeenkomst_cijfers(pad: str) -> dict:
    return {
        **{f"bijeenkomsten_{x.value}": Count(pad or "pk", distinct=True,
                                             filter=Q(**{f"{pad}__soort" if pad else "soort":
                                                         x.value}))
           for x in SOORTEN},
        "bijeenkomsten_totaal": Count(pad or "pk", distinct=True),
    }


def werkgever_cijfers(s: Selectie) -> dict:
    """{"per_gemeente": {gemeente_id: {sleutel: aantal}}, "totaal": {sleutel: aantal}}.
    Zeven queries."""
    per: dict[int, dict] = {}

    def zet(rijen, sleutel_gemeente):
        for rij in rijen:
            per.setdefault(rij.pop(sleutel_gemeente), {}).update(rij)

    zet(_contacten(s).values("gemeente_id").annotate(**_contact_cijfers()), "gemeente_id")
    totaal = _contacten(s).aggregate(**_contact_cijfers())

    koppel = Bijeenkomst.gemeenten.through.objects.filter(bijeenkomst__datum__range=_periode(s))
    if s.gemeente_ids is not None:
        koppel = koppel.filter(gemeente_id__in=s.gemeente_ids)
    zet(koppel.order_by().values("gemeente_id").annotate(**_bijeenkomst_cijfers("bijeenkomst")),
        "gemeente_id")
    bijeenkomsten = Bijeenkomst.objects.filter(datum__range=_periode(s))
    if s.gemeente_ids is not None:
        bijeenkomsten = bijeenkomsten.filter(Exists(
            Bijeenkomst.gemeenten.through.objects.filter(
                bijeenkomst_id=OuterRef("pk"), gemeente_id__in=s.gemeente_ids)))
    totaal.update(bijeenkomsten.order_by().aggregate(**_bijeenkomst_cijfers("")))

    deelnames = Deelname.objects.filter(bijeenkomst__datum__range=_periode(s))
    if s.gemeente_ids is not None:
        deelnames = deelnames.filter(deelnemer__gemeente_id__in=s.gemeente_ids)
    zet(deelnames.order_by().values("deelnemer__gemeente_id").annotate(
        deelnemers_bijeenkomst=Count("deelnemer", distinct=True)), "deelnemer__gemeente_id")

    uit_bijeenkomst = Q(uit_bijeenkomst=True)
    uit_vacature = Q(uit_vacature=True)
    zet(s.plaatsingsfeiten().filter(startdatum__range=s.plaatsingen_periode)
        .values("gemeente_id").annotate(
            plaatsingen_uit_bijeenkomst=Count("pk", filter=uit_bijeenkomst),
            plaatsingen_uit_vacature=Count("pk", filter=uit_vacature),
            plaatsingen_uit_bijeenkomst_of_vacature=Count(
                "pk", filter=uit_bijeenkomst | uit_vacature),
        ), "gemeente_id")

    afspraken = SocialReturnAfspraak.objects.filter(einddatum__range=(s.van, s.tot))
    if s.gemeente_ids is not None:
        afspraken = afspraken.filter(gemeente_id__in=s.gemeente_ids)
    zet(met_gerealiseerd(afspraken.order_by(), s.peildatum).values("gemeente_id").annotate(
        social_return_afspraken=Count("pk"),
        social_return_nagekomen=Count("pk", filter=Q(gerealiseerd__gte=F("aantal_plaatsingen"))),
    ), "gemeente_id")

    per = {g: {k: rij.get(k, 0) or 0 for k in SLEUTELS} for g, rij in per.items()}
    for sleutel in ("deelnemers_bijeenkomst", "plaatsingen_uit_bijeenkomst",
                    "plaatsingen_uit_vacature", "plaatsingen_uit_bijeenkomst_of_vacature",
                    "social_return_afspraken", "social_return_nagekomen"):
        totaal[sleutel] = sum(rij[sleutel] for rij in per.values())
    return {"per_gemeente": per, "totaal": {k: totaal.get(k) or 0 for k in SLEUTELS}}


def voeg_toe(rijen: list[dict], totaal: dict, cijfers: dict) -> None:
    """Zet de werkgeverscijfers in de rijen van de tabel per gemeente en in de totaalrij."""
    leeg = dict.fromkeys(SLEUTELS, 0)
    for rij in rijen:
        rij.update(cijfers["per_gemeente"].get(rij["gemeente_id"], leeg))
    totaal.update(cijfers["totaal"])


def tabel(cijfers: dict, landelijk: dict | None) -> dict:
    """De tabel van het dashboard: per indicator het cijfer van de selectie (en het landelijke
    ernaast), en per gemeente de rij (alleen als er meer dan één gemeente is)."""
    kolommen = [(k, label) for k, label in KOLOMMEN
                if not k.startswith("bijeenkomsten_") or k == "bijeenkomsten_totaal"]
    rijen = cijfers["gemeenten"]
    return {
        "indicatoren": [
            {"sleutel": k, "label": label, "waarde": cijfers["totaal"].get(k, 0),
             "landelijk": landelijk["totaal"].get(k, 0) if landelijk else None}
            for k, label in KOLOMMEN
        ],
        "kolommen": [label for _k, label in kolommen],
        "rijen": [{"gemeente": r["gemeente"], "waarden": [r.get(k, 0) for k, _l in kolommen]}
                  for r in rijen] if len(rijen) > 1 else [],
    }
