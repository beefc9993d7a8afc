"""What a visitor typed, made safe and searchable: pure Python, no database.

A query is cut into words of letters and digits (any script), so the text-search operators
(& | ! : * ( ) ' " \\), a NUL byte or an emoji can never reach PostgreSQL as syntax; they
are simply not words. Swedish letters stay what they are: "får" and "far" are different
words. `fold` (from the finder) is only for comparing what was typed without å, ä and ö.
"""

import re
import unicodedata

from advice.finder import fold, tidy

__all__ = ["fold", "tidy", "parse", "Parsed", "normalise_for_log", "MAX_QUERY_CHARS"]

# A longer query is cut here (and the page says so): no parent types 200 characters into a
# search box, and a 10 KB query must cost no more than a short one.
MAX_QUERY_CHARS = 200
# Words searched at most; the rest of a long question adds little.
MAX_WORDS = 10
# A longer "word" is not a word (a pasted link or a hash).
MAX_WORD_CHARS = 40

WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Words parents put around what they mean ("hur gör jag när mitt barn …"): PostgreSQL's
# Swedish stop list drops most of these too; they are dropped here as well so that the
# fallback and the count of matched words ignore them. Questions and "kontakt" are kept out
# of the coverage count but still searched.
FILLER = frozenset(
    [
        "och",
        "i",
        "att",
        "det",
        "som",
        "en",
        "på",
        "är",
        "av",
        "för",
        "med",
        "till",
        "den",
        "har",
        "de",
        "inte",
        "om",
        "ett",
        "han",
        "men",
        "var",
        "jag",
        "sig",
        "från",
        "vi",
        "så",
        "kan",
        "man",
        "när",
        "år",
        "säger",
        "hon",
        "under",
        "också",
        "efter",
        "eller",
        "nu",
        "sin",
        "där",
        "vid",
        "mot",
        "ska",
        "skall",
        "hade",
        "ha",
        "få",
        "får",
        "du",
        "kommer",
        "eller",
        "vad",
        "hur",
        "varför",
        "vem",
        "vilka",
        "vilken",
        "vilket",
        "mitt",
        "min",
        "mina",
        "mitt",
        "vårt",
        "vår",
        "våra",
        "ditt",
        "din",
        "dina",
        "jag",
        "mig",
        "oss",
        "er",
        "ni",
        "dem",
        "deras",
        "hans",
        "hennes",
        "dess",
        "sitt",
        "sina",
        "vill",
        "kan",
        "kunna",
        "måste",
        "bör",
        "blir",
        "bli",
        "gör",
        "göra",
        "gjort",
        "finns",
        "fanns",
        "något",
        "någon",
        "några",
        "inget",
        "ingen",
        "mycket",
        "mer",
        "mest",
        "bara",
        "redan",
        "än",
        "sedan",
        "då",
        "här",
        "där",
        "detta",
        "denna",
        "dessa",
        "the",
        "a",
    ]
)


class Parsed:
    """A query as the search uses it.

    text: what the visitor typed, tidied and cut (shown back to them);
    words: the searchable words, lower case, in order, without repeats;
    problem: "" or "empty", "no-words" (only punctuation, emoji, operators);
    truncated: the query was longer than MAX_QUERY_CHARS.
    """

    def __init__(self, raw):
        raw = raw if isinstance(raw, str) else ""
        cleaned = tidy(raw)
        self.truncated = len(cleaned) > MAX_QUERY_CHARS
        self.text = cleaned[:MAX_QUERY_CHARS].strip()
        words = []
        for match in WORD.finditer(self.text.casefold()):
            word = match.group()
            if len(word) <= MAX_WORD_CHARS and word not in words:
                words.append(word)
        self.words = words[:MAX_WORDS]
        if not self.text:
            self.problem = "empty"
        elif not self.words:
            self.problem = "no-words"
        else:
            self.problem = ""

    @property
    def content_words(self):
        """The words that carry meaning; all words if the query is only filler."""
        kept = [word for word in self.words if word not in FILLER]
        return kept or self.words

    def __bool__(self):
        return not self.problem


def parse(raw):
    return Parsed(raw)


# Anything that may identify someone is not kept in the query statistics: a run of digits
# (a phone number, a personal identity number, a date of birth), an e-mail address.
_PERSONAL = re.compile(r"\S*@\S*|\S*\d\S*")


def normalise_for_log(parsed):
    """The query as the statistics keep it: lower case, words only, no digits or e-mail
    addresses, at most 100 characters. Empty when nothing is left."""
    text = _PERSONAL.sub(" ", parsed.text.casefold())
    words = WORD.findall(text)
    return " ".join(words)[:100].strip()


def is_rtl(text):
    """True when the text is mostly written right to left (Arabic, Hebrew …), so the page can
    show it back with dir="rtl"."""
    strong = [unicodedata.bidirectional(char) for char in text]
    rtl = sum(1 for kind in strong if kind in {"R", "AL"})
    ltr = sum(1 for kind in strong if kind == "L")
    return rtl > ltr
