from django.urls import path

from . import views

urlpatterns = [
    path("overzicht/", views.overzicht, name="overzicht"),
]
