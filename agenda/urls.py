from django.urls import path

from agenda.views import awards, cards, changes, competitions, expo, feeds, home, my_agenda, outcomes, people, programme

app_name = "agenda"

urlpatterns = [
    path("", home.current_edition_home, name="home"),
    path("editions/", home.edition_list, name="edition_list"),
    path("<slug:edition>/", home.edition_home, name="edition_home"),
    path("<slug:edition>/agenda/", programme.agenda, name="agenda"),
    path("<slug:edition>/changes/", changes.changes, name="changes"),
    path("<slug:edition>/now/", programme.now, name="now"),
    path("<slug:edition>/sessions/<slug:slug>/", programme.session_detail, name="session_detail"),
    path("<slug:edition>/sessions/<slug:slug>.ics", feeds.session_ics, name="session_ics"),
    path("<slug:edition>/sessions/<slug:slug>/card.png", cards.session_card_image, name="session_card"),
    path("<slug:edition>/my-agenda/", my_agenda.my_agenda, name="my_agenda"),
    path("<slug:edition>/my-agenda.ics", my_agenda.my_agenda_ics, name="my_agenda_ics"),
    path("<slug:edition>/rooms/<slug:slug>/", programme.room_detail, name="room_detail"),
    path("<slug:edition>/speakers/", people.speaker_list, name="speaker_list"),
    path("<slug:edition>/speakers/<slug:slug>/", people.speaker_detail, name="speaker_detail"),
    path("<slug:edition>/speakers/<slug:slug>/card.png", cards.speaker_card_image, name="speaker_card"),
    path("<slug:edition>/organisations/", people.organisation_list, name="organisation_list"),
    path("<slug:edition>/organisations/<slug:slug>/", people.organisation_detail, name="organisation_detail"),
    path("<slug:edition>/expo/", expo.expo_list, name="expo_list"),
    path("<slug:edition>/expo/<slug:slug>/", expo.exhibit_detail, name="exhibit_detail"),
    path("<slug:edition>/awards/", awards.award_list, name="award_list"),
    path("<slug:edition>/awards/<slug:slug>/", awards.award_detail, name="award_detail"),
    path("<slug:edition>/outcomes/", outcomes.outcome_list, name="outcome_list"),
    path("<slug:edition>/competitions/", competitions.competition_list, name="competition_list"),
    path("<slug:edition>/competitions/<slug:slug>/", competitions.competition_detail, name="competition_detail"),
    path("<slug:edition>/schedule.ics", feeds.schedule_ics, name="schedule_ics"),
    path("<slug:edition>/schedule.xml", feeds.schedule_xml, name="schedule_xml"),
    path("<slug:edition>/schedule.json", feeds.schedule_json, name="schedule_json"),
]
