"""Werkgevers als partner in de demogegevens (issue 16): per gemeente Werkakkoorden,
contactpersonen en contacten, social return-afspraken (één achter op schema), bijeenkomsten van
elke soort met aanwezigen, vacatures met voordrachten in elke status, en plaatsingen die uit een
bijeenkomst of vacature kwamen.

Komt na het lopende programma en de historie, zodat die precies blijven zoals ze waren; alle
keuzes uit `b.rnd`, in een vaste volgorde (deterministisch), en geen primaire sleutel in een
tekst (die verschillen per database). Bestaande plaatsingen krijgen hun
herkomst: een aangenomen voordracht hoort bij een echte plaatsing bij die werkgever, en een
plaatsing uit een bijeenkomst bij een deelnemer en werkgever die er allebei waren.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..constants import GEPLAATST_SOORTEN, Soort, Status, Taalniveau
from ..models import (
    Bijeenkomst,
    Contactpersoon,
    Deelname,
    Plaatsing,
    SocialReturnAfspraak,
    Traject,
    Vacature,
    Voordracht,
    Werkgever,
    WerkgeverContact,
)
from .tijdlijn import verschuif

if TYPE_CHECKING:
    from .bouwer import Bouwer

VOORNAMEN = ["Ingrid", "Peter", "Fatima", "Jeroen", "Anouk", "Mohamed", "Sanne", "Ruud"]
ACHTERNAMEN = ["Bakker", "de Vries", "El Amrani", "Visser", "Smit", "Mulder", "de Jong"]
ROLLEN = ["HR-adviseur", "vestigingsmanager", "teamleider", "eigenaar", "recruiter"]
CONTACTNOTITIES = [
    "Kennismaking; interesse in stageplaatsen.", "Rondleiding op de werkvloer.",
    "Afspraak gemaakt over twee werkervaringsplaatsen.", "Terugkoppeling na de plaatsing.",
    "Belafspraak over social return in het contract.",
]
BIJEENKOMSTEN = {
    Bijeenkomst.Soort.ONTMOETING: "Ontmoeting werkgevers en nieuwkomers",
    Bijeenkomst.Soort.WERKBEZOEK: "Werkbezoek",
    Bijeenkomst.Soort.STAGECAFE: "Stage-café",
    Bijeenkomst.Soort.EXPERTMEETING: "Expertmeeting diplomawaardering",
    Bijeenkomst.Soort.ROLMODEL: "Rolmodel-sessie: van AZC naar eigen bedrijf",
}
ORGANISATOREN = ["Gemeente", "VluchtelingenWerk", "UAF", "UWV Werkgeversservicepunt"]


def maak_partners(b: Bouwer) -> None:
    rnd, vandaag = b.rnd, b.vandaag
    werkgevers = list(Werkgever.objects.filter(gemeente__in=b.gemeenten).order_by("pk"))
    per_gemeente: dict[int, list[Werkgever]] = {}
    for w in werkgevers:
        per_gemeente.setdefault(w.gemeente_id, []).append(w)

    # Werkakkoord (met datum), grootte, samenwerking met de volgende gemeente.
    gewijzigd = []
    for w in werkgevers:
        w.grootte = rnd.choice(["klein", "mkb", "mkb", "groot"])
        if w.werkakkoord:
            w.werkakkoord_datum = verschuif(vandaag, -rnd.randint(60, 900))
        gewijzigd.append(w)
    Werkgever.objects.bulk_update(gewijzigd, ["grootte", "werkakkoord_datum"], batch_size=500)
    for i, gemeente in enumerate(b.gemeenten):
        eigen = per_gemeente.get(gemeente.pk, [])
        if eigen:
            eigen[0].gemeenten.add(b.gemeenten[(i + 1) % len(b.gemeenten)])

    personen, contacten = [], []
    for nummer, w in enumerate(werkgevers, start=1):
        if w.contactpersoon:
            personen.append(Contactpersoon(werkgever=w, naam=w.contactpersoon, rol="HR",
                                           email=w.contact_email,
                                           telefoon=w.contact_telefoon))
        for _ in range(rnd.randint(0, 1)):
            voornaam, achternaam = rnd.choice(VOORNAMEN), rnd.choice(ACHTERNAMEN)
            personen.append(Contactpersoon(
                werkgever=w, naam=f"{voornaam} {achternaam}", rol=rnd.choice(ROLLEN),
                email=f"{voornaam.lower()}@werkgever{nummer}.example",
            ))
        medewerker = b.medewerker_van.get(w.gemeente_id)
        for _ in range(rnd.randint(1, 4)):
            contacten.append(WerkgeverContact(
                werkgever=w, gemeente_id=w.gemeente_id, medewerker_id=medewerker,
                datum=verschuif(vandaag, -rnd.randint(0, 400)),
                soort=rnd.choice(WerkgeverContact.Soort.values),
                notitie=rnd.choice(CONTACTNOTITIES),
            ))
    b.bulk(Contactpersoon, personen)
    b.bulk(WerkgeverContact, contacten)

    for gemeente in b.gemeenten:
        _per_gemeente(b, gemeente, per_gemeente.get(gemeente.pk, []))


def _open_trajecten(gemeente) -> list[Traject]:
    return list(
        Traject.objects.filter(deelnemer__gemeente=gemeente, status__in=[Status.INTAKE,
                                                                          Status.ACTIEF])
        .select_related("deelnemer").order_by("pk")
    )


def _per_gemeente(b: Bouwer, gemeente, werkgevers: list[Werkgever]) -> None:
    rnd, vandaag = b.rnd, b.vandaag
    if not werkgevers:
        return
    medewerker = b.medewerker_van.get(gemeente.pk)
    open_trajecten = _open_trajecten(gemeente)
    plaatsingen = list(
        Plaatsing.objects.filter(traject__gemeente=gemeente, traject__programma=b.live,
                                 soort__in=GEPLAATST_SOORTEN, werkgever__isnull=False,
                                 startdatum__gte=verschuif(vandaag, -330))
        .select_related("traject", "werkgever").order_by("startdatum", "pk")
    )

    # Bijeenkomsten: elke soort in het afgelopen halfjaar, en een stage-café dat nog komt.
    bijeenkomsten = []
    for j, (soort, titel) in enumerate(BIJEENKOMSTEN.items()):
        bijeenkomst = Bijeenkomst.objects.create(
            soort=soort, titel=f"{titel} {gemeente.naam}", plaats=gemeente.naam,
            datum=verschuif(vandaag, -(20 + 35 * j + rnd.randint(0, 10))),
            organisator=rnd.choice(ORGANISATOREN), aangemaakt_door_id=medewerker,
        )
        bijeenkomst.gemeenten.add(gemeente)
        # Koppelrijen in de volgorde van de keuze (`set()` volgt de volgorde van een Python-set
        # van nummers, en die verschilt tussen databases): zo is de afdruk overal gelijk.
        Bijeenkomst.werkgevers.through.objects.bulk_create([
            Bijeenkomst.werkgevers.through(bijeenkomst=bijeenkomst, werkgever=w)
            for w in rnd.sample(werkgevers, min(len(werkgevers), 3))
        ])
        aanwezig = rnd.sample(open_trajecten, min(len(open_trajecten), rnd.randint(3, 6)))
        Deelname.objects.bulk_create([
            Deelname(bijeenkomst=bijeenkomst, deelnemer_id=t.deelnemer_id,
                     vastgelegd_door_id=medewerker) for t in aanwezig
        ])
        bijeenkomsten.append(bijeenkomst)
    toekomst = Bijeenkomst.objects.create(
        soort=Bijeenkomst.Soort.STAGECAFE, titel=f"Stage-café {gemeente.naam} (gepland)",
        plaats=gemeente.naam, datum=verschuif(vandaag, 14), organisator="Gemeente",
        aangemaakt_door_id=medewerker,
    )
    toekomst.gemeenten.add(gemeente)
    b.telling.tel("bijeenkomsten", len(bijeenkomsten) + 1)

    # Een plaatsing uit een bijeenkomst: de oudste recente plaatsing, met een bijeenkomst
    # ervóór waar de deelnemer en de werkgever allebei waren.
    if plaatsingen:
        p = plaatsingen[0]
        eerder = [x for x in bijeenkomsten if x.datum <= p.startdatum]
        bron = eerder[0] if eerder else None
        if bron is None:
            bron = Bijeenkomst.objects.create(
                soort=Bijeenkomst.Soort.WERKBEZOEK, titel=f"Werkbezoek {p.werkgever.naam}",
                plaats=gemeente.naam, datum=verschuif(p.startdatum, -14),
                organisator="Gemeente", aangemaakt_door_id=medewerker)
            bron.gemeenten.add(gemeente)
        bron.werkgevers.add(p.werkgever_id)
        Deelname.objects.get_or_create(bijeenkomst=bron, deelnemer_id=p.traject.deelnemer_id,
                                       defaults={"vastgelegd_door_id": medewerker})
        p.bijeenkomst = bron
        p.save(update_fields=["bijeenkomst"])

    # Vacatures: één bij elke werkgever met een recente plaatsing (aangenomen → die
    # plaatsing), plus een open vacature met voordrachten in elke status.
    werkgever = werkgevers[0]
    vacature = Vacature.objects.create(
        werkgever=werkgever, gemeente=gemeente, soort=Soort.BAAN,
        functie=rnd.choice(["Medewerker logistiek", "Verzorgende IG", "Monteur", "Kok"]),
        sector=werkgever.sector, uren_per_week=rnd.choice([24, 32, 36]),
        taalniveau=Taalniveau.A2, aantal_plaatsen=3, open_tot=verschuif(vandaag, 45),
    )
    Vacature.objects.create(
        werkgever=werkgevers[-1], gemeente=gemeente, soort=Soort.STAGE, functie="Stagiair",
        sector=werkgevers[-1].sector, uren_per_week=16, taalniveau=Taalniveau.A1,
        aantal_plaatsen=2, open_tot=verschuif(vandaag, 60),
    )
    statussen = [Voordracht.Status.VOORGEDRAGEN, Voordracht.Status.GESPREK,
                 Voordracht.Status.AFGEWEZEN]
    voordrachten = [
        Voordracht(vacature=vacature, deelnemer_id=t.deelnemer_id, status=s, door_id=medewerker)
        for t, s in zip(open_trajecten[-3:], statussen, strict=False)
    ]
    for p in plaatsingen[1:3]:
        uit_vacature = Vacature.objects.create(
            werkgever_id=p.werkgever_id, gemeente=gemeente, soort=p.soort,
            functie=p.functie or "Medewerker", sector=werkgever.sector,
            uren_per_week=p.uren_per_week or 24, taalniveau=Taalniveau.A2, aantal_plaatsen=1,
            open_tot=verschuif(p.startdatum, -1),
        )
        voordrachten.append(Voordracht(
            vacature=uit_vacature, deelnemer_id=p.traject.deelnemer_id,
            status=Voordracht.Status.AANGENOMEN, door_id=medewerker))
        p.vacature = uit_vacature
        p.save(update_fields=["vacature"])
    b.bulk(Voordracht, voordrachten)

    # Social return: bij de werkgever met de meeste recente plaatsingen één die op schema
    # (of nagekomen) is, en bij een andere één die achterloopt.
    telling: dict[int, int] = {}
    for p in plaatsingen:
        telling[p.werkgever_id] = telling.get(p.werkgever_id, 0) + 1
    beste = max(telling, key=lambda w: (telling[w], -w)) if telling else werkgever.pk
    start = verschuif(vandaag, -340)
    SocialReturnAfspraak.objects.create(
        werkgever_id=beste, gemeente=gemeente,
        contract=f"Raamcontract schoonmaak {gemeente.naam}",
        aantal_plaatsingen=max(1, telling.get(beste, 0)), startdatum=start,
        einddatum=verschuif(vandaag, 30),
    )
    achter = next((w for w in werkgevers if w.pk != beste), werkgevers[0])
    SocialReturnAfspraak.objects.create(
        werkgever=achter, gemeente=gemeente,
        contract=f"Aanbesteding groenonderhoud {gemeente.naam}",
        aantal_plaatsingen=telling.get(achter.pk, 0) + 4,
        startdatum=verschuif(vandaag, -300), einddatum=verschuif(vandaag, 65),
    )
    b.telling.tel("social return-afspraken", 2)


__all__ = ["maak_partners"]
