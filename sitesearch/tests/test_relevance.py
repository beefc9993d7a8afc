"""The relevance set (sitesearch/relevance.toml) on the demo site: at least 90 % of the
queries must have their page among the first three results."""

from io import StringIO

from django.core.management import call_command

import pytest

from sitesearch import relevance


def test_the_relevance_set_is_large_and_realistic():
    cases = relevance.cases()
    assert len(cases) >= 40
    assert len({case["query"] for case in cases}) == len(cases)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_at_least_ninety_percent_of_the_relevance_set_is_in_the_top_three(demo_site):
    """Through `make search-eval`'s command, which prints a line per query and the score, and
    exits non-zero below 90 %."""
    out = StringIO()
    try:
        call_command("search_eval", stdout=out)
    except SystemExit:
        pytest.fail(out.getvalue())
    table = out.getvalue()
    assert len(table.splitlines()) >= 1 + len(relevance.cases())
    assert "Träff bland de 3 första:" in table
