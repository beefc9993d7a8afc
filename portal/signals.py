"""Keeps the "Senast uppdaterad" date of content pages in step with publication."""

from django.dispatch import receiver
from django.utils import timezone

from wagtail.signals import page_published

from .models import UpdatedDateMixin


@receiver(page_published)
def follow_publication_date(sender, instance, revision, **kwargs):
    """Move the page's "Senast uppdaterad" date to the publication day unless the editor
    asked to keep it; then clear the one-time "keep" tick.

    Scheduled publications fire this signal twice (when scheduled and when going live); only
    the actual going-live counts. The published revision is updated too, so the next edit
    starts from the date visitors see.
    """
    if not isinstance(instance, UpdatedDateMixin) or not instance.live:
        return
    if instance.live_revision_id != revision.pk:
        return

    published_on = timezone.localdate(instance.last_published_at)
    if not instance.keep_updated_date or instance.updated_date is None:
        instance.updated_date = published_on
    instance.keep_updated_date = False

    type(instance).objects.filter(pk=instance.pk).update(
        updated_date=instance.updated_date, keep_updated_date=False
    )
    revision.content["updated_date"] = instance.updated_date.isoformat()
    revision.content["keep_updated_date"] = False
    revision.save(update_fields=["content"])
