"""Formuliervelden in NL Design System-stijl (`utrecht-*`), zonder inline stijl of script."""

from django import forms, template

register = template.Library()


@register.filter
def utrecht_veld(veld):
    """Render het invoerelement van een formulierveld met utrecht-klassen en ARIA-koppelingen.

    Bij een fout krijgt het element `aria-invalid` en verwijst `aria-describedby` naar de
    foutmelding (`<id>_fout`) en de toelichting (`<id>_hulp`).
    """
    widget = veld.field.widget
    if isinstance(widget, forms.CheckboxInput):
        klassen = ["utrecht-checkbox", "utrecht-checkbox--html-input"]
    elif isinstance(widget, forms.RadioSelect):
        klassen = ["utrecht-radio-button", "utrecht-radio-button--html-input"]
    elif isinstance(widget, forms.Select):
        klassen = ["utrecht-select", "utrecht-select--html-select"]
    else:
        klassen = ["utrecht-textbox", "utrecht-textbox--html-input"]
    beschreven_door = []
    attrs = {}
    if veld.errors:
        klassen.append(klassen[0] + "--invalid")
        attrs["aria-invalid"] = "true"
        beschreven_door.append(f"{veld.auto_id}_fout")
    if veld.help_text:
        beschreven_door.append(f"{veld.auto_id}_hulp")
    if beschreven_door:
        attrs["aria-describedby"] = " ".join(beschreven_door)
    bestaand = widget.attrs.get("class", "")
    attrs["class"] = " ".join(filter(None, [bestaand, *klassen]))
    return veld.as_widget(attrs=attrs)
