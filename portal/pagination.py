from django.core.paginator import Paginator


def paginate(object_list, page_number, per_page):
    """One page of a listing. Any page number a visitor can type (missing, "abc", "%00", 0,
    999999) gives a valid page, never an error: Paginator.get_page() falls back to the first
    or last page. `page_links` is the page range with gaps ("1 2 3 … 100") for the template."""
    page = Paginator(object_list, per_page).get_page(page_number)
    page.page_links = list(
        page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    return page
