"""The numbers behind the feedback report, the dashboard panel and the review queue: per page
the answers, the "Ja" and the latest comments, the share of "Ja" over time, and the chart of it
as SVG drawn on the server (no chart library, nothing loaded from elsewhere).

Every function takes a queryset of PageFeedback already filtered (period, section, language),
so the report, its CSV and its chart always agree.
"""

import dataclasses
import datetime

from django.db.models import Case, Count, F, FloatField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, NullIf, TruncMonth, TruncWeek
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.models import Page

from .models import PageFeedback

# Fewer answers than this say little: such pages are listed, but not ranked as least helpful.
MIN_ANSWERS = 5
LATEST_COMMENTS = 3


@dataclasses.dataclass
class PageScore:
    page: Page
    answers: int
    yes: int
    comments: list

    @property
    def no(self):
        return self.answers - self.yes

    @property
    def share(self):
        """The share of "Ja", 0–100, rounded to whole per cent."""
        return round(100 * self.yes / self.answers) if self.answers else None


def page_scores(feedback, order="share"):
    """One PageScore per page with answers in `feedback`: least helpful first (pages with
    fewer than MIN_ANSWERS answers after the others), or most answers first. Three queries
    for any number of pages: the counts, the pages, the comments."""
    rows = list(
        feedback.values("page")
        .annotate(answers=Count("pk"), yes=Count("pk", filter=Q(helpful=True)))
        .order_by()
    )
    pages = Page.objects.in_bulk([row["page"] for row in rows])
    comments = {}
    for item in (
        feedback.exclude(comment="")
        .filter(page__in=pages)
        .order_by("page", "-created_on", "-pk")
        .only("page_id", "comment", "created_on", "helpful")
    ):
        listed = comments.setdefault(item.page_id, [])
        if len(listed) < LATEST_COMMENTS:
            listed.append(item)
    scores = [
        PageScore(pages[row["page"]], row["answers"], row["yes"], comments.get(row["page"], []))
        for row in rows
        if row["page"] in pages
    ]
    if order == "answers":
        scores.sort(key=lambda s: (-s.answers, s.page.title))
    else:
        scores.sort(key=lambda s: (s.answers < MIN_ANSWERS, s.share, -s.answers, s.page.title))
    return scores


def least_helpful(since, limit=5):
    """Live pages with at least MIN_ANSWERS answers since `since`, lowest share of "Ja"
    first: the dashboard panel."""
    feedback = PageFeedback.objects.filter(created_on__gte=since, page__live=True)
    scores = [s for s in page_scores(feedback) if s.answers >= MIN_ANSWERS]
    return scores[:limit]


# --- Over time -------------------------------------------------------------------------------


@dataclasses.dataclass
class Point:
    start: datetime.date
    answers: int
    yes: int
    label: str

    @property
    def share(self):
        return round(100 * self.yes / self.answers) if self.answers else None


def over_time(feedback, start, end):
    """The share of "Ja" per week (periods up to about four months) or per month, oldest
    first; only periods with answers."""
    weekly = (end - start).days <= 120
    trunc = TruncWeek if weekly else TruncMonth
    rows = (
        feedback.annotate(period=trunc("created_on"))
        .values("period")
        .annotate(answers=Count("pk"), yes=Count("pk", filter=Q(helpful=True)))
        .order_by("period")
    )
    points = []
    for row in rows:
        period = row["period"]
        if isinstance(period, datetime.datetime):
            period = period.date()
        if weekly:
            label = _("v. %(week)s") % {"week": period.isocalendar().week}
        else:
            label = date_format(period, "M Y")
        points.append(Point(period, row["answers"], row["yes"], label))
    return points


# The chart's drawing area in SVG user units; the SVG scales to its container.
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 40, 16, 40


def chart(points):
    """What templates/feedback/admin/chart.svg.html draws: the y axis grid (0–100 %), one point
    per period with its label, and the polyline through them."""
    inner_width = WIDTH - LEFT - RIGHT
    inner_height = HEIGHT - TOP - BOTTOM

    def y_of(share):
        return round(TOP + inner_height * (1 - share / 100), 1)

    grid = [{"y": y_of(value), "label": f"{value} %"} for value in (0, 25, 50, 75, 100)]
    drawn = []
    step = inner_width / max(len(points) - 1, 1)
    # Label every point if they fit, otherwise every second or third.
    every = max(1, -(-len(points) * 56 // inner_width))
    for index, point in enumerate(points):
        x = round(LEFT + (step * index if len(points) > 1 else inner_width / 2), 1)
        drawn.append(
            {
                "x": x,
                "y": y_of(point.share),
                "point": point,
                "show_label": index % every == 0 or index == len(points) - 1,
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "label_y": HEIGHT - BOTTOM + 20,
        "grid": grid,
        "points": drawn,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in drawn),
    }


# --- The review queue ------------------------------------------------------------------------


def with_feedback_score(pages, since):
    """Annotate pages with `answers`, `yes` and `rank`: the share of "Ja" since `since` for
    pages with at least MIN_ANSWERS answers, otherwise null. Ordering by `rank` puts the least
    helpful pages first."""
    recent = PageFeedback.objects.filter(page=OuterRef("pk"), created_on__gte=since)

    def count(queryset):
        return Coalesce(
            Subquery(queryset.order_by().values("page").annotate(n=Count("pk")).values("n")[:1]),
            Value(0),
        )

    pages = pages.annotate(answers=count(recent), yes=count(recent.filter(helpful=True)))
    share = Cast(F("yes"), FloatField()) / NullIf(Cast(F("answers"), FloatField()), 0.0)
    return pages.annotate(
        rank=Case(
            When(answers__gte=MIN_ANSWERS, then=share), default=None, output_field=FloatField()
        )
    )


def default_since():
    return timezone.localdate() - datetime.timedelta(days=90)
