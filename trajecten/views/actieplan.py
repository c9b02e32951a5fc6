"""Het actieplan (ook op papier), het opleidingsbudget en de documenten van een dossier."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gemeenten.toegang import Toegang, toegang
from gemeenten.toegangslog import Actie as LogActie
from gemeenten.toegangslog import registreer_toegang

from .. import selectors
from ..forms import ActieForm, ActieStatusForm, DocumentForm, UitgaveForm
from ..models import ActieStatus, DocumentSoort
from ..selectors.actieplan import (
    actie_ophalen,
    document_ophalen,
    voortgang,
)
from ..selectors.actieplan import (
    actieplan as acties_van,
)
from ..services.actieplan import actie_status_wijzigen, actie_toevoegen
from ..services.budget import besteed, budget_van, uitgave_registreren
from ..services.documenten import document_uploaden, document_verwijderen
from .basis import _dossier_url, _formulierpagina, _post


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def actieplan(request, pk: int):
    """Het actieplan van een traject: de acties met hun status, en een actie toevoegen."""
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    naar = reverse("trajecten:actieplan", args=[traject.pk])

    def context():
        acties = acties_van(traject)
        return {
            "traject": traject, "deelnemer": traject.deelnemer, "acties": acties,
            "voortgang": voortgang(acties), "intake": selectors.intake_van(traject),
            "ActieStatus": ActieStatus,
        }

    return _formulierpagina(
        request, form=ActieForm(_post(request)),
        opslaan=partial(actie_toevoegen, traject=traject, door=request.user),
        melding=_("De actie staat in het actieplan."), naar=naar,
        template="trajecten/actieplan.html", context=context,
    )


@toegang(Toegang.MEDEWERKER)
@require_POST
def actie_status(request, pk: int):
    """Een actie afvinken (gedaan), laten vervallen of weer openzetten (alleen POST, vanaf het
    actieplan)."""
    actie = actie_ophalen(user=request.user, pk=pk)
    form = ActieStatusForm(request.POST)
    fouten = [f for lijst in form.errors.values() for f in lijst]
    if form.is_valid():
        try:
            actie_status_wijzigen(actie=actie, door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            fouten = exc.messages
    if fouten:
        messages.error(request, " ".join(fouten))
    else:
        messages.success(request, _("De actie is bijgewerkt."))
    return redirect("trajecten:actieplan", pk=actie.traject_id)


@toegang(Toegang.MEDEWERKER)
@require_GET
def actieplan_afdrukken(request, pk: int):
    """Het actieplan op A4, om te tekenen: naam en geboortedatum, behandelaar en coach,
    beroepswens, taalniveau, de acties met deadlines en twee handtekeningen. Geen navigatie,
    knoppen, BSN of historie."""
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    acties = [a for a in acties_van(traject) if a.status != ActieStatus.VERVALLEN]
    return render(request, "trajecten/actieplan_afdrukken.html", {
        "traject": traject, "deelnemer": traject.deelnemer, "acties": acties,
        "intake": selectors.intake_van(traject), "voortgang": voortgang(acties),
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def budget(request, pk: int):
    """Het opleidingsbudget van een traject: de uitgaven, de rest, en een uitgave vastleggen."""
    traject = selectors.traject_ophalen(user=request.user, pk=pk)

    def context():
        totaal, uitgegeven = budget_van(traject), besteed(traject)
        return {
            "traject": traject, "deelnemer": traject.deelnemer,
            "uitgaven": traject.uitgaven.select_related("goedgekeurd_door"),
            "budget": totaal, "besteed": uitgegeven, "rest": totaal - uitgegeven,
        }

    return _formulierpagina(
        request, form=UitgaveForm(_post(request)),
        opslaan=partial(uitgave_registreren, traject=traject, door=request.user),
        melding=_("De uitgave is vastgelegd."),
        naar=reverse("trajecten:budget", args=[traject.pk]),
        template="trajecten/budget.html", context=context,
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def documenten(request, pk: int):
    """Een document uploaden bij de deelnemer."""
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    form = DocumentForm(_post(request), request.FILES if request.method == "POST" else None,
                        initial={"soort": request.GET.get("soort") or DocumentSoort.OVERIG})
    return _formulierpagina(
        request, form=form,
        opslaan=partial(document_uploaden, deelnemer=deelnemer, door=request.user),
        melding=_("Het document is opgeslagen."), naar=_dossier_url(deelnemer.pk, "documenten"),
        template="trajecten/document_form.html", context={"deelnemer": deelnemer},
    )


@toegang(Toegang.MEDEWERKER)
@require_GET
def document_downloaden(request, pk: int):
    """Het bestand als bijlage, alleen via deze gescopete view (een document van een andere
    gemeente geeft 404), met een regel in het toegangslog. Nooit via WhiteNoise of een
    voorspelbare URL: er is geen MEDIA_URL."""
    document = document_ophalen(user=request.user, pk=pk)
    registreer_toegang(request=request, actie=LogActie.GEGEVENS_BEKEKEN, object=document,
                       toelichting=f"document gedownload ({document.soort})")
    extensie = document.bestand.name.rsplit(".", 1)[-1]
    response = FileResponse(
        document.bestand.open("rb"), as_attachment=True,
        filename=f"{document.soort}-{document.pk}.{extensie}", content_type=document.mimetype,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@toegang(Toegang.MEDEWERKER)
@require_POST
def document_verwijderen_view(request, pk: int):
    document = document_ophalen(user=request.user, pk=pk)
    deelnemer_id = document.deelnemer_id
    document_verwijderen(document=document, door=request.user)
    messages.success(request, _("Het document is verwijderd."))
    return redirect(_dossier_url(deelnemer_id, "documenten"))
