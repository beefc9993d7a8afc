"""The event editor's form: the page's start and end follow its occasions."""

from wagtail.admin.forms import WagtailAdminPageForm


class EventPageForm(WagtailAdminPageForm):
    def clean(self):
        """Give the page the span of the occasions being saved (the first start, the last end)
        before the model's own checks run, which compare the closing time with the end. The
        occasions themselves (at least one, each ending after it starts) are checked by their
        formset and model."""
        cleaned = super().clean()
        formset = self.formsets.get("occasions")
        if formset is None or not formset.is_valid():
            return cleaned
        spans = [
            (form.cleaned_data["start"], form.cleaned_data["end"])
            for form in formset.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("start")
            and form.cleaned_data.get("end")
        ]
        if spans:
            self.instance.start = min(start for start, _end in spans)
            self.instance.end = max(end for _start, end in spans)
        return cleaned
