"""Uploaded media on S3-compatible object storage (django-storages) when a bucket is
configured. The object store is moto's S3 server (PyPI `moto[server]`), started here on a
spare port: the site talks to it over HTTP exactly as to any S3-compatible service."""

import io
import os
import socket
import subprocess
import sys
from pathlib import Path

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

import boto3
import pytest
from PIL import Image as PILImage

BASE_DIR = Path(__file__).resolve().parents[2]
BUCKET = "portal-media"
KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


def object_storage_environment(endpoint):
    return {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        **KEYS,
    }


def test_the_production_settings_put_uploads_in_the_configured_bucket(s3_endpoint):
    endpoint, client = s3_endpoint
    script = (
        "import django; django.setup()\n"
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage\n"
        "name = default_storage.save('documents/plan.txt', ContentFile(b'Terminsplan'))\n"
        "print(name); print(default_storage.url(name))\n"
    )
    env = {
        **os.environ,
        **object_storage_environment(endpoint),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "object-storage-test-only",
        "ALLOWED_HOSTS": "localhost",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    name, url = result.stdout.split()
    stored = client.get_object(Bucket=BUCKET, Key=name)
    assert stored["Body"].read() == b"Terminsplan"
    assert stored["CacheControl"] == "public, max-age=86400"
    # A plain public address on the object store, without a signature.
    assert url == f"{endpoint}/{BUCKET}/{name}"


def test_an_image_and_its_renditions_live_in_the_bucket(s3_endpoint, settings, db):
    endpoint, client = s3_endpoint
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": KEYS["AWS_ACCESS_KEY_ID"],
                "secret_key": KEYS["AWS_SECRET_ACCESS_KEY"],
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    picture = io.BytesIO()
    PILImage.new("RGB", (640, 480), (40, 120, 90)).save(picture, "JPEG")
    image = get_image_model().objects.create(
        title="Skolgården", file=ImageFile(picture, name="skolgarden.jpg")
    )

    keys = {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert image.file.name in keys
    # Wagtail read the original back from the bucket to make the rendition, and stored it there.
    rendition = image.get_rendition("fill-320x240|format-webp")
    keys = {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert rendition.file.name in keys
    assert rendition.url == f"{endpoint}/{BUCKET}/{rendition.file.name}"
    body = client.get_object(Bucket=BUCKET, Key=rendition.file.name)["Body"].read()
    made = PILImage.open(io.BytesIO(body))
    assert (made.format, made.size) == ("WEBP", (320, 240))
    # Made once and kept: asking again reads the stored rendition.
    assert image.get_rendition("fill-320x240|format-webp").file.name == rendition.file.name
