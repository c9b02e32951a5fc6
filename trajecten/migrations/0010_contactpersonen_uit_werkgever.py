"""De contactpersoon die al bij een werkgever stond (naam, e-mail, telefoon), ook als
`Contactpersoon` (issue 16). Idempotent: een contactpersoon met die naam bij die werkgever
wordt niet nog eens gemaakt; terugdraaien laat de contactpersonen staan."""

from django.db import migrations


def kopieer(apps, schema_editor):
    Werkgever = apps.get_model("trajecten", "Werkgever")
    Contactpersoon = apps.get_model("trajecten", "Contactpersoon")
    for werkgever in Werkgever.objects.exclude(contactpersoon="").order_by("pk").iterator():
        Contactpersoon.objects.get_or_create(
            werkgever=werkgever, naam=werkgever.contactpersoon.strip(),
            defaults={"email": werkgever.contact_email,
                      "telefoon": werkgever.contact_telefoon},
        )


class Migration(migrations.Migration):
    dependencies = [("trajecten", "0009_werkgevers_als_partner")]

    operations = [migrations.RunPython(kopieer, migrations.RunPython.noop)]
