"""Load or refresh the municipality's schools from a CSV file in the shape of Skolverket's
school-unit register: `python manage.py import_schools skolor.csv [--municipality 0126]
[--dry-run]`. The same import as "Importera skolor" in the admin (advice/school_import.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from advice.school_import import configured_municipality_code, import_schools


class Command(BaseCommand):
    help = gettext_lazy(
        "Importerar skolor från en CSV-fil ur Skolverkets skolenhetsregister. Skolor matchas "
        "på skolenhetskoden: befintliga uppdateras, nya skapas, inga tas bort."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("CSV-filen som ska importeras."))
        parser.add_argument(
            "--municipality",
            default=None,
            help=_("Kommunkod vars skolor importeras (förval: %(code)s).")
            % {"code": configured_municipality_code()},
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Visa vad som skulle ändras utan att spara något."),
        )

    def handle(self, *args, path, municipality, dry_run, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(
                _("Filen %(path)s kunde inte läsas: %(error)s")
                % {"path": path, "error": error.strerror or error}
            ) from None
        report = import_schools(data, municipality_code=municipality, dry_run=dry_run)
        if not report.ok:
            raise CommandError(report.error)
        lines = report.as_lines()
        self.stdout.write(self.style.SUCCESS(lines[0]))
        for line in lines[1:]:
            self.stdout.write(line)
