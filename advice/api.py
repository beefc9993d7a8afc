"""Open data: the directory as read-only JSON and CSV, with public fields only.

GET /api/                          what is here
GET /api/v1/areas/                 areas with office address and opening hours
GET /api/v1/schools/               schools placed in an area
GET /api/v1/advisors/              published advisors: function, contact, languages, drop-in
GET /api/v1/advisors.csv           the same advisors as a spreadsheet

A name is included only for advisors who agreed to be shown. Nothing here sets cookies, and
every response costs a fixed number of SQL queries.
"""

import csv
import io

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from taxonomy.models import Area

from . import links
from .queries import published_advisors, schools_with_areas

LICENSE = {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}


def _json(data):
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    # Public, read-only data: any web page may read it, and caches may keep it a while.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


def area_record(request, area):
    return {
        "slug": area.slug,
        "name": area.name,
        "description": area.description,
        "office_address": area.office_address,
        "opening_hours": area.opening_hours_lines,
        "email": area.email,
        "url": links.area_url(request, area, full=True),
    }


def school_record(school):
    return {
        "slug": school.slug,
        "name": school.name,
        "school_unit_code": school.unit_code,
        "area": school.area.slug if school.area else None,
        "visiting_address": school.visiting_address,
        "school_forms": school.school_forms,
    }


def advisor_record(request, advisor):
    return {
        "id": advisor.pk,
        "title": advisor.card_title,
        "name": advisor.public_name or None,
        "role": advisor.role,
        "phone": advisor.phone_e164 or None,
        "phone_display": advisor.phone_display or None,
        "phone_hours": advisor.phone_hours,
        "email": advisor.email or None,
        "languages": advisor.language_codes,
        "areas": [area.slug for area in advisor.areas.all()],
        "schools": [school.slug for school in advisor.schools.all()],
        "drop_in": [
            {
                "school": drop_in.school.slug,
                "weekday": drop_in.weekday,
                "weekday_name": str(drop_in.get_weekday_display()),
                "start": f"{drop_in.start_time:%H:%M}",
                "end": f"{drop_in.end_time:%H:%M}",
                "place": drop_in.place,
            }
            for drop_in in advisor.drop_ins.all()
        ],
        "interpreter": "Tolk bokas kostnadsfritt.",
        "vcard": links.vcard_url(request, advisor, full=True),
    }


@require_safe
def index(request):
    base = request.build_absolute_uri("/api/v1/")
    return _json(
        {
            "name": "Föräldrarådgivningens öppna data",
            "description": (
                "Områden, skolor och föräldrarådgivarnas kontaktuppgifter i maskinläsbar form. "
                "Namn visas bara för rådgivare som har gett sitt samtycke."
            ),
            "license": LICENSE,
            "endpoints": {
                "areas": f"{base}areas/",
                "schools": f"{base}schools/",
                "advisors": f"{base}advisors/",
                "advisors_csv": f"{base}advisors.csv",
            },
        }
    )


@require_safe
def areas(request):
    items = Area.objects.swedish().order_by("sort_order", "name")
    return _json({"license": LICENSE, "items": [area_record(request, a) for a in items]})


@require_safe
def schools(request):
    items = schools_with_areas()
    return _json({"license": LICENSE, "items": [school_record(s) for s in items]})


@require_safe
def advisors(request):
    items = published_advisors()
    return _json({"license": LICENSE, "items": [advisor_record(request, a) for a in items]})


def _drop_in_text(drop_in):
    # As the advisor card writes it: "Vårby strandskola: tisdagar 13.00–15.00, Biblioteket".
    text = f"{drop_in.school.name}: {drop_in.get_weekday_display()} {drop_in.time_range}"
    return f"{text}, {drop_in.place}" if drop_in.place else text


def advisor_csv_row(request, advisor):
    """One advisor for a spreadsheet, as the site shows them: the phone number as written on
    the site ("070-174 06 10"; Excel would turn "+46701740610" into a number without its
    "+"), areas and schools by name. The E.164 numbers and the slugs are in the JSON."""
    return {
        "id": advisor.pk,
        "titel": advisor.card_title,
        "namn": advisor.public_name,
        "roll": advisor.role,
        "telefon": advisor.phone_display,
        "telefontider": advisor.phone_hours,
        "e_post": advisor.email,
        "sprak": ", ".join(advisor.language_codes),
        "omraden": ", ".join(area.name for area in advisor.areas.all()),
        "skolor": ", ".join(school.name for school in advisor.schools.all()),
        # One drop-in time per line within the cell.
        "drop_in": "\n".join(_drop_in_text(drop_in) for drop_in in advisor.drop_ins.all()),
        "kontaktkort": links.vcard_url(request, advisor, full=True),
    }


CSV_COLUMNS = [
    "id",
    "titel",
    "namn",
    "roll",
    "telefon",
    "telefontider",
    "e_post",
    "sprak",
    "omraden",
    "skolor",
    "drop_in",
    "kontaktkort",
]
# A spreadsheet reads a cell starting with one of these as a formula (CSV injection); such a
# cell gets a leading apostrophe, which Excel and LibreOffice show as plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A value as spreadsheet text that can never be read as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@require_safe
def advisors_csv(request):
    """Semicolon-separated with a byte-order mark, so Excel with Swedish settings opens it
    in columns and shows å, ä and ö."""
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for advisor in published_advisors():
        row = advisor_csv_row(request, advisor)
        writer.writerow([csv_cell(row[column]) for column in CSV_COLUMNS])
    response = HttpResponse("\ufeff" + output.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="foraldraradgivare.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
