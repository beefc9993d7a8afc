"""Template tags for the layout: site root, main menu, breadcrumbs, telephone links.

Loaded with {% load portal_tags %}; used by templates/base.html and templates/navigation/.
"""

import json
import re

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import QueryDict
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from wagtail.models import Page, Site

from portal import i18n, pagecache, phone, restrictions, sharing
from portal.models import HelpNowSettings

register = template.Library()


def _default_root(request):
    """The current site's Swedish start page, looked up once per request."""
    if request is None:
        return None
    if not hasattr(request, "_portal_default_root"):
        site = Site.find_for_request(request)
        request._portal_default_root = site.root_page if site else None
    return request._portal_default_root


def _site_root(request):
    """The current site's start page (specific) in the active language, or the Swedish one
    when that language has none; looked up once per request."""
    if request is None:
        return None
    if not hasattr(request, "_portal_site_root"):
        root = _default_root(request)
        request._portal_site_root = _specific_root(request, root) if root is not None else None
    return request._portal_site_root


def _specific_root(request, default_root):
    """The start page in the active language in its specific form, with the pages the
    layout links to (a page type's `layout_related`, e.g. the start page's advisor
    directory) in the same query; the page being served when it is that start page."""
    base = i18n.start_pages(request, default_root).get(translation.get_language())
    base = base or default_root
    model = base.specific_class
    if model is None:
        return base
    related = getattr(model, "layout_related", ())
    root = pagecache.site_wide(
        f"start page:{base.pk}",
        lambda: model._default_manager.select_related(*related).get(pk=base.pk),
    )
    route = getattr(request, "_wagtail_route_for_request", None)
    if route is not None and route[0].pk == base.pk:
        # The start page being served, with the pages the layout links to.
        page = route[0]
        for name in related:
            name = name.split("__")[0]
            if name in root._state.fields_cache:
                page._state.fields_cache.setdefault(name, root._state.fields_cache[name])
        return page
    return root


@register.simple_tag(takes_context=True)
def site_root(context):
    return _site_root(context.get("request"))


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages, each named in itself (portal/i18n.py)."""
    request = context.get("request")
    root = _default_root(request)
    page = context.get("page")
    starts = i18n.start_pages(request, root) if root is not None else {}
    return {
        "languages": i18n.language_links(request, page, root),
        # On a start page the languages always show, also on a phone (see main.css).
        "on_start_page": isinstance(page, Page) and any(p.pk == page.pk for p in starts.values()),
    }


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    """<link rel="alternate" hreflang> for each language the page is published in."""
    links = i18n.alternates(context.get("request"), context.get("page"))
    return format_html_join(
        "\n", '<link rel="alternate" hreflang="{}" href="{}">', ((code, url) for code, url in links)
    )


@register.inclusion_tag("components/translation_note.html", takes_context=True)
def translation_note(context):
    """On a translated page: which Swedish version it was made from, and a notice when the
    Swedish page has changed since (portal/i18n.py)."""
    return {"note": i18n.translation_note(context.get("page")), "request": context.get("request")}


@register.filter
def localized(obj):
    """A topic, audience or area (or any translatable object) in the visitor's language when
    it has been translated, else as it is. Pages and snippets refer to the Swedish entries;
    nothing is looked up on a Swedish page."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return obj
    if not hasattr(obj, "translation_key"):
        return obj
    return i18n.localized_snippet(obj)


@register.filter
def in_language(page):
    """The page in the active language when a live translation exists, else the page itself:
    the start page's links to the finder or the contact page stay in the visitor's language."""
    if not isinstance(page, Page) or translation.get_language() == settings.LANGUAGE_CODE:
        return page
    return i18n.in_active_language(page)


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", in the editors' order."""
    root = _site_root(context.get("request"))
    current = context.get("page")
    items = []
    if root is not None:
        # Private sections in the same query (portal/restrictions.py); kept across requests
        # until the next site-wide change (a page at the menu's depth is one).
        menu = pagecache.site_wide(
            f"menu:{root.pk}",
            lambda: list(restrictions.public(root.get_children().live().in_menu())),
        )
        for item in menu:
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


def _ancestors(request, page, root, inclusive):
    """The live pages from the start page down to `page`: those portal/routing.py read on the
    way to the page, or one query."""
    route = getattr(request, "_portal_route_ancestors", None)
    if route is not None and route[0] == page.pk:
        chain = route[1] + ([page] if inclusive else [])
        return [p for p in chain if p.depth >= root.depth and p.live]
    return list(
        Page.objects.ancestor_of(page, inclusive=inclusive)
        .filter(depth__gte=root.depth)
        .live()
        .order_by("depth")
    )


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """From the start page down to the current page; nothing on the start page itself.
    The same trail as schema.org BreadcrumbList JSON-LD, for search engines.

    A routable sub-page (an area of the advisor directory) sets `breadcrumb_current` to its
    title: the page becomes a link and the sub-page the current item (at `canonical_url`).
    """
    page = context.get("page")
    request = context.get("request")
    root = _site_root(request)
    current = context.get("breadcrumb_current")
    if not isinstance(page, Page) or root is None or (page.pk == root.pk and not current):
        return {"ancestors": [], "page": page}
    ancestors = _ancestors(request, page, root, inclusive=bool(current))
    current_title = current or page.title
    current_url = sharing.canonical_url(request, page, context.get("canonical_url"))
    return {
        "ancestors": ancestors,
        "current_title": current_title,
        "root": root,
        "structured_data": sharing.breadcrumb_json_ld(
            request, ancestors, root, current_title, current_url
        ),
    }


@register.filter
def tel_href(number):
    """A click-to-call address in E.164: "070-174 06 05" → "tel:+46701740605"."""
    number_e164 = phone.e164(number)
    return f"tel:{number_e164}" if number_e164 else ""


@register.filter
def phone_display(number):
    """A number as Swedes write it: "0701740605" → "070-174 06 05"."""
    return phone.national(number)


@register.filter
def json_ld(data):
    """schema.org data as a <script type="application/ld+json"> block. A data block is not
    executed, so the Content-Security-Policy allows it; <, > and & are escaped so page text
    can never close the element."""
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(  # noqa: S308  (escaped by json_script's rules below)
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
                _JSON_SCRIPT_ESCAPES
            )
        ),
    )


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def breakable_email(address):
    """An e-mail address that may wrap after "@" and dots on a narrow screen, not mid-word."""
    parts = re.split(r"([@.])", str(address or ""))
    return mark_safe(  # noqa: S308  (every part is escaped)
        "".join(escape(part) + ("<wbr>" if part in {"@", "."} else "") for part in parts)
    )


@register.simple_tag(takes_context=True)
def require_script(context, path):
    """A block or template asks for one of our scripts; the layout loads each once, at the
    end of the page ({% required_scripts %}). Outputs nothing."""
    request = context.get("request")
    if request is not None:
        scripts = request.__dict__.setdefault("required_scripts", [])
        if path not in scripts:
            scripts.append(path)
    return ""


@register.simple_tag(takes_context=True)
def required_scripts(context):
    request = context.get("request")
    paths = getattr(request, "required_scripts", [])
    return format_html_join(
        "\n", '<script src="{}" type="module"></script>', ((static(path),) for path in paths)
    )


@register.simple_tag(takes_context=True)
def allow_frame_source(context, origin):
    """Let this response frame `origin` (portal/middleware.py adds it to django-csp's
    policy): a video block does this, so only pages with a video allow its player."""
    request = context.get("request")
    if request is not None:
        request.__dict__.setdefault("csp_frame_src", set()).add(origin)
    return ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed or removed (None): pagination
    links keep the visitor's filters. {% query_with page=3 %} → "?amne=fritid&page=3"."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def social_meta(context):
    """Open Graph and Twitter card data for templates/components/social_meta.html; a routable
    sub-page's own address and title when its view gives them (portal/sharing.py)."""
    return sharing.social_meta(
        context.get("request"),
        context.get("page"),
        url=context.get("canonical_url"),
        title=context.get("share_title") or context.get("breadcrumb_current"),
    )


@register.simple_tag(takes_context=True)
def concern_href(context):
    """Where "Är du orolig för ett barn?" in "Behöver du hjälp nu?" leads (HelpNowSettings);
    "" on that page itself, or when there is nowhere to go."""
    request = context.get("request")
    if request is None:
        return ""
    return HelpNowSettings.for_request(request).concern_link(context.get("page"), request)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The address for rel=canonical: a routable sub-page's own (`canonical_url` in the
    context), else the page's."""
    return sharing.canonical_url(
        context.get("request"), context.get("page"), context.get("canonical_url")
    )
