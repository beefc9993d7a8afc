"""Swedish on PostgreSQL: the configuration in force, and the same cases under both
variants of it (Hunspell with compound splitting, and the Snowball fallback that every
PostgreSQL has, with the application's word list and pg_trgm)."""

from django.conf import settings
from django.db import connection

from wagtail.search.backends import get_search_backend

import pytest

from advice.tests.factories import GuidancePageFactory
from sitesearch import configuration

from .helpers import search, use_variant

VARIANTS = ["hunspell", "snowball"]


def test_the_swedish_configuration_is_named_in_the_settings_and_used_by_the_backend(db):
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "portal_swedish"
    assert get_search_backend().config == "portal_swedish"
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_swedish', 'barnen skolorna')::text")
        vector = cursor.fetchone()[0]
    # English would keep "barnen" and "skolorna" as they are; Swedish stems them.
    assert "barnen" not in vector and "skolorna" not in vector
    assert configuration.current_variant() in VARIANTS


def test_the_migration_chose_hunspell_where_the_server_has_the_dictionary(db):
    with connection.cursor() as cursor:
        available = configuration.hunspell_available(cursor)
    assert configuration.current_variant() == ("hunspell" if available else "snowball")


@pytest.fixture
def pages(hub):
    return {
        "franvaro": GuidancePageFactory(
            parent=hub,
            title="Problematisk skolfrånvaro",
            lead="Om ditt barn har hög skolfrånvaro finns det hjälp att få.",
        ),
        "trappa": GuidancePageFactory(
            parent=hub,
            title="Skolans plan",
            lead="Närvarotrappan beskriver vad skolan gör steg för steg.",
        ),
        "foralder": GuidancePageFactory(
            parent=hub,
            title="Stöd i vardagen",
            lead="Som förälder kan du ringa föräldrarådgivaren på skolan.",
        ),
        "far": GuidancePageFactory(
            parent=hub, title="Djur på bondgården", lead="Ett får betar på ängen."
        ),
    }


@pytest.fixture(params=VARIANTS)
def variant(request, pages):
    use_variant(request.param, list(pages.values()))
    return request.param


@pytest.mark.parametrize(
    ("query", "title"),
    [
        # Compounds: a part finds the whole word.
        ("frånvaro", "Problematisk skolfrånvaro"),
        ("rådgivare", "Stöd i vardagen"),
        ("trappa", "Skolans plan"),
        # Inflection and the definite form.
        ("närvarotrappa", "Skolans plan"),
        ("föräldrar", "Stöd i vardagen"),
        ("föräldrarna", "Stöd i vardagen"),
    ],
)
def test_compounds_and_inflections_are_found(variant, query, title):
    titles, corrections = search(query)
    assert title in titles, (variant, query, titles)
    assert corrections == {}


@pytest.mark.parametrize(
    ("query", "title", "correction"),
    [
        # Without å, ä and ö, and with a small typo: found, with "Menade du …?".
        ("skolfranvaro", "Problematisk skolfrånvaro", "skolfrånvaro"),
        ("narvarotrapan", "Skolans plan", "närvarotrappan"),
        ("foraldraradgivaren", "Stöd i vardagen", "föräldrarådgivaren"),
    ],
)
def test_missing_diacritics_and_typos_are_found_with_a_suggestion(
    variant, query, title, correction
):
    titles, corrections = search(query)
    assert title in titles, (variant, titles)
    assert corrections == {query: correction}


def test_a_and_ring_are_letters_of_their_own(variant):
    # "får" (sheep) is on the page; "far" (father) is not, and is not the same word.
    titles, _corrections = search("får")
    assert titles == ["Djur på bondgården"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_swedish', 'far får')::text")
        vector = cursor.fetchone()[0]
    assert "'far'" in vector and "'får'" in vector
