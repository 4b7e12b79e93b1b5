"""Editors keep the situation questions: Redacteuren add and change them, Eindredacteuren also delete them
(kern/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from kern import roles


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("organisaties")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name in (roles.REDACTEUR, roles.EINDREDACTEUR):
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(*_permissions(apps, roles.SITUATION_QUESTION_PERMISSIONS))
        if name == roles.EINDREDACTEUR:
            group.permissions.add(*_permissions(apps, roles.SITUATION_QUESTION_DELETE_PERMISSIONS))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    pairs = [*roles.SITUATION_QUESTION_PERMISSIONS, *roles.SITUATION_QUESTION_DELETE_PERMISSIONS]
    for group in Group.objects.filter(name__in=[roles.REDACTEUR, roles.EINDREDACTEUR]):
        group.permissions.remove(*_permissions(apps, pairs))


class Migration(migrations.Migration):
    dependencies = [
        ("organisaties", "0010_situatievraag"),
        ("wegwijzer", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
