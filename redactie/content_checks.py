"""Wagtail's content checker (the "Checks" panel in the editor and the userbar) with two checks of our own.

A step is only useful when it tells the reader which rights and regulations apply and who can help. The checker
runs axe-core on the preview of the page as it is being edited, so an editor sees the warning before submitting.
The checks reuse axe-core's own "has descendant" evaluation on the two sections of a step page, which carry a
``data-step-links`` attribute (templates/fases/stap_page.html): no custom JavaScript, nothing that the admin's
content security policy would have to allow.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem

# What counts as "something linked": a card, or the note that cards were left out for the chosen situation.
LINKED = ".card-list > li, .hidden-note"

STEP_LINK_RULES = {
    "stap-zonder-regelingen": {
        "section": "regelingen",
        "error_name": _("Step without rights or regulations"),
        "help_text": _("Link at least one right or regulation under the Rights and regulations panel"),
    },
    "stap-zonder-organisaties": {
        "section": "organisaties",
        "error_name": _("Step without organisations"),
        "help_text": _("Link at least one organisation that can help under the Organisations panel"),
    },
}


def _rule(rule_id, section):
    return {
        "id": rule_id,
        "impact": "moderate",
        "selector": f'[data-step-links="{section}"]',
        "tags": ["wegwijzer"],
        "any": [f"{rule_id}-check"],
        "enabled": True,
    }


def _check(rule_id, texts):
    return {
        "id": f"{rule_id}-check",
        "evaluate": "has-descendant-evaluate",
        "options": {"selector": LINKED},
        "metadata": {
            "impact": "moderate",
            "messages": {"pass": "Linked", "fail": str(texts["error_name"])},
        },
    }


class WegwijzerContentChecker(ContentCheckerItem):
    """Wagtail's checks plus ours; the messages are shown in the editor's language."""

    axe_run_only = [*ContentCheckerItem.axe_run_only, *STEP_LINK_RULES]

    def get_axe_custom_rules(self, request):
        own = [_rule(rule_id, texts["section"]) for rule_id, texts in STEP_LINK_RULES.items()]
        return [*super().get_axe_custom_rules(request), *own]

    def get_axe_custom_checks(self, request):
        own = [_check(rule_id, texts) for rule_id, texts in STEP_LINK_RULES.items()]
        return [*super().get_axe_custom_checks(request), *own]

    def get_axe_messages(self, request):
        own = {
            rule_id: {"error_name": texts["error_name"], "help_text": texts["help_text"]}
            for rule_id, texts in STEP_LINK_RULES.items()
        }
        return {**super().get_axe_messages(request), **own}


def use_wegwijzer_checks(request, items, page):
    """Swaps Wagtail's content checker for ours wherever Wagtail offers one (editor panel, preview, userbar)."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, WegwijzerContentChecker):
            items[index] = WegwijzerContentChecker(in_editor=item.in_editor)
