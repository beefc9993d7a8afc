"""A page in the other languages: the language switcher, `hreflang` alternates and the
localized start page, from Wagtail's translations (pages that share a translation_key).

The switcher lists each language whose start page is published. Where the current page has no
published translation, its link goes to that language's start page and says so; a visitor
never follows a language link to a 404.
"""

from django.conf import settings
from django.db.models import Subquery
from django.utils import translation

from wagtail.models import Locale, Page

from portal import pagecache, request_cache, restrictions
from portal.languages import DEFAULT_LANGUAGE, direction, native_name


def _live_translations(page):
    """{language code: live page} for `page` and its translations, in one query per request."""
    if page is None:
        return {}
    return request_cache.cached(
        ("live translations", page.translation_key),
        lambda: {
            row.locale.language_code: row
            for row in Page.objects.filter(translation_key=page.translation_key, live=True)
            .select_related("locale")
            # Whether each is in a private section: the start page is served from this row.
            .annotate(_portal_private=restrictions.in_private_section())
        },
    )


def start_pages(request, root):
    """{language code: the live start page in that language}, once per request."""
    if request is not None and hasattr(request, "_portal_start_pages"):
        return request._portal_start_pages
    # The start pages lie at the depth whose changes are site-wide: kept across requests.
    pages = (
        pagecache.site_wide(f"start pages:{root.pk}", lambda: _live_translations(root))
        if root is not None
        else {}
    )
    if request is not None:
        request._portal_start_pages = pages
    return pages


def _sub_path(request, page):
    """What follows a routable page's own address (an area of the advisor directory), so the
    same sub-page opens in the other language."""
    if request is None or page is None:
        return ""
    own = page.get_url(request=request) or ""
    path = request.path
    if own and path.startswith(own) and own.endswith("/"):
        return path[len(own) :]
    return ""


def language_links(request, page, root):
    """The language switcher's links: one per language with a live start page, in the order
    of settings.LANGUAGES, each named in itself."""
    starts = start_pages(request, root)
    if len(starts) < 2:
        return []
    translations = _live_translations(page) if isinstance(page, Page) else {}
    sub_path = _sub_path(request, page) if translations else ""
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        if code not in starts:
            continue
        target = translations.get(code)
        missing = isinstance(page, Page) and target is None
        if target is not None:
            url = target.get_url(request=request) + sub_path
        else:
            url = starts[code].get_url(request=request)
        links.append(
            {
                "code": code,
                "name": native_name(code),
                "dir": direction(code),
                "url": url,
                "is_current": code == current,
                "missing": missing,
            }
        )
    return links


def alternates(request, page):
    """`hreflang` alternates: the page in each language it is published in, and x-default
    (Swedish). Empty when the page exists in one language only."""
    if not isinstance(page, Page):
        return []
    translations = _live_translations(page)
    if len(translations) < 2:
        return []
    sub_path = _sub_path(request, page)
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            links.append((code, target.get_full_url(request=request) + sub_path))
    default = translations.get(DEFAULT_LANGUAGE)
    if default is not None:
        links.append(("x-default", default.get_full_url(request=request) + sub_path))
    return links


def active_locale():
    """The Locale of the active language (Swedish when it has none), once per request."""

    def read():
        try:
            return Locale.get_active()
        except Locale.DoesNotExist:
            return Locale.get_default()

    # Locales change rarely, and each change is site-wide (portal/pagecache.py).
    language = translation.get_language()
    return request_cache.cached(
        ("active locale", language),
        lambda: pagecache.site_wide(f"active locale:{language}", read),
    )


def in_active_language(page):
    """The page's live translation in the active language, else the page itself."""
    return _live_translations(page).get(translation.get_language(), page)


def localized_snippet(obj):
    """A translatable snippet (topic, audience, area) in the active language when translated,
    else as it is; as Wagtail's `.localized`, but within a request one query per model for
    all of them, however many a page shows."""
    if not request_cache.active():
        return getattr(obj, "localized", obj)
    locale = active_locale()
    if obj.locale_id == locale.pk:
        return obj
    model = type(obj)
    label = model._meta.label

    def read():
        return {row.translation_key: row for row in model.objects.filter(locale=locale)}

    # Kept across requests: any snippet saved is a site-wide change (portal/pagecache.py).
    translations = request_cache.cached(
        ("snippet translations", label, locale.pk),
        lambda: pagecache.site_wide(f"snippet translations:{label}:{locale.pk}", read),
    )
    found = translations.get(obj.translation_key)
    if found is None or not getattr(found, "live", True):
        return obj
    return found


def translation_note(page):
    """For a translated page: the date of the Swedish version it was made from, whether the
    Swedish page has changed since, and the Swedish page itself. None for a Swedish page or
    a translation without a known origin."""
    from portal.models import TranslationOrigin
    from portal.signals import swedish_version_date

    # A page is served in its own language (portal/wagtail_hooks.py): no query for Swedish.
    if not isinstance(page, Page) or translation.get_language() == DEFAULT_LANGUAGE:
        return None
    # The live Swedish page with the date this translation was made from, in one query.
    origin = TranslationOrigin.objects.filter(page_id=page.pk).order_by("pk")
    original = (
        type(page)
        .objects.filter(
            translation_key=page.translation_key,
            locale__language_code=DEFAULT_LANGUAGE,
            live=True,
        )
        .annotate(_source_date=Subquery(origin.values("source_date")[:1]))
        .first()
    )
    if original is None or original._source_date is None:
        return None
    current = swedish_version_date(original)
    return {
        "source_date": original._source_date,
        "changed": current is not None and current > original._source_date,
        "original": original,
    }
