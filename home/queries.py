"""Listing queries of the home app."""


def featured_guidance(home_page):
    """The guidance pages the editors picked for the start page, published ones only, in
    their order: one query."""
    items = home_page.featured_guidance.select_related("page").order_by("sort_order")
    return [item.page for item in items if item.page.live and not item.page.expired]
