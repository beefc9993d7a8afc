"""What editors may upload: only the image formats and document types the site needs, whose
content is what their extension says, under safe file names.

Wagtail's image field already refuses an extension outside WAGTAILIMAGES_EXTENSIONS (SVG
included), content that Willow does not read as the format its extension names, files over
WAGTAILIMAGES_MAX_UPLOAD_SIZE and images over WAGTAILIMAGES_MAX_IMAGE_PIXELS. Its document field
checks only the size. The form bases here (settings WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE) add the document's content check and a safe file name to both;
Wagtail uses the same forms for single uploads, the multiple uploader and the choosers' upload
tab.
"""

import os
import re
import unicodedata
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from PIL import Image

OOXML_MAIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
ODF_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
# Markup that a browser or an office program might run if it sniffed a "text" file.
MARKUP = re.compile(
    rb"<\s*(?:script|html|!doctype|iframe|svg|body|head|object|embed|meta|link|style|form)\b"
    rb"|<\?xml|javascript:",
    re.IGNORECASE,
)
# Control characters other than tab, line feed, form feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_NAME_LENGTH = 80


def safe_filename(name):
    """The base name of `name` in plain ASCII letters, digits, '-', '_' and '.', so it is safe
    in a path, a URL and a Content-Disposition header ("Höstens möte (1).PDF" becomes
    "Hostens-mote-1.pdf")."""
    name = re.split(r"[\\/]", name or "")[-1]
    stem, extension = os.path.splitext("x" + name)  # "x": ".pdf" alone is an extension
    stem = stem[1:]
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_stem).strip("-_.")
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())
    stem = stem[: MAX_NAME_LENGTH - len(extension) - 1] or "fil"
    return f"{stem}.{extension}" if extension else stem


def _extension(name):
    return os.path.splitext(name)[1].lower().lstrip(".")


def _read_head(f, length=4096):
    f.seek(0)
    head = f.read(length)
    f.seek(0)
    return head


def _zip_member(archive, name, limit=1024 * 1024):
    """A small member of the archive, or None (missing, or implausibly large)."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        return None
    return archive.read(info)


def _check_zip(f, extension):
    try:
        f.seek(0)
        archive = zipfile.ZipFile(f)
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    with archive:
        if extension in ODF_MIMETYPES:
            return _zip_member(archive, "mimetype") == ODF_MIMETYPES[extension]
        types = _zip_member(archive, "[Content_Types].xml") or b""
        names = [name.lower() for name in archive.namelist()]
        # The macro-enabled variants (.docm and others) name other main types; macros are
        # refused even inside a document that claims to be macro-free.
        return OOXML_MAIN_TYPES[extension].encode() in types and not any(
            name.endswith("vbaproject.bin") for name in names
        )


def _check_text(f):
    f.seek(0)
    data = f.read()
    f.seek(0)
    if MARKUP.search(data):
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel with Swedish settings saves CSV in Windows-1252.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return not CONTROL.search(text)


def document_content_matches(f, extension):
    if extension == "pdf":
        return _read_head(f, 5) == b"%PDF-"
    if extension == "rtf":
        return _read_head(f, 5) == b"{\\rtf"
    if extension in OOXML_MAIN_TYPES or extension in ODF_MIMETYPES:
        return _check_zip(f, extension)
    if extension in ("csv", "txt"):
        return _check_text(f)
    return False


def check_document(f):
    """Refuse a document whose type the site does not take or whose content is not what
    its extension says."""
    extension = _extension(f.name)
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []
    if extension not in allowed:
        raise ValidationError(
            _("Filtypen .%(extension)s tas inte emot. Tillåtna filtyper: %(allowed)s.")
            % {"extension": extension or "?", "allowed": ", ".join(allowed).upper()},
            code="document_extension",
        )
    if not document_content_matches(f, extension):
        raise ValidationError(
            _(
                "Filen är inte en riktig .%(extension)s-fil: innehållet stämmer inte med "
                "filändelsen. Spara filen på nytt i rätt format och ladda upp den igen."
            )
            % {"extension": extension},
            code="document_content",
        )


def check_image_header(f):
    """Refuse too many pixels from the header alone, before Wagtail's check decodes the
    whole image (a few bytes can claim 20000×20000)."""
    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
    if not limit:
        return
    f.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(f) as image:
                width, height = image.size
                pixels = width * height * getattr(image, "n_frames", 1)
    except Image.DecompressionBombError:
        pixels = limit + 1
    except Exception:
        return
    finally:
        f.seek(0)
    if pixels > limit:
        raise ValidationError(
            _(
                "Bilden har för många bildpunkter. Den största tillåtna storleken är "
                "%(limit)s miljoner bildpunkter; förminska bilden och ladda upp den igen."
            )
            % {"limit": limit // 1_000_000},
            code="file_too_many_pixels",
        )


class SafeImageForm(BaseImageForm):
    """Wagtail's checks (format, content, size, pixels), the pixel count read from the header
    first, any file Pillow cannot read refused rather than a server error, a safe name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            wagtail_to_python = field.to_python

            def to_python(data):
                if data and hasattr(data, "seek"):
                    check_image_header(data)
                try:
                    return wagtail_to_python(data)
                except ValidationError:
                    raise
                except Exception as error:
                    raise ValidationError(
                        _("Bilden går inte att läsa. Den kan vara skadad eller ofullständig."),
                        code="invalid_image",
                    ) from error

            field.to_python = to_python

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if f and "file" in self.changed_data:
            f.name = safe_filename(f.name)
        return f


class SafeDocumentForm(BaseDocumentForm):
    """Only the site's document types, content that matches the extension, a safe name."""

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if f and "file" in self.changed_data:
            check_document(f)
            f.name = safe_filename(f.name)
        return f
