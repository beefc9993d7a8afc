"""Query budgets: every page type, in every language, the finder, search, feeds, .ics files and
the open data cost at most BUDGET SQL queries, rendered uncached for an anonymous visitor, and
the same number whether the site holds a little content or much more (children, advisors,
articles, events, images)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, PageViewRestriction

import pytest

from advice.models import Advisor
from advice.tests.factories import AdvisorDropInFactory, AdvisorFactory, GuidancePageFactory
from events.tests.factories import EventIndexPageFactory, EventPageFactory, add_form_fields
from home.tests.factories import AccessibilityStatementPageFactory, StandardPageFactory
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from taxonomy.tests.factories import AudienceFactory, TopicFactory

BUDGET = 12

LANGUAGES = ["en", "ar", "so", "ti", "fi"]


def picture(title):
    return get_image_model().objects.create(title=title, file=get_test_image_file(size=(640, 400)))


def body(site, link_to):
    """A body with what costs queries: a rich-text page link, an area's contact cards, an
    advisor's card and "I ditt område"."""
    varby = site["areas"]["varby"]
    return [
        ("paragraph", f'<p>Läs <a linktype="page" id="{link_to.pk}">mer</a>.</p>'),
        ("contact", {"heading": "", "advisor": None, "area": varby}),
        ("contact", {"heading": "", "advisor": site["advisors"]["lina"], "area": None}),
        (
            "local_areas",
            {
                "heading": "I ditt område",
                "areas": [{"area": varby, "text": "<p>Drop-in.</p>", "show_advisors": True}],
            },
        ),
    ]


def publish_translation(page, locale):
    translated = page.copy_for_translation(locale)
    translated.save_revision().publish()
    return translated


def grow(site, n):
    """Add n of everything a listing, a menu or a block shows, with images."""
    hub, news, calendar, home = site["hub"], site["news"], site["calendar"], site["home"]
    varby = site["areas"]["varby"]
    strand = site["schools"]["strand"]
    image = site["image"]
    topic, audience = site["topic"], site["audience"]
    english = Locale.objects.get(language_code="en")
    added = []
    for i in range(n):
        guidance = GuidancePageFactory(parent=hub, body=body(site, hub), show_in_menus=True)
        guidance.topics.set([topic])
        guidance.audiences.set([audience])
        guidance.save_revision().publish()
        added.append(guidance)
        article = NewsPageFactory(parent=news, image=image, topics=[topic])
        added.append(article)
        event = EventPageFactory(parent=calendar)
        event.topics.set([topic])
        event.save_revision().publish()
        added.append(event)
        added.append(StandardPageFactory(parent=home, show_in_menus=True))
        advisor = AdvisorFactory(
            show_identity=i % 2 == 0,
            photo=picture(f"Porträtt {i}"),
            areas=[varby],
            schools=[strand],
        )
        AdvisorDropInFactory(advisor=advisor, school=strand)
    for page in added:
        publish_translation(page, english)


@pytest.fixture
def site(small_directory, home_page, hub):
    directory = small_directory["page"]
    topic = TopicFactory(name="Skolfrånvaro", slug="skolfranvaro")
    audience = AudienceFactory()
    image = picture("Läslustdag")
    news = NewsIndexPageFactory(parent=home_page, show_in_menus=True)
    calendar = EventIndexPageFactory(parent=home_page, show_in_menus=True)
    about = StandardPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    statement = AccessibilityStatementPageFactory(parent=home_page)
    content = {
        "home": home_page,
        "hub": hub,
        "directory": directory,
        "news": news,
        "calendar": calendar,
        "topic": topic,
        "audience": audience,
        "image": image,
        **small_directory,
    }
    guidance = GuidancePageFactory(
        parent=hub, slug="skolfranvaro", body=body(content, about), show_in_menus=True
    )
    guidance.topics.set([topic])
    guidance.audiences.set([audience])
    guidance.save_revision().publish()
    article = NewsPageFactory(parent=news, slug="nyhet", image=image, topics=[topic])
    event = EventPageFactory(
        parent=calendar,
        slug="traff",
        start=timezone.now() + datetime.timedelta(days=7),
    )
    add_form_fields(event)
    event.topics.set([topic])
    event.save_revision().publish()
    pages = [home_page, hub, directory, guidance, news, article, calendar, event, about, statement]
    for code in LANGUAGES:
        locale = Locale.objects.create(language_code=code)
        for page in pages:
            publish_translation(Page.objects.get(pk=page.pk).specific, locale)
    content["advisor"] = small_directory["advisors"]["lina"]
    # An advisor with a photo from the start: a card's renditions are read either way.
    content["advisor"].photo = picture("Porträtt")
    content["advisor"].save()
    return content


def urls(site, prefix):
    advisor = site["advisor"]
    finder = f"{prefix}/foraldraradgivning/hitta-foraldraradgivare/"
    return {
        "HomePage": f"{prefix}/",
        "StandardPage": f"{prefix}/om-oss/",
        "AccessibilityStatementPage": f"{prefix}/tillganglighetsredogorelse/",
        "GuidanceIndexPage": f"{prefix}/foraldraradgivning/",
        "GuidancePage": f"{prefix}/foraldraradgivning/skolfranvaro/",
        "AdvisorDirectoryPage": finder,
        "finder by area": f"{finder}?omrade=varby",
        "finder by school": f"{finder}?skola=varby-strandskola",
        "area page": f"{finder}varby/",
        "vCard": f"{finder}kontaktkort/{advisor.pk}/",
        "NewsIndexPage": f"{prefix}/aktuellt/",
        "news filtered": f"{prefix}/aktuellt/?amne=skolfranvaro",
        "NewsPage": f"{prefix}/aktuellt/nyhet/",
        "RSS": f"{prefix}/aktuellt/rss/",
        "Atom": f"{prefix}/aktuellt/atom/",
        "EventIndexPage": f"{prefix}/kalender/",
        "EventPage": f"{prefix}/kalender/traff/",
        "calendar .ics": f"{prefix}/kalender/ical/",
        "event .ics": f"{prefix}/kalender/traff/ical/",
        "search": f"{prefix}/sok/?q=skolfr%C3%A5nvaro",
        "search suggestions": f"{prefix}/sok/forslag/?q=skol",
    }


API = {
    "API index": "/api/",
    "API areas": "/api/v1/areas/",
    "API schools": "/api/v1/schools/",
    "API advisors": "/api/v1/advisors/",
    "API advisors CSV": "/api/v1/advisors.csv",
}


# The first view of a page in a language after a change also reads the values kept for the
# whole site (portal/pagecache.py site_wide: settings, menu, start pages, the translations of
# topics and areas, form choices, the directory's address): at most this many more.
FIRST_VIEW_EXTRA = 6


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


PAGE_TYPES = [
    "HomePage",
    "StandardPage",
    "AccessibilityStatementPage",
    "GuidanceIndexPage",
    "GuidancePage",
    "AdvisorDirectoryPage",
    "NewsIndexPage",
    "NewsPage",
    "EventIndexPage",
    "EventPage",
]


def measure(client, site, languages, kinds=None, first_views=None):
    """{(language, kind): queries} of each page viewed a second time: the first view makes
    the images' renditions and fills the site-wide values, recorded in `first_views`."""
    first_views = {} if first_views is None else first_views
    counts = {}
    for kind, url in API.items():
        first_views[("-", kind)] = count(client, url)
        counts[("-", kind)] = count(client, url)
    for code in languages:
        prefix = "" if code == "sv" else f"/{code}"
        for kind, url in urls(site, prefix).items():
            if kinds is None or kind in kinds:
                first_views[(code, kind)] = count(client, url)
                counts[(code, kind)] = count(client, url)
    return counts


@pytest.mark.django_db
def test_every_page_costs_a_fixed_number_of_queries_within_the_budget(client, site):
    # Swedish and English (where the added content is translated too) at two sizes.
    few = measure(client, site, ["sv", "en"])
    grow(site, 3)
    assert Advisor.objects.filter(live=True).count() == 6
    many = measure(client, site, ["sv", "en"])
    grown = sorted((key, few[key], many[key]) for key in few if many[key] > few[key])
    assert grown == [], "more content, more queries"

    # Every page type in the other languages, where nothing is kept yet.
    first_views = {}
    many.update(measure(client, site, LANGUAGES[1:], kinds=PAGE_TYPES, first_views=first_views))
    over = {key: n for key, n in many.items() if n > BUDGET}
    assert over == {}, f"over budget: {sorted(many.items())}"
    first_over = {key: n for key, n in first_views.items() if n > BUDGET + FIRST_VIEW_EXTRA}
    assert first_over == {}, f"first views over budget: {sorted(first_views.items())}"


@pytest.mark.django_db
def test_private_sections_stay_private_without_a_query_of_their_own(client, home_page):
    """Routing answers "is this page private?" inside its own query; a private section and
    everything below it still ask for the password, and the menu leaves it out."""
    open_page = StandardPageFactory(parent=home_page, title="Öppen sida", show_in_menus=True)
    private = StandardPageFactory(parent=home_page, title="Intern sida", show_in_menus=True)
    below = StandardPageFactory(parent=private, title="Hemlig undersida", slug="hemlig")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="losen"
    )

    menu = client.get(open_page.url).content.decode()
    assert "Öppen sida" in menu
    assert "Intern sida" not in menu
    for page in [private, below]:
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="password"' in html
        assert "Hemlig undersida</h1>" not in html
