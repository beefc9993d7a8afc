"""The sitemap: every live page of the site in every language. Wagtail's own lists only the
site's root page and what is below it, i.e. the Swedish tree; the translations are trees of
their own beside it (pages that share the root's translation_key)."""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).only("path")
        in_a_tree = reduce(or_, (Q(path__startswith=r.path) for r in roots), Q(pk=root.pk))
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
