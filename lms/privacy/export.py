"""A person's data as one ZIP: JSON, their certificates' PDFs, a README."""

import io
import json
import zipfile

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.people import person_language
from courses.models import Certificate
from courses.services import certificate_pdf_ensure
from lms.privacy.selectors import person_record


def person_export_zip(*, person) -> bytes:
    """``relais-data.json``, ``certificates/*.pdf`` and ``README.txt``."""
    record = person_record(person=person)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "relais-data.json", json.dumps(record, ensure_ascii=False, indent=2)
        )
        names = []
        for certificate in Certificate.objects.filter(
            learner=person, holder_erased_at__isnull=True
        ).order_by("pk"):
            certificate = certificate_pdf_ensure(certificate=certificate)
            name = f"certificates/certificate-{certificate.code[:8]}.pdf"
            with certificate.pdf.open("rb") as pdf:
                archive.writestr(name, pdf.read())
            names.append(name)
        with translation.override(person_language(person)):
            readme = render_to_string(
                "privacy/export_readme.txt",
                {
                    "person": person,
                    "made_at": timezone.localtime(),
                    "certificates": names,
                },
            )
        archive.writestr("README.txt", readme)
    return output.getvalue()
