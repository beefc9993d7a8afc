"""Shared helpers for the search tests."""

from django.db import connection
from django.test import RequestFactory

from wagtail.search.backends import get_search_backend

from sitesearch import configuration, engine, vocabulary
from sitesearch.text import parse


def use_variant(variant, objects=()):
    """Point portal_swedish at one variant (inside the test's transaction, so it is undone)
    and index `objects` again with it, then the word list."""
    with connection.cursor() as cursor:
        if variant == "hunspell":
            assert configuration.hunspell_available(cursor), (
                "No Swedish Hunspell dictionary on the database server: run `make search-deps` "
                "(Debian: apt-get install hunspell-sv)"
            )
        configuration.use(cursor, variant)
    reindex(objects)


def reindex(objects=()):
    backend = get_search_backend()
    for obj in objects:
        backend.add(obj)
    vocabulary.rebuild()


def search(query, kind=""):
    """(titles in order, corrections) for a query, as the search page finds them."""
    outcome = engine.search(parse(query), kind)
    request = RequestFactory().get("/sok/")
    results = engine.load(outcome.items, outcome, request)
    return [result.title for result in results], outcome.corrections
