"""De keep-alive van de sessie: `POST /sessie/verlengen/` (met CSRF-token).

De melding "Blijf ingelogd" en het typen in een formulier (static/js/app.js) roepen hem aan.
Hij verlengt alleen de inactiviteitstermijn; de grens van twaalf uur na het inloggen blijft
(`SessieMiddleware`). Is de sessie al verlopen, dan stuurt de middleware door naar het
inloggen, zoals bij elke andere pagina. Het antwoord bevat geen persoonsgegevens.
"""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .beveiliging import verleng_sessie
from .toegang import Toegang, toegang


@toegang(Toegang.INGELOGD)
@require_POST
@never_cache
def sessie_verlengen(request):
    """Antwoord: de seconden tot de inactiviteitsgrens en tot de twaalfurengrens."""
    tijden = verleng_sessie(request.session)
    return JsonResponse({"inactief": tijden.inactief, "absoluut": tijden.absoluut})
