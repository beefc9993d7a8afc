"""Addresses in the advisor directory: its area pages and vCards. The directory page is looked
up once per request, whichever template, block or API view asks."""

from wagtail.models import Site

from portal import pagecache
from portal.restrictions import public

from .models import AdvisorDirectoryPage


def directory_for_request(request):
    """The site's published advisor directory, or None."""
    if request is None:
        return None
    if not hasattr(request, "_advice_directory"):
        site = Site.find_for_request(request)

        def read():
            directories = public(AdvisorDirectoryPage.objects.live())
            if site is not None:
                directories = directories.descendant_of(site.root_page, inclusive=True)
            return directories.first()

        # Kept across requests: any page saved is a site-wide change (portal/pagecache.py).
        key = f"advisor directory:{site.pk if site else None}"
        request._advice_directory = pagecache.site_wide(key, read)
    return request._advice_directory


def _subpage_url(request, name, args, full):
    directory = directory_for_request(request)
    if directory is None:
        return ""
    base = directory.get_full_url(request) if full else directory.get_url(request)
    return base + directory.reverse_subpage(name, args=args)


def vcard_url(request, advisor, full=False):
    """Where "Spara kontakt" downloads the advisor's vCard; empty without a directory."""
    return _subpage_url(request, "vcard", [advisor.pk], full)


def area_url(request, area, full=False):
    """The page of an area in the advisor directory; empty without a directory."""
    return _subpage_url(request, "area", [area.slug], full)
