"""Bulkimport van deelnemers voor medewerkers: uploaden, foutrapport per rij, sjablonen.

Dun: de view leest en begrenst het bestand meteen (`lees_bestand`; een te groot of onleesbaar
bestand wordt direct geweigerd) en geeft het als `Importopdracht` aan de wachtrij
(`trajecten.import_opdracht`); de statuspagina toont de voortgang en daarna het rapport. Elke
poging (gelukt, geweigerd of mislukt) komt in het toegangslog, zonder persoonsgegevens: alleen
aantallen.
"""

from pathlib import PurePath

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from gemeenten.beveiliging import client_ip
from gemeenten.models import Gemeente
from gemeenten.toegang import Toegang, toegang
from gemeenten.toegangslog import Actie, Resultaat, registreer_toegang

from .import_opdracht import importopdracht_aanmaken, opgeslagen_voortgang
from .importeren import (
    KOLOM_TOELICHTING,
    KOLOMMEN,
    MAX_BESTANDSGROOTTE,
    MAX_CELLENGTE,
    MAX_GETOONDE_FOUTEN,
    MAX_KOLOMMEN,
    MAX_RIJEN,
    VERPLICHTE_KOLOMMEN,
    Importfout,
    ImportGeweigerd,
    lees_bestand,
    sjabloon_csv,
    sjabloon_xlsx,
)
from .models import Importopdracht

#: Zo vaak ververst de statuspagina zichzelf zolang de import loopt (zonder JavaScript).
IMPORT_VERVERSEN_SECONDEN = 2

#: Ruimte voor de multipart-omhulling rond het bestand zelf.
MAX_VERZOEK = MAX_BESTANDSGROOTTE + 64 * 1024


class ImportFormulier(forms.Form):
    bestand = forms.FileField(
        label=_lazy("Bestand met deelnemers (CSV of XLSX)"),
        allow_empty_file=True,
        error_messages={"required": _lazy("Kies een CSV- of XLSX-bestand om te importeren.")},
    )


def _context(formulier, fouten=None):
    return {
        "formulier": formulier,
        "fouten": (fouten or [])[:MAX_GETOONDE_FOUTEN],
        "aantal_fouten": len(fouten or []),
        "max_getoond": MAX_GETOONDE_FOUTEN,
        "kolommen": [
            (k, k in VERPLICHTE_KOLOMMEN, KOLOM_TOELICHTING[k]) for k in KOLOMMEN
        ],
        "max_mb": MAX_BESTANDSGROOTTE // (1024 * 1024),
        "max_rijen": MAX_RIJEN,
        "max_kolommen": MAX_KOLOMMEN,
        "max_cellengte": MAX_CELLENGTE,
    }


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def import_formulier(request):
    if request.method != "POST":
        return render(request, "trajecten/import_formulier.html", _context(ImportFormulier()))

    try:
        lengte = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        lengte = 0
    if lengte > MAX_VERZOEK:
        # Het te grote bestand niet eerst helemaal inlezen om het daarna te weigeren.
        te_groot = Importfout(None, "", _(
            "Het bestand is groter dan %(mb)s MB. Splits het in kleinere bestanden."
        ) % {"mb": MAX_BESTANDSGROOTTE // (1024 * 1024)})
        return render(
            request, "trajecten/import_formulier.html",
            _context(ImportFormulier(), [te_groot]), status=413,
        )

    formulier = ImportFormulier(request.POST, request.FILES)
    if not formulier.is_valid():
        return render(request, "trajecten/import_formulier.html", _context(formulier))

    bestand = formulier.cleaned_data["bestand"]
    # Eén byte meer dan de grens is genoeg om te weten dat het bestand te groot is.
    inhoud = bestand.read(MAX_BESTANDSGROOTTE + 1)
    try:
        # Vorm en grenzen meteen (begrensd lezen); de controle per rij en het opslaan op de
        # wachtrij.
        _kop, data = lees_bestand(inhoud=inhoud, bestandsnaam=bestand.name)
    except ImportGeweigerd as geweigerd:
        registreer_toegang(
            request=request, actie=Actie.IMPORT, resultaat=Resultaat.GEWEIGERD,
            toelichting=f"deelnemers: geweigerd, {len(geweigerd.fouten)} fouten",
        )
        return render(
            request, "trajecten/import_formulier.html", _context(formulier, geweigerd.fouten)
        )
    opdracht = importopdracht_aanmaken(
        door=request.user, inhoud=inhoud, soort=PurePath(bestand.name).suffix.lower(),
        rijen=len(data), pad=request.path, ip_adres=client_ip(request),
    )
    return redirect("importeren:status", opdracht=opdracht.pk)


@toegang(Toegang.MEDEWERKER)
@require_GET
def import_status(request, opdracht):
    """Voortgang en rapport van een import; alleen voor wie het bestand uploadde (anders 404)."""
    opdracht = get_object_or_404(Importopdracht.objects.voor(request.user), pk=opdracht)
    fouten = [Importfout(rij, kolom, reden) for rij, kolom, reden in opdracht.fouten]
    context = _context(ImportFormulier(), fouten)
    context.update({
        "opdracht": opdracht,
        "aantal_fouten": opdracht.aantal_fouten,
        "opgeslagen": opgeslagen_voortgang(opdracht),
        "verdeling": _verdeling(opdracht.per_gemeente) if opdracht.per_gemeente else "",
        "verversen": IMPORT_VERVERSEN_SECONDEN,
    })
    return render(request, "trajecten/import_status.html", context)


def _verdeling(per_gemeente: dict[str, int]) -> str:
    namen = dict(
        Gemeente.objects.filter(cbs_code__in=per_gemeente).values_list("cbs_code", "naam")
    )
    return ", ".join(
        f"{namen.get(code, code)}: {aantal}" for code, aantal in sorted(per_gemeente.items())
    )


@toegang(Toegang.MEDEWERKER)
@require_GET
def sjabloon_csv_downloaden(request):
    antwoord = HttpResponse(sjabloon_csv(), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = 'attachment; filename="deelnemers-sjabloon.csv"'
    return antwoord


@toegang(Toegang.MEDEWERKER)
@require_GET
def sjabloon_xlsx_downloaden(request):
    antwoord = HttpResponse(
        sjabloon_xlsx(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    antwoord["Content-Disposition"] = 'attachment; filename="deelnemers-sjabloon.xlsx"'
    return antwoord
