"""Reset an editor's two-step verification: remove the connected app and the recovery codes,
so that the next login sets up a new app (when the policy requires one). For an editor who
lost the phone and the recovery codes; check who is asking before running it."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from editorial.two_factor import reset


class Command(BaseCommand):
    help = "Tar bort en användares autentiseringsapp och reservkoder (tvåstegsverifiering)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="Användarnamnet")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"Det finns ingen användare som heter {username!r}.") from None
        count = reset(user)
        self.stdout.write(
            f"Tvåstegsverifieringen för {username} är återställd ({count} borttagna). "
            "Vid nästa inloggning kopplar användaren en ny app."
        )
