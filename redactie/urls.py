from django.urls import path

from . import change_log_views

urlpatterns = [
    path("wat-is-er-veranderd/", change_log_views.change_log, name="change_log"),
    path("wat-is-er-veranderd/feed/", change_log_views.ChangeLogFeed(), name="change_log_feed"),
]
