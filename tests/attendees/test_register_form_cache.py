"""The register form's fixed parts, rendered once per programme version and language (attendees.form_cache).

What is kept must be what a full render gives, hold nothing of a visitor, and never hide what changes
without a programme change: the seats left, what a visitor came for, the window and the cap.
"""

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from attendees import form_cache, services
from attendees.forms import RegisterForm
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db

CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=)"[^"]*"')


@pytest.fixture
def edition():
    return open_registration(EditionFactory())


@pytest.fixture
def forum(edition):
    return SessionFactory(
        edition=edition, title="Digital Economy Forum", slug="digital-economy", capacity=3, registration_required=True
    )


def register_url(edition):
    return reverse("attendees:register", args=[edition.slug])


def the_form(page):
    """The <form> element of a page, its CSRF token blanked (a new one is masked on every render)."""
    form = re.search(r'<form method="post"[^>]*class="registration-form">.*?</form>', page, re.DOTALL).group(0)
    return CSRF_VALUE.sub(r'\1""', form)


def rendered_in_full(response):
    """The same page rendered as before the kept parts: crispy-forms renders the whole form."""
    context = {name: response.context[name] for name in ("edition", "form", "problem", "state", "section")}
    return render_to_string("attendees/register.html", context, request=response.wsgi_request)


@pytest.mark.parametrize("path", ["", "?session=digital-economy"])
def test_the_kept_form_is_the_form_rendered_in_full(client, edition, forum, path):
    SessionFactory(edition=edition, title="Later Forum", capacity=None, registration_required=True, start=forum.end)
    client.get(register_url(edition))  # the parts are kept by the first request, used by the next

    response = client.get(register_url(edition) + path)

    assert response.context["fixed_form"].has_sessions
    assert the_form(response.content.decode()) == the_form(rendered_in_full(response))


def test_a_form_without_sessions_to_choose_is_the_form_rendered_in_full(client, edition):
    client.get(register_url(edition))

    response = client.get(register_url(edition))

    assert not response.context["fixed_form"].has_sessions
    assert the_form(response.content.decode()) == the_form(rendered_in_full(response))


def test_the_kept_parts_hold_no_token_and_nothing_typed(client, edition, forum):
    typed = delegate_data(1, name="Grace Hopper", organisation="Navy Research")
    client.post(register_url(edition), {**typed, "sessions": [forum.pk]})  # no consent: shown again, as typed

    other = Client()
    page = other.get(register_url(edition)).content.decode()
    parts = form_cache.fixed_parts(RegisterForm(edition=edition))

    assert "csrfmiddlewaretoken" not in parts.before + parts.after
    assert "Grace Hopper" not in page and "Navy Research" not in page
    assert page.count('name="csrfmiddlewaretoken"') == 1
    assert other.cookies["csrftoken"].value not in parts.before + parts.after


def test_a_form_sent_back_with_errors_is_rendered_in_full_with_what_was_typed(client, edition, forum):
    client.get(register_url(edition))

    response = client.post(register_url(edition), {**delegate_data(1, name="Grace Hopper"), "sessions": [forum.pk]})

    page = response.content.decode()
    assert "fixed_form" not in response.context
    assert 'value="Grace Hopper"' in page
    assert f'value="{forum.pk}" class="form-check-input" id="id_sessions_0" checked' in page
    assert "Please accept the privacy notice" in page


def test_seats_left_are_counted_on_every_request(client, edition, forum):
    assert "3 seats left" in client.get(register_url(edition)).content.decode()

    services.registration_create(edition=edition, data=delegate_data(1), session_ids=[forum.pk])
    services.registration_create(edition=edition, data=delegate_data(2), session_ids=[forum.pk])

    assert "1 seat left" in client.get(register_url(edition)).content.decode()


def test_a_session_opened_for_registration_shows_on_the_next_request(client, edition, forum):
    client.get(register_url(edition))

    SessionFactory(edition=edition, title="Youth Forum", registration_required=True, start=forum.end)

    assert "Youth Forum" in client.get(register_url(edition)).content.decode()


def test_closing_registration_shows_at_once(client, edition, forum):
    client.get(register_url(edition))

    edition.registration_closes_at = edition.registration_opens_at
    edition.save()

    page = client.get(register_url(edition)).content.decode()
    assert "Registration has closed." in page
    assert 'name="email"' not in page


def test_reaching_the_cap_shows_at_once(client, edition, forum):
    open_registration(edition, registration_cap=1)
    client.get(register_url(edition))

    services.registration_create(edition=edition, data=delegate_data(1))

    page = client.get(register_url(edition)).content.decode()
    assert "Registration is full" in page
    assert 'name="email"' not in page


def test_each_language_has_its_own_form(edition, forum):
    with translation.override("en"):
        english = form_cache.fixed_parts(RegisterForm(edition=edition))
    with translation.override("zh-hans"):
        chinese = form_cache.fixed_parts(RegisterForm(edition=edition))

    with translation.override("zh-hans"):
        assert translation.gettext("Full name in Latin letters") in chinese.before
    assert "Full name in Latin letters" in english.before
    assert "Full name in Latin letters" not in chinese.before


def test_a_bound_form_is_never_kept(edition):
    with pytest.raises(ValueError):
        form_cache.fixed_parts(RegisterForm({"name": "Grace Hopper"}, edition=edition))


@pytest.mark.parametrize("count", [1, 5])
def test_the_form_page_takes_the_same_queries_however_many_sessions(client, edition, django_assert_num_queries, count):
    for _n in range(count):
        SessionFactory(edition=edition, capacity=50, registration_required=True)
    client.get(register_url(edition))

    # The editions of the switcher, the sessions to choose, and their seats and waiting lists.
    with django_assert_num_queries(3):
        assert client.get(register_url(edition)).status_code == 200
