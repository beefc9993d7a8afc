"""E-mail page owners about their overdue pages: `python manage.py remind_reviews`.

Meant to run once a day (cron or a systemd timer). Each owner gets one message listing every
published page whose "granskas senast" date has passed: the responsible person, or, when no
person is set or the person is inactive or has no address, every active member of the
responsible group with an e-mail address (portal.models.recipient_emails).

A page is named to the same address at most once a week: each sent reminder is stored
(editorial.models.ReviewReminder), and a page reminded about in the last seven days (today and
the six days before) is left out. A recipient with nothing left to hear about gets no e-mail.

Only published pages: a draft that was never published shows nothing to the public that could
be out of date, and its owner and date are still being written.
"""

import datetime
import smtplib
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page

from editorial.models import ReviewReminder
from editorial.review import (
    attach_review_details,
    overdue,
    review_pages,
    user_display_name,
    without_owner,
)
from portal.models import recipient_emails

# "Once per week": a reminder sent on a Monday blocks the same page until the next Monday.
REMINDER_INTERVAL_DAYS = 7


def overdue_pages(today):
    """Published pages with an owner whose review date has passed, oldest date first."""
    pages = (
        review_pages(Page.objects.live())
        .filter(overdue(today))
        .exclude(without_owner())
        .order_by("review_date", "path")
    )
    return attach_review_details(pages, today)


def group_members(group_ids):
    """Active members with an e-mail address of each group, in one query."""
    User = get_user_model()
    Membership = User.groups.through
    members = defaultdict(list)
    memberships = (
        Membership.objects.filter(group_id__in=group_ids, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user__username")
    )
    for membership in memberships:
        members[membership.group_id].append(membership.user)
    return members


def reminded_recently(pages, today):
    """(page id, lower-case address) pairs already reminded about this week."""
    since = timezone.make_aware(
        datetime.datetime.combine(
            today - datetime.timedelta(days=REMINDER_INTERVAL_DAYS - 1), datetime.time.min
        )
    )
    sent = ReviewReminder.objects.filter(
        page_id__in=[page.pk for page in pages], sent_at__gte=since
    ).values_list("page_id", "recipient")
    return {(page_id, recipient.lower()) for page_id, recipient in sent}


def edit_url(page):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("wagtailadmin_pages:edit", args=[page.pk])


def reminder_message(name, pages):
    """Subject and plain-text body of one owner's reminder, in Swedish."""
    count = len(pages)
    site_name = settings.WAGTAIL_SITE_NAME
    subject = ngettext(
        "Påminnelse: en sida på %(site)s ska granskas",
        "Påminnelse: %(count)d sidor på %(site)s ska granskas",
        count,
    ) % {"count": count, "site": site_name}
    lines = [
        _("Hej %(name)s!") % {"name": name} if name else _("Hej!"),
        "",
        ngettext(
            "Den här sidan som du ansvarar för skulle ha granskats senast det datum som står "
            "nedan:",
            "De här %(count)d sidorna som du ansvarar för skulle ha granskats senast de datum "
            "som står nedan:",
            count,
        )
        % {"count": count},
        "",
    ]
    for page in pages:
        lines += [
            f"- {page.title}",
            "  " + _("Granskas senast: %(date)s") % {"date": formats.date_format(page.review_date)},
            "  " + _("Ansvarig: %(owner)s") % {"owner": page.review_owner},
            "  " + _("Redigera: %(url)s") % {"url": edit_url(page)},
            "",
        ]
    lines += [
        _(
            "Läs igenom sidan och rätta det som inte längre stämmer. Sätt sedan ett nytt datum "
            "under ”Ansvar och granskning” och publicera sidan, eller skicka den för granskning. "
            "Ska någon annan ansvara för sidan? Byt ansvarig på samma ställe."
        ),
        "",
        _(
            "Du får en påminnelse om varje sida högst en gång i veckan, så länge datumet har "
            "passerat."
        ),
        "",
        _("Alla sidor att granska: %(url)s")
        % {
            "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("editorial_review_report")
            + "?owner=mine"
        },
    ]
    return subject, "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = (
        "Mejlar ansvariga om publicerade sidor vars granskningsdatum har passerat, högst en "
        "gång i veckan per sida och mottagare. Körs en gång om dagen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Visa vad som skulle skickas, utan att skicka eller spara något.",
        )

    def handle(self, *args, dry_run=False, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self.remind(dry_run)

    def remind(self, dry_run):
        today = timezone.localdate()
        pages = overdue_pages(today)
        members = group_members({page.review_group_pk for page in pages} - {None})
        already = reminded_recently(pages, today)

        # One message per address, whoever it belongs to: a person who owns one page and
        # belongs to the group owning another hears about both at once.
        outbox = defaultdict(list)
        names = {}
        for page in pages:
            users = [page.review_user] if page.review_user else []
            users += members.get(page.review_group_pk, [])
            for user in users:
                names.setdefault(user.email.lower(), user_display_name(user))
            for email in recipient_emails(page.review_user, members.get(page.review_group_pk)):
                if (page.pk, email.lower()) not in already:
                    outbox[email].append(page)

        sent = failed = 0
        for email in sorted(outbox, key=str.lower):
            subject, body = reminder_message(names.get(email.lower()), outbox[email])
            if dry_run:
                self.stdout.write(
                    _("Till: %(to)s\nÄmne: %(subject)s\n\n%(body)s")
                    % {"to": email, "subject": subject, "body": body}
                    + "\n"
                )
                continue
            try:
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
            except (smtplib.SMTPException, OSError) as error:
                # One unreachable address must not keep the others from their reminders.
                failed += 1
                self.stderr.write(
                    _("Kunde inte skicka till %(to)s: %(error)s") % {"to": email, "error": error}
                )
                continue
            ReviewReminder.objects.bulk_create(
                ReviewReminder(page_id=page.pk, recipient=email) for page in outbox[email]
            )
            sent += 1

        if dry_run:
            self.stdout.write(
                _("Torrkörning: %(count)d e-postmeddelanden skulle skickas, inget skickades.")
                % {"count": len(outbox)}
            )
        else:
            self.stdout.write(
                _("Skickade %(sent)d påminnelser; %(pages)d försenade sidor har en ansvarig.")
                % {"sent": sent, "pages": len(pages)}
            )
        if failed:
            raise CommandError(_("%(count)d påminnelser kunde inte skickas.") % {"count": failed})
