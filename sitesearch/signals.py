"""Freshness: Wagtail updates its index row as a page is published, edited or unpublished
(and the search only shows live, public pages, so an unpublished page is gone at once).
What is ours to update is the word list, after the transaction, when the index row is
written."""

from django.db import transaction
from django.dispatch import receiver

from wagtail.signals import page_published, published

from . import vocabulary


def _after_commit(instance):
    transaction.on_commit(lambda: vocabulary.add_object(instance.specific))


@receiver(page_published)
def page_words(sender, instance, **kwargs):
    _after_commit(instance)


@receiver(published)
def snippet_words(sender, instance, **kwargs):
    if hasattr(instance, "search_fields"):
        transaction.on_commit(lambda: vocabulary.add_object(instance))
