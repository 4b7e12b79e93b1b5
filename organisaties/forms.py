"""Editor forms that offer tags (services, audiences, situations) in the language of the content being edited.

Each tag exists once per language (TranslatableMixin), and Django's tick boxes would list all of them: a Dutch
organisation would show Dutch and English names side by side, and an editor could tick an English tag on Dutch
content. The choices are limited to the locale of the page or snippet itself.
"""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

TAG_FIELDS = ("services", "audiences", "situations", "vraag")


class LocaleTagChoicesMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None) or Locale.get_default().pk
        for name in TAG_FIELDS:
            field = self.fields.get(name)
            if field is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)


class TaggedSnippetForm(LocaleTagChoicesMixin, WagtailAdminModelForm):
    pass
