"""De startpagina `/`: stuurt elke gebruiker naar de startpagina van zijn rol."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from .models import Gemeente
from .toegang import Toegang, rollen_van, toegang


def startpagina_voor(user) -> str | None:
    """Het pad waar `user` begint, of None als de gebruiker (nog) geen rol heeft.

    Medewerker → werkvoorraad; landelijke coördinator → landelijke rapportage;
    coördinator van een gemeente → de rapportage van (de eerste van) zijn gemeente(n);
    beheerder → de admin. Wie meer rollen heeft, begint bij de eerste in die volgorde.
    """
    rollen = rollen_van(user)
    if Toegang.MEDEWERKER in rollen:
        return "/werkvoorraad/"
    if Toegang.LANDELIJK in rollen:
        return "/rapportage/"
    if Toegang.COORDINATOR in rollen:
        gemeente = Gemeente.objects.voor_rapportage(user).order_by("naam").first()
        if gemeente:
            return f"/rapportage/gemeente/{gemeente.cbs_code}/"
    if Toegang.BEHEERDER in rollen:
        return "/admin/"
    return None


@toegang(Toegang.INGELOGD)
@require_GET
def start(request):
    pad = startpagina_voor(request.user)
    if pad:
        return redirect(pad)
    return render(request, "gemeenten/geen_rol.html", status=200)
