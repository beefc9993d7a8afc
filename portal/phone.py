"""Swedish telephone numbers: validation for editors, E.164 for tel: links and vCards, and the
national format for display ("070-174 06 05"). Built on phonenumbers, the Python port of
Google's libphonenumber, which knows every Swedish area code."""

import re

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


# Short numbers such as 112 and helplines like 116 111 have no area code.
SHORT_NUMBER = re.compile(r"^\d{3,6}$")


def _short(number):
    """A short number's digits ("116111" for "116 111"); empty for anything else."""
    digits = re.sub(r"[\s-]", "", str(number or ""))
    return digits if SHORT_NUMBER.match(digits) else ""


def e164(number):
    """For tel: links: "+46701740605" for "070-174 06 05", a short number as its digits,
    and empty for an invalid number."""
    parsed = parse(number)
    if parsed is None:
        return _short(number)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


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


def validate_phone_or_short_number(value):
    """Like validate_phone_number, but also accepts short numbers such as 116 111."""
    if value and parse(value) is None and not _short(value):
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
