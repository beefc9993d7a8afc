"""The page cache for anonymous visitors (portal/pagecache.py): hits without SQL, exact
invalidation, keys that junk cannot split, HTTP caching, and Redis going away."""

import re
import subprocess

from django.core.cache import cache

from wagtail.models import Locale, Page

import pytest

from advice.tests.factories import AdvisorFactory, GuidancePageFactory
from events.tests.factories import EventIndexPageFactory, EventPageFactory, add_form_fields
from events.tests.helpers import sign_up
from home.tests.factories import StandardPageFactory
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from portal.forms_protection import FormGuard
from portal.models import ContactSettings
from portal.processes import free_port, wait_for_port
from taxonomy.tests.factories import AreaFactory

TOKEN = re.compile(r'name="form-token" value="([^"]+)"')


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def entries():
    return [key for key in cache._cache if "pagecache:entry:" in key]


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def guidance(hub):
    return publish(GuidancePageFactory(parent=hub, title="Skolfrånvaro", slug="skolfranvaro"))


def test_a_hit_costs_no_sql_query(client, guidance, page_cache, django_assert_num_queries):
    first = client.get(guidance.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(guidance.url)
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert "Skolfrånvaro" in second.text
    assert "Set-Cookie" not in second


def test_publish_and_unpublish_show_at_once(client, guidance, page_cache):
    client.get(guidance.url)
    guidance.title = "Frånvaro från skolan"
    publish(guidance)
    assert "Frånvaro från skolan" in client.get(guidance.url).text
    guidance.unpublish()
    assert client.get(guidance.url).status_code == 404


def test_a_new_child_appears_in_its_listing(client, home_page, page_cache):
    archive = publish(NewsIndexPageFactory(parent=home_page))
    assert "Ny föräldragrupp" not in client.get(archive.url).text
    publish(NewsPageFactory(parent=archive, title="Ny föräldragrupp"))
    assert "Ny föräldragrupp" in client.get(archive.url).text


def test_a_translation_published_shows_on_the_swedish_page(client, home_page, guidance, page_cache):
    english = Locale.objects.create(language_code="en")
    publish(home_page.copy_for_translation(english))
    hub_en = guidance.get_parent().copy_for_translation(english)
    publish(hub_en)
    untranslated = "language-switcher__note"  # "(start page)": no translation yet
    assert untranslated in client.get(guidance.url).text
    translation = publish(guidance.copy_for_translation(english))
    text = client.get(guidance.url).text
    assert untranslated not in text
    assert f'href="{translation.url}"' in text


def test_an_advisor_change_shows_when_published_not_as_a_draft(
    client, directory, small_directory, page_cache
):
    lina = small_directory["advisors"]["lina"]
    assert "Lina Berg" in client.get(directory.url).text
    lina.name = "Lina Bergström"
    lina.save_revision()  # a draft: visitors still see the published entry
    assert "Lina Bergström" not in client.get(directory.url).text
    lina.save_revision().publish()
    assert "Lina Bergström" in client.get(directory.url).text


def test_an_area_change_reaches_the_pages_that_show_it(client, directory, page_cache):
    area = AreaFactory(name="Vårby", slug="varby")
    AdvisorFactory(name="Lina Berg", show_identity=True, areas=[area])
    url = directory.url + "varby/"
    assert "Vårby" in client.get(url).text
    area.name = "Vårby gård"
    area.save()
    assert "Vårby gård" in client.get(url).text


def test_site_settings_purge_every_page(client, home_page, guidance, page_cache):
    assert "070-174 06 77" not in client.get(guidance.url).text
    contact = ContactSettings.for_site(home_page.get_site())
    contact.phone = "070-174 06 77"
    contact.save()
    assert "070-174 06 77" in client.get(guidance.url).text


def test_a_new_menu_page_shows_on_every_page(client, home_page, guidance, page_cache):
    assert "Om föräldrarådgivningen" not in client.get(guidance.url).text
    publish(
        StandardPageFactory(parent=home_page, title="Om föräldrarådgivningen", show_in_menus=True)
    )
    assert "Om föräldrarådgivningen" in client.get(guidance.url).text
    # An existing page put in the menu.
    contact = publish(StandardPageFactory(parent=home_page, title="Kontakta oss"))
    assert 'href="/kontakta-oss/"' not in client.get(guidance.url).text
    contact.show_in_menus = True
    publish(contact)
    assert 'href="/kontakta-oss/"' in client.get(guidance.url).text


def test_junk_query_strings_share_one_entry(client, guidance, page_cache):
    for number in range(1000):
        response = client.get(f"{guidance.url}?utm_source=junk.{number}&fbclid={number}")
        assert response.status_code == 200
        assert "junk." not in response.text
    assert len(entries()) == 1
    # A parameter the pages read keeps its own entry.
    client.get(f"{guidance.url}?omrade=varby")
    assert len(entries()) == 2


def test_a_forged_host_never_reaches_the_cache(client, guidance, page_cache):
    response = client.get(guidance.url, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert entries() == []


def test_a_logged_in_editor_sees_the_page_as_it_is(client, guidance, superuser, page_cache):
    client.get(guidance.url)
    # Changed without the publishing signals: only the cache still has the old title.
    Page.objects.filter(pk=guidance.pk).update(title="Ändrad titel")
    assert "Ändrad titel" not in client.get(guidance.url).text
    client.force_login(superuser)
    response = client.get(guidance.url)
    assert "Ändrad titel" in response.text
    assert "no-store" in response["Cache-Control"]


def test_each_visitor_gets_a_form_token_of_their_own(client, guidance, page_cache):
    first = client.get(guidance.url)
    second = client.get(guidance.url)
    assert second["X-Page-Cache"] == "hit"
    tokens = [TOKEN.search(response.text).group(1) for response in (first, second)]
    assert tokens[0] != tokens[1]
    signer = FormGuard("feedback.answer")._signer(guidance.pk)
    assert all(signer.unsign(token) for token in tokens)
    # A shared proxy must not hand one token to many visitors.
    assert second["Cache-Control"] == "private, no-cache"


def test_public_pages_send_cache_control_and_answer_304(client, home_page, page_cache):
    response = client.get(home_page.url)
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
    assert "Accept-Language" not in response.get("Vary", "")
    etag = response["ETag"]
    again = client.get(home_page.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert client.get(home_page.url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_thanks_after_a_form_is_never_shared(client, guidance, page_cache):
    response = client.get(f"{guidance.url}?tack=klar")
    assert response["Cache-Control"] == "private, no-store"
    assert entries() == []


def test_pages_are_served_with_redis_stopped(client, guidance, settings, tmp_path):
    port = free_port()
    server = subprocess.Popen(
        ["/usr/bin/redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server)
        settings.CACHES = {
            "default": {
                "BACKEND": "portal.cache.TolerantRedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        }
        settings.PAGE_CACHE_SECONDS = 300
        client.get(guidance.url)
        assert client.get(guidance.url)["X-Page-Cache"] == "hit"  # from Redis
    finally:
        server.kill()
        server.wait()
    response = client.get(guidance.url)
    assert response.status_code == 200
    assert "Skolfrånvaro" in response.text
    assert response["X-Page-Cache"] == "miss"


def test_a_sign_up_updates_places_left_and_its_receipt_is_never_kept(client, home_page, page_cache):
    calendar = publish(EventIndexPageFactory(parent=home_page))
    event = add_form_fields(
        publish(EventPageFactory(parent=calendar, registration_enabled=True, seat_limit=5))
    )
    assert "5 platser kvar" in client.get(event.url).text
    response = sign_up(client, event, "Amina")
    assert "4 platser kvar" in client.get(event.url).text
    before = len(entries())
    receipt = client.get(response.url)
    assert "Du har en plats" in receipt.text
    assert receipt["Cache-Control"] == "private, no-store"
    assert len(entries()) == before
