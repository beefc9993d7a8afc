"""Logins to the admin: throttling and lockout (django-axes), and a log of every login.

**Lockout.** django-axes counts failed logins in the database. Two counts decide
(AXES_LOCKOUT_PARAMETERS in the settings, in this order):

1. per user name *and* address: AXES_FAILURE_LIMIT failures (5) lock that name from that
   address for AXES_COOLOFF_TIME (15 minutes). The editor, at the office or at home, is not
   locked out by someone who tries her name from elsewhere;
2. per address alone: AXES_IP_FAILURE_LIMIT failures (30), whatever the names, lock every
   login from that address. Whoever tries many names (or every editor's) from one address is
   slowed to a few tries per quarter of an hour, not only per name.

Locking per name alone would let anyone lock every editor out by typing wrong passwords for
their names; per address alone would let one office's typos lock the whole office. Axes compares
every count with one limit, so `LoginAttemptHandler` scales the count per address to it.

The client's address is read as the public forms read it (portal.forms_protection:
TRUSTED_PROXY_COUNT proxies append to X-Forwarded-For), an IPv6 address by its /64 network
(one subscriber has it whole, so changing the last bits does not escape the count), and a
value that is no address at all counts as the connection's own address.

**The log.** Successful and failed logins, lockouts and two-step verification go to the logger
"editorial.security": the user name and the address, never a password or a code. Django's
user_login_failed hands over credentials with the password already masked; only the user name
is read from them.
"""

import ipaddress
import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.shortcuts import render
from django.utils.translation import ngettext

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from axes.signals import user_locked_out

from portal.forms_protection import client_address

logger = logging.getLogger("editorial.security")

# Longest user name written to the log: what someone types in the name field is not trusted.
LOGGED_NAME_LENGTH = 150


def login_client_address(request):
    """The address whose failures are counted (AXES_CLIENT_IP_CALLABLE): always a valid IP
    address, since axes stores it in an address column."""
    for candidate in (client_address(request), request.META.get("REMOTE_ADDR", "")):
        try:
            address = ipaddress.ip_address(candidate.strip())
        except ValueError:
            continue
        if address.version == 6 and address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        if address.version == 6:
            return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
        return str(address)
    return "0.0.0.0"  # noqa: S104 (a placeholder address, nothing listens on it)


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler with a higher limit for the count per address (see above)."""

    def get_failures(self, request, credentials=None):
        per_name_and_address, per_address = (
            sum(attempts.values_list("failures_since_start", flat=True))
            for attempts in self.get_user_attempts(request, credentials)
        )
        # Scaled so that it reaches AXES_FAILURE_LIMIT exactly at AXES_IP_FAILURE_LIMIT.
        scaled = per_address * settings.AXES_FAILURE_LIMIT // settings.AXES_IP_FAILURE_LIMIT
        return max(per_name_and_address, scaled)

    def reset_user_attempts(self, request, credentials=None):
        """After a successful login, forget only that name's failures from that address: the
        count per address goes on (a correct password for one name is no reason to let the
        address guess others)."""
        count, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        ).delete()
        return count


def lockout_response(request, original_response=None, credentials=None):
    """The admin's login page with a Swedish message instead of the form, status 429 and
    Retry-After (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds())
    minutes = max(1, -(-seconds // 60))
    message = ngettext(
        "För många misslyckade inloggningar. Inloggningen är spärrad i %(minutes)d minut. "
        "Försök igen sedan, eller be en administratör att låsa upp kontot.",
        "För många misslyckade inloggningar. Inloggningen är spärrad i %(minutes)d minuter. "
        "Försök igen sedan, eller be en administratör att låsa upp kontot.",
        minutes,
    ) % {"minutes": minutes}
    response = render(request, "editorial/login_locked.html", {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    return response


# The log


def _name(value):
    return str(value or "")[:LOGGED_NAME_LENGTH].replace("\n", " ").replace("\r", " ")


def _address(request):
    return login_client_address(request) if request is not None else "-"


def log_login(sender, request, user, **kwargs):
    logger.info("Inloggning: användare %r från %s", _name(user.get_username()), _address(request))


def log_login_failure(sender, credentials, request=None, **kwargs):
    logger.warning(
        "Misslyckad inloggning: användarnamn %r från %s",
        _name(credentials.get("username")),
        _address(request),
    )


def log_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    logger.warning(
        "Inloggningen spärrad: användarnamn %r från %s", _name(username), ip_address or "-"
    )


def connect():
    user_logged_in.connect(log_login, dispatch_uid="editorial-security-login")
    user_login_failed.connect(log_login_failure, dispatch_uid="editorial-security-failure")
    user_locked_out.connect(log_lockout, dispatch_uid="editorial-security-lockout")
