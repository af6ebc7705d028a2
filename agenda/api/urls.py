from django.urls import path

from agenda.api import views

app_name = "api"

LIST = {"get": "list"}
DETAIL = {"get": "retrieve"}

urlpatterns = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("editions/", views.EditionViewSet.as_view(LIST), name="edition-list"),
    path("editions/<slug:slug>/", views.EditionViewSet.as_view(DETAIL), name="edition-detail"),
    path("editions/<slug:edition>/sessions/", views.SessionViewSet.as_view(LIST), name="session-list"),
    path("editions/<slug:edition>/sessions/<slug:slug>/", views.SessionViewSet.as_view(DETAIL), name="session-detail"),
    path("editions/<slug:edition>/speakers/", views.SpeakerViewSet.as_view(LIST), name="speaker-list"),
    path("editions/<slug:edition>/speakers/<slug:slug>/", views.SpeakerViewSet.as_view(DETAIL), name="speaker-detail"),
    path("editions/<slug:edition>/organisations/", views.OrganisationViewSet.as_view(LIST), name="organisation-list"),
    path(
        "editions/<slug:edition>/organisations/<slug:slug>/",
        views.OrganisationViewSet.as_view(DETAIL),
        name="organisation-detail",
    ),
    path("editions/<slug:edition>/exhibits/", views.ExhibitViewSet.as_view(LIST), name="exhibit-list"),
    path("editions/<slug:edition>/exhibits/<slug:slug>/", views.ExhibitViewSet.as_view(DETAIL), name="exhibit-detail"),
    path("editions/<slug:edition>/awards/", views.AwardViewSet.as_view(LIST), name="award-list"),
    path("editions/<slug:edition>/awards/<slug:slug>/", views.AwardViewSet.as_view(DETAIL), name="award-detail"),
    path("editions/<slug:edition>/outcomes/", views.OutcomeViewSet.as_view(LIST), name="outcome-list"),
    path(
        "editions/<slug:edition>/outcomes/<slug:slug>/",
        views.OutcomeViewSet.as_view(DETAIL),
        name="outcome-detail",
    ),
    path("editions/<slug:edition>/competitions/", views.CompetitionViewSet.as_view(LIST), name="competition-list"),
    path(
        "editions/<slug:edition>/competitions/<slug:slug>/",
        views.CompetitionViewSet.as_view(DETAIL),
        name="competition-detail",
    ),
]
