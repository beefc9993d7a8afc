"""The search on a large site, where everyday words are on more pages than are ranked
(sitesearch/engine.py, _selections): played out on a few pages with RANKED_PAGES lowered, and
the word-list command `rebuild_search_words`."""

from django.core.management import call_command
from django.db import connection

import pytest

from advice.tests.factories import GuidancePageFactory
from events.tests.factories import EventIndexPageFactory, EventPageFactory
from sitesearch import engine, vocabulary
from sitesearch.models import Word

from .helpers import reindex, search


def _analyse():
    """PostgreSQL's statistics of the index, as autovacuum keeps them on a real site."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    vocabulary._common_cache["until"] = 0.0


@pytest.fixture
def large_site(hub, home_page, monkeypatch):
    # "barn" on 6 pages and "skola" on 5 are everyday words when only 3 pages are ranked.
    for number in range(5):
        GuidancePageFactory(
            parent=hub,
            title=f"Vardag {number}",
            lead="Barn och skola, läxor och kompisar.",
        )
    GuidancePageFactory(parent=hub, title="Så gör du en anmälan", lead="Barn som far illa.")
    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=events, title="Föräldrakväll", lead="Om barn och skola.")
    reindex()
    monkeypatch.setattr(engine, "RANKED_PAGES", 3)
    _analyse()
    assert vocabulary.lexeme_counts()["barn"] > 3, "PostgreSQL's statistics count 'barn'"
    yield
    vocabulary._common_cache["until"] = 0.0


@pytest.mark.django_db(transaction=False)
def test_everyday_words_order_the_pages_the_rarer_word_found(large_site):
    titles, _corrections = search("anmäla oro för ett barn")
    assert titles[0] == "Så gör du en anmälan"


@pytest.mark.django_db(transaction=False)
def test_a_query_of_everyday_words_only_still_finds_pages_and_respects_the_filter(large_site):
    titles, _corrections = search("barn skola")
    assert titles, "pages with every word must be found"
    assert "Så gör du en anmälan" not in titles  # it has "barn" but not "skola"
    assert search("barn skola", kind="kalender")[0] == ["Föräldrakväll"]


@pytest.mark.django_db(transaction=False)
def test_the_planner_settings_are_restored_after_a_search(large_site):
    search("anmäla oro för ett barn")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan'), "
            "current_setting('jit')"
        )
        assert cursor.fetchone()[:2] == ("on", "on")


@pytest.mark.django_db(transaction=False)
def test_the_ranking_query_is_not_compiled_first(large_site):
    """With the forbidden plans' huge costs PostgreSQL would compile the ranking query to
    machine code before running it: on 10,000 pages 0.8 s for a query that runs in 1 ms."""
    plans = []

    def explain(execute, sql, params, many, context):
        if "WITH matched" in sql and not sql.startswith("EXPLAIN"):
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
                plans.append(cursor.fetchone()[0][0])
        return execute(sql, params, many, context)

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('jit')")
        jit_before = cursor.fetchone()[0]
    with connection.execute_wrapper(explain):
        titles, _corrections = search("anmäla oro för ett barn")
    assert titles[0] == "Så gör du en anmälan"
    assert plans, "the ranking query ran"
    assert all("JIT" not in plan for plan in plans), plans
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('jit')")
        assert cursor.fetchone()[0] == jit_before


def test_rebuild_search_words_drops_words_no_page_uses(hub, capsys):
    page = GuidancePageFactory(parent=hub, title="Sommarlov", lead="Kollo i Trosa.")
    reindex()
    assert Word.objects.filter(word="kollo").exists()
    page.lead = "Läger i Trosa."
    page.save_revision().publish()
    vocabulary.add_object(page)  # what publishing does: new words come, old ones stay
    assert Word.objects.filter(word="kollo").exists()
    call_command("rebuild_search_words")
    assert not Word.objects.filter(word="kollo").exists()
    assert Word.objects.filter(word="läger").exists()
    assert "Ordlistan byggd på nytt" in capsys.readouterr().out
