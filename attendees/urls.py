from django.urls import path

from attendees import checkin, views

app_name = "attendees"

urlpatterns = [
    path("checkin/", checkin.checkin, name="checkin"),
    path("<slug:edition>/register/", views.register, name="register"),
    path("<slug:edition>/register/thanks/", views.register_thanks, name="register_thanks"),
    path("<slug:edition>/register/privacy/", views.privacy, name="privacy"),
    path("<slug:edition>/registration/resend/", views.resend_link, name="resend"),
    path("<slug:edition>/registration/calendar/<slug:key>.ics", views.calendar_feed, name="calendar"),
    path("<slug:edition>/registration/<str:token>/", views.manage, name="manage"),
    path("<slug:edition>/registration/<str:token>/badge/", views.badge, name="badge"),
    path("<slug:edition>/registration/<str:token>/calendar/new/", views.calendar_renew, name="calendar_renew"),
]
