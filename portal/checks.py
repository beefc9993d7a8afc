"""System checks of our own."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.module_loading import import_string


@register(Tags.security, deploy=True)
def csrf_middleware_installed(app_configs, **kwargs):
    """Django's security.W003 looks for its CsrfViewMiddleware by name and is silenced in the
    settings, since ours subclasses it (portal/forms_protection.py); this checks that one of
    MIDDLEWARE is Django's or a subclass of it."""
    for path in settings.MIDDLEWARE:
        middleware = import_string(path)
        if isinstance(middleware, type) and issubclass(middleware, CsrfViewMiddleware):
            return []
    return [
        Error(
            "No CSRF protection: MIDDLEWARE has no CsrfViewMiddleware (Django's or a subclass).",
            id="portal.E001",
        )
    ]
