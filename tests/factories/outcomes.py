import factory

from agenda import models
from agenda.enums import OutcomeKind

from .agenda import EditionFactory

# The smallest file a PDF reader opens: what an upload of a real PDF starts with, and enough to pass the check.
PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


class OutcomeFactory(factory.django.DjangoModelFactory):
    """An outcome released on the edition's first day, at no session, with a link (every outcome needs a link or
    a PDF)."""

    class Meta:
        model = models.Outcome
        skip_postgeneration_save = True

    edition = factory.SubFactory(EditionFactory)
    title = factory.Sequence(lambda n: f"Report {n}")
    slug = factory.Sequence(lambda n: f"report-{n}")
    kind = OutcomeKind.REPORT
    released_on = factory.LazyAttribute(lambda o: o.edition.start_date)
    url = factory.Sequence(lambda n: f"https://example.org/reports/{n}")

    @factory.post_generation
    def publishers(self, create, extracted, **kwargs):
        if create and extracted:
            self.publishers.set(extracted)
