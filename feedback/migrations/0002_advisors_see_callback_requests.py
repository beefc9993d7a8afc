"""The advisory team (Föräldrarådgivare) sees call-back requests: Django's view permission on
CallbackRequest, which the admin views ask for (administrators have every permission). No other
group gets it. The permission is created here when missing, because Django creates permissions
only after all migrations have run."""

from django.db import migrations

from editorial import roles


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="feedback", model="callbackrequest"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_callbackrequest",
        defaults={"name": "Can view kontaktförfrågan"},
    )
    group, _ = Group.objects.get_or_create(name=roles.ADVISORS)
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("editorial", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
