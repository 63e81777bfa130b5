"""Certificate PDFs: HTML rendered by WeasyPrint, with a segno QR code.

Rendering never touches the network. Images (the logo, the QR code) are
embedded as ``data:`` URIs, and :class:`LocalOnlyURLFetcher` refuses every
other URL except files under the media and static roots. Fonts are the
machine's own (fontconfig), never downloaded.
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from urllib.request import url2pathname

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from courses.models.pages import DEFAULT_ACCENT_COLOUR
from courses.selectors import email_language, page_in_language

LOGO_FILTER = "max-600x240"


class LocalOnlyURLFetcher(URLFetcher):
    """Serves ``data:`` URIs and local media/static files; refuses anything else."""

    def __init__(self, **kwargs):
        super().__init__(allowed_protocols=("data", "file"), **kwargs)

    @staticmethod
    def allowed_roots() -> list[Path]:
        roots = [Path(settings.MEDIA_ROOT), Path(settings.STATIC_ROOT)]
        roots += [Path(path) for path in getattr(settings, "STATICFILES_DIRS", [])]
        return [root.resolve() for root in roots]

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            path = Path(url2pathname(url.removeprefix("file://").split("?")[0]))
            path = path.resolve()
            if not any(path.is_relative_to(root) for root in self.allowed_roots()):
                raise ValueError(f"Refusing to read a file outside media/static: {url}")
        return super().fetch(url, headers)


def data_uri(content: bytes, mime_type: str) -> str:
    return f"data:{mime_type};base64,{base64.b64encode(content).decode('ascii')}"


def qr_code_data_uri(url: str) -> str:
    """An SVG QR code (error correction M) pointing at ``url``."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def logo_data_uri(image) -> str | None:
    """The certificate logo as a data URI: SVGs as they are, bitmaps resized."""
    if image is None:
        return None
    name = image.file.name
    if name.lower().endswith(".svg"):
        with image.file.open("rb") as handle:
            return data_uri(handle.read(), "image/svg+xml")
    rendition = image.get_rendition(LOGO_FILTER)
    with rendition.file.open("rb") as handle:
        content = handle.read()
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
    return data_uri(content, mime_type)


def certificate_design(certificate):
    """The course page whose design and wording the certificate uses.

    The translation in the certificate's language, else the original; None
    when the course was deleted (the PDF then uses the default design).
    """
    if certificate.course is None:
        return None
    return page_in_language(page=certificate.course, language_code=certificate.language)


def certificate_pdf_bytes(*, certificate) -> bytes:
    """Render the certificate's PDF in its language, as a tagged PDF/UA-1.

    PDF/UA makes the certificate readable by screen readers: tagged
    structure, plus the document language (``<html lang>``) and title
    (``<title>``) from the template.
    """
    design = certificate_design(certificate)
    with translation.override(email_language(certificate.language)):
        html = render_to_string(
            "certificates/certificate_pdf.html",
            {
                "certificate": certificate,
                "design": design,
                "accent": getattr(design, "certificate_accent_colour", None)
                or DEFAULT_ACCENT_COLOUR,
                "logo": logo_data_uri(getattr(design, "certificate_logo", None)),
                "qr_code": qr_code_data_uri(certificate.get_verification_url()),
                "verification_url": certificate.get_verification_url(),
                "organisation": settings.RELAIS_ORGANISATION_NAME,
            },
        )
    base_url = Path(settings.MEDIA_ROOT).resolve().as_uri() + "/"
    return HTML(
        string=html, base_url=base_url, url_fetcher=LocalOnlyURLFetcher()
    ).write_pdf(pdf_variant="pdf/ua-1")
