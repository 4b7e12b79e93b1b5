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


class Wijziging(models.Model):
    """One published change that matters to professionals, for the public change log "Wat is er veranderd".

    Written when a regulation, organisation or step is published with a public change note; the title and address
    are kept as they were then, so the log stays readable when the item is renamed, moved or removed later.
    """

    class Kind(models.TextChoices):
        REGELING = "regeling", _("Right or regulation")
        ORGANISATIE = "organisatie", _("Organisation")
        STAP = "stap", _("Step")

    published_at = models.DateTimeField(_("published at"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    url = models.CharField(_("address"), max_length=URL_MAX_LENGTH)
    note = models.CharField(_("change note"), max_length=255)
    language = models.CharField(_("language"), max_length=10, db_index=True)
    revision = models.OneToOneField(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revision"),
        help_text=_("The published revision; one entry per revision."),
    )

    class Meta:
        verbose_name = _("published change")
        verbose_name_plural = _("published changes")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return f"{self.published_at:%Y-%m-%d} {self.title}: {self.note}"
