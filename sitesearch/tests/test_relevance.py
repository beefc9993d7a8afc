"""The relevance set (sitesearch/relevance.toml) on the demo site: at least 90 % of the
queries must have their page among the first three results."""

import pytest

from sitesearch import relevance


def test_the_relevance_set_is_large_and_realistic():
    cases = relevance.cases()
    assert len(cases) >= 40
    assert len({case["query"] for case in cases}) == len(cases)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_at_least_ninety_percent_of_the_relevance_set_is_in_the_top_three(demo_site):
    results = relevance.run()
    misses = [f"{r.query!r}: fick {r.found}" for r in results if not r.passed]
    assert relevance.score(results) >= relevance.PASS_SCORE, "\n".join(misses)
