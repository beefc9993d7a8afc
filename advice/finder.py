"""The advisor finder: a plain GET form (works without JavaScript, and its URL can be shared),
the matching of what a parent types in the school field, and the answer the page gives.

Nothing a visitor sends is dropped in silence: free text in the school field is matched on
the server (case, diacritics and punctuation ignored; the start of a word, a word, or the
inflected and shortened forms parents write, "Vårbybacken", "dalskolan"), and the answer says
what was matched, offers a choice when several schools fit, and says so plainly when none
does. A language search never ends in "no one": every advisor books an interpreter, so when
no advisor in the chosen place speaks the language, the place's advisors are shown with the
interpreter note.
"""

import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from taxonomy.models import Area

from .interpreter import interpreter_note
from .models.directory import Advisor, Language
from .queries import published_advisor_cards

# Longer than any school name; a longer text is answered with a message, not looked up.
MAX_SCHOOL_TEXT = 100
# "Menade du …?" lists at most this many schools, the best matches first.
MAX_SUGGESTIONS = 12
# The fragment the form and the suggestions point to: the browser scrolls to the results and
# starts keyboard navigation there.
RESULTS_ID = "resultat"

# Endings a Swedish school name gets when parents write it: the definite form and the
# genitive ("dalskolan" for Flemingsbergs dalskola, "strandskolans", "Vårbybackens").
INFLECTIONS = ("s", "n", "ns", "en", "ens", "et", "ets", "an", "ans", "na", "nas")
# A part of a compound word must be this long to count ("skola" in "strandskola").
MIN_PART = 3


def fold(text):
    """Lower case letters and digits only, without diacritics, words separated by one space:
    "Vårbybackens skola" and "VARBYBACKENS  SKOLA!" both become "varbybackens skola"."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        kept.append(char if char.isalnum() else " ")
    return " ".join("".join(kept).casefold().split())


def tidy(text):
    """What a visitor typed, without control or formatting characters (a NUL byte, a
    right-to-left override) and with runs of white space made one space."""
    kept = "".join(
        " " if unicodedata.category(char) in {"Cc", "Zl", "Zp"} else char
        for char in text
        if unicodedata.category(char) != "Cf"
    )
    return " ".join(unicodedata.normalize("NFC", kept).split())


def _stem(word):
    """`word` without an inflection ending, if what is left is still a word part."""
    for ending in sorted(INFLECTIONS, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_PART:
            return word[: -len(ending)]
    return word


def _word_match(token, word):
    """How well a typed word fits a word of a school's name: 2 the start of the word or the
    word inflected, 1 a part inside a compound ("skolan" in "Kvarnängsskolan"), 0 not."""
    if word.startswith(token):
        return 2
    if token.startswith(word) and token[len(word) :] in INFLECTIONS:
        return 2
    stem = _stem(token)
    if len(stem) >= MIN_PART and stem in word:
        return 1
    return 0


def school_match(query, name):
    """How well a folded query fits a folded school name: 3 the name itself, 2 every typed
    word starts a word of the name (or the name written as one word), 1 every typed word is
    at least a part of one, 0 not."""
    if query == name:
        return 3
    joined_query, joined_name = query.replace(" ", ""), name.replace(" ", "")
    if joined_name.startswith(joined_query) or (
        joined_query.startswith(joined_name) and joined_query[len(joined_name) :] in INFLECTIONS
    ):
        return 2
    words = name.split()
    strength = 2
    for token in query.split():
        best = max((_word_match(token, word) for word in words), default=0)
        if best == 0:
            return 0
        strength = min(strength, best)
    return strength


@dataclass
class SchoolLookup:
    """What the school field found: one school, several candidates, or none."""

    text: str
    school: object = None
    candidates: list = field(default_factory=list)

    @property
    def status(self):
        if not self.text:
            return ""
        if self.school is not None:
            return "one"
        return "several" if self.candidates else "none"


def look_up_school(text, schools):
    """The school meant by `text`: a school's slug (shared links: ?skola=vasterby-skola) or its
    name, whole or in part. `schools` are the schools a visitor can find."""
    text = tidy(text)
    if not text:
        return SchoolLookup(text="")
    slug = text.lower()
    for school in schools:
        if school.slug == slug:
            return SchoolLookup(text=text, school=school)
    query = fold(text)
    if not query:
        return SchoolLookup(text=text)
    scored = [(school_match(query, fold(school.name)), school) for school in schools]
    exact = [school for score, school in scored if score == 3]
    if len(exact) == 1:
        return SchoolLookup(text=text, school=exact[0])
    best = max((score for score, _school in scored), default=0)
    if best == 0:
        return SchoolLookup(text=text)
    found = [school for score, school in scored if score == best]
    # Weaker matches stay available as "or did you mean" when one school fits best.
    others = [school for score, school in scored if 0 < score < best]
    if len(found) == 1:
        return SchoolLookup(text=text, school=found[0], candidates=others)
    return SchoolLookup(text=text, candidates=found + others)


class SchoolTextField(forms.CharField):
    """The school field: free text (a school's name, part of it, or a slug from a shared
    link). Control characters are dropped rather than refused, so "varby\\x00" is "varby"."""

    def to_python(self, value):
        return tidy(super().to_python(value))


class ReadOnceChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose rows are read once per form (`read_choices`): the template's
    list of options and the check of the answer use them, instead of a count, a read for the
    options and a look-up for the answer."""

    def read_choices(self):
        self.choices = list(iter(self.choices))  # iter(): no COUNT query for a length

    def to_python(self, value):
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        for choice, _label in self.choices:
            instance = getattr(choice, "instance", None)
            if instance is not None and str(choice) == str(value):
                return instance
        raise forms.ValidationError(
            self.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": value},
        )


class FinderForm(forms.Form):
    """Find advisors by the child's school, the area, or a language the advisor speaks.

    Parameters are Swedish words so a shared link reads well: ?skola=vasterby-skola&sprak=ar.
    The school is free text, matched on the server (`look_up_school`); an unknown area or
    language is refused by the form, never looked up as anything but text.
    """

    skola = SchoolTextField(
        label=gettext_lazy("Ditt barns skola"),
        required=False,
        help_text=gettext_lazy("Skriv skolans namn, hela eller en del av det."),
    )
    omrade = ReadOnceChoiceField(
        label=gettext_lazy("Område"),
        queryset=Area.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Alla områden"),
        error_messages={
            "invalid_choice": gettext_lazy("Vi hittar inget sådant område. Välj ett i listan.")
        },
    )
    sprak = ReadOnceChoiceField(
        label=gettext_lazy("Språk som rådgivaren talar"),
        queryset=Language.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("Alla språk"),
        error_messages={
            "invalid_choice": gettext_lazy("Vi hittar inget sådant språk. Välj ett i listan.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["omrade"].queryset = Area.objects.swedish().order_by("sort_order", "name")
        # Only languages of published advisors: a visitor can find someone who speaks them.
        self.fields["sprak"].queryset = (
            Language.objects.filter(advisors__live=True).distinct().order_by("name")
        )
        self.fields["sprak"].label_from_instance = lambda language: (
            f"{language.name} – {language.native_name}"
            if language.native_name and language.native_name != language.name
            else language.name
        )
        for name in ("omrade", "sprak"):
            self.fields[name].read_choices()

    def clean_skola(self):
        text = self.cleaned_data["skola"]
        if not text and str(self.data.get("skola", "")).strip():
            # Only control characters (a NUL byte from a crafted link): say so, rather than
            # quietly showing every advisor.
            raise forms.ValidationError(
                _("Vi kunde inte läsa det som står i rutan. Skriv skolans namn med bokstäver.")
            )
        if len(text) > MAX_SCHOOL_TEXT:
            raise forms.ValidationError(
                _("Skriv bara skolans namn. Det du skrev är längre än %(max)s tecken."),
                params={"max": MAX_SCHOOL_TEXT},
            )
        return text

    def filters(self):
        """The chosen filters, once the form is valid; empty when nothing was chosen."""
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def school_text(self):
        """The school text to show in the field again, cut to a sensible length."""
        if not self.is_bound:
            return ""
        if self.is_valid() or "skola" in self.cleaned_data:
            return self.cleaned_data["skola"]
        return tidy(str(self.data.get("skola", "")))[:MAX_SCHOOL_TEXT]


@dataclass
class FinderAnswer:
    """Everything the finder's results region says."""

    form: FinderForm
    advisors: list = field(default_factory=list)
    lookup: SchoolLookup = None
    school: object = None
    area: object = None
    language: object = None
    # No advisor for the school or area speaks the language: its advisors are shown instead.
    without_language: bool = False
    # The school has no advisor of its own: the advisors of its area are shown instead.
    school_without_advisor: bool = False
    # An area was chosen as well as a school in another area: the school decides.
    area_ignored: object = None
    heading: str = ""
    interpreter: dict = None
    suggestions: list = field(default_factory=list)

    @property
    def status(self):
        """ "invalid", "school-none", "school-several", "found" or "empty"."""
        if not self.form.is_valid():
            return "invalid"
        if self.lookup and self.lookup.status == "none":
            return "school-none"
        if self.lookup and self.lookup.status == "several":
            return "school-several"
        return "found" if self.advisors else "empty"

    @property
    def searched_for(self):
        """What the visitor asked for, in words: "Vårbybackens skola", "Vårby", "somaliska"."""
        if not self.form.is_valid():
            return []
        filters = self.form.filters()
        parts = []
        if self.lookup and self.lookup.text:
            # The school's name when that is what was asked for (a shared link, a name from
            # the list); otherwise the words typed, and the heading names the school found.
            exact = self.school is not None and (
                self.lookup.text.lower() == self.school.slug
                or fold(self.lookup.text) == fold(self.school.name)
            )
            parts.append(self.school.name if exact else f"”{self.lookup.text}”")
        if "omrade" in filters:
            parts.append(filters["omrade"].name)
        if "sprak" in filters:
            parts.append(filters["sprak"].name)
        return parts

    @property
    def areas_served(self):
        """The areas the advisors found work in, in words: "Vårby och Skogås"."""
        seen = {}
        for advisor in self.advisors:
            for area in advisor.areas.all():
                seen.setdefault(area.pk, area.name)
        return join_words(list(seen.values()))

    @property
    def language_only(self):
        """A search by language alone: the advisors found may work far from the child's
        school, which the answer must say."""
        filters = self.form.filters() if self.form.is_valid() else {}
        return set(filters) == {"sprak"}

    @property
    def other_schools(self):
        """With one school found: other schools that fit what was typed less well."""
        if self.lookup and self.lookup.school is not None:
            return self.suggestions
        return []


def join_words(words):
    """ "Vårby", "Vårby och Skogås", "Vårby, Flemingsberg och Skogås"."""
    if len(words) < 2:
        return "".join(words)
    return _("%(first)s och %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def _advisors(school=None, area=None, language=None):
    advisors = Advisor.objects.all()
    if school is not None:
        advisors = advisors.filter(schools=school)
    if area is not None:
        advisors = advisors.filter(areas=area)
    if language is not None:
        advisors = advisors.filter(languages=language)
    return published_advisor_cards(advisors)


def _suggestion_links(candidates, language):
    links = []
    for school in candidates[:MAX_SUGGESTIONS]:
        params = {"skola": school.slug}
        if language is not None:
            params["sprak"] = language.code
        links.append({"school": school, "query": f"?{urlencode(params)}#{RESULTS_ID}"})
    return links


def _heading(answer):
    status = answer.status
    if status == "school-none":
        return _("Ingen skola matchar ”%(text)s”") % {"text": answer.lookup.text}
    if status == "school-several":
        count = len(answer.lookup.candidates)
        return ngettext(
            "%(count)s skola matchar ”%(text)s”",
            "%(count)s skolor matchar ”%(text)s”",
            count,
        ) % {"count": count, "text": answer.lookup.text}
    if status != "found":
        return _("Vi hittade ingen föräldrarådgivare")
    count = len(answer.advisors)
    heading = ngettext("%(count)s föräldrarådgivare", "%(count)s föräldrarådgivare", count) % {
        "count": count
    }
    if answer.school is not None and not answer.school_without_advisor:
        heading += " " + _("på %(school)s") % {"school": answer.school.name}
    elif answer.area is not None:
        heading += " " + _("i %(area)s") % {"area": answer.area.name}
    if answer.language is not None and not answer.without_language:
        heading += " " + _("som talar %(language)s") % {"language": answer.language.name}
    return heading


def answer_search(form, schools):
    """The finder's answer to a bound form. `schools` are the schools a visitor can find
    (`queries.schools_with_areas`). Costs a fixed number of queries: one advisor query (with
    its prefetches), and at most two more when the first finds no one."""
    answer = FinderAnswer(form=form)
    if not form.is_valid():
        answer.heading = _heading(answer)
        return answer
    filters = form.filters()
    answer.area = filters.get("omrade")
    answer.language = filters.get("sprak")
    if answer.language is not None:
        answer.interpreter = interpreter_note(answer.language)
    if "skola" in filters:
        answer.lookup = look_up_school(filters["skola"], schools)
        answer.school = answer.lookup.school
        answer.suggestions = _suggestion_links(answer.lookup.candidates, answer.language)
        if answer.school is None:
            answer.heading = _heading(answer)
            return answer
        # The school decides the area; a different area chosen as well is set aside, and
        # the answer says so.
        if answer.area is not None and answer.area.pk != answer.school.area_id:
            answer.area_ignored = answer.area
        answer.area = answer.school.area

    school, area, language = answer.school, answer.area, answer.language
    answer.advisors = _advisors(school=school, area=None if school else area, language=language)
    if not answer.advisors and language is not None:
        answer.advisors = _advisors(school=school, area=None if school else area)
        answer.without_language = bool(answer.advisors)
    if not answer.advisors and school is not None:
        answer.advisors = _advisors(area=school.area)
        answer.school_without_advisor = bool(answer.advisors)
        answer.without_language = bool(answer.advisors and language is not None)
    answer.heading = _heading(answer)
    return answer
