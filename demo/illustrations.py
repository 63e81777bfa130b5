"""The demo's illustrations: hand-drawn SVG files, loaded as Wagtail images.

The drawings live in ``demo/illustrations/`` (one file per language when
they carry text). Each language's content module lists them in
``COURSE["illustrations"]``: slug → file, image title and alternative text.
Lesson bodies there name an illustration by its slug (an ``image`` block's
``image``, a walkthrough step's ``screenshot``); :func:`with_images` puts the
image's id in its place before the body is saved.

Idempotent: an image is found again by its title, its file is replaced only
when the drawing changed (Wagtail's file hash) or the file is missing, its
description (the alt text Wagtail offers by default) only when the text
changed.
"""

import io
from pathlib import Path

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

ILLUSTRATIONS_DIR = Path(__file__).parent / "illustrations"


def ensure_illustration(*, file: str, title: str, alt: str):
    """The Wagtail image of one drawing, created or brought up to date."""
    Image = get_image_model()
    content = (ILLUSTRATIONS_DIR / file).read_bytes()
    image = Image.objects.filter(title=title).order_by("pk").first()
    if image is None:
        image = Image(title=title)
    elif image.file_hash == hash_filelike(io.BytesIO(content)) and (
        image.file.storage.exists(image.file.name)
    ):
        if image.description != alt:
            image.description = alt
            image.save(update_fields=["description"])
        return image
    else:
        # A changed drawing, or a file lost while the database stayed (a fresh
        # media volume): write it again, and drop renditions made from the old.
        image.renditions.all().delete()
        image.file.delete(save=False)
    image.description = alt
    image.file = ImageFile(io.BytesIO(content), name=file)
    # What Wagtail's upload form does: file size and hash, for renditions' keys.
    image._set_image_file_metadata()
    image.full_clean()
    image.save()
    return image


def ensure_illustrations(specs: dict[str, dict]) -> dict[str, int]:
    """slug → image id, for one language's ``illustrations``."""
    return {slug: ensure_illustration(**spec).pk for slug, spec in specs.items()}


def with_images(body: list[dict], images: dict[str, int]) -> list[dict]:
    """A lesson body whose illustration slugs are replaced by image ids."""
    resolved = []
    for block in body:
        value = block["value"]
        if block["type"] == "image" and isinstance(value.get("image"), str):
            value = {**value, "image": images[value["image"]]}
        elif block["type"] == "walkthrough":
            value = {
                **value,
                "steps": [
                    {**step, "screenshot": images[step["screenshot"]]}
                    if isinstance(step.get("screenshot"), str)
                    else step
                    for step in value["steps"]
                ],
            }
        resolved.append({**block, "value": value})
    return resolved
