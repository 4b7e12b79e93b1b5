"""What the editorial tools remember: the last check of every external link, and the public change log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Long enough for real-world addresses with query strings; PostgreSQL indexes it for the unique constraint.
URL_MAX_LENGTH = 2000


class LinkCheck(models.Model):
    """The last result of checking one external address used in content (``manage.py check_links``).

    One row per address as editors wrote it, so that other checks (e.g. warnings before publishing) can look an
    address up directly. Which pages and snippets use it is worked out when it is shown, so it is never stale.
    """

    url = models.CharField(_("address"), max_length=URL_MAX_LENGTH, unique=True)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    ok = models.BooleanField(_("works"), default=False)
    final_url = models.CharField(_("address after redirects"), max_length=URL_MAX_LENGTH, blank=True)
    redirects = models.PositiveSmallIntegerField(_("redirects followed"), default=0)
    error = models.CharField(_("error"), max_length=500, blank=True)
    checked_at = models.DateTimeField(_("checked at"))

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")
        ordering = ["url"]

    def __str__(self):
        return self.url

    @property
    def redirected(self) -> bool:
        return bool(self.final_url) and self.final_url != self.url
