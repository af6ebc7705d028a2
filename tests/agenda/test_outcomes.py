"""Outcomes: the documents an edition released (reports, consensus statements …), from the back office to the
public pages, the API, imports and the demo."""

import datetime as dt
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from agenda.enums import OutcomeKind, SessionKind, SessionStatus
from agenda.models import Outcome
from agenda.resources import OutcomeResource
from tests.factories import (
    PDF_BYTES,
    EditionFactory,
    OrganisationFactory,
    OutcomeFactory,
    RoomFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded PDFs go to a temporary MEDIA_ROOT, never to the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_session(edition, title, *, day=20, status=SessionStatus.PUBLISHED, **kwargs):
    return SessionFactory(
        edition=edition,
        title=title,
        status=status,
        room=RoomFactory(venue__edition=edition, name="Main Hall"),
        start=dt.datetime(2024, 11, day, 9, tzinfo=edition.zone),
        end=dt.datetime(2024, 11, day, 11, tzinfo=edition.zone),
        **kwargs,
    )


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def page_text(response):
    """The page as a reader hears it: tags and what is hidden from screen readers (initials of a mark) dropped,
    white space squeezed."""
    html = re.sub(r'<span[^>]*aria-hidden="true"[^>]*>[^<]*</span>', "", text(response))
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'").split()).replace(" ,", ",")


def with_pdf(outcome, content=PDF_BYTES, *, url=""):
    """The outcome with an uploaded PDF in place of its link (or beside `url`)."""
    outcome.pdf = ContentFile(content, name="document.pdf")
    outcome.url = url
    outcome.full_clean()
    outcome.save()
    return outcome


# The back office ---------------------------------------------------------------------------------------------


def outcome_form(edition, **values):
    data = {
        "edition": edition.pk,
        "title_en": "World Internet Development Report",
        "title_zh_hans": "",
        "slug": "world-report",
        "kind": "report",
        "released_on": "2024-11-20",
        "session": "",
        "url": "",
        "summary_en": "",
        "summary_zh_hans": "",
        "position": "0",
    }
    data.update(values)
    return data


def test_an_organiser_adds_an_outcome_with_a_pdf_and_publishers(organiser_client, edition):
    session = make_session(edition, "Main forum", kind=SessionKind.PLENARY)
    publisher = OrganisationFactory(edition=edition, name="Chinese Academy of Cyberspace Studies")
    upload = SimpleUploadedFile("report.pdf", PDF_BYTES, content_type="application/pdf")

    response = organiser_client.post(
        reverse("admin:agenda_outcome_add"),
        outcome_form(edition, session=session.pk, publishers=[publisher.pk], pdf=upload),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    outcome = Outcome.objects.get(slug="world-report")
    assert outcome.session == session
    assert list(outcome.publishers.all()) == [publisher]
    assert outcome.pdf.name.startswith("outcomes/2024/") and outcome.pdf.name.endswith("-world-report.pdf")
    assert outcome.pdf_size == len(PDF_BYTES)
    assert outcome.pdf.read() == PDF_BYTES


def test_a_file_that_is_not_a_pdf_is_refused_on_the_admin_form_whatever_its_name(organiser_client, edition):
    upload = SimpleUploadedFile("report.pdf", b"<html><body>Not a PDF</body></html>", content_type="application/pdf")

    response = organiser_client.post(reverse("admin:agenda_outcome_add"), outcome_form(edition, pdf=upload))

    assert response.status_code == 200
    assert "This file is not a PDF (whatever its name says)." in page_text(response)
    assert not Outcome.objects.exists()


def test_a_pdf_over_the_size_limit_is_refused_with_both_sizes(organiser_client, edition, settings):
    settings.OUTCOME_PDF_MAX_MB = 1
    upload = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * (2 * 1024 * 1024), content_type="application/pdf")

    response = organiser_client.post(reverse("admin:agenda_outcome_add"), outcome_form(edition, pdf=upload))

    assert response.status_code == 200
    assert "This file is 2.0 MB; a PDF can be at most 1.0 MB." in page_text(response)
    assert not Outcome.objects.exists()


def test_an_outcome_with_neither_link_nor_pdf_is_refused_on_the_admin_form(organiser_client, edition):
    response = organiser_client.post(reverse("admin:agenda_outcome_add"), outcome_form(edition))

    assert response.status_code == 200
    assert "Give a link to the document or upload it as a PDF (or both)." in page_text(response)
    assert not Outcome.objects.exists()


def test_the_database_refuses_an_outcome_with_neither_link_nor_pdf(edition):
    with pytest.raises(IntegrityError), transaction.atomic():
        Outcome.objects.create(edition=edition, title="Nothing to read", slug="nothing", released_on=edition.start_date)


def test_an_outcome_cannot_be_released_at_another_editions_session(edition):
    elsewhere = make_session(EditionFactory(slug="2023"), "Plenary session")
    outcome = OutcomeFactory.build(edition=edition, session=elsewhere)

    with pytest.raises(ValidationError) as error:
        outcome.full_clean()

    assert error.value.message_dict["session"] == ["Session “Plenary session” belongs to another edition."]


def test_the_admin_offers_only_the_editions_sessions_and_organisations(organiser_client, edition):
    make_session(EditionFactory(slug="2023"), "Plenary session")
    OrganisationFactory(edition=edition, name="World Internet Conference")
    other = OrganisationFactory(edition__slug="2022", name="Other edition's organisation")
    upload = SimpleUploadedFile("report.pdf", PDF_BYTES, content_type="application/pdf")

    response = organiser_client.post(
        reverse("admin:agenda_outcome_add"), outcome_form(edition, publishers=[other.pk], pdf=upload)
    )

    assert response.status_code == 200
    assert "belongs to another edition" in page_text(response)
    assert not Outcome.objects.exists()


def test_replacing_a_pdf_removes_the_old_file(organiser_client, edition, media, django_capture_on_commit_callbacks):
    outcome = with_pdf(OutcomeFactory(edition=edition, slug="world-report"))
    old_name = outcome.pdf.name
    upload = SimpleUploadedFile("new.pdf", PDF_BYTES + b"% second version\n", content_type="application/pdf")

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            reverse("admin:agenda_outcome_change", args=[outcome.pk]), outcome_form(edition, pdf=upload)
        )

    assert response.status_code == 302
    outcome.refresh_from_db()
    assert outcome.pdf.name != old_name
    assert not (media / old_name).exists()
    assert (media / outcome.pdf.name).exists()


# The public pages --------------------------------------------------------------------------------------------


def test_the_outcomes_page_lists_each_document_by_day_with_what_a_visitor_needs(client, edition):
    session = make_session(edition, "Main forum", kind=SessionKind.PLENARY)
    wic = OrganisationFactory(edition=edition, name="World Internet Conference")
    cacs = OrganisationFactory(edition=edition, name="Chinese Academy of Cyberspace Studies")
    with_pdf(
        OutcomeFactory(
            edition=edition,
            title="World Internet Development Report",
            slug="world-report",
            kind=OutcomeKind.REPORT,
            released_on=dt.date(2024, 11, 21),
            summary="The state of the internet around the world.",
            publishers=[cacs],
        )
    )
    OutcomeFactory(
        edition=edition,
        title="Consensus on Responsible AI",
        slug="consensus",
        kind=OutcomeKind.CONSENSUS,
        released_on=dt.date(2024, 11, 20),
        session=session,
        url="https://example.org/consensus",
        is_sample=True,
        publishers=[wic, cacs],
    )

    response = client.get("/2024/outcomes/")

    page, html = page_text(response), text(response)
    assert page.index("20 November 2024") < page.index("Consensus on Responsible AI")
    assert page.index("Consensus on Responsible AI") < page.index("21 November 2024")
    assert page.index("21 November 2024") < page.index("World Internet Development Report")
    assert "Consensus statement" in page and "Report" in page
    assert "released at Main forum" in page
    assert f'href="/2024/sessions/{session.slug}/"' in html
    assert "Chinese Academy of Cyberspace Studies, World Internet Conference" in page
    assert 'href="https://example.org/consensus"' in html
    assert f"Download the PDF ({len(PDF_BYTES)} bytes)" in page
    assert 'href="/media/outcomes/2024/' in html
    assert "The state of the internet around the world." in page
    # Only the consensus is marked as sample data, with the badge of every sample row and a note that says what.
    assert html.count('<span class="badge sample-badge">Sample data</span>') == 1
    assert page.count("Sample data:") == 1
    assert page.index("Sample data:") < page.index("World Internet Development Report")
    assert 'href="/2024/outcomes/" aria-current="page">Outcomes</a>' in html


def test_an_outcome_of_a_draft_session_is_hidden_until_the_session_is_published(client, edition):
    draft = make_session(edition, "Closing ceremony", status=SessionStatus.DRAFT)
    OutcomeFactory(edition=edition, title="Wuzhen Declaration", session=draft)
    OutcomeFactory(edition=edition, title="Report without a session")

    page = page_text(client.get("/2024/outcomes/"))
    api = client.get("/api/editions/2024/outcomes/").json()

    assert "Report without a session" in page
    assert "Wuzhen Declaration" not in page
    assert [outcome["title"] for outcome in api["results"]] == ["Report without a session"]

    draft.status = SessionStatus.PUBLISHED
    draft.save()

    assert "Wuzhen Declaration" in page_text(client.get("/2024/outcomes/"))


def test_the_outcomes_of_an_unpublished_edition_are_not_shown(client):
    hidden = EditionFactory(slug="2025", is_published=False)
    OutcomeFactory(edition=hidden, title="Report not yet public")

    assert client.get("/2025/outcomes/").status_code == 404
    assert client.get("/api/editions/2025/outcomes/").status_code == 404
    assert Outcome.objects.public().count() == 0


def test_the_menu_links_the_outcomes_only_when_the_edition_has_some(client, edition):
    draft = make_session(edition, "Closing ceremony", status=SessionStatus.DRAFT)
    OutcomeFactory(edition=edition, session=draft)

    assert "/2024/outcomes/" not in text(client.get("/2024/agenda/"))

    OutcomeFactory(edition=edition, title="A public report")

    assert 'href="/2024/outcomes/">Outcomes</a>' in text(client.get("/2024/agenda/"))


def test_the_session_page_shows_the_documents_released_there(client, edition):
    session = make_session(edition, "Responsible AI sub-forum")
    other = make_session(edition, "Data governance sub-forum", day=21)
    OutcomeFactory(
        edition=edition,
        session=session,
        title="Consensus on Developing Responsible Generative AI",
        kind=OutcomeKind.CONSENSUS,
        publishers=[OrganisationFactory(edition=edition, name="World Internet Conference")],
    )
    OutcomeFactory(edition=edition, session=other, title="Data governance report")

    page = page_text(client.get(f"/2024/sessions/{session.slug}/"))

    assert "Documents released here" in page
    assert "Consensus on Developing Responsible Generative AI" in page
    assert "World Internet Conference" in page
    assert "Data governance report" not in page


def test_a_session_without_outcomes_has_no_documents_section(client, edition):
    session = make_session(edition, "Opening ceremony")

    assert "Documents released here" not in page_text(client.get(f"/2024/sessions/{session.slug}/"))


def test_the_edition_home_shows_its_outcomes_with_a_link_to_all(client, edition):
    for day in (19, 20, 21, 22, 22):
        OutcomeFactory(edition=edition, title=f"Report of the {day}th", released_on=dt.date(2024, 11, day))

    page, html = page_text(client.get("/2024/")), text(client.get("/2024/"))

    assert "Outcomes" in page
    assert 'href="/2024/outcomes/">All outcomes of this edition</a>' in html
    assert "Report of the 19th" in page and "Report of the 21th" in page
    assert page.count("Report of the 22th") == 1  # four on the home page, the fifth on the outcomes page


def test_a_changed_outcome_shows_at_once_on_the_cached_pages(client, edition):
    outcome = OutcomeFactory(edition=edition, title="Draft title of the report")
    assert "Draft title of the report" in page_text(client.get("/2024/outcomes/"))
    assert "Draft title of the report" in page_text(client.get("/2024/"))

    outcome.title = "Final title of the report"
    outcome.save()
    publisher = OrganisationFactory(edition=edition, name="Internet Society of China")
    outcome.publishers.add(publisher)

    page = page_text(client.get("/2024/outcomes/"))
    assert "Final title of the report" in page
    assert "Internet Society of China" in page
    assert "Final title of the report" in page_text(client.get("/2024/"))


def test_the_outcomes_page_is_in_the_sitemap_of_editions_that_have_some(client, edition):
    OutcomeFactory(edition=edition)
    EditionFactory(slug="2023")

    sitemap = text(client.get("/sitemap.xml"))

    assert "/2024/outcomes/</loc>" in sitemap
    assert "/2023/outcomes/" not in sitemap


def test_the_chinese_outcomes_page_shows_the_chinese_title(client, edition):
    OutcomeFactory(edition=edition, title="World Internet Development Report", title_zh_hans="世界互联网发展报告")

    page = page_text(client.get("/zh-hans/2024/outcomes/"))

    assert "世界互联网发展报告" in page


# The API -----------------------------------------------------------------------------------------------------


def test_the_api_lists_the_outcomes_with_session_publishers_link_and_pdf(client, edition):
    session = make_session(edition, "Main forum")
    wic = OrganisationFactory(edition=edition, name="World Internet Conference", slug="wic")
    with_pdf(
        OutcomeFactory(
            edition=edition,
            title="Consensus",
            slug="consensus",
            kind=OutcomeKind.CONSENSUS,
            released_on=dt.date(2024, 11, 20),
            session=session,
            publishers=[wic],
        ),
        url="https://example.org/consensus",
    )

    answer = client.get("/api/editions/2024/outcomes/consensus/").json()

    assert answer["title"] == "Consensus"
    assert answer["kind"] == "consensus"
    assert answer["released_on"] == "2024-11-20"
    assert answer["session"] == {
        "slug": session.slug,
        "title": "Main forum",
        "url": f"http://testserver/2024/sessions/{session.slug}/",
    }
    assert answer["publishers"] == [{"slug": "wic", "name": "World Internet Conference"}]
    assert answer["url"] == "https://example.org/consensus"
    assert answer["pdf"]["size"] == len(PDF_BYTES)
    assert answer["pdf"]["url"].startswith("http://testserver/media/outcomes/2024/")
    assert answer["is_sample"] is False
    assert answer["page"] == "http://testserver/2024/outcomes/#outcome-consensus"


# Query counts ------------------------------------------------------------------------------------------------


def outcomes_of_size(slug, size):
    edition = EditionFactory(slug=slug)
    sessions = [make_session(edition, f"Forum {n}", slug=f"forum-{n}") for n in range(3)]
    organisations = [OrganisationFactory(edition=edition) for _ in range(3)]
    for n in range(size):
        OutcomeFactory(
            edition=edition,
            session=sessions[n % 3] if n % 4 else None,
            publishers=organisations[: 1 + n % 3],
            is_sample=bool(n % 2),
        )


@pytest.mark.parametrize("path", ["outcomes/", "", "sessions/forum-1/"])
def test_outcome_pages_take_the_same_queries_at_any_size(page_queries, path):
    outcomes_of_size("small", 2)
    outcomes_of_size("large", 25)

    assert page_queries(f"/small/{path}") == page_queries(f"/large/{path}")


def test_the_outcomes_api_takes_the_same_queries_at_any_size(page_queries):
    outcomes_of_size("small", 2)
    outcomes_of_size("large", 25)

    assert page_queries("/api/editions/small/outcomes/") == page_queries("/api/editions/large/outcomes/")


# Imports and exports -----------------------------------------------------------------------------------------


def import_rows(rows, *, dry_run=False):
    import tablib

    header = ["edition", "slug", "title", "title_zh_hans", "kind", "released_on", "session", "publishers", "url"]
    dataset = tablib.Dataset(*rows, headers=header)
    return OutcomeResource().import_data(dataset, dry_run=dry_run)


def test_an_outcome_is_imported_with_its_session_and_publishers_and_exported_the_same(edition):
    session = make_session(edition, "Main forum", slug="main-forum")
    OrganisationFactory(edition=edition, slug="wic")
    OrganisationFactory(edition=edition, slug="cac-studies")
    row = [
        "2024",
        "best-practices",
        "Best Practices",
        "最佳实践",
        "achievements",
        "2024-11-20",
        "main-forum",
        "wic; cac-studies",
        "https://example.org/best-practices",
    ]

    result = import_rows([row])

    assert not result.has_errors() and not result.has_validation_errors()
    outcome = Outcome.objects.get(slug="best-practices")
    assert outcome.session == session
    assert sorted(outcome.publishers.values_list("slug", flat=True)) == ["cac-studies", "wic"]
    assert outcome.title_zh_hans == "最佳实践"
    exported = OutcomeResource().export()
    assert exported.dict[0]["publishers"] in ("wic, cac-studies", "cac-studies, wic")
    assert exported.dict[0]["session"] == "main-forum"
    assert exported.dict[0]["released_on"] == "2024-11-20"
    again = import_rows([row])
    assert again.totals["skip"] == 1


def test_an_import_names_an_unknown_publisher_and_a_bad_day(edition):
    OrganisationFactory(edition=edition, slug="wic")
    row = ["2024", "report", "Report", "", "report", "20/11/2024", "", "wic, wicc", "https://example.org/r"]

    result = import_rows([row])

    errors = {row.number: row.error_dict for row in result.invalid_rows}
    assert list(errors) == [2]
    assert "No organisation “wicc” in edition 2024. Did you mean “wic”?" in " ".join(errors[2]["publishers"])
    assert "“20/11/2024” is not a day" in " ".join(errors[2]["released_on"])
    assert not Outcome.objects.exists()


def test_an_imported_row_without_a_link_is_refused_with_the_rule(edition):
    row = ["2024", "report", "Report", "", "report", "2024-11-20", "", "", ""]

    result = import_rows([row])

    errors = {row.number: row.error_dict for row in result.invalid_rows}
    assert errors[2]["url"] == ["Give a link to the document or upload it as a PDF (or both)."]


# The demo ----------------------------------------------------------------------------------------------------


def test_the_demo_holds_the_outcomes_the_reports_name(client):
    call_command("load_demo", "--edition", "2022", "--no-pictures", stdout=io.StringIO())
    call_command("load_demo", "--edition", "2023", "--no-pictures", stdout=io.StringIO())
    call_command("load_demo", "--edition", "2024", "--no-pictures", stdout=io.StringIO())

    reports_2022 = Outcome.objects.filter(edition__slug="2022")
    assert sorted(reports_2022.values_list("title", "kind", "session__slug")) == [
        ("China's Internet Development Report", "report", "plenary-session"),
        ("World Internet Development Report", "report", "plenary-session"),
    ]
    consensus = Outcome.objects.get(edition__slug="2023", slug="consensus-responsible-generative-ai")
    assert consensus.title == "Consensus on Developing Responsible Generative Artificial Intelligence"
    assert consensus.title_zh_hans == "发展负责任的生成式人工智能共识"
    assert consensus.kind == OutcomeKind.CONSENSUS
    assert consensus.released_on == dt.date(2023, 11, 9)  # "On Thursday"
    assert consensus.session.slug == "responsible-generative-ai"
    assert [o.slug for o in consensus.publishers.all()] == ["wic"]
    infrastructure = Outcome.objects.get(edition__slug="2023", slug="global-internet-infrastructure-report")
    assert [o.slug for o in infrastructure.publishers.all()] == ["cac-studies"]
    # 2024: the reports name no document released at the summit (the Best Practices are an award programme).
    assert not Outcome.objects.filter(edition__slug="2024").exists()
    # No address is invented: each gets a placeholder PDF that says what it is.
    assert not Outcome.objects.exclude(url="").exists()
    assert all(outcome.pdf_size > 0 and outcome.pdf.read(5) == b"%PDF-" for outcome in Outcome.objects.all())
    # Where a report does not say at which session a document was released, the outcome is sample data.
    assert all(outcome.is_sample for outcome in Outcome.objects.all())

    page = page_text(client.get("/2023/outcomes/"))
    assert "Consensus on Developing Responsible Generative Artificial Intelligence" in page
    assert "Report on Global Internet Infrastructure" in page
    assert "Documents released here" in page_text(client.get("/2023/sessions/responsible-generative-ai/"))


def test_an_outcome_released_at_a_session_takes_that_sessions_day(edition):
    from django.core.exceptions import ValidationError as Refused

    from agenda.models import Outcome

    session = SessionFactory(edition=edition, title="Main forum", slug="main-forum-day")
    day = session.start.astimezone(edition.zone).date()
    outcome = Outcome(
        edition=edition,
        title="Report",
        slug="report-day",
        kind="report",
        released_on=day + dt.timedelta(days=400),
        session=session,
        url="https://example.org/report",
    )
    with pytest.raises(Refused) as refused:
        outcome.full_clean()
    assert refused.value.message_dict["released_on"] == [
        f"Released at “Main forum”: the date is that session’s, {day.isoformat()}."
    ]
    outcome.released_on = day
    outcome.full_clean()


def test_a_file_with_only_a_pdf_header_is_refused():
    from django.core.exceptions import ValidationError as Refused
    from django.core.files.uploadedfile import SimpleUploadedFile

    from agenda.validators import validate_pdf_upload

    with pytest.raises(Refused) as refused:
        validate_pdf_upload(SimpleUploadedFile("report.pdf", b"%PDF-1.4\nnot really a document\n"))
    assert refused.value.code == "pdf_format"
    validate_pdf_upload(SimpleUploadedFile("report.pdf", PDF_BYTES))
