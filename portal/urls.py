from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import health
from portal.sitemaps import TranslatedSitemap

# A database that cannot be reached gets a Swedish 503 page, anything else the 500 page.
handler500 = "portal.faults.server_error"

urlpatterns = [
    # For the load balancer and monitoring (portal/health.py); no language prefix, no cookie.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # A few admin views of our own (editorial/urls.py) in front of Wagtail's.
    path("admin/", include("editorial.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Open data of the advisor directory (read-only JSON and CSV); not language-prefixed.
    path("api/", include("advice.urls")),
    # Every language's pages (portal/sitemaps.py).
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": TranslatedSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # In development Django serves uploaded images; in production the web server does.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages last: Wagtail's catch-all serves every other path. Swedish, the default language, has
# no prefix (/foraldraradgivning/); a language added later gets one (/fi/...).
urlpatterns += i18n_patterns(
    # Site search, before Wagtail's catch-all: /sok/ in Swedish, /en/sok/ once English exists.
    path("sok/", include("sitesearch.urls")),
    # The public forms of page feedback and call-back requests (POST targets).
    path("", include("feedback.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
