"""The visitors' forms: the comment after "Var informationen till din hjälp?" and the
call-back request. Both refuse what must not be stored instead of storing part of it."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from advice.models import Language
from events.registration import looks_like_personnummer
from portal import pagecache, phone
from portal.i18n import localized_snippet
from taxonomy.models import Area

from .models import COMMENT_MAX_LENGTH, CallbackRequest

# The trap for robots: a field people never see (hidden with CSS, not announced, not in the tab
# order) that form-filling robots fill in. A POST with it filled is answered as if it were
# saved, and nothing is.
HONEYPOT_FIELD = "webbadress"

SECRECY_NOTE = _(
    "Skriv inget om ditt barn eller om det du vill prata om. Det du skickar till "
    "socialtjänsten blir en allmän handling och skyddas av sekretess."
)


# Lazy, with Django's own parameter of the length validator, so each visitor reads it in their
# language.
TOO_LONG = _("Texten är för lång. Skriv högst %(limit_value)d tecken.")


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Vill du berätta mer? (frivilligt)"),
        help_text=_(
            "Skriv inte namn, telefonnummer, e-post eller annat som visar vem du eller ditt barn "
            "är. Vi svarar inte på kommentarer. Behöver du hjälp, kontakta oss."
        ),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG},
    )


def language_choices():
    """Swedish first, then the languages the advisors speak, by their Swedish names. Kept
    across requests: a language saved is a site-wide change (portal/pagecache.py)."""

    def read():
        choices = [("svenska", str(_("Svenska")))]
        for language in Language.objects.order_by("name"):
            choices.append((language.name, language.name.capitalize()))
        return choices

    return pagecache.site_wide(f"callback languages:{translation.get_language()}", read)


def area_choices():
    """The areas (their Swedish rows, which advisors belong to) named in the visitor's
    language, kept across requests as language_choices()."""

    def read():
        areas = Area.objects.swedish().order_by("sort_order", "name")
        return [(area.pk, str(localized_snippet(area))) for area in areas]

    return pagecache.site_wide(f"callback areas:{translation.get_language()}", read)


def validate_contact(value):
    """A Swedish phone number or an e-mail address."""
    try:
        validate_email(value)
    except ValidationError:
        if phone.parse(value) is None:
            raise ValidationError(
                _(
                    "Skriv ett telefonnummer med riktnummer (t.ex. 070-174 06 05) eller en "
                    "e-postadress (t.ex. namn@example.org)."
                ),
                code="invalid_contact",
            ) from None


class CallbackForm(forms.Form):
    """Only what a call-back needs. Each free-text field says not to write about the child or
    the problem."""

    name = forms.CharField(
        label=_("Förnamn eller alias"),
        help_text=SECRECY_NOTE,
        max_length=60,
        error_messages={"max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    contact = forms.CharField(
        label=_("Telefonnummer eller e-postadress"),
        help_text=format_lazy("{} {}", _("Så att vi kan nå dig."), SECRECY_NOTE),
        max_length=100,
        validators=[validate_contact],
        error_messages={"max_length": TOO_LONG},
    )
    area = forms.ModelChoiceField(
        label=_("Område"),
        queryset=Area.objects.swedish(),
        empty_label=_("Välj område"),
        error_messages={"invalid_choice": _("Välj ett av områdena i listan.")},
    )
    language = forms.ChoiceField(
        label=_("Språk du vill prata på"),
        error_messages={"invalid_choice": _("Välj ett av språken i listan.")},
    )
    interpreter = forms.BooleanField(label=_("Jag vill ha tolk (kostnadsfritt)"), required=False)
    good_time = forms.CharField(
        label=_("När passar det att vi hör av oss? (frivilligt)"),
        help_text=format_lazy("{} {}", _("T.ex. vardagar efter 15."), SECRECY_NOTE),
        max_length=200,
        required=False,
        error_messages={"max_length": TOO_LONG},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        area = self.fields["area"]
        area.choices = [("", area.empty_label), *area_choices()]
        self.fields["name"].error_messages["required"] = _("Skriv ett förnamn eller ett alias.")
        self.fields["contact"].error_messages["required"] = _(
            "Skriv ett telefonnummer eller en e-postadress."
        )
        self.fields["area"].error_messages["required"] = _("Välj område.")

    def clean(self):
        cleaned = super().clean()
        # Any field, also one refused for another reason: the raw text is checked.
        for name in ("name", "contact", "good_time"):
            if looks_like_personnummer(self.data.get(name, "")):
                self.errors.pop(name, None)
                cleaned.pop(name, None)
                self.add_error(
                    name,
                    _(
                        "Skriv inte personnummer här. Vi behöver det inte, och det du skickar "
                        "blir en allmän handling. Inget har sparats."
                    ),
                )
        return cleaned

    def save(self, token):
        """Save the request once per form token (a reload finds the first)."""
        data = self.cleaned_data
        request, created = CallbackRequest.objects.get_or_create(
            form_token=token,
            defaults={
                "name": data["name"].strip(),
                "contact": data["contact"].strip(),
                "area": data["area"],
                "language": data["language"],
                "interpreter": data["interpreter"],
                "good_time": data["good_time"].strip(),
            },
        )
        return request, created
