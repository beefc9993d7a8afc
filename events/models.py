"""The calendar: an index of events and the event pages, which can take sign-ups.

An event happens on one or more occasions (a parent group that meets six Thursdays in a row is
one event with six occasions); the page's `start` and `end` are the first occasion's start and
the last one's end, kept in step when the page is saved, so listings, closing times and the
retention period need no join.

An event page is a Wagtail form page: editors choose the sign-up fields with the form
builder, set a seat limit and a closing time. Sign-ups beyond the limit go to a waiting list;
a cancellation gives the freed seat to the first on the list. Sign-ups are kept a set number
of days after the event (EVENT_REGISTRATION_RETENTION_DAYS) and then deleted by
`manage.py purge_event_registrations`, run daily.
"""

import datetime
import re

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
from portal.models import RecordKeepingMixin, ReviewMixin, SearchKeywordsMixin
from portal.phone import validate_phone_number

from . import views
from .forms import EventPageForm
from .panels import SignupsPanel
from .queries import EventPageQuerySet
from .registration import register, registration_form_class
from .submissions import EventRegistration

# The calendar answers these addresses itself (the past events, the feed), so an event cannot
# have them.
RESERVED_SLUGS = {"tidigare", "ical"}
# A Swedish postcode, "141 52" (written with or without the space).
POSTCODE = re.compile(r"^(\d{3}) ?(\d{2})$")


def validate_postcode(value):
    if value and not POSTCODE.match(value.strip()):
        raise ValidationError(_("Skriv postnumret med fem siffror, t.ex. 141 52."))


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


class EventOccasion(models.Model):
    """One meeting of an event: its own start and end. An event has at least one; a series
    (a course over several evenings, a group that meets six Thursdays) has several. Listed in
    time order, whatever order they were entered in."""

    page = ParentalKey("EventPage", on_delete=models.CASCADE, related_name="occasions")
    start = models.DateTimeField(_("börjar"))
    end = models.DateTimeField(_("slutar"))

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])]

    class Meta:
        ordering = ["start", "end", "pk"]
        verbose_name = _("tillfälle")
        verbose_name_plural = _("tillfällen")

    def __str__(self):
        return f"{timezone.localtime(self.start):%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Tillfället måste sluta efter att det börjar.")})


class EventPage(
    RecordKeepingMixin,
    ReviewMixin,
    SearchKeywordsMixin,
    BodyMixin,
    RoutablePageMixin,
    AbstractEmailForm,
):
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
    # The span of the occasions, set from them on save (see sync_span); not edited directly.
    start = models.DateTimeField(_("börjar"), help_text=_("När det första tillfället börjar."))
    end = models.DateTimeField(_("slutar"), help_text=_("När det sista tillfället slutar."))
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
        _("gatuadress"), max_length=200, blank=True, help_text=_('T.ex. "Exempelvägen 4".')
    )
    postal_code = models.CharField(
        _("postnummer"),
        max_length=6,
        blank=True,
        validators=[validate_postcode],
        help_text=_('T.ex. "143 40".'),
    )
    locality = models.CharField(
        _("ort"), max_length=80, blank=True, help_text=_('T.ex. "Vårby" eller "Huddinge".')
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
    contact_phone = models.CharField(
        _("telefon för frågor"),
        max_length=40,
        blank=True,
        validators=[validate_phone_number],
        help_text=_(
            "Visas i kvittot och bekräftelsen till den som anmält sig. Tomt: webbplatsens "
            "allmänna nummer."
        ),
    )

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
    base_form_class = EventPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        InlinePanel(
            "occasions",
            label=_("tillfälle"),
            heading=_("När"),
            min_num=1,
            help_text=_(
                "Varje träff med sin början och sitt slut. En kurs över flera kvällar eller en "
                "grupp som träffas sex torsdagar i rad får ett tillfälle per träff."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("place"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
                FieldPanel("online_url"),
                FieldPanel("organiser"),
                FieldPanel("contact_phone"),
                FieldPanel("is_free"),
            ],
            heading=_("Var"),
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
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        *SearchKeywordsMixin.keyword_search_fields,
    ]

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

    # The occasions

    def sync_span(self):
        """Set `start` and `end` from the occasions (the in-memory ones while editing): the
        first start and the last end. An event without occasion rows keeps its own."""
        occasions = [o for o in self.occasions.all() if o.start and o.end]
        if occasions:
            self.start = min(o.start for o in occasions)
            self.end = max(o.end for o in occasions)

    def save(self, *args, **kwargs):
        self.sync_span()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        self.sync_span()
        return super().save_revision(*args, **kwargs)

    def occasion_list(self):
        """The occasions in time order, each with its `number` (1, 2, …); an event without
        occasion rows is one occasion, from `start` to `end`."""
        occasions = sorted(
            (o for o in self.occasions.all() if o.start and o.end), key=lambda o: (o.start, o.end)
        ) or [EventOccasion(start=self.start, end=self.end)]
        for number, occasion in enumerate(occasions, start=1):
            occasion.number = number
        return occasions

    @property
    def address_line(self):
        """ "Exempelvägen 4, 143 40 Vårby": the street address, postcode and locality given."""
        town = " ".join(part for part in (self.postal_code, self.locality) if part)
        return ", ".join(part for part in (self.address, town) if part)

    def clean(self):
        super().clean()
        if self.postal_code and POSTCODE.match(self.postal_code.strip()):
            self.postal_code = POSTCODE.sub(r"\1 \2", self.postal_code.strip())
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
                {
                    "registration_closes_at": _(
                        "Sista anmälningsdag måste vara före slutet av det sista tillfället."
                    )
                }
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

    def process_form_submission(self, form, token=None):
        """Save the sign-up with a seat or a waiting-list place (see events/registration.py);
        a second POST of the same form (its one-time `token`) returns the first sign-up."""
        return register(self, form, token=token)

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

    @property
    def seat_holders(self):
        """How many have a seat (confirmed sign-ups); the listings annotate it instead."""
        annotated = getattr(self, "confirmed_count", None)
        if annotated is not None:
            return annotated
        return self.get_submissions().filter(status=EventRegistration.Status.CONFIRMED).count()

    def seats_left(self):
        """Places left, or None without a seat limit."""
        if self.seat_limit is None:
            return None
        return max(0, self.seat_limit - self.seat_holders)

    @path("anmalan/<str:token>/", name="receipt")
    def receipt(self, request, token):
        return views.registration_receipt(self, request, token)

    @path("avboka/<str:token>/", name="cancel")
    def cancel(self, request, token):
        return views.cancel_registration(self, request, token)

    @path("avbokad/", name="cancelled")
    def cancelled(self, request):
        return views.registration_cancelled(self, request)

    @path("ical/", name="ical")
    def ical(self, request):
        return views.event_ics(self, request)
