"""Admin addresses whose Wagtail view the editorial app replaces. Included in portal/urls.py
before Wagtail's admin, so these win; Wagtail's URL names still resolve to the same paths."""

from django.urls import path

from wagtail.admin.auth import require_admin_access

from .views import CreatePageView, DeletePageView

urlpatterns = [
    path(
        "pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        require_admin_access(CreatePageView.as_view()),
        name="editorial_page_create",
    ),
    path(
        "pages/<int:page_id>/delete/",
        require_admin_access(DeletePageView.as_view()),
        name="editorial_page_delete",
    ),
]
