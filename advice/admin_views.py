"""Admin views for the advisor directory: "Importera skolor" (advice/school_import.py does the
work) and the school listing with a button leading to it."""

from pathlib import Path

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import IndexView

from .models import School
from .school_import import import_schools

# The import adds new schools and updates existing ones, so it needs both rights.
IMPORT_PERMISSIONS = ("advice.add_school", "advice.change_school")
MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Longer lists are cut on the page (the command prints everything).
REPORT_LIST_LIMIT = 500


class SchoolImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV-fil från skolenhetsregistret"),
        help_text=gettext_lazy(
            "En CSV-fil (högst 20 MB) med kolumnerna Skolenhetskod, Skolenhetsnamn och "
            "Kommunkod, och gärna Besöksadress (eller Besöksadress, Postnr och Ort) och "
            "Skolformer. Kolumnerna får vara avgränsade med semikolon, komma eller tabb, och "
            "filen får vara sparad i UTF-8 eller Windows-1252 (Latin-1). Andra kolumner hoppas "
            "över."
        ),
        error_messages={
            "required": gettext_lazy("Välj en CSV-fil att importera."),
            "empty": gettext_lazy("Filen är tom."),
            "invalid": gettext_lazy("Välj en CSV-fil att importera."),
        },
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if Path(uploaded.name).suffix.lower() != ".csv":
            raise forms.ValidationError(
                _(
                    "Filen ”%(name)s” är inte en CSV-fil. Spara kalkylarket som CSV "
                    "(semikolonavgränsad) i Excel eller LibreOffice och välj den filen."
                ),
                params={"name": uploaded.name},
            )
        if uploaded.size > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("Filen är %(size)s MB. Den får vara högst %(max)s MB."),
                params={
                    "size": f"{uploaded.size / 1024 / 1024:.1f}".replace(".", ","),
                    "max": MAX_UPLOAD_SIZE // 1024 // 1024,
                },
            )
        return uploaded


class SchoolImportView(WagtailAdminTemplateMixin, FormView):
    """Preview or import a CSV file of schools; the page then shows what changed."""

    template_name = "advice/admin/school_import.html"
    form_class = SchoolImportForm
    page_title = gettext_lazy("Importera skolor")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(School.snippet_viewset.get_url_name("list")),
                "label": capfirst(School._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report_list_limit"] = REPORT_LIST_LIMIT
        return context

    def form_valid(self, form):
        dry_run = self.request.POST.get("action") != "import"
        uploaded = form.cleaned_data["file"]
        report = import_schools(b"".join(uploaded.chunks()), dry_run=dry_run)
        if not report.ok:
            form.add_error("file", report.error)
            return self.form_invalid(form)
        if not dry_run:
            messages.success(
                self.request,
                _(
                    "Skolorna är importerade: %(created)d nya, %(updated)d uppdaterade, "
                    "%(refused)d rader avvisade."
                )
                % {
                    "created": len(report.created),
                    "updated": len(report.updated),
                    "refused": len(report.refused),
                },
            )
        return self.render_to_response(
            self.get_context_data(form=self.form_class(), report=report, file_name=uploaded.name)
        )


class SchoolIndexView(IndexView):
    """The school listing, with an "Importera skolor" button for those who may add schools."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perms(IMPORT_PERMISSIONS):
            buttons.append(
                HeaderButton(
                    _("Importera skolor"),
                    url=reverse("advice_school_import"),
                    icon_name="upload",
                    priority=1100,
                )
            )
        return buttons
