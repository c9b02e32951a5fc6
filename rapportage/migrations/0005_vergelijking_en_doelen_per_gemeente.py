"""Programma.vergelijk_met en ten hoogste één doel per indicator voor de hele looptijd, per
gemeente en voor het hele programma (docs/domain.md, "Indicatoren"). De koppeling van de
twee geseede programma's staat in 0006 (een eigen transactie: op PostgreSQL mag er na de
uitgestelde versietrigger geen index meer bij komen)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('gemeenten', '0003_toegangslog'),
        ('rapportage', '0004_versie_triggers'),
    ]

    operations = [
        migrations.AddField(
            model_name='programma',
            name='vergelijk_met',
            field=models.ForeignKey(blank=True, help_text="Een eerder programma; het dashboard zet de personen geplaatst van beide programma's naast elkaar op dezelfde dag sinds hun start.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='rapportage.programma', verbose_name='vergelijken met'),
        ),
        migrations.AddConstraint(
            model_name='doelstelling',
            constraint=models.UniqueConstraint(condition=models.Q(('einddatum__isnull', True), ('gemeente__isnull', False), ('startdatum__isnull', True)), fields=('programma', 'indicator', 'gemeente'), name='doelstelling_een_per_gemeente', violation_error_message='Deze gemeente heeft voor deze indicator al een doel voor de hele looptijd.'),
        ),
        migrations.AddConstraint(
            model_name='doelstelling',
            constraint=models.UniqueConstraint(condition=models.Q(('einddatum__isnull', True), ('gemeente__isnull', True), ('startdatum__isnull', True)), fields=('programma', 'indicator'), name='doelstelling_een_per_programma', violation_error_message='Dit programma heeft voor deze indicator al een doel voor de hele looptijd.'),
        ),
    ]
