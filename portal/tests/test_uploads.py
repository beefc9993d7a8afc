"""Uploads through the admin as an editor (Kommunikatör): only the site's image formats and
document types, content that matches the extension, pixel and size limits, safe file names;
the single and the multiple uploader refuse the same files with a Swedish message and create
nothing. Documents are downloaded (attachment), with their own content type and nosniff."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file, get_test_image_file_jpeg
from wagtail.models import Collection

import pytest

from portal.uploads import safe_filename

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def png_header(width, height):
    """A PNG of a few bytes that claims the given size (a decompression bomb's header)."""

    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def ooxml(main_type=CT, extra=()):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'content-types"><Override PartName="/word/document.xml" ContentType="{main_type}"/>'
            "</Types>",
        )
        archive.writestr("word/document.xml", "<w:document/>")
        for name in extra:
            archive.writestr(name, b"macro")
    return buffer.getvalue()


def png_bytes():
    return get_test_image_file().file.getvalue()


@pytest.fixture
def editor(client, home_page, communicator, settings, tmp_path):
    # Files on disk, as in production: the document view sends them from their path.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(communicator)
    return client


def root_collection():
    return Collection.get_first_root_node().pk


def add_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Bild",
            "collection": root_collection(),
            "file": SimpleUploadedFile(name, content),
        },
    )


def add_images_multiple(client, name, content):
    return client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content), "collection": root_collection()},
    )


def add_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Dokument",
            "collection": root_collection(),
            "file": SimpleUploadedFile(name, content),
        },
    )


def add_documents_multiple(client, name, content):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content), "collection": root_collection()},
    )


def form_error(response):
    assert response.status_code == 200  # the form again, with its error
    errors = response.context["form"].errors
    return " ".join(str(message) for message in errors.get("file", []))


REFUSED_IMAGES = [
    ("bild.svg", SVG, "Bildformatet stöds inte"),
    ("bild.png", SVG, "filändelse matchar inte filformatet (svg)"),
    # A PNG with a script appended, named .jpg.
    ("bild.jpg", png_bytes() + b"<script>alert(1)</script>", "matchar inte filformatet (png)"),
    # 20000×20000 in a few bytes: refused before anything decodes it.
    ("bomb.png", png_header(20000, 20000), "för många bildpunkter"),
    # 81 megapixels: over WAGTAILIMAGES_MAX_IMAGE_PIXELS (50 million).
    ("stor.png", png_header(9000, 9000), "för många bildpunkter"),
    # A header that promises more than the file holds.
    ("trasig.png", png_header(300, 200), "Bilden går inte att läsa"),
    ("sida.html", HTML, "Bildformatet stöds inte"),
]


@pytest.mark.parametrize(("name", "content", "message"), REFUSED_IMAGES)
def test_refused_images_get_a_swedish_message_and_create_nothing(editor, name, content, message):
    assert message in form_error(add_image(editor, name, content))
    response = add_images_multiple(editor, name, content)
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert not get_image_model().objects.exists()


REFUSED_DOCUMENTS = [
    ("sida.pdf", HTML, "Filen är inte en riktig .pdf-fil"),
    ("bild.svg", SVG, "Filtypen .svg tas inte emot"),
    ("sida.html", HTML, "Filtypen .html tas inte emot"),
    ("lista.csv", b"namn;telefon\n<script>alert(1)</script>;1\n", "inte en riktig .csv-fil"),
    ("text.txt", b"hej\x00\x01d\xe5", "inte en riktig .txt-fil"),
    ("brev.docx", b"PK\x03\x04 not a zip", "inte en riktig .docx-fil"),
    # A macro-enabled Word file renamed .docx.
    ("brev.docx", ooxml(extra=["word/vbaProject.bin"]), "inte en riktig .docx-fil"),
    ("brev.odt", ooxml(), "inte en riktig .odt-fil"),
    ("brev.rtf", HTML, "inte en riktig .rtf-fil"),
]


@pytest.mark.parametrize(("name", "content", "message"), REFUSED_DOCUMENTS)
def test_refused_documents_get_a_swedish_message_and_create_nothing(editor, name, content, message):
    assert message in form_error(add_document(editor, name, content))
    response = add_documents_multiple(editor, name, content)
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert not get_document_model().objects.exists()


def test_real_images_are_accepted_by_both_uploaders(editor):
    response = add_image(editor, "Höstens möte.png", png_bytes())
    assert response.status_code == 302
    jpeg = get_test_image_file_jpeg().file.getvalue()
    assert add_images_multiple(editor, "skolgård.jpg", jpeg).json()["success"] is True
    names = sorted(image.file.name.rsplit("/", 1)[-1] for image in get_image_model().objects.all())
    assert names == ["Hostens-mote.png", "skolgard.jpg"]
    assert all(image.width == 640 for image in get_image_model().objects.all())


ACCEPTED_DOCUMENTS = [
    ("Höstens möte\t(1).PDF", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", "application/pdf"),
    (
        "brev.docx",
        ooxml(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("lista.csv", "namn;område\nLina;Vårby\n".encode("cp1252"), "text/csv"),
    ("rad.txt", "Öppet måndag–fredag.\n".encode(), "text/plain"),
]


@pytest.mark.parametrize(("name", "content", "content_type"), ACCEPTED_DOCUMENTS)
def test_real_documents_are_accepted_and_downloaded(editor, client, name, content, content_type):
    assert add_document(editor, name, content).status_code == 302
    document = get_document_model().objects.get()
    assert "/" not in document.filename and document.filename.isascii()
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content


def test_the_multiple_document_uploader_accepts_a_real_file(editor):
    response = add_documents_multiple(editor, "brev.docx", ooxml())
    assert response.json()["success"] is True
    name = get_document_model().objects.get().filename
    assert name.startswith("brev") and name.endswith(".docx")


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Höstens möte (1).PDF", "Hostens-mote-1.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\windows\\evil.docx", "evil.docx"),
        ("rapport\x00\x07\n.pdf", "rapport.pdf"),
        ("....pdf", "fil.pdf"),
        ("ا.txt", "fil.txt"),
        ("x" * 300 + ".xlsx", "x" * 75 + ".xlsx"),
    ],
)
def test_file_names_are_made_safe(name, safe):
    assert safe_filename(name) == safe


def test_the_choosers_upload_tabs_refuse_the_same_files(editor):
    response = editor.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Bild",
            "image-chooser-upload-collection": root_collection(),
            "image-chooser-upload-file": SimpleUploadedFile("bild.svg", SVG),
        },
    )
    assert response.json()["step"] == "reshow_creation_form"
    assert "Bildformatet stöds inte" in response.json()["htmlFragment"]
    response = editor.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Dokument",
            "document-chooser-upload-collection": root_collection(),
            "document-chooser-upload-file": SimpleUploadedFile("sida.pdf", HTML),
        },
    )
    assert response.json()["step"] == "reshow_creation_form"
    assert "Filen är inte en riktig .pdf-fil" in response.json()["htmlFragment"]
    assert not get_image_model().objects.exists()
    assert not get_document_model().objects.exists()
