"""Swedish labels for fields that Wagtail leaves without one."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import choosers, workflows

# Some of Wagtail's forms have fields without a label, so Django shows the field's name in
# English ("Link text", "Email address"), which no translation catalogue can reach. The link
# choosers are used by every editor who adds a link in a text block; the workflow forms by
# administrators.
LABELS = {
    choosers.ExternalLinkChooserForm: {"link_text": _("Länktext")},
    choosers.AnchorLinkChooserForm: {"link_text": _("Länktext")},
    choosers.EmailLinkChooserForm: {
        "email_address": _("E-postadress"),
        "link_text": _("Länktext"),
        "subject": _("Ämnesrad"),
        "body": _("Meddelande"),
    },
    choosers.PhoneLinkChooserForm: {
        "phone_number": _("Telefonnummer"),
        "link_text": _("Länktext"),
    },
    workflows.WorkflowPageForm: {"page": _("Sida")},
    workflows.WorkflowContentTypeForm: {"content_types": _("Typer av innehåll")},
}


def label_wagtail_forms():
    for form, labels in LABELS.items():
        for field, label in labels.items():
            form.base_fields[field].label = label


label_wagtail_forms()
