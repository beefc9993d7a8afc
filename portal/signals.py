"""Keeps the "Senast uppdaterad" date of content pages in step with publication, and remembers
which Swedish version each translation was made from."""

from django.conf import settings
from django.dispatch import receiver
from django.utils import timezone

from wagtail.signals import page_published

from .models import TranslationOrigin, UpdatedDateMixin


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


def swedish_version_date(page):
    """The date of a Swedish page's current version: its "Senast uppdaterad", else the day it
    was last published."""
    updated = getattr(page, "updated_date", None)
    if updated is not None:
        return updated
    return timezone.localdate(page.last_published_at) if page.last_published_at else None


@receiver(page_published)
def remember_translation_origin(sender, instance, revision, **kwargs):
    """A translation is published: it was made from the Swedish page as it is now (with
    wagtail-localize, publishing a translation after "Synkronisera" is exactly that)."""
    from wagtail.models import Locale, Page

    if not instance.live or instance.locale_id == Locale.get_default().pk:
        return
    original = (
        Page.objects.filter(translation_key=instance.translation_key, live=True)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .specific()
        .first()
    )
    date = swedish_version_date(original) if original is not None else None
    if date is None:
        return
    TranslationOrigin.objects.update_or_create(page_id=instance.pk, defaults={"source_date": date})
