"""Comments are scrubbed before they are saved: a parent who writes an e-mail address, a
phone number or a personal identity number in "Var informationen till din hjälp?" has it
replaced by a marker, so the answers stay anonymous and nobody's number ends up in a report.

Catches the ways Swedes write them: 070-123 45 67, 0701234567, 08-123 456 78, +46 70 123 45 67,
0046 70 …; 19811228-9874, 811228-9874, 198112289874, 811228+9874 (over 100), with or without a
valid check digit (a wrong digit is still somebody's attempt at a number); name@example.org.
Tags are removed too: the comment is plain text.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# 6 or 8 digits of a date of birth, an optional - or +, four digits; not inside a longer number.
PERSONNUMMER = re.compile(r"(?<![\d+])(?:\d{2})?\d{6}\s?[-+]?\s?\d{4}(?!\d)")
# A number that starts with +, 00 or 0 and has 7 to 15 digits in all, in groups separated by
# spaces, hyphens, slashes or brackets.
PHONE = re.compile(r"(?<![\w+])(?:\+|0)(?:[\s()/-]*\d){6,14}(?!\d)")


def _luhn_ok(digits):
    total = 0
    for index, digit in enumerate(int(d) for d in digits):
        product = digit * (2 - index % 2)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def scrub(text):
    """The comment as plain text without contact details or identity numbers."""
    text = strip_tags(str(text or ""))
    with translation.override(settings.LANGUAGE_CODE):
        phone, identity = _("[telefonnummer borttaget]"), _("[personnummer borttaget]")

        def number(match):
            # 0701234567 could be either: the check digit decides; any other number of this
            # shape is an identity number, valid or not.
            digits = re.sub(r"\D", "", match.group())
            if digits.startswith("0") and not _luhn_ok(digits[-10:]):
                return phone
            return identity

        text = EMAIL.sub(_("[e-post borttagen]"), text)
        text = PERSONNUMMER.sub(number, text)
        text = PHONE.sub(phone, text)
    return text.strip()
