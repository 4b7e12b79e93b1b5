"""Editors start translations in wagtail-localize instead of simple_translation; Eindredacteuren record that a
qualified translator checked a translation (kern/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from kern import roles



def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


def swap_translation_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    retired = Permission.objects.filter(
        content_type__app_label="simple_translation", codename="submit_translation"
    )
    for name in (roles.REDACTEUR, roles.EINDREDACTEUR):
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.remove(*retired)
        group.permissions.add(*_permissions(apps, roles.TRANSLATION_PERMISSIONS))
        if name == roles.EINDREDACTEUR:
            group.permissions.add(*_permissions(apps, roles.TRANSLATION_CHECK_PERMISSIONS))


def restore_simple_translation(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=[roles.REDACTEUR, roles.EINDREDACTEUR]):
        group.permissions.remove(*_permissions(apps, roles.TRANSLATION_PERMISSIONS))
        group.permissions.remove(*_permissions(apps, roles.TRANSLATION_CHECK_PERMISSIONS))
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="simple_translation", codename="submit_translation")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("wegwijzer", "0006_checked_translations"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(swap_translation_permissions, restore_simple_translation)]
