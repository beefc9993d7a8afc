"""Swedish telephone numbers: validation for editors, E.164 for tel: links and vCards, and the
national format for display ("070-174 06 05"). Built on phonenumbers, the Python port of
Google's libphonenumber, which knows every Swedish area code."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

import phonenumbers

REGION = "SE"


def parse(number):
    """The parsed number, or None when `number` is empty or not a valid number."""
    try:
        parsed = phonenumbers.parse(str(number or ""), REGION)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_valid_number(parsed) else None


def e164(number):
    """ "+46701740605" for "070-174 06 05"; empty for an invalid number."""
    parsed = parse(number)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) if parsed else ""


def national(number):
    """The number as Swedes write it ("070-174 06 05"); an invalid one is shown as entered."""
    parsed = parse(number)
    if parsed is None:
        return str(number or "").strip()
    if parsed.country_code != 46:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


INVALID_MESSAGE = _(
    "Skriv ett svenskt telefonnummer med riktnummer, t.ex. 070-174 06 05 eller 08-123 456 78."
)


def validate_phone_number(value):
    if value and parse(value) is None:
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
