"""The admin for phases and steps: the phase explorer with review dates."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet

from .models import StapPage


class StapPageViewSet(PageViewSet):
    """Used when an editor opens a phase in the page explorer (a phase holds only steps)."""

    model = StapPage
    icon = "list-ol"
    columns = [
        *ExplorableIndexView.base_columns,
        DateColumn("last_checked", label=_("Last checked"), sort_key="last_checked", width="12%"),
        DateColumn("review_before", label=_("Check before"), sort_key="review_before", width="12%"),
    ]


@hooks.register("register_admin_viewset")
def register_step_viewset():
    return StapPageViewSet("stappen")
