"""The filters of the public listings in the query string (the hub's ?amne=&for=, the news
archive's ?amne=&omrade=&ar=, the calendar's ?amne=), read with a Django form like the advisor
finder's (advice/finder.py).

Each parameter is a field whose choices are objects the listing has (mostly already loaded to
show as links). A value is compared with their slugs in Python, never sent to the database, and
a value that is not one of them (unknown, malformed, hostile, too long) is an error of that
field only: it drops out of cleaned_data, so that filter counts as unset and the visitor gets
the list without it, never an error page.
"""

from operator import attrgetter

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class ObjectChoiceField(forms.Field):
    """One of `objects` (any iterable, read only when a value is given), named in the query
    string by `key` (their slug); cleans to the object itself, or None when not given."""

    default_error_messages = {"invalid_choice": _("Välj ett av alternativen.")}

    def __init__(self, objects, *, key=attrgetter("slug"), **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.objects = objects
        self.key = key

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value)
        for item in self.objects:
            if str(self.key(item)) == value:
                return item
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class ListingFilterForm(forms.Form):
    """A listing's filters: `fields` maps each query-string parameter to its field."""

    def __init__(self, data, fields):
        super().__init__(data)
        self.fields.update(fields)

    def chosen(self):
        """{parameter: the chosen object, or None}; an invalid value counts as not chosen."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in self.fields}
