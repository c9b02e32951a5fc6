"""De groep "privacy" met de rechten die niet bij elk beheerdersaccount horen
(docs/domain.md, "Rollen"): inzageverzoeken downloaden, het toegangslog inzien en de meldingen
"BSN bestaat in andere gemeente" zien en afhandelen. Wie ze krijgt, beslist een superuser door
accounts aan de groep toe te voegen.

Idempotent: rechten en groep worden opgezocht of gemaakt, nooit dubbel. De rechten staan ook in
de `Meta` van hun model; Django maakt ze na `migrate` zelf aan, maar deze migratie heeft ze al
nodig en maakt ze daarom zelf (met dezelfde codenaam, dus zonder dubbelen).
"""

from django.db import migrations

GROEP = "privacy"  # gemeenten.toegang.PRIVACYGROEP
RECHTEN = [
    # (app, model, codenaam, naam)
    ("trajecten", "deelnemer", "inzageverzoek_downloaden",
     "Mag een inzageverzoek (AVG art. 15) downloaden"),
    ("gemeenten", "toegangslog", "toegangslog_inzien", "Mag het toegangslog inzien en exporteren"),
    ("gemeenten", "bsnmelding", "view_bsnmelding", "Can view melding BSN in andere gemeente"),
    ("gemeenten", "bsnmelding", "change_bsnmelding", "Can change melding BSN in andere gemeente"),
]


def maak_groep(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    groep, _ = Group.objects.get_or_create(name=GROEP)
    for app_label, model, codenaam, naam in RECHTEN:
        soort, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        recht, _ = Permission.objects.get_or_create(
            content_type=soort, codename=codenaam, defaults={"name": naam}
        )
        groep.permissions.add(recht)


def verwijder_groep(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROEP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("gemeenten", "0004_toegangslog_inzage_en_bsnmelding"),
        ("trajecten", "0004_intake_versie_en_inzagerecht"),
    ]
    operations = [migrations.RunPython(maak_groep, verwijder_groep)]
