"""Give Wagtail's standard groups their work on the advisor directory.

Editors ("Editors") may add and change advisors and schools as drafts; moderators
("Moderators") may also publish advisors and manage areas, languages, topics and audiences. Deleting stays with
administrators: an advisor who leaves is unpublished, so the history is kept.
"""

from django.db import migrations

GRANTS = {
    "Editors": {
        "advisor": ["add", "change"],
        "school": ["add", "change"],
    },
    "Moderators": {
        "advisor": ["add", "change", "publish"],
        "school": ["add", "change"],
        "area": ["add", "change"],
        "language": ["add", "change"],
        "topic": ["add", "change"],
        "audience": ["add", "change"],
    },
}
VERBOSE = {
    "advisor": "föräldrarådgivare",
    "school": "skola",
    "area": "område",
    "language": "språk",
    "topic": "ämne",
    "audience": "målgrupp",
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, models in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model, actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="advice", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {VERBOSE[model]}"},
                )
                group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, models in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model, actions in models.items():
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="advice",
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("advice", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
