"""Building blocks for `manage.py seed_demo`: idempotent create-or-update of pages, snippets
and generated images, with a report of what changed.

Each app has a demo module (home/demo.py, advice/demo.py, news/demo.py) that describes its
content with these helpers; portal/management/commands/seed_demo.py runs them in order.
A second run finds everything in place and changes nothing: no new pages, revisions or images.
"""

import colorsys
import datetime
import hashlib
import io
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import models
from django.utils import timezone

from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page, RevisionMixin, Site

from PIL import Image as PILImage
from PIL import ImageDraw


@dataclass
class Report:
    """Counts what a seed run created, updated or found unchanged, and says so as it goes."""

    write: object = None
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)

    def record(self, outcome, obj):
        getattr(self, outcome).append(obj)
        if self.write is not None and outcome != "unchanged":
            label = {"created": "Skapade", "updated": "Uppdaterade"}[outcome]
            self.write(f"  {label} {obj._meta.verbose_name}: {obj}")


def _strip_block_ids(data):
    """StreamField JSON without the generated block ids, for comparing content."""
    if isinstance(data, list):
        return [_strip_block_ids(item) for item in data]
    if isinstance(data, dict):
        return {k: _strip_block_ids(v) for k, v in data.items() if k != "id"}
    return data


def _comparable(instance, name, value):
    """(stored, wanted) in a form that compares equal when the content is the same."""
    model_field = instance._meta.get_field(name)
    if isinstance(model_field, StreamField):
        wanted = model_field.stream_block.get_prep_value(model_field.stream_block.to_python(value))
        stored = model_field.stream_block.get_prep_value(getattr(instance, name))
        return _strip_block_ids(stored), _strip_block_ids(wanted)
    if isinstance(model_field, models.ForeignKey):
        wanted_id = value.pk if isinstance(value, models.Model) else value
        return getattr(instance, model_field.attname), wanted_id
    return getattr(instance, name), value


def apply_changes(instance, fields):
    """Set the fields that differ; return whether anything changed."""
    changed = False
    for name, value in fields.items():
        stored, wanted = _comparable(instance, name, value)
        if stored != wanted:
            setattr(instance, name, value)
            changed = True
    return changed


def update_object(obj, fields, report):
    """Save `obj` (a plain model such as a Site or a setting) if any of `fields` differ."""
    if apply_changes(obj, fields):
        obj.save()
        report.record("updated", obj)
    else:
        report.record("unchanged", obj)
    return obj


def _apply_m2m(obj, m2m):
    """Set many-to-many relations that differ; return whether anything changed."""
    changed = False
    for name, objects in (m2m or {}).items():
        wanted = sorted(o.pk for o in objects)
        stored = sorted(o.pk for o in getattr(obj, name).all()) if obj.pk else []
        if wanted != stored:
            getattr(obj, name).set(objects)
            changed = True
    return changed


def upsert_page(parent, model, slug, report, *, updated_date=None, m2m=None, **fields):
    """Create the page `slug` under `parent`, or bring it up to date, and publish it.

    `updated_date` is the "Senast uppdaterad" date the demo shows; the page keeps it through
    publication instead of taking today's date. `m2m` maps many-to-many fields (topics,
    audiences) to lists of objects.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if updated_date is not None:
        fields["updated_date"] = updated_date
    if page is None:
        page = model(slug=slug, **fields)
        _apply_m2m(page, m2m)
        parent.add_child(instance=page)
        outcome = "created"
    else:
        fields_changed = apply_changes(page, fields)
        relations_changed = _apply_m2m(page, m2m)
        if not (fields_changed or relations_changed or not page.live):
            report.record("unchanged", page)
            return page
        outcome = "updated"
    # The one-time tick that keeps the date through this publication (portal/signals.py).
    page.keep_updated_date = updated_date is not None
    page.save_revision().publish()
    page.refresh_from_db()
    report.record(outcome, page)
    return page


def review_fields(page, group_name, days):
    """Owner and "granskas senast" for a demo page (to pass to upsert_page): the group
    `group_name` (editorial/roles.py) and a date `days` from today, negative for overdue.

    Set once: a page that already has this owner keeps its date, so a run on a later day
    changes nothing (the demo's pages simply come closer to their dates, as real ones do).
    """
    group = Group.objects.filter(name=group_name).first()
    if group is None or (page is not None and page.responsible_group_id == group.pk):
        return {}
    return {
        "responsible_group": group,
        "review_by": timezone.localdate() + datetime.timedelta(days=days),
    }


def _child_rows(objects, wanted):
    """Inline child objects (e.g. drop-in times) as comparable tuples of the wanted fields."""
    names = sorted(wanted[0]) if wanted else []
    return [
        tuple(getattr(obj, f"{name}_id", None) or getattr(obj, name) for name in names)
        for obj in objects
    ]


def upsert_snippet(model, lookup, report, *, m2m=None, children=None, **fields):
    """Create or update a snippet found by `lookup` (a dict of natural-key fields).

    `m2m` maps many-to-many field names to lists of objects; `children` maps inline child
    relations (ParentalKey) to lists of field dicts, in order. Snippets with drafts are
    published, like an editor would.
    """
    m2m = m2m or {}
    children = children or {}
    obj = model.objects.filter(**lookup).first()
    outcome = "unchanged"
    if obj is None:
        obj = model(**lookup, **fields)
        outcome = "created"
    elif apply_changes(obj, fields):
        outcome = "updated"
    if _apply_m2m(obj, m2m) and outcome == "unchanged":
        outcome = "updated"
    for name, rows in children.items():
        relation = getattr(obj, name)
        child_model = relation.model
        wanted = [child_model(**row) for row in rows]
        stored = list(relation.all()) if obj.pk else []
        if _child_rows(stored, rows) != _child_rows(wanted, rows):
            setattr(obj, name, wanted)
            if outcome == "unchanged":
                outcome = "updated"
    if isinstance(obj, DraftStateMixin) and not obj.live and outcome == "unchanged":
        outcome = "updated"
    if outcome != "unchanged":
        obj.save()
        if isinstance(obj, RevisionMixin):
            revision = obj.save_revision()
            if isinstance(obj, DraftStateMixin):
                revision.publish()
    report.record(outcome, obj)
    return obj


def _palette(text):
    """Calm colours picked from a hash of `text`, so the same title gives the same picture."""
    digest = hashlib.sha256(text.encode()).digest()

    def colour(index, lightness):
        red, green, blue = colorsys.hls_to_rgb(digest[index] / 255, lightness, 0.45)
        return int(red * 255), int(green * 255), int(blue * 255)

    return digest, colour


def _existing_image(title, report):
    image = get_image_model().objects.filter(title=title).first()
    if image is not None:
        report.record("unchanged", image)
    return image


def _store_image(title, alt_text, picture, report):
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    filename = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12] + ".jpg"
    image = get_image_model()(title=title, description=alt_text)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    report.record("created", image)
    return image


def demo_image(title, alt_text, report, *, size=(1200, 675), seed_text=None):
    """A generated picture (soft shapes in calm colours) stored once under `title`.

    Demo images are drawn here rather than downloaded: the repository ships no photos of real
    people and the machine needs no internet access.
    """
    if image := _existing_image(title, report):
        return image
    digest, colour = _palette(seed_text or title)
    width, height = size
    picture = PILImage.new("RGB", size, colour(0, 0.88))
    draw = ImageDraw.Draw(picture)
    for i in range(6):
        cx = digest[2 * i + 1] / 255 * width
        cy = digest[2 * i + 2] / 255 * height
        radius = (0.15 + digest[i + 13] / 255 * 0.35) * min(width, height)
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            fill=colour(i + 20, 0.55 + i * 0.05),
        )
    return _store_image(title, alt_text, picture, report)


def demo_portrait(title, alt_text, report, *, size=400):
    """A generated portrait placeholder: a head-and-shoulders silhouette on a plain colour.
    The demo's people are fictional, so they get drawn figures, never photographs."""
    if image := _existing_image(title, report):
        return image
    _digest, colour = _palette(title)
    picture = PILImage.new("RGB", (size, size), colour(0, 0.85))
    draw = ImageDraw.Draw(picture)
    figure = colour(1, 0.35)
    draw.ellipse((size * 0.32, size * 0.16, size * 0.68, size * 0.52), fill=figure)
    draw.ellipse((size * 0.12, size * 0.58, size * 0.88, size * 1.3), fill=figure)
    return _store_image(title, alt_text, picture, report)


def home_page_for_default_site(model, title, report, **fields):
    """The start page of the default site: the existing one, or a new one that replaces
    Wagtail's placeholder "Welcome" page."""
    root = Page.get_first_root_node()
    home = model.objects.child_of(root).first()
    if home is None:
        placeholder = Page.objects.child_of(root).filter(slug="home").first()
        home = model(title=title, slug="start", **fields)
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True)
        site.root_page = home
        site.save()
        if placeholder is not None and placeholder.specific_class is Page:
            placeholder.delete()
        report.record("created", home)
        return home
    if apply_changes(home, {"title": title, **fields}):
        home.save_revision().publish()
        report.record("updated", home)
    else:
        report.record("unchanged", home)
    return home


# Writing demo page bodies: StreamField values as (block type, value) tuples, and internal
# links between demo pages.


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


def h3(text):
    return ("heading", {"text": text, "level": "h3"})


def para(*html):
    """A paragraph block from pieces of rich-text HTML (<p>, <ul>, <ol> ...)."""
    return ("paragraph", "".join(html))


def bullets(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def numbered(*items):
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def fact_box(title, html, tone="info"):
    return ("fact_box", {"tone": tone, "title": title, "text": html})


def quote(text, role="förälder", name=""):
    """An invented quotation; never a real person's words."""
    return ("quote", {"quote": text, "name": name, "role": role})


class PageLinks:
    """Internal rich-text links to demo pages, by key.

    A link to a page that does not exist yet is written as plain text and remembered in
    `missing`, so the caller can build the linking page again once the target exists.
    """

    def __init__(self, pages):
        self.pages = pages
        self.missing = set()

    def __call__(self, key, text):
        page = self.pages.get(key)
        if page is None:
            self.missing.add(key)
            return text
        return f'<a linktype="page" id="{page.pk}">{text}</a>'
