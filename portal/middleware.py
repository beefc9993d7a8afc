"""A strict Content-Security-Policy for the public site.

Django 5.2 has no built-in CSP (it arrives in Django 6.0), so this small middleware sets the
header. Public pages load only the site's own scripts, styles, images and fonts: no inline
scripts or styles, no third parties. The Wagtail admin is left alone; it needs inline code.
"""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(
            f"{directive} {' '.join(sources)}".strip()
            for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
        )
        self.exempt_prefixes = tuple(settings.CONTENT_SECURITY_POLICY_EXEMPT_PATHS)

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(self.exempt_prefixes):
            policy = self.policy
            # A page with a video block may frame that video's player, and nothing else
            # (templatetags: allow_frame_source).
            frame_sources = sorted(getattr(request, "csp_frame_src", ()))
            if frame_sources:
                policy += f"; frame-src 'self' {' '.join(frame_sources)}"
            response.setdefault("Content-Security-Policy", policy)
        return response
