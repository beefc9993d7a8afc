"""Template tags for the layout: site root, main menu, breadcrumbs, telephone links.

Loaded with {% load portal_tags %}; used by templates/base.html and templates/navigation/.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.models import Page, Site

register = template.Library()


def _site_root(request):
    """The current site's home page (specific), looked up once per request."""
    if request is None:
        return None
    if not hasattr(request, "_portal_site_root"):
        site = Site.find_for_request(request)
        request._portal_site_root = site.root_page.specific if site else None
    return request._portal_site_root


@register.simple_tag(takes_context=True)
def site_root(context):
    return _site_root(context.get("request"))


@register.simple_tag(takes_context=True)
def current_site(context):
    """The Wagtail Site serving this request (Wagtail caches it on the request)."""
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", in the editors' order."""
    root = _site_root(context.get("request"))
    current = context.get("page")
    items = []
    if root is not None:
        for item in root.get_children().live().public().in_menu():
            items.append(
                {
                    "page": item,
                    "is_current": current is not None and current.pk == item.pk,
                    "in_section": current is not None
                    and current.path.startswith(item.path)
                    and current.pk != item.pk,
                }
            )
    return {"items": items, "root": root, "page": current}


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """From the start page down to the current page; nothing on the start page itself."""
    page = context.get("page")
    root = _site_root(context.get("request"))
    if not isinstance(page, Page) or root is None or page.pk == root.pk:
        return {"ancestors": [], "page": page}
    ancestors = (
        Page.objects.ancestor_of(page).filter(depth__gte=root.depth).live().order_by("depth")
    )
    return {"ancestors": list(ancestors), "page": page, "root": root}


@register.filter
def tel_href(number):
    """A Swedish number as a click-to-call address in E.164: "070-174 06 05" → "+46701740605"."""
    digits = re.sub(r"[^\d+]", "", str(number or ""))
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+46" + digits[1:]
    return f"tel:{digits}" if digits else ""


@register.filter
def breakable_email(address):
    """An e-mail address that may wrap after "@" and dots on a narrow screen, not mid-word."""
    parts = re.split(r"([@.])", str(address or ""))
    return mark_safe(  # noqa: S308  (every part is escaped)
        "".join(escape(part) + ("<wbr>" if part in {"@", "."} else "") for part in parts)
    )
