from django.http import Http404
from django.utils import translation

from wagtail import hooks

from portal import pagecache


@hooks.register("before_serve_page")
def page_in_the_language_of_its_address(page, request, serve_args, serve_kwargs):
    """/ar/… with no Arabic start page makes Wagtail fall back to the Swedish tree, which would
    show Swedish text marked as Arabic. Answer with the 404 page in the address's language
    instead: it leads to the start pages that do exist."""
    if page.locale.language_code != translation.get_language():
        raise Http404


@hooks.register("before_serve_page")
def tag_response_with_page(page, request, serve_args, serve_kwargs):
    """The page cache tags the response with the page it shows (portal/pagecache.py)."""
    pagecache.note_page(request, page)


@hooks.register("register_rich_text_features", order=100)
def page_links_in_batches(features):
    """After Wagtail's own: page links read per body, not per block (portal/rich_text.py)."""
    from portal.rich_text import BatchedPageLinkHandler

    features.register_link_type(BatchedPageLinkHandler)
