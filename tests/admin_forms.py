"""Filling in Wagtail admin forms in tests: the form reading is shared with scripts/soak.py (scripts/admin_forms.py)."""

from scripts.admin_forms import form_fields


def form_data(response, form_selector="form[method=post]"):
    """The values a browser would submit for the admin's edit form on this page."""
    return form_fields(response.content, form_selector)
