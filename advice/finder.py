"""The advisor finder: a plain GET form (works without JavaScript, and its URL can be shared)
and the query it runs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Area

from .models.directory import Language, School
from .queries import published_advisors


class FinderForm(forms.Form):
    """Find advisors by the child's school, the area, or a language the advisor speaks.

    Parameters are Swedish words so a shared link reads well: ?skola=vasterby-skola&sprak=ar.
    Unknown values are refused by the form, never looked up as anything but text.
    """

    skola = forms.ModelChoiceField(
        label=_("Ditt barns skola"),
        queryset=School.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla skolor"),
        error_messages={"invalid_choice": _("Vi hittar ingen sådan skola. Välj en i listan.")},
    )
    omrade = forms.ModelChoiceField(
        label=_("Område"),
        queryset=Area.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla områden"),
        error_messages={"invalid_choice": _("Vi hittar inget sådant område. Välj ett i listan.")},
    )
    sprak = forms.ModelChoiceField(
        label=_("Språk som rådgivaren talar"),
        queryset=Language.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("Alla språk"),
        error_messages={"invalid_choice": _("Vi hittar inget sådant språk. Välj ett i listan.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what a visitor can find: schools placed in an area, languages of published
        # advisors.
        self.fields["skola"].queryset = School.objects.filter(area__isnull=False).order_by("name")
        self.fields["omrade"].queryset = Area.objects.order_by("sort_order", "name")
        self.fields["sprak"].queryset = (
            Language.objects.filter(advisors__live=True).distinct().order_by("name")
        )
        self.fields["sprak"].label_from_instance = lambda language: (
            f"{language.name} – {language.native_name}"
            if language.native_name and language.native_name != language.name
            else language.name
        )

    def filters(self):
        """The chosen filters, once the form is valid; empty when nothing was chosen."""
        return {name: value for name, value in self.cleaned_data.items() if value}


def find_advisors(form):
    """Published advisors matching every chosen filter."""
    if not form.is_valid():
        return published_advisors().none()
    advisors = published_advisors()
    filters = form.filters()
    if "skola" in filters:
        advisors = advisors.filter(schools=filters["skola"])
    if "omrade" in filters:
        advisors = advisors.filter(areas=filters["omrade"])
    if "sprak" in filters:
        advisors = advisors.filter(languages=filters["sprak"])
    return advisors.distinct()
