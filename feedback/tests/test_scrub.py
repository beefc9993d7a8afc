"""Scrubbing comments: the ways Swedes write phone numbers, personal identity numbers and
e-mail addresses are removed; ordinary text, dates and small numbers stay."""

import pytest

from feedback.scrub import scrub

PHONE = "[telefonnummer borttaget]"
IDENTITY = "[personnummer borttaget]"
EMAIL = "[e-post borttagen]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring 070-123 45 67 tack", f"Ring {PHONE} tack"),
        ("ring +46 70 123 45 67.", f"ring {PHONE}."),
        ("0046 70 123 45 67", PHONE),
        ("0701234567", PHONE),
        ("08-123 456 78", PHONE),
        ("mitt pnr 19811228-9874", f"mitt pnr {IDENTITY}"),
        ("811228-9874 är jag", f"{IDENTITY} är jag"),
        ("811228+9874", IDENTITY),
        ("198112289874", IDENTITY),
        ("mejla name@example.org!", f"mejla {EMAIL}!"),
        ("förnamn.efternamn+sida@skola.huddinge.se", EMAIL),
    ],
)
def test_contact_details_and_identity_numbers_are_removed(text, expected):
    assert scrub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Det var 2024-05-01 och vi har 3 barn, 12 och 14 år.",
        "Läste den 12 maj 2025 kl. 14.30, steg 2 av 5.",
        "Bra sida, tack!",
    ],
)
def test_ordinary_text_is_kept(text):
    assert scrub(text) == text


def test_tags_are_removed():
    assert scrub("<script>alert(1)</script><b>Bra</b>") == "alert(1)Bra"
