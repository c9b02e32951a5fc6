"""Issue 14: documenten bij een deelnemer. Upload met grens en type op inhoud (een hernoemd
.exe is geen PDF), downloaden alleen gescoped en gelogd als bijlage, verwijderen met de
deelnemer en bij het anonimiseren, ook uit de opslag."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gemeenten.models import Toegangslog
from trajecten.factories import DeelnemerFactory, demo_pdf
from trajecten.models import Deelnemer, Document
from trajecten.services.documenten import MAX_DOCUMENT_BYTES, document_uploaden

pytestmark = pytest.mark.django_db

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def _zip(bestanden: dict[str, bytes]) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        for naam, inhoud in bestanden.items():
            z.writestr(naam, inhoud)
    return uit.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>",
             "_rels/.rels": b"<Relationships/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": b"<office:document-content/>"})


@pytest.fixture
def deelnemer(groningen):
    return DeelnemerFactory(gemeente=groningen)


def _upload(deelnemer, door, inhoud: bytes, naam="bestand.pdf", soort="diploma", **extra):
    return document_uploaden(deelnemer=deelnemer, door=door, soort=soort,
                             bestand=SimpleUploadedFile(naam, inhoud), **extra)


@pytest.mark.parametrize(("inhoud", "naam", "mime"), [
    (demo_pdf(["Diploma"]), "diploma.pdf", "application/pdf"),
    (PNG, "scan.png", "image/png"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100, "foto.jpg", "image/jpeg"),
    (DOCX, "cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (ODT, "cv.odt", "application/vnd.oasis.opendocument.text"),
])
def test_toegestane_typen_op_inhoud(deelnemer, medewerker, inhoud, naam, mime):
    document = _upload(deelnemer, medewerker, inhoud, naam)
    assert document.mimetype == mime
    assert default_storage.exists(document.bestand.name)
    # De naam in de opslag is willekeurig: geen naam van de deelnemer of het bestand.
    assert naam.rsplit(".", 1)[0] not in document.bestand.name
    assert deelnemer.achternaam not in document.bestand.name


@pytest.mark.parametrize(("inhoud", "naam"), [
    (EXE, "diploma.pdf"),  # een hernoemd .exe
    (b"%PDX nep", "nep.pdf"),
    (b"<html><script>alert(1)</script></html>", "cv.docx"),
    (_zip({"virus.exe": EXE}), "cv.docx"),  # een zip, maar geen Word-document
    (_zip({"mimetype": b"application/zip", "x": b""}), "cv.odt"),
    (b"GIF89a" + b"\x00" * 50, "foto.png"),
])
def test_ander_type_geweigerd_niets_opgeslagen(deelnemer, medewerker, inhoud, naam, tmp_path):
    with pytest.raises(ValidationError) as fout:
        _upload(deelnemer, medewerker, inhoud, naam)
    assert "geen PDF, JPG, PNG, DOCX of ODT" in str(fout.value)
    assert not Document.objects.exists()
    map_ = tmp_path / "media" / "documenten"
    assert not map_.exists() or not list(map_.iterdir())


def test_grens_van_tien_mb(deelnemer, medewerker):
    pdf = demo_pdf(["groot"])
    precies = pdf + b"\n" * (MAX_DOCUMENT_BYTES - len(pdf))
    assert _upload(deelnemer, medewerker, precies).grootte == MAX_DOCUMENT_BYTES
    with pytest.raises(ValidationError) as fout:
        _upload(deelnemer, medewerker, precies + b"\n")
    assert "hooguit 10 MB" in str(fout.value)
    assert Document.objects.count() == 1


def test_upload_via_formulier_met_nederlandse_fout(client, medewerker, deelnemer):
    client.force_login(medewerker)
    url = reverse("trajecten:documenten", args=[deelnemer.pk])
    response = client.post(url, {"soort": "diploma",
                                 "bestand": SimpleUploadedFile("setup.pdf", EXE)})
    assert response.status_code == 200
    assert "geen PDF, JPG, PNG, DOCX of ODT" in response.content.decode()
    response = client.post(url, {"soort": "toestemming", "bewijs_toestemming": "on",
                                 "bestand": SimpleUploadedFile("t.pdf", demo_pdf(["Ja"]))})
    assert response.status_code == 302
    tekst = client.get(reverse("trajecten:dossier", args=[deelnemer.pk])).content.decode()
    assert "bewijs van de toestemming" in tekst


def test_bewijs_alleen_voor_toestemmingsverklaring(deelnemer, medewerker):
    with pytest.raises(ValidationError):
        _upload(deelnemer, medewerker, demo_pdf(["x"]), soort="cv", bewijs_toestemming=True)
    eerste = _upload(deelnemer, medewerker, demo_pdf(["1"]), soort="toestemming",
                     bewijs_toestemming=True)
    tweede = _upload(deelnemer, medewerker, demo_pdf(["2"]), soort="toestemming",
                     bewijs_toestemming=True)
    eerste.refresh_from_db()
    assert not eerste.bewijs_toestemming and tweede.bewijs_toestemming


def test_downloaden_als_bijlage_en_gelogd(client, medewerker, deelnemer):
    document = _upload(deelnemer, medewerker, demo_pdf(["Diploma mbo"]))
    client.force_login(medewerker)
    response = client.get(reverse("trajecten:document_downloaden", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert deelnemer.achternaam not in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    log = Toegangslog.objects.filter(actor=medewerker, deelnemer_nummer=deelnemer.pk)
    assert log.filter(actie=Toegangslog.Actie.GEGEVENS_BEKEKEN,
                      toelichting__contains="document gedownload").count() == 1


def test_downloaden_andere_gemeente_404_en_gelogd(client, medewerker, medewerker_emmen,
                                                  deelnemer):
    document = _upload(deelnemer, medewerker, demo_pdf(["Diploma"]))
    client.force_login(medewerker_emmen)
    response = client.get(reverse("trajecten:document_downloaden", args=[document.pk]))
    assert response.status_code == 404
    assert Toegangslog.objects.filter(
        actor=medewerker_emmen, actie=Toegangslog.Actie.TOEGANG_GEWEIGERD,
        deelnemer_nummer=deelnemer.pk,
    ).exists()
    response = client.post(reverse("trajecten:document_verwijderen", args=[document.pk]))
    assert response.status_code == 404
    assert Document.objects.filter(pk=document.pk).exists()


def test_geen_publieke_url_naar_de_opslag(client, medewerker, deelnemer, settings):
    document = _upload(deelnemer, medewerker, demo_pdf(["Diploma"]))
    assert not settings.MEDIA_URL or settings.MEDIA_URL in ("/", "")
    client.force_login(medewerker)
    for pad in (f"/media/{document.bestand.name}", f"/{document.bestand.name}",
                f"/static/{document.bestand.name}"):
        assert client.get(pad).status_code == 404


def test_verwijderen_haalt_bestand_uit_opslag(client, medewerker, deelnemer,
                                              django_capture_on_commit_callbacks):
    document = _upload(deelnemer, medewerker, demo_pdf(["Cv"]))
    naam = document.bestand.name
    client.force_login(medewerker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("trajecten:document_verwijderen", args=[document.pk]))
    assert response.status_code == 302
    assert not Document.objects.exists()
    assert not default_storage.exists(naam)


def test_met_de_deelnemer_verwijderd(medewerker, deelnemer, django_capture_on_commit_callbacks):
    naam = _upload(deelnemer, medewerker, demo_pdf(["Cv"])).bestand.name
    with django_capture_on_commit_callbacks(execute=True):
        Deelnemer.objects.filter(pk=deelnemer.pk).delete()
    assert not default_storage.exists(naam)


def test_anonimiseren_wist_documenten_uit_opslag(medewerker, groningen,
                                                 django_capture_on_commit_callbacks):
    from trajecten.avg import anonimiseer

    oud = DeelnemerFactory(gemeente=groningen)
    naam = _upload(oud, medewerker, demo_pdf(["Toestemming"]), soort="toestemming").bestand.name
    blijft = _upload(DeelnemerFactory(gemeente=groningen), medewerker,
                     demo_pdf(["Blijft"])).bestand.name
    # Zonder traject en twee jaar niet gewijzigd: aan de beurt (docs/domain.md).
    Deelnemer.objects.filter(pk=oud.pk).update(
        gewijzigd_op=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    )
    with django_capture_on_commit_callbacks(execute=True):
        resultaat = anonimiseer()
    assert oud.pk in resultaat.deelnemers
    assert not Document.objects.filter(deelnemer=oud).exists()
    assert not default_storage.exists(naam)
    assert default_storage.exists(blijft)
