import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def organiser(django_user_model):
    return django_user_model.objects.create_superuser("organiser", "organiser@example.org", "pw-organiser")


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


@pytest.fixture
def programme_editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw-editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Programme editors"))
    return user


@pytest.fixture(autouse=True)
def empty_cache():
    """Pages, feeds and API answers are cached per programme version: start every test cold."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request to a Chinese page leaves Chinese active in the thread: the next test starts in English again."""
    from django.utils import translation

    yield
    translation.activate("en")


@pytest.fixture
def page_queries(client):
    """How many SQL queries a page takes when nothing is cached: `page_queries(url)`."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return len(queries)

    return count


@pytest.fixture
def django_capture_on_commit_callbacks(django_capture_on_commit_callbacks):
    """pytest-django's fixture, with what follows a commit in production: the emails it queued are sent.

    With `execute=True` the block's commit callbacks run, and then the outbox is drained, as the web process
    (OUTBOX_SEND_AFTER_COMMIT) or the worker does after each commit. Emails queued before the block belong
    to commits that came before it: they are sent first and left out of mail.outbox, as they always were.
    """
    from contextlib import contextmanager

    from django.core import mail
    from django.db import DEFAULT_DB_ALIAS

    from attendees import outbox

    @contextmanager
    def capture(*, using=DEFAULT_DB_ALIAS, execute=False):
        if execute:
            seen = list(mail.outbox)
            outbox.drain()
            mail.outbox[:] = seen
        with django_capture_on_commit_callbacks(using=using, execute=execute) as callbacks:
            yield callbacks
        if execute:
            outbox.drain()

    return capture
