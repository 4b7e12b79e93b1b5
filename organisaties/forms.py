"""Editor forms and filters that offer tags (services, audiences, situations) in the language of the content.

Each tag exists once per language (TranslatableMixin), and Django's tick boxes would list all of them: a Dutch
organisation would show Dutch and English names side by side, and an editor could tick an English tag on Dutch
content. The choices are limited to the locale of the page or snippet itself, in its own fields and in its inline
rows (e.g. the situations of a region an organisation serves), and the admin list filter offers the tags of the
language the list is filtered on (Dutch, the default content language, when none is chosen).
"""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

TAG_FIELDS = ("services", "audiences", "situations", "vraag")


def limit_to_locale(fields, locale_id) -> None:
    for name in TAG_FIELDS:
        field = fields.get(name)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = field.queryset.filter(locale_id=locale_id)


def _rows_in_locale(form_class, locale_id):
    """The form class of an inline row, offering only the tags of the parent's locale (also its empty form)."""

    class RowInLocale(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            limit_to_locale(self.fields, locale_id)

    RowInLocale.__name__ = form_class.__name__
    return RowInLocale


class LocaleTagChoicesMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None) or Locale.get_default().pk
        limit_to_locale(self.fields, locale_id)
        for formset in getattr(self, "formsets", {}).values():
            formset.form = _rows_in_locale(formset.form, locale_id)


class TaggedSnippetForm(LocaleTagChoicesMixin, WagtailAdminModelForm):
    pass


def content_locale(request) -> Locale:
    """The language an admin list is filtered on (``?locale=``), else the default content language."""
    code = request.GET.get("locale") if request is not None else None
    return (Locale.objects.filter(language_code=code).first() if code else None) or Locale.get_default()
