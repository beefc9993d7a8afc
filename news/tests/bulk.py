"""Many news articles fast, for the tests that pin query counts with a thousand articles.

`add_child` costs about 25 ms a page (treebeard locks and renumbers, Wagtail saves twice), so
a thousand articles would take half a minute. Here the page rows are inserted with one
bulk_create, the news rows one by one as fixture loading does (`save_base(raw=True)`: only
this table, no signals acting on them), the tags with one bulk_create per relation, and the
parent's child count is raised once. The result is the tree add_child would leave (checked
with treebeard's find_problems in the test), published and public.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Page

from news.models import NewsPage


@transaction.atomic
def bulk_news(index, count, *, image=None, tags=lambda n: ((), ())):
    """Add `count` published articles under `index`, one a day back from 2026-12-31, so the
    first added is the newest. `tags(n)` gives the (topics, areas) of the n-th article."""
    index = Page.objects.select_for_update().get(pk=index.pk)
    last_child = index.get_last_child()
    first_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
    content_type = ContentType.objects.get_for_model(NewsPage)
    now = timezone.now()
    newest = datetime.date(2026, 12, 31)

    articles = []
    for n in range(count):
        step = first_step + n
        slug = f"nyhet-{step}"
        title = f"Nyhet {step}"
        articles.append(
            NewsPage(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(index.path, index.depth + 1, step),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                locale_id=index.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                date=newest - datetime.timedelta(days=n),
                lead=f"Ingress till nyhet {step}.",
                image=image,
                body=[],
            )
        )

    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(a, f.attname) for f in page_fields}) for a in articles]
    )
    for article, row in zip(articles, rows, strict=True):
        article.pk = article.page_ptr_id = row.pk
        article.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)

    topic_links, area_links = [], []
    for n, article in enumerate(articles):
        topics, areas = tags(n)
        topic_links += [
            NewsPage.topics.through(newspage_id=article.pk, topic_id=t.pk) for t in topics
        ]
        area_links += [NewsPage.areas.through(newspage_id=article.pk, area_id=a.pk) for a in areas]
    NewsPage.topics.through.objects.bulk_create(topic_links)
    NewsPage.areas.through.objects.bulk_create(area_links)
    return articles
