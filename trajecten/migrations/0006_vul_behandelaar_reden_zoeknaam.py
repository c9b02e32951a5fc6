"""Bestaande gegevens bij de velden van 0005 (docs/domain.md, "Het model"):

- `Deelnemer.zoeknaam`: achternaam en voornaam, gevouwen (`trajecten.zoeken.zoeknaam`);
- `Traject.behandelaar`: de medewerker die de intake vastlegde, als die nog medewerker van de
  gemeente van het traject is; anders leeg (het traject staat dan bij iedereen onder 'Mijn
  dossiers' tot iemand het oppakt);
- `Traject.reden_afgerond` van elk afgerond traject: *werk* als er een baan, stage of
  werkervaringsplaats op staat, anders *anders* (0007 eist daarna een reden).

Terugdraaien hoeft niets te doen: 0005 terugdraaien haalt de velden weg.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef, Subquery

from trajecten.zoeken import zoeknaam

PARTIJ = 2000


def vul(apps, schema_editor):
    Deelnemer = apps.get_model("trajecten", "Deelnemer")
    Traject = apps.get_model("trajecten", "Traject")
    Intake = apps.get_model("trajecten", "Intake")
    Plaatsing = apps.get_model("trajecten", "Plaatsing")
    Lidmaatschap = apps.get_model("gemeenten", "Lidmaatschap")

    laatste = 0
    while True:
        partij = list(
            Deelnemer.objects.filter(pk__gt=laatste).order_by("pk")
            .only("pk", "voornaam", "achternaam")[:PARTIJ]
        )
        if not partij:
            break
        for deelnemer in partij:
            deelnemer.zoeknaam = zoeknaam(deelnemer.voornaam, deelnemer.achternaam)
        Deelnemer.objects.bulk_update(partij, ["zoeknaam"])
        laatste = partij[-1].pk

    intake_medewerker = Intake.objects.filter(traject=OuterRef("pk")).values("medewerker")[:1]
    nog_medewerker = Lidmaatschap.objects.filter(
        user=OuterRef("_intake_medewerker"), gemeente=OuterRef("gemeente"), rol="medewerker",
    )
    pks = (
        Traject.objects.annotate(_intake_medewerker=Subquery(intake_medewerker))
        .filter(Exists(nog_medewerker))
        .values("pk")
    )
    Traject.objects.filter(pk__in=pks).update(behandelaar=Subquery(intake_medewerker))

    met_werk = Plaatsing.objects.filter(
        traject=OuterRef("pk"), soort__in=["baan", "stage", "werkervaringsplaats"]
    )
    afgerond = Traject.objects.filter(status="afgerond", reden_afgerond="")
    afgerond.filter(Exists(met_werk)).update(reden_afgerond="werk")
    afgerond.update(reden_afgerond="anders")


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0003_toegangslog"),
        ("trajecten", "0005_agenda_behandelaar_wachtlijst"),
    ]

    operations = [migrations.RunPython(vul, migrations.RunPython.noop, elidable=True)]
