"""The production guard: seed_demo and create_demo_users refuse to run with DEBUG off unless
--force is given, and say why in one line."""

from io import StringIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest


@pytest.fixture
def small_content(tmp_path):
    """Demo content with a start page only, so the commands run quickly."""
    pages = tmp_path / "sv" / "pages"
    pages.mkdir(parents=True)
    (pages / "_index.toml").write_text(
        'type = "home.HomePage"\ntitle = "Föräldrarådgivning"\nintro = "Välkommen."\n'
    )
    return tmp_path


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["seed_demo", "create_demo_users"])
def test_the_demo_commands_refuse_to_run_in_production(settings, command):
    settings.DEBUG = False
    with pytest.raises(CommandError) as refused:
        call_command(command, stdout=StringIO())
    message = str(refused.value)
    assert "\n" not in message
    assert f"{command} körs bara i utvecklingsläge (DEBUG på)" in message
    assert "--force" in message
    assert not get_user_model().objects.exists()
    assert not apps.get_model("home", "HomePage").objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("debug", "force"), [(True, False), (False, True)])
def test_seed_demo_runs_in_development_or_with_force(settings, small_content, debug, force):
    settings.DEBUG = debug
    output = StringIO()
    call_command("seed_demo", content=small_content, force=force, stdout=output)
    assert "Demowebbplatsen är klar: " in output.getvalue()
    assert apps.get_model("home", "HomePage").objects.get().live


@pytest.mark.django_db
@pytest.mark.parametrize(("debug", "force"), [(True, False), (False, True)])
def test_create_demo_users_runs_in_development_or_with_force(settings, debug, force):
    settings.DEBUG = debug
    output = StringIO()
    call_command("create_demo_users", force=force, stdout=output)
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    assert users.get(username="kursadmin").groups.filter(name="Kursadministratörer").exists()
    assert users.get(username="radgivare").check_password("demo-radgivare-2026")
    assert "kommunikator / demo-kommunikator-2026" in output.getvalue()
