"""De elf voortrekkersgemeenten van het Vervolg Banenoffensief (docs/domain.md, "Het programma")."""

from django.db import migrations

from gemeenten.constants import VOORTREKKERSGEMEENTEN as PILOTS


def seed(apps, schema_editor):
    Gemeente = apps.get_model("gemeenten", "Gemeente")
    for cbs_code, naam, provincie in PILOTS:
        Gemeente.objects.update_or_create(
            cbs_code=cbs_code, defaults={"naam": naam, "provincie": provincie, "is_pilot": True}
        )


def unseed(apps, schema_editor):
    Gemeente = apps.get_model("gemeenten", "Gemeente")
    Gemeente.objects.filter(cbs_code__in=[p[0] for p in PILOTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("gemeenten", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
