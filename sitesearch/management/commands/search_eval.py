from django.core.management.base import BaseCommand

from sitesearch import relevance


class Command(BaseCommand):
    help = "Run the relevance set (sitesearch/relevance.toml) and print rank, pass/fail, score."

    def add_arguments(self, parser):
        parser.add_argument("--cases", default=str(relevance.CASES), help="another TOML file")

    def handle(self, *args, **options):
        results = relevance.run(options["cases"])
        width = max(len(result.query) for result in results)
        self.stdout.write(f"{'sökning'.ljust(width)}  plats  resultat")
        for result in results:
            rank = str(result.rank) if result.rank else "–"
            verdict = "ok" if result.passed else f"MISS (fick {', '.join(result.found) or 'inget'})"
            self.stdout.write(f"{result.query.ljust(width)}  {rank.rjust(5)}  {verdict}")
        score = relevance.score(results)
        passed = sum(result.passed for result in results)
        self.stdout.write(
            f"\nTräff bland de {relevance.TOP} första: {passed} av {len(results)} = {score:.0%} "
            f"(krav {relevance.PASS_SCORE:.0%})"
        )
        if score < relevance.PASS_SCORE:
            raise SystemExit(1)
