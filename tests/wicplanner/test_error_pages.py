"""Refusals speak the site's language: a forbidden page and a refused form say what to do next."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def test_a_form_refused_for_its_missing_csrf_token_says_to_send_it_again():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/admin/login/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    html = response.content.decode()
    assert "Please send the form again" in html
    assert "Nothing was saved." in html


def test_a_page_the_account_may_not_open_is_answered_with_the_sites_403_page(client, django_user_model):
    desk = django_user_model.objects.create_user("desk", "desk@example.org", "pw", is_staff=True)
    session = SessionFactory()
    client.force_login(desk)

    response = client.get(reverse("admin:agenda_session_history", args=[session.pk]))

    assert response.status_code == 403
    assert "Your account may not open this page" in response.content.decode()
