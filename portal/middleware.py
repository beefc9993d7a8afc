"""The Content-Security-Policy of the public site: django-csp's middleware, with the policy in
the setting CONTENT_SECURITY_POLICY (the admin is excluded there).

One addition: a page with a video block may frame that video's player, and no other page may.
The block's template names the player's origin ({% allow_frame_source %} in portal_tags), and
this middleware appends it to frame-src with django-csp's own update (the merge its
@csp_update decorator uses). A decorator cannot do it: whether a page has a video is known only
once its template has been rendered. get_policy_parts is django-csp's documented extension
point.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware as BaseCSPMiddleware


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        frame_sources = getattr(request, "csp_frame_src", None)
        if frame_sources and not report_only:
            parts.update = {**(parts.update or {}), "frame-src": [SELF, *sorted(frame_sources)]}
        return parts


class PermissionsPolicyMiddleware:
    """The Permissions-Policy header on every response, from the setting PERMISSIONS_POLICY
    (feature → allowed origins; an empty list switches the feature off everywhere)."""

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(_origin(origin) for origin in origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


def _origin(origin):
    return origin if origin in {"self", "*"} else f'"{origin}"'
