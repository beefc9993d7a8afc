"""The links a person gets after signing up: the receipt and the cancellation. Both are signed
references to the sign-up (with SECRET_KEY), so they cannot be guessed or moved to another
sign-up or event, and need nothing stored.

- The receipt link works for a week (RECEIPT_MAX_AGE): long enough to come back to, short
  enough not to linger in a browser's history.
- The cancellation link has no age limit of its own: it works until the event has ended, and
  once only, because a cancelled sign-up cannot be cancelled again.
"""

from django.core import signing
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

RECEIPT_SALT = "events.receipt"
CANCEL_SALT = "events.cancel"
RECEIPT_MAX_AGE = 7 * 24 * 3600


class BadLink(Exception):
    """A link that was not made by this site (forged, mistyped or cut short)."""


def _dumps(value, salt):
    # Signed values contain ":", which Wagtail's page routes do not take, so they are
    # base64-encoded once more.
    return urlsafe_base64_encode(signing.dumps(value, salt=salt).encode())


def _loads(token, salt, max_age=None):
    try:
        signed = urlsafe_base64_decode(token).decode()
        return signing.loads(signed, salt=salt, max_age=max_age)
    except (ValueError, UnicodeDecodeError, signing.BadSignature):
        raise BadLink from None


def receipt_token(registration):
    return _dumps(registration.pk, RECEIPT_SALT)


def receipt_id(token):
    """The sign-up a receipt link names; BadLink if forged or older than a week."""
    return _loads(token, RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)


def cancel_token(registration):
    return _dumps([registration.page_id, registration.pk], CANCEL_SALT)


def cancel_ids(token):
    """(event id, sign-up id) of a cancellation link; BadLink if forged."""
    value = _loads(token, CANCEL_SALT)
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        raise BadLink
    return tuple(value)


def receipt_url(event, registration):
    return event.url + event.reverse_subpage("receipt", args=[receipt_token(registration)])


def cancel_path(event, registration):
    return event.reverse_subpage("cancel", args=[cancel_token(registration)])


def cancel_url(event, registration, request=None):
    """The full address of the cancellation page (for e-mail, with the site's own address)."""
    return event.get_full_url(request) + cancel_path(event, registration)
