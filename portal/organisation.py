"""Who runs the site, by one rule for everything that names it: Open Graph, news feeds,
structured data (news, events, the advisor directory) and the advisors' vCards."""

from django.conf import settings

from wagtail.models import Site

from .models import ContactSettings


def _site(request):
    # Wagtail caches the site on the request.
    return Site.find_for_request(request) if request is not None else None


def site_name(request):
    """The name of the Wagtail site serving `request` (its start page's title when unnamed);
    empty without a site."""
    site = _site(request)
    if site is None:
        return ""
    return site.site_name or site.root_page.title


def organisation_name(request):
    """Who publishes the site (Inställningar → Kontaktuppgifter), else the site's name, else
    WAGTAIL_SITE_NAME: never empty."""
    organisation = ""
    if _site(request) is not None:
        organisation = ContactSettings.for_request(request).organisation_name
    return organisation or site_name(request) or settings.WAGTAIL_SITE_NAME
