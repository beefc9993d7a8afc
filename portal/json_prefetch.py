"""Related rows read inside their parent's own query, as JSON arrays (PostgreSQL's ARRAY of
json_build_object), and handed to Django's prefetch cache. `advisor.areas.all()` then costs no
query, and a list of advisor cards costs one query instead of one per relation.

    with_related(Advisor.objects.all(), {
        "languages": Related(Language.objects.filter(advisors=OuterRef("pk"))),
        "drop_ins": Related(
            AdvisorDropIn.objects.filter(advisor=OuterRef("pk")), select=["school"]
        ),
        "photo__renditions": Related(Rendition.objects.filter(image_id=OuterRef("photo_id"))),
    })

A name with "__" fills the cache of an object the parent already holds through select_related
(the photo's renditions above). `select` reads a foreign key's row with each related row.
"""

from dataclasses import dataclass, field

from django.contrib.postgres.expressions import ArraySubquery
from django.db import DEFAULT_DB_ALIAS
from django.db.models import F
from django.db.models.functions import JSONObject
from django.db.models.query import ModelIterable

PREFIX = "_json_related_"


@dataclass(frozen=True)
class Related:
    """The rows of one relation: a queryset filtered on OuterRef, in the order to show them."""

    queryset: object
    select: list = field(default_factory=list)


def _row(model, path="", select=()):
    """A JSON object of a model's columns, reached through `path` ("school__")."""
    values = {f.attname: F(f"{path}{f.attname}") for f in model._meta.concrete_fields}
    for name in select:
        related = model._meta.get_field(name).related_model
        values[name] = _row(related, f"{path}{name}__")
    return JSONObject(**values)


def _instance(model, data, select=()):
    """A model instance, as if read by the ORM, from a JSON object made by _row()."""
    fields = model._meta.concrete_fields
    obj = model.from_db(
        DEFAULT_DB_ALIAS,
        [f.attname for f in fields],
        [f.to_python(data[f.attname]) for f in fields],
    )
    for name in select:
        foreign_key = model._meta.get_field(name)
        nested = data[name]
        target = foreign_key.related_model
        found = nested is not None and nested[target._meta.pk.attname] is not None
        foreign_key.set_cached_value(obj, _instance(target, nested) if found else None)
    return obj


def _prefetch(obj, name, objects):
    """Fill obj's prefetch cache for `name` as prefetch_related would."""
    manager = getattr(obj, name)
    # A reverse foreign key: each child knows its parent without a query.
    remote = getattr(getattr(type(obj), name), "rel", None)
    if remote is not None and not remote.many_to_many:
        for child in objects:
            remote.field.set_cached_value(child, obj)
    queryset = manager.get_queryset()  # lazy: no query
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    obj.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def _attach(obj, relations):
    for name, relation in relations.items():
        rows = obj.__dict__.pop(PREFIX + name.replace("__", "_x_"), None)
        *path, last = name.split("__")
        target = obj
        for step in path:
            target = getattr(target, step)
        if target is None:
            continue
        model = relation.queryset.model
        _prefetch(target, last, [_instance(model, row, relation.select) for row in rows or []])


def with_related(queryset, relations):
    """`queryset` with each relation read in the same query; the objects it yields have the
    relations in their prefetch cache."""
    annotations = {
        PREFIX + name.replace("__", "_x_"): ArraySubquery(
            relation.queryset.values(row=_row(relation.queryset.model, select=relation.select))
        )
        for name, relation in relations.items()
    }

    class WithRelated(ModelIterable):
        def __iter__(self):
            for obj in super().__iter__():
                _attach(obj, relations)
                yield obj

    queryset = queryset.annotate(**annotations)
    queryset._iterable_class = WithRelated
    return queryset
