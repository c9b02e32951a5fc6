"""docs/domain.md, sectie "Indicatoren", bevat elke definitie letterlijk zoals het rapport
(blad Toelichting) hem toont: documentatie, rapport en code lopen niet uiteen."""

from pathlib import Path

from django.conf import settings
from django.utils import translation

from rapportage.toelichting import DEFINITIES


def sectie_indicatoren() -> str:
    tekst = (Path(settings.BASE_DIR) / "docs" / "domain.md").read_text(encoding="utf-8")
    begin = tekst.index("## Indicatoren")
    einde = tekst.find("\n## ", begin + 1)
    return " ".join(tekst[begin:einde if einde > 0 else None].split())


def test_elke_definitie_staat_letterlijk_in_docs_domain_md():
    sectie = sectie_indicatoren()
    with translation.override("nl"):
        for term, tekst in DEFINITIES:
            assert f"**{term}.** {tekst}" in sectie, term


def test_de_code_verwijst_naar_docs_domain_md_en_niet_naar_buiten():
    for pad in (Path(settings.BASE_DIR) / "rapportage").rglob("*.py"):
        inhoud = pad.read_text(encoding="utf-8")
        assert "DOMAIN.md" not in inhoud, pad
