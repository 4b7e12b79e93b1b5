"""Creates the groups Redacteur and Eindredacteur and the review workflow (see kern/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from kern import roles


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as error:
        raise RuntimeError(f"Permission {app_label}.{codename} does not exist") from error


def create_roles_and_workflow(apps, schema_editor):
    # Permissions are normally created after all migrations ran; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    # Wagtail adds publish/lock/unlock permissions for snippets with drafts and locking after migrate, too.
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, verbose_name in (("organisatie", "organisation"), ("regeling", "right or regulation")):
        content_type, _ = ContentType.objects.get_or_create(app_label="organisaties", model=model)
        for action in ("publish", "lock", "unlock"):
            Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {verbose_name}"}
            )

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    tree_root = Page.objects.filter(depth=1).first()
    collection_root = Collection.objects.filter(depth=1).first()
    setups = [
        (roles.REDACTEUR, roles.EDITOR_PERMISSIONS, roles.EDITOR_PAGE_PERMISSIONS, roles.EDITOR_COLLECTION_PERMISSIONS),
        (
            roles.EINDREDACTEUR,
            roles.FINAL_EDITOR_PERMISSIONS,
            roles.FINAL_EDITOR_PAGE_PERMISSIONS,
            roles.FINAL_EDITOR_COLLECTION_PERMISSIONS,
        ),
    ]
    for name, model_permissions, page_permissions, collection_permissions in setups:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(apps, app, codename) for app, codename in model_permissions])
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=tree_root, permission=_permission(apps, "wagtailcore", codename)
            )
        for app, codename in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection_root, permission=_permission(apps, app, codename)
            )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=roles.TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([Group.objects.get(name=roles.EINDREDACTEUR)])
    workflow, _ = Workflow.objects.get_or_create(name=roles.WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # One workflow for the whole tree: it replaces Wagtail's default "Moderators approval" on the root.
    WorkflowPage.objects.update_or_create(page=tree_root, defaults={"workflow": workflow})
    # Wagtail's own starter groups and workflow would only confuse editors next to these roles.
    Workflow.objects.exclude(pk=workflow.pk).update(active=False)
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()
    for app_label, model in roles.WORKFLOW_SNIPPETS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("wegwijzer", "0001_initial"),
        ("organisaties", "0001_initial"),
        ("fases", "0002_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
