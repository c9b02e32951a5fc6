"""Inzageverzoek (AVG artikel 15): een beheerder downloadt alles over één deelnemer als JSON."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gemeenten.models import Toegangslog
from gemeenten.toegang import RECHT_INZAGEVERZOEK, Toegang, toegang
from gemeenten.toegangslog import registreer_toegang

from .avg import inzageverzoek
from .models import Deelnemer


@toegang(Toegang.BEHEERDER, rechten=(RECHT_INZAGEVERZOEK,))
def inzageverzoek_downloaden(request, pk: int):
    """JSON-bestand met alles over deelnemer `pk`, alleen voor een beheerder met het recht op
    inzageverzoeken (groep "privacy"); de download komt eerst in het toegangslog."""
    deelnemer = get_object_or_404(Deelnemer, pk=pk)
    registreer_toegang(request=request, actie=Toegangslog.Actie.INZAGEVERZOEK, object=deelnemer)
    inhoud = json.dumps(
        inzageverzoek(deelnemer=deelnemer), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(inhoud, content_type="application/json; charset=utf-8")
    # Alleen het nummer in de bestandsnaam: een naam hoort niet in downloads- of proxylogs.
    bestandsnaam = f"inzageverzoek-deelnemer-{deelnemer.pk}-{timezone.localdate():%Y%m%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response
