from django.urls import path

from agenda.views.home import home

app_name = "agenda"

urlpatterns = [
    path("", home, name="home"),
]
