"""Site-wide content in the admin: the helplines shown on every page."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Hulplijn


class HulplijnViewSet(SnippetViewSet):
    model = Hulplijn
    icon = "mail"
    menu_label = _("Helplines")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "number", "description", "locale"]
    list_filter = ["locale"]
    sort_order_field = "sort_order"


register_snippet(HulplijnViewSet)
