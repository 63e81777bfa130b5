"""Badge images with the credential baked in (Open Badges 3.0 §5.3).

SVG: an ``openbadges:credential`` element whose ``verify`` attribute holds the
VC-JWT. PNG: an ``iTXt`` chunk with the keyword ``openbadgecredential``.
Both images are drawn here (the SVG from a template, the PNG with Pillow), so
nothing is fetched from elsewhere.
"""

import io
import textwrap

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

PNG_KEYWORD = "openbadgecredential"
SIZE = 512
NAVY = (23, 42, 84)
GOLD = (242, 183, 5)
WHITE = (255, 255, 255)


def title_lines(title: str, width: int = 20, most: int = 3) -> list[str]:
    lines = textwrap.wrap(title, width=width) or [""]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1].rstrip(" .,;:") + "…"
    return lines


def _positioned(lines: list[str]) -> list[tuple[int, str]]:
    """Each line with its baseline, the block centred on the badge."""
    top = SIZE // 2 + 12 - (len(lines) - 1) * 24
    return [(top + number * 48, line) for number, line in enumerate(lines)]


def badge_svg(*, title: str, language: str, token: str = "") -> bytes:
    """The Relais badge as SVG; with ``token``, the credential baked in."""
    with translation.override(language):
        context = {
            "lines": _positioned(title_lines(title)),
            "name": _("Relais badge: %(title)s") % {"title": title}
            if title
            else _("The Relais badge"),
            "label": _("Certificate"),
            "token": token,
        }
        return render_to_string("credentials/badge.svg", context).encode()


def badge_png(*, title: str, language: str, token: str) -> bytes:
    """The Relais badge as PNG, the credential in an ``iTXt`` chunk."""
    with translation.override(language):
        label = _("Certificate").upper()
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((16, 16, SIZE - 16, SIZE - 16), fill=NAVY, outline=GOLD, width=14)
    small = ImageFont.load_default(size=30)
    large = ImageFont.load_default(size=38)
    draw.text((SIZE / 2, 118), "RELAIS", font=small, fill=GOLD, anchor="mm")
    lines = title_lines(title)
    top = SIZE / 2 - (len(lines) - 1) * 24
    for number, line in enumerate(lines):
        draw.text(
            (SIZE / 2, top + number * 48), line, font=large, fill=WHITE, anchor="mm"
        )
    draw.text((SIZE / 2, SIZE - 118), label, font=small, fill=GOLD, anchor="mm")
    info = PngInfo()
    info.add_itxt(PNG_KEYWORD, token, zip=False)
    output = io.BytesIO()
    image.save(output, format="PNG", pnginfo=info, optimize=True)
    return output.getvalue()
