from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wegwijzer import health, site_files

handler500 = "wegwijzer.health.server_error"

urlpatterns = [
    path("health/", health.health, name="health"),
    path("sitemap.xml", site_files.sitemap, name="sitemap"),
    path("robots.txt", site_files.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", site_files.security_txt, name="security_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The open data API: one address for every language (?taal=), so outside the language prefixes.
    path("api/", include("api.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Dutch lives at the root without a prefix; other languages under their code (/en/...).
urlpatterns += i18n_patterns(
    path("", include("zoeken.urls")),
    path("", include("fases.urls")),
    path("", include("organisaties.urls")),
    path("", include("redactie.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
