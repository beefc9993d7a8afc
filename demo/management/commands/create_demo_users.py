"""Demo accounts for local development: `python manage.py create_demo_users`.

Refuses to run unless DEBUG is on or --force is given, so a production database never gets
known passwords by mistake.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from demo.guard import refuse_in_production

DEMO_USERS = [
    # username, password, superuser, group, description
    ("admin", "demo-admin-2026", True, None, "administratör (allt, även att ta bort)"),
    (
        "kommunikator",
        "demo-kommunikator-2026",
        False,
        "Kommunikatörer",
        "kommunikatör (skriver och publicerar överallt)",
    ),
    (
        "granskare",
        "demo-granskare-2026",
        False,
        "Granskare",
        "granskare (godkänner och publicerar)",
    ),
    (
        "radgivare",
        "demo-radgivare-2026",
        False,
        "Föräldrarådgivare",
        "föräldrarådgivare (rådgivarposter och utkast till vägledning, skickar för granskning)",
    ),
    (
        "kursadmin",
        "demo-kursadmin-2026",
        False,
        "Kursadministratörer",
        "kursadministratör (kalendern och anmälningarna)",
    ),
]


class Command(BaseCommand):
    help = "Skapar demokonton för utveckling (bara i utvecklingsläge, eller med --force)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Kör även när DEBUG är av. Kontona får lösenord som står i källkoden.",
        )

    def handle(self, *args, **options):
        refuse_in_production(
            "create_demo_users",
            "skapar konton med lösenord som står i källkoden",
            options["force"],
        )
        User = get_user_model()
        self.stdout.write(self.style.MIGRATE_HEADING("Demokonton (endast utveckling):"))
        for username, password, superuser, group_name, description in DEMO_USERS:
            user, _created = User.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@example.org", "first_name": username.title()},
            )
            user.is_staff = True
            user.is_superuser = superuser
            user.set_password(password)
            user.save()
            if group_name:
                group = Group.objects.filter(name=group_name).first()
                if group is not None:
                    user.groups.add(group)
            self.stdout.write(f"  {username} / {password}  – {description}")
        self.stdout.write("  Logga in på http://127.0.0.1:8000/admin/")
