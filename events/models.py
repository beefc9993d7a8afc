"""The calendar: an index of events and the event pages, which can take sign-ups.

An event page is a Wagtail form page: editors choose the sign-up fields with the form
builder, set a seat limit and a closing time. Sign-ups beyond the limit go to a waiting list.
Sign-ups are kept a set number of days after the event (EVENT_REGISTRATION_RETENTION_DAYS)
and then deleted by `manage.py purge_event_registrations`, run daily.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from advice.models import BodyMixin
from portal.blocks import RICH_TEXT_FEATURES
from portal.models import RecordKeepingMixin, ReviewMixin

from . import views
from .panels import SignupsPanel
from .queries import EventPageQuerySet
from .registration import register, registration_form_class
from .submissions import EventRegistration

# The calendar answers these addresses itself (the past events, the feed), so an event cannot
# have them.
RESERVED_SLUGS = {"tidigare", "ical"}


class EventIndexPage(RecordKeepingMixin, ReviewMixin, RoutablePageMixin, Page):
    """Kalender: coming events first (…/kalender/), past ones in an archive
    (…/kalender/tidigare/), and an iCalendar feed of coming events (…/kalender/ical/)."""

    intro = RichTextField(_("introduktion"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), ReviewMixin.review_panel]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("kalender")
        verbose_name_plural = _("kalendrar")

    def events(self):
        """This calendar's published events, with what an event card needs."""
        return EventPage.objects.for_listing().child_of(self)

    @path("")
    def upcoming(self, request):
        return views.event_list(self, request, past=False)

    @path("tidigare/", name="past")
    def past(self, request):
        return views.event_list(self, request, past=True)

    @path("ical/", name="ical")
    def ical(self, request):
        return views.calendar_feed(self, request)


class EventFormField(AbstractFormField):
    """A field of an event's sign-up form, chosen by the editor."""

    page = ParentalKey("EventPage", on_delete=models.CASCADE, related_name="form_fields")


class EventPage(RecordKeepingMixin, ReviewMixin, BodyMixin, RoutablePageMixin, AbstractEmailForm):
    """An event: a course, a parent group, a conference day. When editors turn sign-up on,
    the page carries a form (fields chosen with the form builder), a seat limit, a waiting
    list and a closing time; a receipt page and a confirmation e-mail follow each sign-up."""

    class AttendanceMode(models.TextChoices):
        OFFLINE = "offline", _("På plats")
        ONLINE = "online", _("Digitalt")
        MIXED = "mixed", _("På plats och digitalt")

    lead = models.TextField(
        _("ingress"), max_length=600, help_text=_("En eller två meningar om vad som händer.")
    )
    start = models.DateTimeField(_("börjar"))
    end = models.DateTimeField(_("slutar"))
    attendance_mode = models.CharField(
        _("form"), max_length=10, choices=AttendanceMode.choices, default=AttendanceMode.OFFLINE
    )
    place = models.CharField(
        _("plats"),
        max_length=120,
        blank=True,
        help_text=_('T.ex. "Vårby strandskola, biblioteket".'),
    )
    address = models.CharField(
        _("adress"), max_length=200, blank=True, help_text=_('T.ex. "Exempelvägen 4, Vårby".')
    )
    online_url = models.URLField(
        _("länk till mötet"),
        blank=True,
        help_text=_("För digitala träffar. Visas på sidan och i kalenderfilen."),
    )
    organiser = models.CharField(
        _("arrangör"), max_length=120, default="Föräldrarådgivningen", blank=True
    )
    audiences = ParentalManyToManyField(
        "taxonomy.Audience", verbose_name=_("målgrupper"), related_name="events", blank=True
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("ämnen"), related_name="events", blank=True
    )
    is_free = models.BooleanField(_("kostnadsfritt"), default=True)

    registration_enabled = models.BooleanField(
        _("ta emot anmälningar"),
        default=False,
        help_text=_("Visar anmälningsformuläret med fälten nedan."),
    )
    seat_limit = models.PositiveIntegerField(
        _("antal platser"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt för obegränsat. Anmälningar därefter hamnar på en väntelista."),
    )
    registration_closes_at = models.DateTimeField(
        _("sista anmälningsdag"),
        null=True,
        blank=True,
        help_text=_("Efter denna tid ersätts formuläret av ett meddelande. Tomt: när det börjar."),
    )
    registration_intro = RichTextField(
        _("text före formuläret"), features=RICH_TEXT_FEATURES, blank=True
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("attendance_mode"),
                FieldPanel("place"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("organiser"),
                FieldPanel("is_free"),
            ],
            heading=_("När och var"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Målgrupp och ämne"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                SignupsPanel(),
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("seat_limit"), FieldPanel("registration_closes_at")]),
                FieldPanel("registration_intro"),
                InlinePanel("form_fields", label=_("fält i formuläret")),
                FieldPanel(
                    "to_address",
                    help_text=_(
                        "Vart ett meddelande om nya anmälningar skickas (kommaseparerat). Det "
                        "innehåller bara en länk till anmälningarna i admin, aldrig uppgifterna."
                    ),
                ),
            ],
            heading=_("Anmälan"),
        ),
        ReviewMixin.review_panel,
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    # The page itself, form included; the receipt has its own route, not a landing page.
    preview_modes = [("form", _("Sidan med formuläret"))]

    class Meta:
        verbose_name = _("evenemang")
        verbose_name_plural = _("evenemang")
        # Sign-ups are personal data of families in a social-services group: only the
        # course administrators (and administrators) see and export them.
        permissions = [("view_signups", _("Kan se och ladda ner anmälningar"))]

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _(
                        "Adressen används av kalendern (tidigare evenemang, kalenderfilen). "
                        "Välj en annan adress."
                    )
                }
            )
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Evenemanget måste sluta efter att det börjar.")})
        if self.registration_closes_at and self.end and self.registration_closes_at > self.end:
            raise ValidationError(
                {"registration_closes_at": _("Sista anmälningsdag måste vara före slutet.")}
            )

    # Sign-up
    def get_submissions_list_view_class(self):
        # Admin views import the models, so they are looked up when first needed, as
        # Wagtail's own form pages do.
        from .admin_views import RegistrationListView

        return RegistrationListView

    def get_submission_class(self):
        return EventRegistration

    def get_data_fields(self):
        fields = super().get_data_fields()
        return [fields[0], ("status", _("Status")), *fields[1:]]

    def get_form_class(self):
        return registration_form_class(super().get_form_class())

    def process_form_submission(self, form):
        """Save the sign-up with a seat or a waiting-list place (see events/registration.py);
        a repeated identical sign-up returns the first instead of a second."""
        return register(self, form)

    @property
    def registration_closes(self):
        """When sign-up closes: the closing time, or else when the event starts."""
        return self.registration_closes_at or self.start

    def registration_open(self, now=None):
        return self.registration_enabled and (now or timezone.now()) < self.registration_closes

    @property
    def retention_until(self):
        """The last day sign-ups for this event are kept."""
        days = settings.EVENT_REGISTRATION_RETENTION_DAYS
        return timezone.localdate(self.end) + datetime.timedelta(days=days)

    @path("")
    def event(self, request):
        return views.event_page(self, request)

    @path("anmalan/<str:token>/", name="receipt")
    def receipt(self, request, token):
        return views.registration_receipt(self, request, token)

    @path("ical/", name="ical")
    def ical(self, request):
        return views.event_ics(self, request)
