"""Hulp voor de tests van de werkplek."""


def verstuur(client, url: str, data: dict):
    """Verstuur een formulier zoals de browser: eerst de pagina openen, dan posten met de
    verborgen velden die de pagina meegaf (de `versie` waarop het formulier gebaseerd is) plus
    `data`."""
    pagina = client.get(url)
    assert pagina.status_code == 200, url
    verborgen = {
        veld.name: veld.value()
        for veld in pagina.context["form"].hidden_fields()
        if veld.value() is not None
    }
    return client.post(url, {**verborgen, **data})
