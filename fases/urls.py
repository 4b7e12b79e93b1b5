from django.urls import path

from . import views

urlpatterns = [
    path("overzicht/", views.overzicht, name="overzicht"),
    path("uw-route/", views.route, name="route"),
    path("situatie/", views.situatie, name="situatie"),
]
