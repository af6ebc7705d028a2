"""The name in Chinese characters: on the public form (checked, never a 500), on the badge under the Latin
name, and found by the check-in desk and the back office."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from attendees import selectors, tokens
from attendees.enums import RegistrationStatus
from attendees.models import Registration
from tests.attendees.test_admin import change_form_data
from tests.factories import EditionFactory
from tests.factories.attendees import RegistrationFactory, delegate_data, open_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return open_registration(EditionFactory(year=2031, name="2031 Wuzhen Summit"))


def register_form(n=0, **overrides):
    return {**delegate_data(n), "consent": "on", **overrides}


# -- the badge ----------------------------------------------------------------------------------------------


def test_the_badge_shows_the_name_in_both_scripts(client, edition):
    registration = RegistrationFactory(
        edition=edition, name="Wang Haifeng", name_zh="王海峰", status=RegistrationStatus.APPROVED
    )

    page = client.get(reverse("attendees:badge", args=[edition.slug, tokens.link_token(registration)]))

    text = page.content.decode()
    assert '<p class="delegate-badge-name name-xl">Wang Haifeng</p>' in text
    assert '<p class="delegate-badge-name-zh" lang="zh-Hans">王海峰</p>' in text


def test_a_badge_without_a_chinese_name_shows_the_latin_name_alone(client, edition):
    registration = RegistrationFactory(edition=edition, name="Ngozi Okonjo", status=RegistrationStatus.APPROVED)

    page = client.get(reverse("attendees:badge", args=[edition.slug, tokens.link_token(registration)]))

    assert '<p class="delegate-badge-name name-xl">Ngozi Okonjo</p>' in page.content.decode()
    assert "delegate-badge-name-zh" not in page.content.decode()


# -- the door finds either name ---------------------------------------------------------------------------


@pytest.fixture
def door_client(client, django_user_model):
    user = django_user_model.objects.create_user("door", "door@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Check-in staff"))
    client.force_login(user)
    return client


@pytest.mark.parametrize("text", ["王海峰", "海峰", "Haifeng"])
def test_the_door_finds_a_delegate_by_either_name(door_client, edition, text):
    wang = RegistrationFactory(
        edition=edition, name="Wang Haifeng", name_zh="王海峰", status=RegistrationStatus.APPROVED
    )
    RegistrationFactory(edition=edition, name="Li Wei", name_zh="李伟", status=RegistrationStatus.APPROVED)

    page = door_client.get(reverse("attendees:checkin"), {"edition": edition.pk, "q": text})

    assert [match["registration"] for match in page.context["matches"]] == [wang]
    assert 'Wang Haifeng · <span lang="zh-Hans">王海峰</span>' in page.content.decode()
    assert selectors.search_registrations(edition, text) == [wang]


def test_the_back_office_finds_a_delegate_by_the_chinese_name_and_edits_the_language(organiser_client, edition):
    wang = RegistrationFactory(edition=edition, name="Wang Haifeng", name_zh="王海峰")
    RegistrationFactory(edition=edition, name="Li Wei", name_zh="李伟")
    url = reverse("admin:attendees_registration_change", args=[wang.pk])

    found = organiser_client.get(
        reverse("admin:attendees_registration_changelist"), {"edition__id__exact": edition.pk, "q": "海峰"}
    )
    saved = organiser_client.post(url, change_form_data(wang, language="zh-hans", name_zh="王海锋"))

    assert list(found.context["cl"].result_list) == [wang]
    assert saved.status_code == 302
    wang.refresh_from_db()
    assert (wang.language, wang.name_zh) == ("zh-hans", "王海锋")


# -- the form -----------------------------------------------------------------------------------------------


def test_the_register_form_takes_a_name_in_chinese_characters(client, edition):
    response = client.post(reverse("attendees:register", args=[edition.slug]), register_form(1, name_zh=" 王海峰 "))

    assert response.status_code == 302
    assert Registration.objects.get().name_zh == "王海峰"


@pytest.mark.parametrize("name_zh", ["王海峰", "约翰·史密斯", "欧阳 修"])
def test_a_name_in_chinese_characters_may_have_a_middle_dot_or_a_space(client, edition, name_zh):
    client.post(reverse("attendees:register", args=[edition.slug]), register_form(1, name_zh=name_zh))

    assert Registration.objects.get().name_zh == name_zh


@pytest.mark.parametrize(
    "name_zh", ['<script>alert("王")</script>', "<b>王海峰</b>", "Wang Haifeng", "王海峰 & co", "·"]
)
def test_a_chinese_name_with_markup_or_latin_letters_is_refused_and_shown_back_escaped(client, edition, name_zh):
    response = client.post(reverse("attendees:register", args=[edition.slug]), register_form(1, name_zh=name_zh))

    assert response.status_code == 200
    assert response.context["form"].errors["name_zh"] == [
        "Use Chinese characters only, e.g. 王海峰 (with · between the parts of a transliterated name)."
    ]
    text = response.content.decode()
    escaped = name_zh.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    assert f'value="{escaped}"' in text
    assert "<script>alert" not in text and "<b>王海峰</b>" not in text
    assert Registration.objects.count() == 0


def test_an_overlong_chinese_name_stays_on_the_form_with_a_message(client, edition):
    name_zh = "王" * 51

    response = client.post(reverse("attendees:register", args=[edition.slug]), register_form(1, name_zh=name_zh))

    assert response.status_code == 200
    assert response.context["form"].errors["name_zh"] == ["Ensure this value has at most 50 characters (it has 51)."]
    assert f'value="{name_zh}"' in response.content.decode()
    assert Registration.objects.count() == 0


def test_the_register_form_says_which_script_each_name_takes(client, edition):
    form = client.get(reverse("attendees:register", args=[edition.slug])).context["form"]

    assert (form.fields["name"].label, form.fields["name_zh"].label) == (
        "Full name in Latin letters",
        "Name in Chinese characters",
    )
    assert form.fields["name_zh"].required is False
