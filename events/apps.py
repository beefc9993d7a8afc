from django.apps import AppConfig


class EventsConfig(AppConfig):
    """The calendar (Kalender): events, their iCalendar files and sign-up with a seat limit."""

    name = "events"
    verbose_name = "Kalender"
