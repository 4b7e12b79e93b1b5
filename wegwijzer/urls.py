from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wegwijzer import health, plumbing, routing

handler500 = "wegwijzer.health.server_error"

urlpatterns = [
    path("health/", health.health, name="health"),
    path("sitemap.xml", plumbing.sitemap, name="sitemap"),
    path("robots.txt", plumbing.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", plumbing.security_txt, name="security_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The open data API: one address for every language (?taal=), so outside the language prefixes.
    path("api/", include("api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Dutch lives at the root without a prefix; other languages under their code (/en/...).
urlpatterns += i18n_patterns(
    path("", include("wegwijzer.urls_public")),
    path("", include("fases.urls")),
    path("", include("organisaties.urls")),
    # Wagtail's own URLs, with its page-serving view routed from the cached site structure (routing.py).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
