"""The demo site from data: reads demo/content/<language>/ and creates, or brings up to date,
what the files describe. `manage.py seed_demo` runs it; README ("Changing the demo content")
explains the files to the communicators who edit them.

    <language>/site.toml          the site's name (its address comes from the settings)
    <language>/images.toml        the pictures, drawn by demo/images.py
    <language>/snippets/*.toml    one file per collection: areas, schools, advisors, ...
    <language>/pages/             one file per page; folders mirror the page tree and
                                  a folder's own page is its _index.toml
    <language>/settings/*.toml    site settings (contact details, "Behöver du hjälp nu?")

The other languages (en/, ar/, so/, ti/, fi/) hold translations only: their pages/ mirror the
Swedish files they translate, path for path (TranslationLoader). A translated page is the
Swedish page's translation in Wagtail (copy_for_translation: same translation_key), so the
language switcher and hreflang find it; a field its file does not give keeps the Swedish
value, and a reference such as "page:hitta-foraldraradgivare" names the translated page when
there is one.

Things refer to each other by type and key: "page:kontakt" (a page's slug, or its path under
pages/ when the slug is not unique), "topic:skolfranvaro", "area:varby", "image:<key>", and
the prefix each snippet file names. Field values are converted by the model field they go
into: rich text is written as Markdown (demo/markup.py), dates may be relative to the day the
demo counts from (demo/dates.py), choices may be given by value or by their Swedish label.

Idempotent: everything is looked up by its natural key (a page by its slug under its parent,
a snippet by the field its file names, an image by its title) and saved only when it differs,
so a second run creates and updates nothing: no rows, revisions or images. Fields a file does
not mention are left as they are.
"""

import datetime
import random
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import timezone, translation

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Page,
    RevisionMixin,
    Site,
    TranslatableMixin,
)

from modelcluster.models import ClusterableModel, get_all_child_relations

from feedback.models import PageFeedback
from feedback.scrub import scrub

from . import images, markup
from .dates import DateError, DemoDates
from .models import DemoSeed

CONTENT_ROOT = Path(__file__).resolve().parent / "content"
DEFAULT_LANGUAGE = "sv"
# A run within this many days of the day the dates count from keeps that day, so running the
# seed again changes nothing; a later run counts from its own day and moves the dated content
# with it. Every sign-up the demo advertises closes at least twice this long after that day.
KEEP_ANCHOR_DAYS = 7
# The time of day a dated page counts as published (DemoLoader.date_publication).
PUBLICATION_TIME = datetime.time(9, 0)
INDEX = "_index.toml"
ROOT_SLUG = "start"
# Keys of a page file that are not fields of the page.
PAGE_KEYS = {"type", "slug", "former_slugs", "order", "review", "signups"}
COLLECTION_KEYS = {"model", "key", "prefix", "items"}
# In the table of page references: a slug that two pages share (only their paths work).
AMBIGUOUS = object()


class DemoContentError(Exception):
    """A mistake in the demo content, in one line that names the file."""


@dataclass
class Report:
    """Counts what a run created, updated or found unchanged, and says so as it goes."""

    write: object = None
    heading: object = None
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)

    def record(self, outcome, obj, name=None):
        getattr(self, outcome).append(obj)
        if self.write is not None and outcome != "unchanged":
            label = {"created": "Skapade", "updated": "Uppdaterade"}[outcome]
            self.write(f"  {label} {obj._meta.verbose_name}: {name or obj}")

    def step(self, title):
        if self.write is not None:
            self.write((self.heading or str)(title))

    def summary(self):
        return (
            f"{len(self.created)} skapade, {len(self.updated)} uppdaterade, "
            f"{len(self.unchanged)} oförändrade"
        )


@dataclass
class Collection:
    """A snippets file: the items of one model, found again by `key`, referred to as
    "<prefix>:<key value>"."""

    path: Path
    model: type
    key: str
    prefix: str
    items: list


@dataclass
class PageSpec:
    """A page file and the page it describes."""

    path: Path
    ref: str  # the path under pages/ without .toml, e.g. "foraldraradgivning/narvarotrappan"
    slug: str
    data: dict
    parent: "PageSpec | None" = None
    children: list = field(default_factory=list)
    page: Page | None = None
    created: bool = False

    def walk(self):
        """This page and all below it, parents before children."""
        yield self
        for child in self.children:
            yield from child.walk()


# Comparing stored and wanted values


def strip_block_ids(data):
    """StreamField JSON without the generated block ids, for comparing content."""
    if isinstance(data, list):
        return [strip_block_ids(item) for item in data]
    if isinstance(data, dict):
        return {k: strip_block_ids(v) for k, v in data.items() if k != "id"}
    return data


def _comparable(instance, name, value):
    """(stored, wanted) in a form that compares equal when the content is the same."""
    model_field = instance._meta.get_field(name)
    if isinstance(model_field, StreamField):
        stored = model_field.stream_block.get_prep_value(getattr(instance, name))
        return strip_block_ids(stored), strip_block_ids(value)
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


def apply_m2m(obj, m2m):
    """Set the many-to-many relations that differ; return whether anything changed."""
    changed = False
    for name, objects in m2m.items():
        wanted = sorted(o.pk for o in objects)
        stored = sorted(o.pk for o in getattr(obj, name).all()) if obj.pk else []
        if wanted != stored:
            getattr(obj, name).set(objects)
            changed = True
    return changed


def _child_rows(model, objects, names):
    return [tuple(getattr(obj, model._meta.get_field(n).attname) for n in names) for obj in objects]


def apply_children(obj, children):
    """Replace inline child objects (drop-in times, form fields) that differ, in order; return
    whether anything changed."""
    changed = False
    for name, rows in children.items():
        relation = getattr(obj, name)
        model = relation.model
        names = sorted({key for row in rows for key in row})
        wanted = [model(**row) for row in rows]
        stored = list(relation.all()) if obj.pk else []
        if _child_rows(model, stored, names) != _child_rows(model, wanted, names):
            setattr(obj, name, wanted)
            changed = True
    return changed


def swedish(model):
    """The entries of `model` that the demo's files name: the Swedish ones of a translatable
    model (its translations share their keys)."""
    if issubclass(model, TranslatableMixin):
        return model.objects.filter(locale__language_code=DEFAULT_LANGUAGE)
    return model.objects.all()


def update_object(obj, fields, report):
    """Save `obj` (a plain model such as a Site or a setting) if any of `fields` differ."""
    if apply_changes(obj, fields):
        obj.save()
        report.record("updated", obj)
    else:
        report.record("unchanged", obj)
    return obj


class DemoLoader:
    """Builds the demo site from `content`/`language`/. `today` fixes the day the relative
    dates count from (otherwise see KEEP_ANCHOR_DAYS); `write` and `heading` print progress."""

    def __init__(
        self, content=None, language=DEFAULT_LANGUAGE, today=None, write=None, heading=None
    ):
        self.base = Path(content or CONTENT_ROOT)
        self.root = self.base / language
        if not self.root.is_dir():
            raise DemoContentError(f"Hittar inget demoinnehåll i {self.root}.")
        self.today = today
        self.report = Report(write=write, heading=heading)
        self.dates = DemoDates(today or timezone.localdate())
        self.collections = {}
        self.images = {}
        self.page_refs = {}

    # Running

    def load(self):
        """Everything, in one transaction. Returns the report."""
        with transaction.atomic(), translation.override("sv"):
            self.report.step("Demodatum")
            self.load_anchor()
            self.report.step("Bilder")
            self.load_images()
            self.report.step("Områden, skolor, språk, ämnen och föräldrarådgivare")
            self.load_snippets()
            self.report.step("Sidor")
            home = self.load_pages()
            self.report.step("Webbplats och inställningar")
            site = self.load_site(home)
            self.load_settings(site)
            self.report.step('Svar på "Var informationen till din hjälp?"')
            self.load_feedback()
            for language in self.translations():
                TranslationLoader(self, language).load()
        return self.report

    def translations(self):
        """The languages of the site with a folder beside this one's, in settings order."""
        codes = [code for code, _name in settings.LANGUAGES]
        return [
            code
            for code in codes
            if code != self.root.name and (self.base / code / "pages").is_dir()
        ]

    def load_directory(self):
        """Only the pictures and the snippets (areas, schools, advisors ...): what the advisor
        directory shows, for tests that need no pages."""
        with transaction.atomic(), translation.override("sv"):
            self.load_images()
            self.load_snippets()
        return self.report

    # Files, errors and references

    def read(self, path):
        with self.where(path):
            try:
                with path.open("rb") as file:
                    return tomllib.load(file)
            except tomllib.TOMLDecodeError as error:
                raise DemoContentError(f"inte giltig TOML: {error}") from None

    @contextmanager
    def where(self, path, detail=""):
        """Name the file (and the item in it) in any error raised inside."""
        try:
            yield
        except DemoContentError as error:
            if getattr(error, "located", False):
                raise
            raise self._located(path, detail, error) from None
        except DateError as error:
            raise self._located(path, detail, str(error)) from None
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                message = "; ".join(
                    f"{name}: {' '.join(errors)}" for name, errors in error.message_dict.items()
                )
            else:
                message = " ".join(error.messages)
            raise self._located(path, detail, message) from None

    def _located(self, path, detail, message):
        name = path.relative_to(self.base) if path.is_relative_to(self.base) else path
        prefix = f"{name} ({detail})" if detail else str(name)
        error = DemoContentError(f"{prefix}: {message}")
        error.located = True
        return error

    @staticmethod
    def need(data, key):
        if key not in data:
            raise DemoContentError(f"{key!r} saknas")
        return data[key]

    @staticmethod
    def model(label):
        try:
            return apps.get_model(label)
        except (LookupError, ValueError):
            raise DemoContentError(f"okänd modell {label!r}") from None

    def resolve(self, ref, expected=None, lenient=False):
        """The object a reference such as "area:varby" names; None for a page not yet
        created when `lenient`."""
        if isinstance(ref, models.Model):
            return ref
        prefix, colon, name = str(ref).partition(":")
        if not colon or not name:
            raise DemoContentError(f'{ref!r} är ingen referens (skriv t.ex. "area:varby")')
        if prefix == "page":
            obj = self.page(name, lenient)
        elif prefix == "image":
            obj = self.images.get(name)
            if obj is None:
                raise DemoContentError(f"bilden {name!r} finns inte i images.toml")
        elif prefix == "group":
            obj = Group.objects.filter(name=name).first()
            if obj is None:
                raise DemoContentError(f"gruppen {name!r} finns inte")
        elif prefix in self.collections:
            collection = self.collections[prefix]
            obj = swedish(collection.model).filter(**{collection.key: name}).first()
            if obj is None:
                raise DemoContentError(f"{ref!r} finns inte i {collection.path.name}")
        else:
            known = ", ".join(["page", "image", "group", *sorted(self.collections)])
            raise DemoContentError(f"okänd sorts referens {ref!r} (finns: {known})")
        if obj is not None and expected is not None and not isinstance(obj, expected):
            raise DemoContentError(f"{ref!r} är en {obj._meta.verbose_name}, här behövs en annan")
        return obj

    def page(self, name, lenient=False):
        spec = self.page_refs.get(name.strip("/"))
        if spec is None:
            raise DemoContentError(f"sidan {name!r} finns inte bland sidfilerna")
        if spec is AMBIGUOUS:
            raise DemoContentError(
                f"flera sidor heter {name!r}; skriv sökvägen, t.ex. page:foraldraradgivning/{name}"
            )
        if spec.page is None and not lenient:
            raise DemoContentError(f"sidan {name!r} är inte skapad")
        return spec.page

    # Values

    def value(self, model, name, raw, lenient=False):
        """The value for `model`.`name` from the file's `raw` value."""
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            raise DemoContentError(f"{model.__name__} har inget fält {name!r}") from None
        if isinstance(model_field, StreamField):
            return self.stream(model_field.stream_block, raw, lenient)
        if isinstance(model_field, RichTextField):
            return self.rich_text(raw, lenient)
        if model_field.many_to_many:
            objects = [self.resolve(ref, model_field.related_model, lenient) for ref in raw]
            return [obj for obj in objects if obj is not None]
        if model_field.many_to_one or model_field.one_to_one:
            if raw in ("", None):
                return None
            return self.resolve(raw, model_field.related_model, lenient)
        if isinstance(model_field, models.DateTimeField):
            return self.dates.datetime(raw)
        if isinstance(model_field, models.DateField):
            return self.dates.date(raw)
        if isinstance(model_field, models.TimeField):
            return self.dates.time(raw)
        if model_field.choices:
            return self.choice(model_field, raw)
        return self.text(raw)

    def text(self, raw):
        return self.dates.fill_text(raw).strip() if isinstance(raw, str) else raw

    def rich_text(self, raw, lenient):
        def page_id(name):
            page = self.page(name, lenient)
            return page.pk if page is not None else None

        return markup.to_html(self.dates.fill_text(raw), page_id)

    @staticmethod
    def choice(model_field, raw):
        """A choice by value, or by its label: weekday = "tisdagar"."""
        values = [value for value, _label in model_field.flatchoices]
        if raw in values:
            return raw
        labels = {str(label).lower(): value for value, label in model_field.flatchoices}
        if isinstance(raw, str) and raw.lower() in labels:
            return labels[raw.lower()]
        allowed = ", ".join(str(label) for _value, label in model_field.flatchoices)
        raise DemoContentError(f"{raw!r} passar inte i {model_field.name} (välj: {allowed})")

    def fields(self, model, data, lenient=False):
        """(fields, many-to-many, inline children) for `model` from a file's `data`."""
        child_relations = {rel.get_accessor_name(): rel for rel in get_all_child_relations(model)}
        fields, m2m, children = {}, {}, {}
        for name, raw in data.items():
            if name in child_relations:
                children[name] = self.child_rows(child_relations[name].related_model, raw, lenient)
            elif name in {f.name for f in model._meta.many_to_many}:
                m2m[name] = self.value(model, name, raw, lenient)
            else:
                fields[name] = self.value(model, name, raw, lenient)
        return fields, m2m, children

    def child_rows(self, model, rows, lenient):
        result = []
        for position, row in enumerate(rows):
            values = {name: self.value(model, name, raw, lenient) for name, raw in row.items()}
            if lenient and any(
                value is None and isinstance(model._meta.get_field(name), models.ForeignKey)
                for name, value in values.items()
            ):
                continue  # a page not created yet; the second pass adds the row
            if "sort_order" in {f.name for f in model._meta.fields}:
                values.setdefault("sort_order", position)
            result.append(values)
        return result

    # StreamField bodies

    def stream(self, stream_block, items, lenient=False):
        """The stored (JSON) form of a StreamField from a list of blocks, each a table with
        `type` and the block's fields, as the page editor would save it."""
        raw = [self.stream_child(stream_block, item, lenient) for item in items]
        value = stream_block.to_python(raw)
        for _child in value:
            pass  # converts every block, so what follows is the full, normalised form
        return stream_block.get_prep_value(value)

    def stream_child(self, stream_block, item, lenient):
        item = dict(item)
        block_type = item.pop("type", None)
        block = stream_block.child_blocks.get(block_type)
        if block is None:
            known = ", ".join(stream_block.child_blocks)
            raise DemoContentError(f"okänd blocktyp {block_type!r} (finns: {known})")
        if isinstance(block, blocks.StructBlock | TypedTableBlock):
            value = item
        elif isinstance(block, blocks.StaticBlock):
            value = None
        elif len(item) == 1 and set(item) <= {"value", "text"}:
            value = next(iter(item.values()))
        else:
            raise DemoContentError(f"blocket {block_type!r} har bara ett värde: skriv text = ...")
        return {"type": block_type, "value": self.block_value(block, value, lenient)}

    def block_value(self, block, value, lenient):
        if isinstance(block, blocks.StreamBlock):
            return [self.stream_child(block, item, lenient) for item in value]
        if isinstance(block, blocks.StructBlock):
            unknown = set(value) - set(block.child_blocks)
            if unknown:
                known = ", ".join(block.child_blocks)
                raise DemoContentError(f"okänt fält {sorted(unknown)} i blocket (finns: {known})")
            return {
                name: self.block_value(block.child_blocks[name], item, lenient)
                for name, item in value.items()
            }
        if isinstance(block, blocks.ListBlock):
            return [self.block_value(block.child_block, item, lenient) for item in value]
        if isinstance(block, TypedTableBlock):
            return self.table(value)
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(value, lenient)
        if isinstance(block, blocks.ChooserBlock):
            obj = self.resolve(value, block.target_model, lenient) if value else None
            return obj.pk if obj is not None else None
        if isinstance(block, blocks.StaticBlock):
            return None
        if isinstance(block, blocks.DateTimeBlock):
            return self.dates.datetime(value).isoformat()
        if isinstance(block, blocks.DateBlock):
            return self.dates.date(value).isoformat()
        if isinstance(block, blocks.TimeBlock):
            return self.dates.time(value).isoformat()
        return self.text(value)

    def table(self, value):
        """A table: `columns` as headings (text columns) or {type, heading}; `rows` as lists of
        cells."""
        columns = [
            {"type": "text", "heading": column} if isinstance(column, str) else column
            for column in self.need(value, "columns")
        ]
        rows = [{"values": row} if isinstance(row, list) else row for row in value.get("rows", [])]
        return {"caption": value.get("caption", ""), "columns": columns, "rows": rows}

    # Demo dates

    def load_anchor(self):
        """The day the relative dates count from (see KEEP_ANCHOR_DAYS)."""
        today = timezone.localdate()
        seed = DemoSeed.objects.first()
        if self.today is not None:
            anchor = self.today
        elif seed is not None and 0 <= (today - seed.anchor).days < KEEP_ANCHOR_DAYS:
            anchor = seed.anchor
        else:
            anchor = today
        if seed is None:
            seed = DemoSeed.objects.create(anchor=anchor)
            self.report.record("created", seed)
        else:
            update_object(seed, {"anchor": anchor}, self.report)
        self.dates = DemoDates(anchor)

    # Images

    def load_images(self):
        path = self.root / "images.toml"
        if not path.exists():
            return
        Image = get_image_model()
        for item in self.read(path).get("images", []):
            with self.where(path, item.get("key", "")):
                key, title = self.need(item, "key"), self.need(item, "title")
                alt_text = item.get("alt_text", "")
                image = Image.objects.filter(title=title).first()
                if image is None:
                    style = item.get("style", "illustration")
                    if style not in images.STYLES:
                        raise DemoContentError(
                            f"okänd bildstil {style!r} (finns: illustration, portrait, logo)"
                        )
                    image = images.store(
                        title,
                        alt_text,
                        images.STYLES[style](title),
                        "PNG" if style in images.PNG_STYLES else "JPEG",
                    )
                    self.report.record("created", image)
                else:
                    update_object(image, {"description": alt_text}, self.report)
                self.images[key] = image

    # Snippets

    def read_collections(self):
        if self.collections:
            return
        for path in sorted((self.root / "snippets").glob("*.toml")):
            data = self.read(path)
            with self.where(path):
                unknown = set(data) - COLLECTION_KEYS
                if unknown:
                    raise DemoContentError(
                        f"okänd nyckel {sorted(unknown)} (en samlingsfil har model, key, "
                        "prefix och [[items]])"
                    )
                collection = Collection(
                    path=path,
                    model=self.model(self.need(data, "model")),
                    key=self.need(data, "key"),
                    prefix=self.need(data, "prefix"),
                    items=data.get("items", []),
                )
                if collection.prefix in self.collections or collection.prefix in {
                    "page",
                    "image",
                    "group",
                }:
                    raise DemoContentError(f"prefixet {collection.prefix!r} används redan")
                self.collections[collection.prefix] = collection

    def collections_in_order(self):
        """The collections, each after those its model refers to (schools after areas)."""
        by_model = {c.model: c for c in self.collections.values()}

        def forward(model):
            return {
                f.related_model for f in model._meta.get_fields() if f.is_relation and f.concrete
            }

        def depends_on(model):
            related = forward(model)
            for relation in get_all_child_relations(model):
                related |= forward(relation.related_model)
            found = [by_model[m] for m in related if m in by_model and m is not model]
            return sorted(found, key=lambda c: c.path)

        ordered, seen = [], set()

        def visit(collection):
            if collection.prefix in seen:
                return
            seen.add(collection.prefix)
            for dependency in depends_on(collection.model):
                visit(dependency)
            ordered.append(collection)

        for collection in sorted(self.collections.values(), key=lambda c: c.path):
            visit(collection)
        return ordered

    def load_snippets(self):
        self.read_collections()
        for collection in self.collections_in_order():
            for position, item in enumerate(collection.items):
                with self.where(collection.path, f"{collection.key} = {item.get(collection.key)}"):
                    self.upsert_snippet(collection, item, position)

    def upsert_snippet(self, collection, item, position):
        """Create or update a snippet, found by the collection's key. Snippets with drafts are
        published, as an editor would."""
        model = collection.model
        fields, m2m, children = self.fields(model, item)
        if "sort_order" in {f.name for f in model._meta.fields}:
            fields.setdefault("sort_order", position)
        lookup = {collection.key: self.need(fields, collection.key)}
        del fields[collection.key]
        obj = swedish(model).filter(**lookup).first()
        outcome = "unchanged"
        if obj is None:
            obj = model(**lookup, **fields)
            outcome = "created"
        elif apply_changes(obj, fields):
            outcome = "updated"
        clustered = isinstance(obj, ClusterableModel)
        if clustered and apply_m2m(obj, m2m) and outcome == "unchanged":
            outcome = "updated"
        if children and not clustered:
            raise DemoContentError(f"{model.__name__} kan inte ha underposter")
        if apply_children(obj, children) and outcome == "unchanged":
            outcome = "updated"
        if isinstance(obj, DraftStateMixin) and not obj.live and outcome == "unchanged":
            outcome = "updated"
        if outcome != "unchanged":
            obj.full_clean()
            obj.save()
        if not clustered and apply_m2m(obj, m2m) and outcome == "unchanged":
            outcome = "updated"
        if outcome != "unchanged" and isinstance(obj, RevisionMixin):
            revision = obj.save_revision()
            if isinstance(obj, DraftStateMixin):
                revision.publish()
        self.report.record(outcome, obj)
        return obj

    # Pages

    def read_pages(self):
        """The page tree from pages/: a folder's page is its _index.toml, every other file a
        page below it, a subfolder a page with pages below it."""
        folder = self.root / "pages"
        root = self.read_page_folder(folder, parent=None, ref="")
        refs = {}
        for spec in root.walk():
            refs[spec.ref] = spec
            # By slug too, unless two pages share it (then only the path works).
            shared = spec.slug in refs and refs[spec.slug] is not spec
            refs[spec.slug] = AMBIGUOUS if shared else spec
        self.page_refs = refs
        return root

    def read_page_folder(self, folder, parent, ref):
        index = folder / INDEX
        if not index.exists():
            raise self._located(folder, "", f"{INDEX} saknas: mappens egen sida")
        spec = self.page_spec(index, parent, ref, folder.name if parent else ROOT_SLUG)
        for path in sorted(folder.iterdir()):
            if path.is_dir():
                child_ref = f"{ref}/{path.name}".strip("/")
                spec.children.append(self.read_page_folder(path, spec, child_ref))
            elif path.suffix == ".toml" and path.name != INDEX:
                child_ref = f"{ref}/{path.stem}".strip("/")
                spec.children.append(self.page_spec(path, spec, child_ref, path.stem))
        order = spec.data.get("order", [])
        with self.where(index):
            unknown = set(order) - {child.slug for child in spec.children}
            if unknown:
                raise DemoContentError(f"order nämner sidor som inte finns: {sorted(unknown)}")
        position = {slug: n for n, slug in enumerate(order)}
        spec.children.sort(key=lambda child: (position.get(child.slug, len(order)), child.slug))
        return spec

    def page_spec(self, path, parent, ref, default_slug):
        data = self.read(path)
        return PageSpec(
            path=path, ref=ref, slug=data.get("slug", default_slug), data=data, parent=parent
        )

    def load_pages(self):
        """Two passes: first every missing page is created as a draft (links to pages that do
        not exist yet stay plain text), then every page is brought up to date and published.
        A new page thus gets one revision, whatever it links to."""
        root = self.read_pages()
        specs = list(root.walk())
        for spec in specs:
            with self.where(spec.path):
                self.find_or_create_page(spec)
        for spec in specs:
            with self.where(spec.path):
                self.update_page(spec)
        for spec in specs:
            with self.where(spec.path):
                self.order_children(spec)
                self.load_signups(spec)
        return root.page

    def page_model(self, spec):
        model = self.model(self.need(spec.data, "type"))
        if not issubclass(model, Page):
            raise DemoContentError(f"{spec.data['type']!r} är ingen sidtyp")
        return model

    def find_or_create_page(self, spec):
        model = self.page_model(spec)
        if spec.parent is None:
            parent = Page.get_first_root_node()
            page = model.objects.child_of(parent).first()
        else:
            parent = spec.parent.page
            page = self.find_child(parent, model, spec)
        if page is None:
            fields, m2m, children = self.page_fields(spec, model, None, lenient=True)
            page = model(slug=spec.slug, live=False, has_unpublished_changes=True, **fields)
            apply_m2m(page, m2m)
            apply_children(page, children)
            parent.add_child(instance=page)
            spec.created = True
            if spec.parent is None:
                self.make_site_root(page)
        spec.page = page

    @staticmethod
    def find_child(parent, model, spec):
        """The page under `parent` with the file's slug, or one of its former slugs."""
        for slug in [spec.slug, *spec.data.get("former_slugs", [])]:
            page = parent.get_children().filter(slug=slug).first()
            if page is not None:
                page = page.specific
                if not isinstance(page, model):
                    raise DemoContentError(
                        f"sidan {page.url_path} finns redan men är en "
                        f"{page._meta.verbose_name}, inte en {model._meta.verbose_name}"
                    )
                return page
        return None

    @staticmethod
    def make_site_root(home):
        """The default site gets the new start page; Wagtail's placeholder "Welcome" page
        goes."""
        root = Page.get_first_root_node()
        placeholder = Page.objects.child_of(root).filter(slug="home").first()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.root_page = home
        site.save()
        if placeholder is not None and placeholder.specific_class is Page:
            placeholder.delete()

    def page_fields(self, spec, model, page, lenient):
        data = {key: value for key, value in spec.data.items() if key not in PAGE_KEYS}
        self.need(data, "title")
        fields, m2m, children = self.fields(model, data, lenient)
        review = spec.data.get("review")
        if review:
            # Owner and "granskas senast", set once: a page that already has this owner keeps
            # its date, as a real page comes closer to its date day by day.
            group = self.resolve(f"group:{self.need(review, 'group')}")
            if page is None or page.responsible_group_id != group.pk:
                fields["responsible_group"] = group
                fields["review_by"] = self.dates.date(self.need(review, "by"))
        return fields, m2m, children

    def update_page(self, spec):
        page = spec.page
        fields, m2m, children = self.page_fields(spec, type(page), page, lenient=False)
        fields["slug"] = spec.slug
        changed = [
            apply_changes(page, fields),
            apply_m2m(page, m2m),
            apply_children(page, children),
        ]
        if not (any(changed) or not page.live):
            self.report.record("unchanged", page)
            return
        # The date the file gives for "Senast uppdaterad" stays through this publication
        # instead of becoming today's (portal/signals.py).
        if "updated_date" in fields:
            page.keep_updated_date = True
        page.save_revision().publish()
        self.date_publication(page, fields)
        page.refresh_from_db()
        self.report.record("created" if spec.created else "updated", page)

    @staticmethod
    def date_publication(page, fields):
        """A page its file dates (`updated_date`, a news article's `date`) counts as published
        on that day at 9.00, as on a site that has been running: the sitemap's lastmod and the
        feeds' times then differ from page to page instead of all being the day the demo was
        built. Never later than now; the revisions and the history keep the real times."""
        last_day = fields.get("updated_date") or fields.get("date")
        if last_day is None:
            return
        first_day = fields.get("date") or last_day
        now = timezone.now()

        def at_nine(day):
            moment = datetime.datetime.combine(day, PUBLICATION_TIME)
            return min(timezone.make_aware(moment), now)

        last = at_nine(last_day)
        first = min(at_nine(first_day), last)
        Page.objects.filter(pk=page.pk).update(first_published_at=first, last_published_at=last)

    def order_children(self, spec):
        """The demo's pages in the order the parent's `order` gives; pages of the editors' own
        keep their places. Moves only the pages out of place, and only when there is an
        `order` (news and events are listed by date, whatever their order in the tree)."""
        if not spec.children or "order" not in spec.data:
            return
        wanted = [child.page.pk for child in spec.children]
        ours = set(wanted)
        for position, child in enumerate(spec.children):
            siblings = Page.objects.get(pk=spec.page.pk).get_children()
            actual = [pk for pk in siblings.values_list("pk", flat=True) if pk in ours]
            if actual[position] == wanted[position]:
                continue
            page = Page.objects.get(pk=wanted[position])
            page.move(Page.objects.get(pk=actual[position]), pos="left")
            child.page = page.specific
            self.report.record("updated", child.page)

    def load_signups(self, spec):
        """Sign-ups of a form page (an event), each saved once: found again by its answers."""
        rows = spec.data.get("signups")
        if not rows:
            return
        page = type(spec.page).objects.get(pk=spec.page.pk)
        submission_class = page.get_submission_class()
        names = {f.label: f.clean_name for f in page.get_form_fields()}
        for row in rows:
            answers = dict(self.need(row, "answers"))
            unknown = set(answers) - set(names)
            if unknown:
                raise DemoContentError(f"formuläret har inga fält {sorted(unknown)}")
            form_data = {name: self.text(answers.get(label, "")) for label, name in names.items()}
            extra = {
                name: self.value(submission_class, name, raw)
                for name, raw in row.items()
                if name != "answers"
            }
            name = f"{page.title}, {next(iter(answers.values()), '')}"
            existing = submission_class.objects.filter(page=page, form_data=form_data).first()
            if existing is None:
                submission = submission_class.objects.create(
                    page=page, form_data=form_data, **extra
                )
                self.report.record("created", submission, name)
            elif apply_changes(existing, extra):
                existing.save()
                self.report.record("updated", existing, name)
            else:
                self.report.record("unchanged", existing)

    # Page feedback

    def load_feedback(self):
        """Made-up answers to "Var informationen till din hjälp?" (feedback.toml), spread over
        the days from `from` to the day the demo counts from, the same for every run (a random
        generator seeded with the page's name). Only for a page without answers, so a second
        run adds nothing."""
        path = self.root / "feedback.toml"
        if not path.exists():
            return
        data = self.read(path)
        with self.where(path):
            start = self.dates.date(self.need(data, "from"))
            end = self.dates.date("idag")
            for number, item in enumerate(data.get("pages", []), start=1):
                with self.where(path, f"sida {number}"):
                    self.feedback_for_page(item, start, end)

    def feedback_for_page(self, item, start, end):
        ref = self.need(item, "page")
        page = self.resolve(ref)
        if PageFeedback.objects.filter(page=page).exists():
            self.report.record("unchanged", page, f"svaren på {page.title}")
            return
        share = item.get("share", 70)
        first, last = (share, share) if isinstance(share, int) else share
        days = max((end - start).days, 1)
        generator = random.Random(ref)  # noqa: S311 (made-up demo data, not security)
        rows = []
        for _index in range(int(self.need(item, "answers"))):
            offset = generator.randint(0, days)
            chance = (first + (last - first) * offset / days) / 100
            rows.append(
                PageFeedback(
                    page=page,
                    language="sv",
                    helpful=generator.random() < chance,
                    created_on=start + datetime.timedelta(days=offset),
                )
            )
        for comment in item.get("comments", []):
            rows.append(
                PageFeedback(
                    page=page,
                    language="sv",
                    helpful=bool(comment.get("helpful", False)),
                    comment=scrub(self.text(self.need(comment, "text"))),
                    created_on=self.dates.date(self.need(comment, "date")),
                )
            )
        PageFeedback.objects.bulk_create(rows)
        self.report.record("created", page, f"{len(rows)} svar på {page.title}")

    # Site and settings

    def load_site(self, home):
        """The site's name from site.toml; its address from WAGTAILADMIN_BASE_URL, so that the
        sitemap and other absolute links point where the project runs."""
        path = self.root / "site.toml"
        data = self.read(path) if path.exists() else {}
        site = Site.objects.get(root_page=home)
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        fields = {
            "hostname": address.hostname or "localhost",
            "port": address.port or (443 if address.scheme == "https" else 80),
        }
        with self.where(path):
            fields.update({name: self.value(Site, name, raw) for name, raw in data.items()})
        return update_object(site, fields, self.report)

    def load_settings(self, site):
        for path in sorted((self.root / "settings").glob("*.toml")):
            data = dict(self.read(path))
            with self.where(path):
                model = self.model(self.need(data, "model"))
                del data["model"]
                setting = model.for_site(site)
                fields, m2m, children = self.fields(model, data)
                if m2m or children:
                    raise DemoContentError("inställningar kan inte ha listor av poster")
                update_object(setting, fields, self.report)


class TranslationLoader(DemoLoader):
    """One language's translations of the Swedish pages, loaded after the Swedish site:
    `<language>/pages/<path>.toml` translates `sv/pages/<path>.toml`. A folder's page must be
    translated before the pages in it (a translation needs its parent's translation)."""

    def __init__(self, swedish, language):
        super().__init__(content=swedish.base, language=language, today=swedish.today)
        self.swedish = swedish
        self.report = swedish.report
        self.dates = swedish.dates
        self.images = swedish.images
        self.collections = swedish.collections
        self.locale = None

    def load(self):
        self.report.step(f"Översättningar: {self.root.name}")
        self.locale, created = Locale.objects.get_or_create(language_code=self.root.name)
        if created:
            self.report.record("created", self.locale)
        self.load_snippet_translations()
        self.load_pages()
        return self.report

    def load_snippet_translations(self):
        """`<language>/snippets/<file>.toml` translates the Swedish collection with the same
        prefix: each item names the Swedish entry by its key and gives the translated fields;
        what it leaves out (e-mail, schools) stays as in Swedish."""
        folder = self.root / "snippets"
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.toml")):
            data = self.read(path)
            with self.where(path):
                prefix = self.need(data, "prefix")
                collection = self.swedish.collections.get(prefix)
                if collection is None:
                    raise DemoContentError(f"det finns ingen svensk samling {prefix!r}")
                if not issubclass(collection.model, TranslatableMixin):
                    raise DemoContentError(f"{collection.model.__name__} går inte att översätta")
            for item in self.need(data, "items"):
                with self.where(path, f"{collection.key} = {item.get(collection.key)}"):
                    self.upsert_translation(collection, item)

    def upsert_translation(self, collection, item):
        model = collection.model
        key = self.need(item, collection.key)
        original = swedish(model).filter(**{collection.key: key}).first()
        if original is None:
            raise DemoContentError(f"{key!r} finns inte bland de svenska")
        wanted = {name: raw for name, raw in item.items() if name != collection.key}
        fields, m2m, children = self.fields(model, wanted)
        if m2m or children:
            raise DemoContentError("en översättning ändrar bara texter")
        translated = original.get_translation_or_none(self.locale)
        outcome = "unchanged"
        if translated is None:
            translated = original.copy_for_translation(self.locale)
            apply_changes(translated, fields)
            outcome = "created"
        elif apply_changes(translated, fields):
            outcome = "updated"
        if outcome != "unchanged":
            translated.full_clean()
            translated.save()
        self.report.record(outcome, translated)

    def read_pages(self):
        root = super().read_pages()
        # References name the translated page where there is one, else the Swedish page.
        refs = dict(self.swedish.page_refs)
        refs.update(self.page_refs)
        self.page_refs = refs
        return root

    def find_or_create_page(self, spec):
        source = self.swedish.page_refs.get(spec.ref)
        if source is None or source is AMBIGUOUS or source.page is None:
            raise DemoContentError(f"det finns ingen svensk sida sv/pages/{spec.ref or '_index'}")
        original = source.page
        page = original.get_translation_or_none(self.locale)
        if page is None:
            if spec.parent is not None and spec.parent.page is None:
                raise DemoContentError("sidan ovanför är inte översatt")
            page = original.copy_for_translation(self.locale)
            # The copy's draft revision holds the Swedish text; the page's one revision is
            # the translation published below, as for a Swedish page the demo creates.
            page.revisions.all().delete()
            spec.created = True
        spec.page = page.specific
        if "type" in spec.data and not isinstance(spec.page, self.page_model(spec)):
            raise DemoContentError(f"den svenska sidan är inte en {spec.data['type']}")
        # Wagtail gives a translated start page a slug of its own beside the Swedish one.
        if spec.parent is None:
            spec.slug = spec.page.slug
        elif "slug" not in spec.data:
            spec.slug = original.slug

    def update_page(self, spec):
        # copy_for_translation added the children through a fresh copy of this page; reload
        # it so that publishing does not write back a stale count of children (treebeard's
        # numchild), which would hide the translated pages below it.
        spec.page = type(spec.page).objects.get(pk=spec.page.pk)
        super().update_page(spec)
