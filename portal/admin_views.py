"""Shared pieces of the admin views of the apps."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def forbidden(request, reason):
    """A refused admin request: status 403 with the reason in Swedish, in the admin's layout
    (Wagtail's own refusal is a redirect to the dashboard, which looks like nothing
    happened)."""
    return TemplateResponse(
        request,
        "portal/admin_forbidden.html",
        {"page_title": _("Det får du inte göra"), "header_icon": "warning", "reason": reason},
        status=403,
    )
