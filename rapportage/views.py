"""Dashboards en exports. Dun: toegang, filters parsen, selector aanroepen, tonen."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from config.replica import op_replica
from gemeenten.models import Gemeente
from gemeenten.toegang import Toegang, toegang
from gemeenten.toegangslog import Actie, registreer_toegang

from . import cache, export, selectors
from .forms import RapportageFilterForm
from .models import Programma

DASHBOARD_ROLLEN = (Toegang.COORDINATOR, Toegang.LANDELIJK)


def _toon(request, *, form, gemeente=None, gemeente_keuzes=None):
    """Toont een dashboard. De inhoud (filters, cijfers, tabellen, grafiekdata) hangt alleen af
    van de gegevens en de gevalideerde filters, niet van de gebruiker (de toegang is al
    gecontroleerd): de gerenderde HTML wordt gecachet onder de versies van de cijfers
    (`cache.pagina_html`). Een warme request doet zo alleen sessie, rollen, programma en
    versies als query. Boven de inhoud staat hoe recent de cijfers zijn en of het de laatst
    bekende zijn (herberekening loopt) of live berekende."""
    context = {
        "form": form,
        "gemeente": gemeente,
        "gemeente_keuzes": gemeente_keuzes,
        "programmas": Programma.objects.order_by("-startdatum").values("pk", "naam"),
        "gekozen_gemeenten": set(request.GET.getlist("gemeente")),
        "pad": request.path,
    }
    if not form.is_valid():
        return render(request, "rapportage/dashboard.html", context, status=400)
    filters = form.cleaned_data
    selectie = selectors.selectie_voor(request.user, filters, gemeente=gemeente)
    filter_query = selectors.filter_query(filters, gemeente=gemeente)
    sorteer = filters.get("sorteer") or ""
    context.update(filters=filters, programma=filters["programma"], selectie=selectie,
                   filter_query=filter_query, sorteer=sorteer)
    context["gekozen_gemeenten"] = {g.cbs_code for g in filters.get("gemeente") or []}

    def inhoud(bron):
        gegevens = selectors.pagina_gegevens(selectie, sorteer=sorteer, bron=bron)
        return render_to_string("rapportage/_inhoud.html", {**context, **gegevens})

    sleutel = (selectie, get_language(), gemeente.pk if gemeente else None, filter_query,
               sorteer)
    # `render_to_string` geeft een SafeString (ge-autoescapet); die blijft dat ook na een
    # rondreis door de cache (pickle bewaart de klasse), dus geen mark_safe nodig.
    html, bron = cache.pagina_html(selectie, sleutel, inhoud)
    context["inhoud"] = html
    context["stand"] = {"tijd": bron.stand, "herkomst": bron.herkomst}
    if gemeente is not None:
        context["werkverdeling"] = selectors.werkverdeling(gemeente)
    return render(request, "rapportage/dashboard.html", context)


@toegang(Toegang.LANDELIJK)
def landelijk(request):
    """Het landelijke dashboard: alle gemeenten, of de gekozen gemeenten."""
    gemeenten = Gemeente.objects.order_by("naam")
    form = RapportageFilterForm(request.GET, gemeenten=gemeenten)
    keuzes = gemeenten.values_list("cbs_code", "naam")
    return _toon(request, form=form, gemeente_keuzes=keuzes)


@toegang(*DASHBOARD_ROLLEN)
def gemeente(request, cbs_code):
    """Het dashboard van één gemeente, met het landelijke cijfer ernaast. Een coördinator van
    een andere gemeente krijgt 404."""
    gemeente = get_object_or_404(selectors.gemeenten_voor(request.user), cbs_code=cbs_code)
    form = RapportageFilterForm(request.GET)
    return _toon(request, form=form, gemeente=gemeente)


def _export(request, maak):
    gemeenten = selectors.gemeenten_voor(request.user)
    form = RapportageFilterForm(request.GET, gemeenten=gemeenten)
    if not form.is_valid():
        fouten = [str(f) for lijst in form.errors.values() for f in lijst]
        return HttpResponse(
            _("De filters zijn ongeldig: %(fouten)s") % {"fouten": " ".join(fouten)},
            status=400, content_type="text/plain; charset=utf-8",
        )
    filters = form.cleaned_data
    selectie = selectors.selectie_voor(request.user, filters)
    # BIO2 8.15.01: ook een export van alleen aggregaten komt in het toegangslog.
    registreer_toegang(request=request, actie=Actie.EXPORT, toelichting=(
        f"rapportage per gemeente (aggregaten), programma {filters['programma'].pk}"))
    return op_replica(maak, selectie, filters)


def _bijlage(inhoud, content_type, naam):
    response = HttpResponse(inhoud, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


@toegang(*DASHBOARD_ROLLEN)
def export_csv(request):
    """De tabel per gemeente (met totaalrij) voor de filters in de querystring, als CSV."""

    def maak(selectie, filters):
        cijfers = cache.dashboard(selectie)
        naam = export.bestandsnaam(filters["programma"].naam, timezone.localdate(), "csv")
        return _bijlage(export.als_csv(cijfers["gemeenten"], cijfers["totaal"]),
                        "text/csv; charset=utf-8", naam)

    return _export(request, maak)


@toegang(*DASHBOARD_ROLLEN)
def export_xlsx(request):
    """Het rapport voor de filters in de querystring, als Excel-bestand: samenvatting, tabel
    per gemeente, trend per maand en toelichting; dezelfde cijfers als het scherm."""

    def maak(selectie, filters):
        vandaag = timezone.localdate()
        naam = export.bestandsnaam(filters["programma"].naam, vandaag, "xlsx")
        inhoud = export.als_xlsx(selectors.pagina_gegevens(selectie), filters=filters,
                                 selectie=selectie, gemaakt_op=vandaag)
        return _bijlage(
            inhoud,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            naam,
        )

    return _export(request, maak)
