"""Import schools from a CSV file in the shape of Skolverket's school-unit register
(Skolenhetsregistret).

`import_schools(data)` takes the bytes of the file and returns an `ImportReport`; the admin view
(advice/admin_views.py) and `manage.py import_schools` both call it. Schools are matched on the
school unit code, so importing a newer file updates the schools instead of duplicating them.

- Decoding: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), otherwise
  Windows-1252, which covers Latin-1 (Skolverket's older exports).
- Delimiter: ";" (Skolverket), "," or tab, whichever splits the header row into most columns.
- Columns (names compared case-insensitively, ignoring å/ä/ö accents and extra spaces; other
  columns are ignored): see COLUMNS.
- Only rows of one municipality are imported (settings.SCHOOL_IMPORT_MUNICIPALITY_CODE,
  default "0126", Huddinge); the rest are counted.
- An existing school gets a new name, municipality code, visiting address and school forms
  from the file; its area and slug are never touched. Empty cells and absent optional columns
  never erase a value. New schools get no area (they are not shown on the site until an editor
  places them in one) and a unique slug made from the name.
- Schools missing from the file are reported, never deleted.
- Everything happens in one transaction: the whole file applies, or nothing does. A dry run
  does all the work and rolls it back.
"""

import codecs
import csv
import io
import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.search.backends import get_search_backends_with_name

from anyascii import anyascii

from .models import School

logger = logging.getLogger(__name__)

# Rows per INSERT/UPDATE statement, and per search-index statement (each school costs eight
# query parameters there; PostgreSQL allows 65,535 per statement).
BATCH_SIZE = 1000
INDEX_BATCH_SIZE = 5000
DELIMITERS = (";", ",", "\t")
# Fields the register owns; an editor's area and slug are never overwritten.
UPDATED_FIELDS = ("name", "municipality_code", "visiting_address", "school_forms")
# How many codes or columns an error message names before it says "and N more".
MAX_LISTED = 20

# Accepted header names per column. Required: unit_code, name, municipality_code.
COLUMNS = {
    "unit_code": ("Skolenhetskod",),
    "name": ("Skolenhetsnamn", "Skolenhetens namn"),
    "municipality_code": ("Kommunkod",),
    "street": ("Besöksadress",),
    "postal_code": ("Besökspostnummer", "Besökspostnr", "Postnummer", "Postnr"),
    "city": ("Besöksort", "Besökspostort", "Postort", "Ort"),
    "school_forms": ("Skolformer", "Skolform"),
}
REQUIRED_COLUMNS = ("unit_code", "name", "municipality_code")

UNIT_CODE_RE = re.compile(r"[0-9]{8}")
MUNICIPALITY_CODE_RE = re.compile(r"[0-9]{4}")
POSTAL_CODE_RE = re.compile(r"[0-9]{5}")
# Characters no text file of schools contains: a binary file, or a wrong encoding.
CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SPREADSHEET_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx/.ods (zip), .xls


def normalize_header(name):
    """ "  Besöksadress " and "BESOKSADRESS" are the same column."""
    return " ".join(anyascii(name).casefold().replace("_", " ").split())


HEADER_ALIASES = {
    normalize_header(alias): key for key, aliases in COLUMNS.items() for alias in aliases
}


def max_rows():
    return settings.SCHOOL_IMPORT_MAX_ROWS


def configured_municipality_code():
    return settings.SCHOOL_IMPORT_MUNICIPALITY_CODE


def max_length(field_name):
    return School._meta.get_field(field_name).max_length


class FileRefused(Exception):
    """The whole file is refused; the message says why, in Swedish, for the editor."""


@dataclass
class SchoolRef:
    unit_code: str
    name: str

    def __str__(self):
        return f"{self.unit_code} {self.name}"


@dataclass
class Change:
    label: str
    old: str
    new: str

    def __str__(self):
        return f"{self.label} ”{self.old}” → ”{self.new}”"


@dataclass
class UpdatedSchool:
    unit_code: str
    name: str
    changes: list[Change]

    def __str__(self):
        return f"{self.unit_code} {self.name}: " + "; ".join(str(c) for c in self.changes)


@dataclass
class RefusedRow:
    line: int
    reason: str

    def __str__(self):
        return _("rad %(line)d: %(reason)s") % {"line": self.line, "reason": self.reason}


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    municipality_code: str
    dry_run: bool = False
    # Set when the whole file was refused; then nothing else is filled in.
    error: str = ""
    created: list[SchoolRef] = field(default_factory=list)
    updated: list[UpdatedSchool] = field(default_factory=list)
    unchanged: int = 0
    other_municipality: int = 0
    refused: list[RefusedRow] = field(default_factory=list)
    missing: list[SchoolRef] = field(default_factory=list)

    @property
    def ok(self):
        return not self.error

    @staticmethod
    def _list(heading, items, marker, limit):
        lines = [heading % {"count": len(items)}]
        shown = items if limit is None else items[:limit]
        lines.extend(f"  {marker} {item}" for item in shown)
        if len(items) > len(shown):
            lines.append("  " + _("… och %(count)d till") % {"count": len(items) - len(shown)})
        return lines

    def as_lines(self, limit=None):
        """The report as Swedish text lines; `limit` caps each list (None: everything)."""
        if self.error:
            return [self.error]
        if self.dry_run:
            lines = [
                _("Förhandsgranskning för kommunkod %(code)s. Inget har sparats.")
                % {"code": self.municipality_code}
            ]
        else:
            lines = [_("Import för kommunkod %(code)s klar.") % {"code": self.municipality_code}]
        lines.extend(self._list(_("Nya skolor: %(count)d"), self.created, "+", limit))
        lines.extend(self._list(_("Uppdaterade skolor: %(count)d"), self.updated, "~", limit))
        lines.append(_("Oförändrade skolor: %(count)d") % {"count": self.unchanged})
        lines.append(
            _("Rader från andra kommuner (hoppades över): %(count)d")
            % {"count": self.other_municipality}
        )
        lines.extend(
            self._list(_("Rader som inte importerades: %(count)d"), self.refused, "!", limit)
        )
        lines.extend(
            self._list(
                _("Skolor som finns i portalen men inte i filen (tas inte bort): %(count)d"),
                self.missing,
                "?",
                limit,
            )
        )
        return lines


@dataclass
class Row:
    line: int
    unit_code: str
    name: str
    municipality_code: str
    visiting_address: str
    school_forms: str


# Reading the file


def decode(data):
    if data.startswith(SPREADSHEET_MAGIC):
        raise FileRefused(
            _(
                "Filen är ett kalkylark, inte en CSV-fil: spara den som CSV (semikolonavgränsad) "
                "i Excel eller LibreOffice och försök igen."
            )
        )
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                # Windows-1252 is Latin-1 plus printable characters in 0x80–0x9F ("–", "’").
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError:
                    text = data.decode("latin-1")
    except UnicodeDecodeError:
        text = None
    if text is None or CONTROL_CHARS_RE.search(text):
        raise FileRefused(
            _(
                "Filen kunde inte läsas som text: spara den som CSV i UTF-8 eller Windows-1252 "
                "(Latin-1) och försök igen."
            )
        )
    return text


def detect_delimiter(header_line):
    """The delimiter that splits the header into most columns; ";" when in doubt."""

    def column_count(delimiter):
        return len(next(csv.reader([header_line], delimiter=delimiter), []))

    return max(DELIMITERS, key=column_count)


def shorten(text, length=60):
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def list_with_more(items):
    shown = ", ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += " " + _("och %(count)d till") % {"count": len(items) - MAX_LISTED}
    return shown


def map_columns(header):
    """{column key: index} for the recognised columns of the header row."""
    columns = {}
    for index, name in enumerate(header):
        key = HEADER_ALIASES.get(normalize_header(name))
        if key and key not in columns:
            columns[key] = index
    missing = [COLUMNS[key][0] for key in REQUIRED_COLUMNS if key not in columns]
    if missing:
        found = [shorten(name) for name in header if name.strip()]
        raise FileRefused(
            ngettext(
                "Filen saknar kolumnen %(missing)s (kolumner i filen: %(found)s).",
                "Filen saknar kolumnerna %(missing)s (kolumner i filen: %(found)s).",
                len(missing),
            )
            % {"missing": ", ".join(missing), "found": list_with_more(found) or _("inga")}
        )
    return columns


def format_postal_code(value):
    value = "".join(value.split())
    return f"{value[:3]} {value[3:]}" if POSTAL_CODE_RE.fullmatch(value) else value


def read_rows(data):
    """(column mapping, rows as (line number, record)) from the file, or FileRefused."""
    text = decode(data)
    if not text.strip():
        raise FileRefused(_("Filen är tom."))
    header_line = next(line for line in text.splitlines() if line.strip())
    delimiter = detect_delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    limit = max_rows()
    header = None
    records = []
    previous_line = 0
    try:
        for record in reader:
            # Line numbers as a text editor or a spreadsheet shows them; the header is line 1.
            line, previous_line = previous_line + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = record
                continue
            if len(records) >= limit:
                raise FileRefused(
                    _(
                        "Filen har fler än %(limit)d rader med skolor: ta bara med kommunens "
                        "skolor eller dela upp filen."
                    )
                    % {"limit": limit}
                )
            records.append((line, record))
    except csv.Error:
        raise FileRefused(
            _("Filen kunde inte läsas som CSV: rad %(line)d är trasig.")
            % {"line": previous_line + 1}
        ) from None
    if header is None:
        raise FileRefused(_("Filen är tom."))
    columns = map_columns(header)
    if not records:
        raise FileRefused(_("Filen har bara en rubrikrad och inga skolor."))
    return columns, records


def parse_rows(columns, records, municipality_code, report):
    """Valid rows of the municipality, and every unit code in the file. Refused rows and rows
    of other municipalities go into the report."""

    def cell(record, key):
        index = columns.get(key)
        if index is None or index >= len(record):
            return ""
        return " ".join(record[index].split())

    lines_by_code = {}
    rows = []
    for line, record in records:
        unit_code = cell(record, "unit_code")
        if unit_code:
            lines_by_code.setdefault(unit_code, []).append(line)
        row_municipality = cell(record, "municipality_code")
        if row_municipality.isdigit():
            # Spreadsheets drop leading zeros: 126 is 0126.
            row_municipality = row_municipality.zfill(4)
        name = cell(record, "name")
        address_parts = [
            cell(record, "street"),
            " ".join(
                part
                for part in (format_postal_code(cell(record, "postal_code")), cell(record, "city"))
                if part
            ),
        ]
        visiting_address = ", ".join(part for part in address_parts if part)
        school_forms = cell(record, "school_forms")

        if (
            MUNICIPALITY_CODE_RE.fullmatch(row_municipality)
            and row_municipality != municipality_code
        ):
            report.other_municipality += 1
            continue
        reasons = []
        if not row_municipality:
            reasons.append(_("Kommunkod saknas."))
        elif not MUNICIPALITY_CODE_RE.fullmatch(row_municipality):
            reasons.append(
                _("Kommunkoden ”%(code)s” är inte fyra siffror.")
                % {"code": shorten(row_municipality, 20)}
            )
        if not unit_code:
            reasons.append(_("Skolenhetskod saknas."))
        elif not UNIT_CODE_RE.fullmatch(unit_code):
            reasons.append(
                _("Skolenhetskoden ”%(code)s” är inte åtta siffror.")
                % {"code": shorten(unit_code, 20)}
            )
        if not name:
            reasons.append(_("Skolenhetsnamn saknas."))
        elif len(name) > max_length("name"):
            reasons.append(
                _("Namnet är %(length)d tecken långt; högst %(max)d tecken får plats.")
                % {"length": len(name), "max": max_length("name")}
            )
        if len(visiting_address) > max_length("visiting_address"):
            reasons.append(
                _("Besöksadressen är längre än %(max)d tecken.")
                % {"max": max_length("visiting_address")}
            )
        if len(school_forms) > max_length("school_forms"):
            reasons.append(
                _("Skolformerna är längre än %(max)d tecken.") % {"max": max_length("school_forms")}
            )
        if reasons:
            report.refused.append(RefusedRow(line, " ".join(reasons)))
            continue
        rows.append(Row(line, unit_code, name, row_municipality, visiting_address, school_forms))

    duplicates = {code: lines for code, lines in lines_by_code.items() if len(lines) > 1}
    if duplicates:
        listed = [
            _("%(code)s (rad %(lines)s)")
            % {"code": shorten(code, 20), "lines": ", ".join(str(line) for line in lines)}
            for code, lines in duplicates.items()
        ]
        raise FileRefused(
            _("Samma skolenhetskod finns på flera rader i filen: %(codes)s.")
            % {"codes": list_with_more(listed)}
        )
    return rows, set(lines_by_code)


# Writing to the database


class SlugMaker:
    """Unique slugs from names: "varbyskolan", then "varbyskolan-2", "varbyskolan-3"…"""

    def __init__(self, taken):
        self.taken = set(taken)
        self.next_number = {}
        self.max_length = max_length("slug")

    def __call__(self, name):
        base = slugify(anyascii(name))[: self.max_length].strip("-") or "skola"
        slug = base
        number = self.next_number.get(base, 2)
        while slug in self.taken:
            suffix = f"-{number}"
            slug = base[: self.max_length - len(suffix)].rstrip("-") + suffix
            number += 1
        self.next_number[base] = number
        self.taken.add(slug)
        return slug


def apply_rows(rows, codes_in_file, municipality_code, report):
    existing = {
        school.unit_code: school
        for school in School.objects.select_for_update()
        .exclude(unit_code=None)
        .only("pk", "slug", "unit_code", *UPDATED_FIELDS)
    }
    make_slug = SlugMaker(School.objects.values_list("slug", flat=True))
    labels = {name: str(School._meta.get_field(name).verbose_name) for name in UPDATED_FIELDS}
    to_create, to_update, to_index = [], [], []

    for row in rows:
        school = existing.get(row.unit_code)
        if school is None:
            school = School(
                name=row.name,
                slug=make_slug(row.name),
                area=None,
                unit_code=row.unit_code,
                municipality_code=row.municipality_code,
                visiting_address=row.visiting_address,
                school_forms=row.school_forms,
            )
            to_create.append(school)
            report.created.append(SchoolRef(row.unit_code, row.name))
            continue
        old_name = school.name
        changes = []
        for name in UPDATED_FIELDS:
            new = getattr(row, name)
            old = getattr(school, name)
            # An empty cell (or an absent optional column) never erases a value.
            if new and new != old:
                changes.append(Change(labels[name], old, new))
                setattr(school, name, new)
        if changes:
            to_update.append(school)
            report.updated.append(UpdatedSchool(row.unit_code, old_name, changes))
            if school.name != old_name:
                to_index.append(school)
        else:
            report.unchanged += 1

    School.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    School.objects.bulk_update(to_update, UPDATED_FIELDS, batch_size=BATCH_SIZE)
    # Bulk operations send no post_save signals, so index the schools here for the admin's
    # search (in the same transaction: a dry run rolls the index back too).
    update_search_index(to_create + to_index)

    report.missing = sorted(
        (
            SchoolRef(code, school.name)
            for code, school in existing.items()
            if code not in codes_in_file and school.municipality_code in ("", municipality_code)
        ),
        key=lambda ref: (ref.name, ref.unit_code),
    )


def update_search_index(schools):
    """Index new and renamed schools for the admin's search, as saving each would have done
    (bulk operations send no post_save signals)."""
    if not schools:
        return
    for backend_name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            for start in range(0, len(schools), INDEX_BATCH_SIZE):
                backend.add_bulk(School, schools[start : start + INDEX_BATCH_SIZE])
        except Exception:
            # As Wagtail does on save: a database backend's error must abort the
            # transaction; an external service's error must not lose the import.
            if not backend.catch_indexing_errors:
                raise
            logger.exception("Could not index imported schools in %r", backend_name)


def import_schools(data, *, municipality_code=None, dry_run=False):
    """Import the schools of one municipality from the bytes of a CSV file; see the module
    docstring. Returns an ImportReport; its `error` is set when the file was refused."""
    municipality_code = municipality_code or configured_municipality_code()
    report = ImportReport(municipality_code=municipality_code, dry_run=dry_run)
    if not MUNICIPALITY_CODE_RE.fullmatch(municipality_code):
        report.error = _("Kommunkoden ”%(code)s” är inte fyra siffror, t.ex. 0126.") % {
            "code": shorten(municipality_code, 20)
        }
        return report
    try:
        columns, records = read_rows(data)
        rows, codes_in_file = parse_rows(columns, records, municipality_code, report)
        with transaction.atomic():
            apply_rows(rows, codes_in_file, municipality_code, report)
            if dry_run:
                transaction.set_rollback(True)
    except FileRefused as refusal:
        report = ImportReport(municipality_code, dry_run, error=str(refusal))
    except IntegrityError:
        # Another editor or import added a school with the same code or slug meanwhile.
        report = ImportReport(
            municipality_code,
            dry_run,
            error=_(
                "Skolorna ändrades av någon annan medan filen importerades, så inget sparades. "
                "Försök igen."
            ),
        )
    return report
