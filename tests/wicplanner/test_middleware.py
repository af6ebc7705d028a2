import pytest

from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Bad request: the address contains characters that are not allowed."


@pytest.fixture
def edition():
    return EditionFactory(slug="2024", year=2024, is_current=True)


@pytest.mark.parametrize(
    "query",
    ["q=%00", "q=AI%00governance", "%00=1", "q%00=AI", "q=AI&q=%00", "page=1%00"],
)
def test_nul_in_a_query_string_is_a_bad_request_page(client, edition, query):
    response = client.get("/2024/speakers/", QUERY_STRING=query)

    assert response.status_code == 400
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = response.content.decode()
    assert "<title>Bad request" in page
    assert MESSAGE in page
    assert 'href="/"' in page  # the site's header and a way home


def test_nul_in_the_path_is_a_bad_request(client, edition):
    response = client.get("/2024/speakers/%00/")

    assert response.status_code == 400


def test_nul_in_an_api_query_string_is_a_json_bad_request(client, edition):
    response = client.get("/api/editions/2024/sessions/", QUERY_STRING="q=%00")

    assert response.status_code == 400
    assert response.json() == {"detail": MESSAGE}


@pytest.mark.parametrize("query", ["q=%01%1f%7f", "q=%ff%fe", "q=%C0%80", "q=%E2%80%AE"])
def test_other_odd_characters_reach_the_page(client, edition, query):
    response = client.get("/2024/speakers/", QUERY_STRING=query)

    assert response.status_code == 200


def test_requests_django_refuses_get_the_same_bad_request_page(client, edition):
    response = client.get("/", headers={"host": "elsewhere.example"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Bad request" in page
    assert "The address or the form sent could not be understood." in page
