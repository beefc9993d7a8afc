"""Private sections (Wagtail's page view restrictions) without a query of their own.

Wagtail reads every restriction before it serves a page, and again for each `.public()`
listing. Here the question "is this page in a private section?" is a subquery of the query
that reads the pages anyway: the pages on the way to the served page (portal/routing.py), the
main menu and every listing. Sites rarely have private sections; when the served page is in
one, Wagtail's own check runs as before."""

from django.db.models import CharField, Exists, F, OuterRef, Q
from django.db.models.functions import Cast

from wagtail.models import PageViewRestriction


def in_private_section(path="path"):
    """True for a page (the outer query's row) at or below a restricted page or an alias of
    one (an alias is restricted like its source, as in Page.get_view_restrictions)."""
    restrictions = PageViewRestriction.objects.annotate(
        _outer_path=Cast(OuterRef(path), output_field=CharField())
    ).filter(
        Q(_outer_path__startswith=F("page__path"))
        | Q(_outer_path__startswith=F("page__aliases__path"))
    )
    return Exists(restrictions)


def public(pages):
    """`pages` without those in a private section: Wagtail's PageQuerySet.public() in the same
    query instead of one more for the restrictions."""
    return pages.exclude(in_private_section())


def for_page(page, default):
    """The restrictions Wagtail checks before serving `page`: none, without a query, when
    portal/routing.py found the page outside every private section; else Wagtail's own."""
    if getattr(page, "_portal_private", True):
        return default()
    return PageViewRestriction.objects.none()
