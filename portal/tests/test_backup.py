"""`make backup` and `make restore` (scripts/backup.sh, scripts/restore.sh): the demo site with
a sign-up, page feedback, a call-back request and a document added is backed up, restored into
a new database and media folder, and compared table by table (row count and a checksum of the
rows in primary-key order), sequence by sequence, and file by file."""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import connection

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

import psycopg
import pytest

from events.models import EventPage
from events.submissions import EventRegistration
from feedback.models import CallbackRequest, PageFeedback
from taxonomy.models import Area

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"

# Every kind of content the issue names, by the table that holds it.
MUST_HAVE_ROWS = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailcore_locale",
    "wagtailimages_image",
    "wagtailimages_rendition",
    "wagtaildocs_document",
    "advice_advisor",
    "events_eventregistration",
    "feedback_pagefeedback",
    "feedback_callbackrequest",
]


def _url(name):
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"


def _fingerprint(url):
    """Per table in the public schema: the row count and an md5 of its rows in primary-key
    order; per sequence its last value."""
    tables = {}
    with psycopg.connect(url, autocommit=True) as conn:
        names = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
        for (table,) in names:
            keys = conn.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                "WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY a.attnum",
                [f'public."{table}"'],
            ).fetchall()
            order = ", ".join(f'"{key}"' for (key,) in keys) or "t::text"
            rows = f"string_agg(t::text, E'\\n' ORDER BY {order})"
            tables[table] = conn.execute(
                f"SELECT count(*), md5(coalesce({rows}, '')) FROM public.\"{table}\" t"  # noqa: S608
            ).fetchone()
        sequences = dict(
            conn.execute(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
            ).fetchall()
        )
    return tables, sequences


def _files(root):
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(Path(root).rglob("*"))
        if path.is_file()
    }


def _run(script, *args, env, check=True):
    return subprocess.run(
        [str(SCRIPTS / script), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=check,
    )


@pytest.fixture
def spare_database():
    name = f"test_restore_{uuid.uuid4().hex[:12]}"
    admin = _url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield _url(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_every_table_and_every_file(
    demo_site, settings, spare_database, tmp_path
):
    # A copy of the demo's media, so that what this test adds stays out of the shared folder.
    media = tmp_path / "media"
    shutil.copytree(settings.MEDIA_ROOT, media)
    settings.MEDIA_ROOT = str(media)
    # What the demo does not make: a rendition, a document with its file, a sign-up, page
    # feedback and a call-back request (it has pages, revisions, translations, images, advisors).
    Document.objects.create(
        title="Anmälningsblankett", file=ContentFile(b"%PDF-1.4 backup test\n", name="blankett.pdf")
    )
    Image.objects.first().get_rendition("fill-120x80")
    event = EventPage.objects.live().filter(registration_enabled=True).first()
    EventRegistration.objects.create(page=event, form_data={"namn": "Sara"}, status="confirmed")
    page = Page.objects.live().filter(depth__gt=2).first()
    PageFeedback.objects.create(page=page, language="sv", helpful=False, comment="Oklart.")
    CallbackRequest.objects.create(
        name="Sara", contact="070-174 06 30", area=Area.objects.first(), language="arabiska"
    )
    source = _url(connection.settings_dict["NAME"])
    before, sequences = _fingerprint(source)
    for table in MUST_HAVE_ROWS:
        assert before[table][0] > 0, table
    # Translations: pages in the other languages' trees.
    assert Page.objects.exclude(locale__language_code="sv").filter(depth__gt=2).exists()

    backups = tmp_path / "backups"
    made = _run(
        "backup.sh",
        env={"DATABASE_URL": source, "MEDIA_ROOT": str(media), "BACKUP_DIR": str(backups)},
    )
    folder = Path(made.stdout.strip())
    assert folder.parent == backups
    assert sorted(p.name for p in folder.iterdir()) == [
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
    ]

    restored_media = tmp_path / "restored-media"
    target = {"DATABASE_URL": spare_database, "MEDIA_ROOT": str(restored_media)}
    _run("restore.sh", str(folder), env=target)

    after, sequences_after = _fingerprint(spare_database)
    assert after == before
    assert sequences_after == sequences
    assert _files(restored_media) == _files(media)
    assert any(name.startswith("documents/") for name in _files(restored_media))

    # A second restore over what is now a full database is refused without FORCE=1 …
    refused = _run("restore.sh", str(folder), env=target, check=False)
    assert refused.returncode == 1
    assert "FORCE=1" in refused.stderr
    # … and replaces it with FORCE=1, after a change, keeping the media folder it replaces.
    with psycopg.connect(spare_database, autocommit=True) as conn:
        conn.execute("DELETE FROM feedback_callbackrequest")
    _run("restore.sh", str(folder), env={**target, "FORCE": "1"})
    assert _fingerprint(spare_database)[0] == before
    assert len(list(tmp_path.glob("restored-media.replaced-*"))) == 1


def test_restore_refuses_a_damaged_backup(tmp_path):
    folder = tmp_path / "20260101T000000Z"
    folder.mkdir()
    (folder / "database.dump").write_bytes(b"not a dump")
    (folder / "media.tar.gz").write_bytes(b"")
    (folder / "SHA256SUMS").write_text(
        "0" * 64 + "  database.dump\n" + "0" * 64 + "  media.tar.gz\n"
    )
    result = _run(
        "restore.sh",
        str(folder),
        env={"DATABASE_URL": _url("postgres_does_not_matter"), "MEDIA_ROOT": str(tmp_path / "m")},
        check=False,
    )
    assert result.returncode == 1
    assert "do not match SHA256SUMS" in result.stderr
