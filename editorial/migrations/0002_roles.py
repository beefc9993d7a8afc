"""Create the editors' roles (editorial/roles.py) and the moderation workflow in Swedish.

Wagtail's own "Editors" and "Moderators" become "Kommunikatörer" and "Granskare"; their
permissions are set afresh. The workflow that Wagtail made for its moderators becomes
"Granskning före publicering" and also covers advisor entries. Permissions are created here
when missing, because Django creates them only after all migrations have run.
"""

from django.db import migrations

from editorial import roles

PAGE_CODENAMES = {action: f"{action}_page" for action in roles.ALL_PAGE_ACTIONS}


def permission(apps, app_label, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    codename = action if action.startswith("view_") else f"{action}_{model}"
    obj, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action.replace('_', ' ')} {model}"},
    )
    return obj


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    for old, new in roles.RENAMED.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ROLES}

    access_admin = permission(apps, "wagtailadmin", "admin", "access")

    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, group in groups.items():
        group.permissions.set(
            [access_admin]
            + [
                permission(apps, app_label, model, action)
                for (app_label, model), actions in roles.MODEL_PERMISSIONS.get(name, {}).items()
                for action in actions
            ]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        page_actions = roles.TREE_PAGE_PERMISSIONS.get(name, [])
        if root is not None:
            for action in page_actions:
                GroupPagePermission.objects.create(
                    group=group, page=root, permission=permission(apps, "wagtailcore", "page", action)
                )
        for (app_label, model), grants in roles.SECTION_PAGE_PERMISSIONS.items():
            content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
            sections = Page.objects.filter(content_type=content_type) if content_type else []
            for section in sections:
                for action in grants.get(name, []):
                    GroupPagePermission.objects.create(
                        group=group,
                        page=section,
                        permission=permission(apps, "wagtailcore", "page", action),
                    )
        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection is not None:
            for model, actions in roles.COLLECTION_PERMISSIONS.get(name, {}).items():
                app_label = {"image": "wagtailimages", "document": "wagtaildocs"}[model]
                for action in actions:
                    GroupCollectionPermission.objects.create(
                        group=group,
                        collection=root_collection,
                        permission=permission(apps, app_label, model, action),
                    )

    # One moderation task, approved by the reviewers; one workflow for pages and advisors.
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(groups=groups[roles.REVIEWERS]).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=roles.TASK_NAME, content_type=task_type, active=True
        )
    else:
        Task.objects.filter(pk=task.pk).update(name=roles.TASK_NAME, active=True)
    task.groups.set([groups[roles.REVIEWERS]])

    workflow = Workflow.objects.filter(workflow_tasks__task=task).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=roles.WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    else:
        Workflow.objects.filter(pk=workflow.pk).update(name=roles.WORKFLOW_NAME, active=True)
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    advisor_type, _ = ContentType.objects.get_or_create(app_label="advice", model="advisor")
    WorkflowContentType.objects.update_or_create(
        content_type=advisor_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("advice", "0002_editor_permissions"),
        ("events", "0001_initial"),
        ("taxonomy", "0001_initial"),
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
