"""The certificate PDF's QR code holds the exact verification URL.

The page is rendered to pixels by poppler's ``pdftoppm`` (Debian's
poppler-utils, installed by the Makefile's e2e-deps target) and the code is
read by zxing-cpp, as a phone camera would read the printed page.
"""

import os
import shutil
import subprocess

import pytest
import zxingcpp
from PIL import Image

from courses.models import Certificate
from courses.pdf import certificate_pdf_bytes
from courses.services import lesson_complete

pytestmark = pytest.mark.django_db
PDFTOPPM = shutil.which("pdftoppm")


# In CI (CI=true) a missing pdftoppm is an error, as a missing browser is.
@pytest.mark.skipif(
    PDFTOPPM is None and not os.environ.get("CI"),
    reason="pdftoppm is missing (make e2e-deps installs it)",
)
@pytest.mark.parametrize("language", ["fr", "en"], ids=["french", "english"])
def test_qr_code_holds_the_verification_url(
    enrolment, lessons, settings, tmp_path, language
):
    settings.WAGTAILADMIN_BASE_URL = "https://relais.example.org"
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    certificate = Certificate.objects.get()
    certificate.language = language
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(certificate_pdf_bytes(certificate=certificate))

    subprocess.run(
        [PDFTOPPM, "-r", "150", "-png", "-singlefile", pdf, tmp_path / "page"],
        check=True,
        timeout=60,
    )
    codes = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))

    assert [code.format for code in codes] == [zxingcpp.BarcodeFormat.QRCode]
    assert codes[0].text == (
        f"https://relais.example.org/certificates/verify/{certificate.code}/"
    )
    assert codes[0].text == certificate.get_verification_url()
