"""What a Chinese reader sees in the delegate's emails, the registration form and the admin: Chinese
punctuation between the translated pieces ("：", "，", "（…）", no space after "。"). English stays as it was."""

import datetime as dt
import re
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from attendees import services
from attendees.models import Registration
from attendees.tokens import link_token
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:attendees_registration_changelist")


@pytest.fixture
def edition():
    return open_registration(
        EditionFactory(
            slug="2031",
            name_en="2031 Wuzhen Summit",
            name_zh_hans="2031年乌镇峰会",
            start_date=dt.date(2031, 11, 19),
            end_date=dt.date(2031, 11, 21),
            is_current=True,
        )
    )


@pytest.fixture
def forum(edition):
    return SessionFactory(
        edition=edition,
        title_en="Digital Economy Forum",
        title_zh_hans="数字经济论坛",
        registration_required=True,
        capacity=10,
        start=dt.datetime(2031, 11, 20, 8, 30, tzinfo=edition.zone),
        end=dt.datetime(2031, 11, 20, 10, 5, tzinfo=edition.zone),
    )


def text_of(html):
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)))


def register(edition, forum, language, n=1):
    with translation.override(language):
        return services.registration_create(
            edition=edition, data=delegate_data(n), session_ids=[forum.pk], language=language
        )


def sent(committed, call, **kwargs):
    committed(call, **kwargs)
    [message] = mail.outbox
    return message, text_of(message.alternatives[0][0])


# -- emails ---------------------------------------------------------------------------------------


def test_a_chinese_email_has_a_full_width_colon_in_its_subject_and_chinese_separators_in_its_sessions(
    edition, forum, committed
):
    message, html = sent(committed, register, edition=edition, forum=forum, language="zh-hans")

    assert message.subject == "2031年乌镇峰会：已收到注册"
    assert "数字经济论坛，11月20日" in message.body
    assert "08:30–10:05：已保留席位" in message.body
    assert "数字经济论坛，11月20日" in html
    assert "08:30–10:05：已保留席位" in html
    assert ", " not in message.body.split("您的会议", 1)[1]


def test_an_english_email_keeps_its_english_punctuation(edition, forum, committed):
    message, _html = sent(committed, register, edition=edition, forum=forum, language="en")

    assert message.subject == "2031 Wuzhen Summit: registration received"
    assert "- Digital Economy Forum, " in message.body
    assert "08:30–10:05: Seat held" in message.body


def test_the_chinese_approval_email_joins_its_sentences_without_a_space(edition, forum, committed):
    registration = register(edition, forum, "zh-hans")

    message, html = sent(committed, services.registration_approve, registration=registration)

    assert "。您的证件码为" in message.body
    assert "。您的证件码为" in html
    assert "。 " not in message.body


def test_the_english_approval_email_keeps_the_space_between_its_sentences(edition, forum, committed):
    registration = register(edition, forum, "en")

    message, _html = sent(committed, services.registration_approve, registration=registration)

    assert "at the entrance. Your badge code is" in message.body


def test_the_chinese_cancellation_email_joins_its_sentences_without_a_space(edition, forum, committed):
    registration = register(edition, forum, "zh-hans")

    message, _html = sent(committed, services.registration_cancel, registration=registration)

    assert "。 " not in message.body


# -- the registration form ------------------------------------------------------------------------


def post_register(client, prefix, **data):
    return client.post(f"{prefix}/2031/register/", {**delegate_data(1), **data})


def summary_of(response):
    html = response.content.decode()
    return text_of(html.split('id="form-errors"', 1)[1].split("</div>", 1)[0])


def test_the_chinese_consent_error_reads_as_one_chinese_sentence(client, edition):
    summary = summary_of(post_register(client, "/zh-hans"))

    assert "隐私声明：请接受隐私声明，否则我们无法为您注册。" in summary


def test_the_error_summary_lists_the_fields_in_the_order_of_the_form(client, edition):
    summary = summary_of(post_register(client, "/zh-hans", email="not an address", phone="abc", country=""))

    email, phone, country = (summary.index(label) for label in ("电子邮箱", "电话", "国家"))
    assert email < phone < country


def test_the_phone_example_does_not_wrap_inside_the_number(client, edition):
    for prefix in ("", "/zh-hans"):
        html = post_register(client, prefix, phone="abc").content.decode()

        assert "+86\u00a0571\u00a01234\u00a05678" in html or "+86&nbsp;571&nbsp;1234&nbsp;5678" in html


# -- the admin ------------------------------------------------------------------------------------


def test_the_chinese_bulk_approval_counts_the_registrations_in_a_chinese_sentence(organiser_client, edition, forum):
    first, second = register(edition, forum, "en", 1), register(edition, forum, "en", 2)
    organiser_client.cookies["django_language"] = "zh-hans"

    response = organiser_client.post(
        CHANGELIST,
        {"action": "approve", "_selected_action": [first.pk, second.pk]},
    )

    text = text_of(response.content.decode())
    assert "已选择 2 条注册：已提交，待审批 2 条。" in text


def test_the_english_bulk_approval_counts_the_registrations(organiser_client, edition, forum):
    first, second = register(edition, forum, "en", 1), register(edition, forum, "en", 2)

    response = organiser_client.post(CHANGELIST, {"action": "approve", "_selected_action": [first.pk, second.pk]})

    assert "2 registrations selected: 2 submitted, awaiting approval." in text_of(response.content.decode())


def test_the_personal_page_labels_the_latin_name_as_the_form_does(client, edition, forum):
    registration = Registration.objects.get(pk=register(edition, forum, "zh-hans").pk)

    page = client.get(f"/zh-hans/2031/registration/{link_token(registration)}/")

    assert "拉丁字母姓名" in text_of(page.content.decode())


def test_the_chinese_admin_calls_the_fill_rates_page_by_one_name(organiser_client, edition, forum):
    organiser_client.cookies["django_language"] = "zh-hans"

    addresses = (reverse("admin:index"), f"{CHANGELIST}?edition__id__exact={edition.pk}")
    pages = [organiser_client.get(address).content.decode() for address in addresses]
    fill_rates = organiser_client.get(reverse("admin:attendees_registration_fill_rates"), {"edition": edition.pk})

    assert all("席位占用率" in page for page in pages)
    assert not any("上座率" in page for page in [*pages, fill_rates.content.decode()])


def test_chinese_admin_tables_keep_words_whole(organiser_client, edition, settings):
    organiser_client.cookies["django_language"] = "zh-hans"

    html = organiser_client.get(f"{CHANGELIST}?edition__id__exact={edition.pk}").content.decode()

    assert 'lang="zh-hans"' in html
    assert "css/admin-languages.css" in html
    css = (settings.BASE_DIR / "static/css/admin-languages.css").read_text(encoding="utf-8")
    assert re.search(r":lang\(zh\) #result_list td,[^{]*\{\s*word-break: keep-all;", css)
