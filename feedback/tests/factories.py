import factory

from feedback.models import CallbackRequest, PageFeedback


class PageFeedbackFactory(factory.django.DjangoModelFactory):
    language = "sv"
    helpful = True

    class Meta:
        model = PageFeedback


class CallbackRequestFactory(factory.django.DjangoModelFactory):
    name = "Sara"
    contact = "070-174 06 30"
    language = "arabiska"
    interpreter = True
    good_time = "Vardagar efter 15"

    class Meta:
        model = CallbackRequest
