"""Give Wagtail's standard groups their work on the advisor directory.

Editors ("Editors") may add and change advisors and schools as drafts; moderators
("Moderators") may also publish advisors and manage areas, languages, topics and audiences. Deleting stays with
administrators: an advisor who leaves is unpublished, so the history is kept.
"""

from django.db import migrations

GRANTS = {
    "Editors": {
        ("advice", "advisor"): ["add", "change"],
        ("advice", "school"): ["add", "change"],
    },
    "Moderators": {
        ("advice", "advisor"): ["add", "change", "publish"],
        ("advice", "school"): ["add", "change"],
        ("taxonomy", "area"): ["add", "change"],
        ("advice", "language"): ["add", "change"],
        ("taxonomy", "topic"): ["add", "change"],
        ("taxonomy", "audience"): ["add", "change"],
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
        for (app_label, model), actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
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
        for (app_label, model), actions in models.items():
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("advice", "0001_initial"),
        ("taxonomy", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
