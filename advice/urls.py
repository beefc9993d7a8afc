from django.urls import path

from . import api

app_name = "advice_api"

urlpatterns = [
    path("", api.index, name="index"),
    path("v1/areas/", api.areas, name="areas"),
    path("v1/schools/", api.schools, name="schools"),
    path("v1/advisors/", api.advisors, name="advisors"),
    path("v1/advisors.csv", api.advisors_csv, name="advisors_csv"),
]
