"""Check the external links of every published page and update the broken-link report.

Run daily (see README, Operations). Prints a Swedish summary; --dry-run saves nothing."""

from django.core.management.base import BaseCommand, CommandError

from editorial.linkcheck import NoLinkAnswered, problem_text, run_check


class Command(BaseCommand):
    help = "Kontrollerar de externa länkarna på publicerade sidor (rapporten Trasiga länkar)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Kontrollera och visa resultatet, men spara ingenting.",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            help="Sekunder att vänta på varje svar (standard: LINKCHECK_TIMEOUT).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            help="Antal länkar som kontrolleras samtidigt (standard: LINKCHECK_WORKERS).",
        )

    def handle(self, *args, dry_run=False, timeout=None, workers=None, verbosity=1, **options):
        try:
            summary = run_check(dry_run=dry_run, timeout=timeout, workers=workers)
        except NoLinkAnswered as exc:
            raise CommandError(
                "Ingen länk svarade alls. Nätverket är troligen nere; inget sparades."
            ) from exc

        if dry_run or verbosity >= 2:
            for page, url, result in summary.broken:
                problem = problem_text(result.status_code, result.error)
                self.stdout.write(f"{page.title} (sida {page.pk}): {url} – {problem}")
        self.stdout.write(
            f"Kontrollerade {summary.checked} länkar på {summary.pages} sidor. "
            f"Trasiga: {len(summary.broken)} (nya: {summary.new}). "
            f"Lagade: {summary.fixed}. Borttagna från sidorna: {summary.removed}."
        )
        if dry_run:
            self.stdout.write("Provkörning: inget sparades.")
