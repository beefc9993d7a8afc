"""Dates in the demo content, absolute or relative to the day the demo counts from.

Written in the TOML files as:

- ``"+21d"``, ``"-40d"``, ``"+3w"``: days or weeks after (+) or before (-) that day;
  ``"idag"`` is the day itself.
- a weekday after it, ``"+21d torsdag"``: the first Thursday on or after that day, so a
  group that meets on Thursdays starts on one.
- a time after that, for a date with a time: ``"+21d torsdag 17:30"``, ``"+14d 23:59"``.
- an absolute date as TOML writes it, ``2022-05-25`` (or ``"2022-05-25 09:00"``), for
  things that happened on a given day.

In text, ``{+14d}`` becomes that date in Swedish, e.g. "12 februari" (with the year when it is
not the year the demo counts from), so a text can say when sign-up closes.
"""

import datetime
import re

from django.utils import dateformat, timezone, translation

WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("måndag", "monday"),
            ("tisdag", "tuesday"),
            ("onsdag", "wednesday"),
            ("torsdag", "thursday"),
            ("fredag", "friday"),
            ("lördag", "saturday"),
            ("söndag", "sunday"),
        ]
    )
    for name in names
}
_DAY = r"(?:idag|today|[+-]\d+[dw])(?:\s+[a-zåäö]+)?"
RELATIVE = re.compile(
    r"^(?:(?P<today>idag|today)|(?P<sign>[+-])(?P<count>\d+)(?P<unit>[dw]))"
    r"(?:\s+(?P<weekday>[a-zåäö]+))?(?:\s+(?P<time>\d{1,2}:\d{2}))?$",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"\{(" + _DAY + r")\}", re.IGNORECASE)


class DateError(ValueError):
    pass


class DemoDates:
    """Turns the content's dates into dates, times and text, counting from `anchor`."""

    def __init__(self, anchor):
        self.anchor = anchor

    def _relative(self, text):
        """(date, time or None) for a relative date, or None if `text` is not one."""
        match = RELATIVE.match(text.strip())
        if match is None:
            return None
        day = self.anchor
        if not match["today"]:
            count = int(match["count"]) * (7 if match["unit"].lower() == "w" else 1)
            day += datetime.timedelta(days=count if match["sign"] == "+" else -count)
        if match["weekday"]:
            weekday = WEEKDAYS.get(match["weekday"].lower())
            if weekday is None:
                raise DateError(f"okänd veckodag i {text!r} (skriv t.ex. torsdag)")
            day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
        time = self.time(match["time"]) if match["time"] else None
        return day, time

    def date(self, value):
        if isinstance(value, datetime.datetime):
            raise DateError(f"{value} har en tid; här ska det bara stå ett datum")
        if isinstance(value, datetime.date):
            return value
        relative = self._relative(str(value))
        if relative is not None:
            day, time = relative
            if time is not None:
                raise DateError(f"{value!r} har en tid; här ska det bara stå ett datum")
            return day
        try:
            return datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            raise DateError(
                f'{value!r} är inget datum (skriv t.ex. 2026-10-20, "-40d" eller "+3w")'
            ) from None

    def datetime(self, value):
        """A date with a time, in the site's time zone (Europe/Stockholm)."""
        if isinstance(value, datetime.datetime):
            moment = value
        elif isinstance(value, datetime.date):
            moment = datetime.datetime.combine(value, datetime.time())
        else:
            relative = self._relative(str(value))
            if relative is not None:
                day, time = relative
                moment = datetime.datetime.combine(day, time or datetime.time())
            else:
                try:
                    moment = datetime.datetime.fromisoformat(str(value).strip())
                except ValueError:
                    raise DateError(
                        f'{value!r} är ingen tidpunkt (skriv t.ex. "+21d 17:30" eller '
                        '"2027-02-04 09:00")'
                    ) from None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment

    def time(self, value):
        if isinstance(value, datetime.time):
            return value
        try:
            return datetime.time.fromisoformat(str(value).strip().zfill(5))
        except ValueError:
            raise DateError(f"{value!r} är ingen tid (skriv t.ex. 13:00)") from None

    def fill_text(self, text):
        """Replace each {+14d} in `text` with that date in Swedish: "12 februari", or
        "12 februari 2027" in another year than the one the demo counts from."""

        def swedish(match):
            day, _time = self._relative(match[1])
            pattern = "j F" if day.year == self.anchor.year else "j F Y"
            with translation.override("sv"):
                return dateformat.format(day, pattern)

        return PLACEHOLDER.sub(swedish, text)
