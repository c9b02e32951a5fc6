"""Kleine weergavehulpjes voor de werkplek: statusbadges, sorteerkoppen en het menu."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from gemeenten.toegang import Toegang, rollen_van
from trajecten.constants import Status

register = template.Library()

BADGE = {
    Status.AANGEMELD: "utrecht-status-badge--neutral",
    Status.INTAKE: "utrecht-status-badge--active",
    Status.ACTIEF: "utrecht-status-badge--active",
    Status.GEPLAATST: "utrecht-status-badge--success",
    Status.NAZORG: "utrecht-status-badge--safe",
    Status.AFGEROND: "utrecht-status-badge--inactive",
    Status.UITGEVALLEN: "utrecht-status-badge--danger",
}


@register.inclusion_tag("includes/status_badge.html")
def status_badge(status):
    """Een statusbadge; tekst én kleur, zodat kleur nooit de enige drager is."""
    if not status:
        return {"klasse": "utrecht-status-badge--neutral", "label": _("geen traject")}
    try:
        label = Status(status).label
    except ValueError:
        label = status
    return {"klasse": BADGE.get(status, "utrecht-status-badge--neutral"), "label": label,
            "status": status}


@register.inclusion_tag("includes/sorteerkop.html", takes_context=True)
def sorteerkop(context, veld, label, numeriek=False):
    """Een `<th>` met een sorteerlink (oplopend ↔ aflopend) en `aria-sort`."""
    request = context["request"]
    huidig = request.GET.get("o", "")
    if huidig == veld:
        volgende, aria = f"-{veld}", "ascending"
    elif huidig == f"-{veld}":
        volgende, aria = veld, "descending"
    else:
        volgende, aria = veld, None
    params = request.GET.copy()
    params["o"] = volgende
    params.pop("page", None)
    return {"href": f"?{params.urlencode()}", "label": label, "aria": aria,
            "numeriek": numeriek}


def _pad(naam, *args):
    try:
        return reverse(naam, args=args)
    except NoReverseMatch:
        return None


@register.simple_tag(takes_context=True)
def menu(context):
    """De menu-items voor de rollen van de gebruiker: (label, url, actief)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return []
    rollen = rollen_van(user)
    items = []
    if Toegang.MEDEWERKER in rollen:
        items += [
            (_("Werkvoorraad"), _pad("trajecten:werkvoorraad")),
            (_("Agenda"), _pad("trajecten:agenda")),
            (_("Deelnemers"), _pad("trajecten:deelnemer_lijst")),
            (_("Werkgevers"), _pad("trajecten:werkgever_lijst")),
            (_("Bijeenkomsten"), _pad("trajecten:bijeenkomst_lijst")),
            (_("Vacatures"), _pad("trajecten:vacature_lijst")),
        ]
    if Toegang.LANDELIJK in rollen:
        items.append((_("Rapportage"), "/rapportage/"))
    elif Toegang.COORDINATOR in rollen:
        from gemeenten.models import Gemeente

        for gemeente in Gemeente.objects.voor_rapportage(user).order_by("naam")[:5]:
            items.append((_("Rapportage %(gemeente)s") % {"gemeente": gemeente.naam},
                          f"/rapportage/gemeente/{gemeente.cbs_code}/"))
    if Toegang.BEHEERDER in rollen:
        items.append((_("Beheer"), "/admin/"))
    pad = request.path
    return [
        {"label": label, "url": url, "actief": bool(url) and pad.startswith(url)}
        for label, url in items
        if url
    ]


@register.filter
def taalnamen(codes):
    """ISO 639-1-codes als Nederlandse taalnamen, met komma's."""
    from trajecten.constants import Taal

    namen = dict(Taal.choices)
    return ", ".join(str(namen.get(c, c)) for c in (codes or []))


@register.filter
def belemmeringnamen(codes):
    from trajecten.constants import Belemmering

    namen = dict(Belemmering.choices)
    return [str(namen.get(c, c)) for c in (codes or [])]

