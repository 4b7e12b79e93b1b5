from django.urls import path

from . import regional_views, views

app_name = "organisaties"

urlpatterns = [
    path("organisaties/", views.organisatie_list, name="organisatie_list"),
    path("organisaties/<slug:slug>/", views.organisatie_detail, name="organisatie_detail"),
    path("hulp-in-de-buurt/", regional_views.hulp_in_de_buurt, name="hulp_in_de_buurt"),
    path("regios/<slug:slug>/", regional_views.regio_detail, name="regio_detail"),
    path("rechten-en-regelingen/", views.regeling_list, name="regeling_list"),
    path("rechten-en-regelingen/<slug:slug>/", views.regeling_detail, name="regeling_detail"),
]
