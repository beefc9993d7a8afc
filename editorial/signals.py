"""Open each new guidance section and calendar to its role (editorial/roles.py), as the data
migration did for the sections that existed then."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save

from wagtail.models import GroupPagePermission

from . import roles


def grant_section_permissions(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    grants = roles.SECTION_PAGE_PERMISSIONS.get(
        (sender._meta.app_label, sender._meta.model_name), {}
    )
    for group_name, actions in grants.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=instance,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{action}_page"
                ),
            )


def connect():
    for app_label, model_name in roles.SECTION_PAGE_PERMISSIONS:
        post_save.connect(
            grant_section_permissions,
            sender=apps.get_model(app_label, model_name),
            dispatch_uid=f"editorial-section-{app_label}-{model_name}",
        )
