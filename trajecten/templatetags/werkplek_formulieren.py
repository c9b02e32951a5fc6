"""Formuliervelden in NL Design System-stijl, toegankelijk.

`{% veld form.naam %}` toont label, hulptekst, foutmelding en invoer. De foutmelding en de
hulptekst hebben de id's die Django zelf in `aria-describedby` zet (`<id>_error`,
`<id>_helptext`); bij een fout krijgt de invoer `aria-invalid="true"` en de `--invalid`-klasse.
Keuzelijsten met vinkjes of rondjes worden een `<fieldset>` met `<legend>`.
`{% foutoverzicht form %}` toont bovenaan een `utrecht-alert--error` met links naar de velden.
"""

from django import forms, template

register = template.Library()

ONGELDIG = {
    forms.Select: "utrecht-select--invalid",
    forms.Textarea: "utrecht-textarea--invalid",
    forms.CheckboxInput: "utrecht-checkbox--invalid",
    forms.widgets.Input: "utrecht-textbox--invalid",
}


def _ongeldig_klasse(widget) -> str:
    for klasse, naam in ONGELDIG.items():
        if isinstance(widget, klasse):
            return naam
    return ""


@register.inclusion_tag("includes/veld.html")
def veld(bound_field, **opties):
    widget = bound_field.field.widget
    attrs = {}
    if bound_field.errors:
        attrs["class"] = (
            f"{widget.attrs.get('class', '')} {_ongeldig_klasse(widget)}".strip()
        )
    describedby = " ".join(
        filter(
            None,
            [
                f"{bound_field.auto_id}_error" if bound_field.errors else "",
                f"{bound_field.auto_id}_helptext" if bound_field.help_text else "",
            ],
        )
    )
    soort = "tekst"
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        soort = "groep"
    elif isinstance(widget, forms.CheckboxInput):
        soort = "vinkje"
    elif widget.is_hidden:
        soort = "verborgen"
    return {
        "veld": bound_field,
        "soort": soort,
        "widget_html": bound_field.as_widget(attrs=attrs) if soort != "groep" else "",
        "describedby": describedby,
        "opties": opties,
    }


@register.inclusion_tag("includes/foutoverzicht.html")
def foutoverzicht(*formulieren):
    """Een foutoverzicht voor één of meer formulieren (niets als er geen fouten zijn)."""
    algemeen, per_veld = [], []
    for form in formulieren:
        if not form or not form.is_bound or not form.errors:
            continue
        algemeen.extend(form.non_field_errors())
        for bf in form:
            for fout in bf.errors:
                doel = bf.auto_id
                if isinstance(bf.field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                    doel = f"{bf.auto_id}_0"
                per_veld.append({"label": bf.label, "fout": fout, "doel": doel})
    return {"algemeen": algemeen, "per_veld": per_veld,
            "heeft_fouten": bool(algemeen or per_veld)}
