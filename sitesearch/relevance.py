"""The relevance set (sitesearch/relevance.toml) run against the current database: for each
query, the rank at which its page appears (1 = first; None = not in the first three)."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.test import RequestFactory
from django.utils import translation

from . import engine
from .text import parse

CASES = Path(__file__).with_name("relevance.toml")
TOP = 3
PASS_SCORE = 0.9


@dataclass
class CaseResult:
    query: str
    expect: str
    rank: int | None
    found: list

    @property
    def passed(self):
        return self.rank is not None


def cases(path=CASES):
    with open(path, "rb") as file:
        return tomllib.load(file)["case"]


def top_urls(query, count=TOP):
    request = RequestFactory().get("/sok/", {"q": query})
    outcome = engine.search(parse(query))
    return [result.url for result in engine.load(outcome.items[:count], outcome, request)]


def run(path=CASES):
    results = []
    # The relevance set is Swedish: searched as /sok/ is, whatever language was active before.
    with translation.override(settings.LANGUAGE_CODE):
        for case in cases(path):
            urls = top_urls(case["query"])
            rank = urls.index(case["expect"]) + 1 if case["expect"] in urls else None
            results.append(CaseResult(case["query"], case["expect"], rank, urls))
    return results


def score(results):
    return sum(result.passed for result in results) / len(results) if results else 0.0
