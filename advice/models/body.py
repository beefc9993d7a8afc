"""The body every content page type shares: one StreamField of ContentStreamBlock, and the
table of contents and FAQ data built from it (portal.blocks.outline)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.fields import StreamField

from portal.blocks.outline import body_context

from ..blocks import ContentStreamBlock


class BodyMixin(models.Model):
    body = StreamField(ContentStreamBlock(), verbose_name=_("innehåll"), blank=True)

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(body_context(self.body))
        return context
