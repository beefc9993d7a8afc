"""Two-step verification (tvåstegsverifiering) in the Wagtail admin's own login.

Why django-otp and not django-allauth's MFA: django-otp only adds devices and a "verified"
flag to the session (OTPMiddleware), so Wagtail's login page, password reset and user admin
stay as they are and the second step is two small views here. allauth's MFA comes with
allauth's account system, which replaces the login flow and its templates (and wagtail-2fa,
built on django-otp, does not run on Wagtail 8).

The flow. An administrator requires the second step for everyone or for chosen groups
(Inställningar → Tvåstegsverifiering, `TwoFactorPolicy`; off by default). After the password,
`TwoFactorMiddleware` sends such a user to the verification page before any other page, the
public ones included, until the session is verified:

- with an authenticator app already connected (a confirmed TOTP device): the code from the app,
  or one of the recovery codes (each works once);
- without one: the set-up page, with a QR code (inline SVG, drawn on the server) and the secret
  to type in by hand; a correct code confirms the app, and ten recovery codes are shown once.

Codes are checked by django-otp, which refuses a code used before and waits longer after each
wrong one (throttling per device). Every result is logged ("editorial.security"), never a code.
An editor who lost both app and recovery codes is reset by an administrator with
`manage.py reset_two_factor NAME`.
"""

import logging
from base64 import b32encode
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks

import django_otp
import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import TwoFactorPolicy
from .security import login_client_address

logger = logging.getLogger("editorial.security")

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Autentiseringsapp"
RECOVERY_DEVICE_NAME = "Reservkoder"
URL_PREFIX = "/admin/tvastegsverifiering/"
# What an unverified user may still reach: these pages, logging out, files, and what the
# admin's page layout loads for them (the icons and the JavaScript translations; redirected,
# the page itself would be pasted in as the icons).
EXEMPT_PREFIXES = (
    URL_PREFIX,
    "/admin/logout/",
    "/admin/sprite/",
    "/admin/jsi18n/",
    "/static/",
    "/media/",
)


def is_required(request):
    """Whether this request's user must pass the second step and has not yet."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.is_verified():
        return False
    # The rule is for editors; anyone else has no admin page to be sent to.
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    return TwoFactorPolicy.load(request_or_site=request).applies_to(user)


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: an editor who must verify and has not is sent to the
    verification page, with the address asked for in `next`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(EXEMPT_PREFIXES) and is_required(request):
            url = reverse("editorial_two_factor_verify")
            if request.method == "GET":
                url += "?" + _query_next(request.get_full_path())
            return redirect(url)
        return self.get_response(request)


def _query_next(value):
    return urlencode({"next": value})


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kod"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def _app_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def _log(level, event, request):
    logger.log(
        level,
        "Tvåstegsverifiering %s: användare %r från %s",
        event,
        request.user.get_username(),
        login_client_address(request),
    )


def verify(request):
    """The second step: a code from the app or a recovery code."""
    if not is_required(request):
        return redirect(_next_url(request))
    device = _app_device(request.user)
    if device is None:
        return redirect(
            reverse("editorial_two_factor_setup") + "?" + _query_next(_next_url(request))
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verified = _check_code(request.user, device, form.cleaned_data["code"])
        if verified is not None:
            django_otp.login(request, verified)
            _log(
                logging.INFO, "godkänd" if verified == device else "godkänd med reservkod", request
            )
            return redirect(_next_url(request))
        _log(logging.WARNING, "misslyckad", request)
        form.add_error(
            "code",
            _(
                "Koden stämmer inte. Skriv den kod som appen visar just nu, eller en av dina "
                "reservkoder. Efter flera fel får du vänta en stund mellan försöken."
            ),
        )
    return render(
        request,
        "editorial/two_factor/verify.html",
        {"form": form, "next": _next_url(request)},
    )


def _check_code(user, device, code):
    """The device that accepts the code (the app, or the recovery codes), or None."""
    if code.isdigit():
        return django_otp.verify_token(user, device.persistent_id, code)
    for recovery in StaticDevice.objects.devices_for_user(user, confirmed=True):
        accepted = django_otp.verify_token(user, recovery.persistent_id, code)
        if accepted is not None:
            return accepted
    return None


def setup(request):
    """Connecting an authenticator app: scan or type the secret, confirm with a code; then the
    recovery codes, shown once."""
    if not is_required(request):
        return redirect(_next_url(request))
    if _app_device(request.user) is not None:
        # Replacing a connected app takes the old one first (verify), or an administrator.
        return redirect(
            reverse("editorial_two_factor_verify") + "?" + _query_next(_next_url(request))
        )
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=APP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["code"].isdigit() and device.verify_token(form.cleaned_data["code"]):
            codes = _confirm(request.user, device)
            django_otp.login(request, device)
            _log(logging.INFO, "aktiverad", request)
            messages.success(request, _("Tvåstegsverifieringen är aktiverad."))
            return render(
                request,
                "editorial/two_factor/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        _log(logging.WARNING, "misslyckad vid aktivering", request)
        form.add_error(
            "code",
            _(
                "Koden stämmer inte. Kontrollera att appen visar kontot för den här "
                "webbplatsen och skriv den kod som visas just nu."
            ),
        )
    return render(
        request,
        "editorial/two_factor/setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_code": _qr_svg(device.config_url),
            "secret": _grouped(_base32_secret(device)),
        },
    )


@transaction.atomic
def _confirm(user, device):
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


def _base32_secret(device):
    return b32encode(device.bin_key).decode().rstrip("=")


def _grouped(text, size=4):
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def _qr_svg(data):
    # Drawn here as inline SVG: nothing is fetched, and no data: image needs allowing.
    code = segno.make(data, error="m")
    svg = code.svg_inline(
        scale=5, border=4, dark="#000", light="#fff", title=_("QR-kod för autentiseringsappen")
    )
    return mark_safe(svg)  # noqa: S308 (segno's own SVG; the data is only QR modules)


def reset(user):
    """Remove the user's app and recovery codes (`reset_two_factor`): the next login sets up
    a new app, if the policy requires one."""
    deleted = 0
    for model in (TOTPDevice, StaticDevice):
        count, _ = model.objects.filter(user=user).delete()
        deleted += count
    return deleted


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("tvastegsverifiering/", verify, name="editorial_two_factor_verify"),
        path("tvastegsverifiering/aktivera/", setup, name="editorial_two_factor_setup"),
    ]
