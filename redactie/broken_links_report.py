"""The admin report "Kapotte links": every external address that failed its last check, and where it is used."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from .link_sources import collect_links
from .models import LinkCheck


class UsesColumn(Column):
    """The pages and snippets that use the address, each linked to its edit view."""

    cell_template_name = "redactie/link_uses_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        user = parent_context["request"].user
        context["uses"] = [(use, use.edit_url(user)) for use in instance.uses]
        return context


class ProblemColumn(Column):
    cell_template_name = "redactie/link_problem_cell.html"

    def get_value(self, instance):
        return instance


class BrokenLinksReport(ReportView):
    page_title = _("Broken links")
    header_icon = "warning"
    index_url_name = "wegwijzer_broken_links"
    index_results_url_name = "wegwijzer_broken_links_results"
    results_template_name = "redactie/broken_links_results.html"
    paginate_by = 50
    columns = [
        Column("url", label=_("Address")),
        ProblemColumn("problem", label=_("Problem")),
        DateColumn("checked_at", label=_("Checked on")),
        UsesColumn("uses", label=_("Used in")),
    ]
    list_export = ["url", "status_code", "error", "final_url", "checked_at"]

    def get_filename(self):
        return "kapotte-links"

    def get_queryset(self):
        # Worked out once per request: which live content uses which address right now.
        self.uses = collect_links()
        return LinkCheck.objects.filter(ok=False, url__in=list(self.uses)).order_by("url")

    def decorate_paginated_queryset(self, object_list):
        for check in object_list:
            check.uses = self.uses.get(check.url, [])
        return object_list
