import pytest
from django.core.exceptions import ValidationError
from wagtail import blocks as wagtail_blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.blocks import (
    VIDEO_URL_ERROR,
    LessonStreamBlock,
    VideoBlock,
    WalkthroughStepBlock,
    video_embed_url,
)
from tests.factories.scenarios import make_scenario

pytestmark = pytest.mark.django_db

STREAM = LessonStreamBlock()


@pytest.fixture
def image():
    return Image.objects.create(title="Capture", file=get_test_image_file())


def _value(name, image):
    """A realistic value for each block, including the image ones."""
    block = STREAM.child_blocks[name]
    if name == "image":
        return block.to_python(
            {"image": image.pk, "alt_text": "Menu des paramètres", "caption": "Légende"}
        )
    if name == "walkthrough":
        return block.to_python(
            {
                "title": "Régler Facebook",
                "platform": "Facebook",
                "steps": [
                    {
                        "title": "Ouvrir le menu",
                        "text": "<p>Cliquez.</p>",
                        "screenshot": image.pk,
                        "screenshot_alt": "Le menu ouvert",
                    },
                ],
            }
        )
    if name == "scenario":
        return block.to_python(
            {
                "scenario": make_scenario().pk,
                "introduction": "Mettez-vous en situation.",
            }
        )
    return block.to_python(block.meta.preview_value)


# The text each block must render; a new block without a row fails below.
EXPECTED = {
    "paragraph": "Les médias sociaux peuvent servir votre travail.",
    "heading": '<h2 class="block block-heading">Régler ses paramètres de '
    "confidentialité</h2>",
    "image": 'alt="Menu des paramètres"',
    "video": 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"',
    "callout": "Vérifiez vos réglages une fois par trimestre.",
    "do_dont": "Personnaliser chaque invitation",
    "checklist": "<legend>Avant de publier</legend>",
    "walkthrough": 'alt="Le menu ouvert"',
    "message_template": "readonly",
    "quote": "Mieux vaut peu, mais souvent.",
    "reflect": "Qui voit vraiment vos photos de vacances ?",
    "scenario": "Mettez-vous en situation.",
}


def test_every_block_has_a_render_case():
    assert set(STREAM.child_blocks) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_block_renders_with_its_template(name, image):
    block = STREAM.child_blocks[name]
    html = block.render(_value(name, image))
    assert EXPECTED[name] in html
    assert block.meta.template or name == "paragraph"


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_block_has_admin_preview_and_description(name):
    block = STREAM.child_blocks[name]
    assert block.meta.description
    # An image preview needs an image in the library, a scenario one a scenario.
    if name not in {"image", "scenario"}:
        assert block.meta.preview_value


def test_no_raw_html_block_is_offered():
    kinds = {type(block) for block in STREAM.child_blocks.values()}
    assert wagtail_blocks.RawHTMLBlock not in kinds


def test_editor_round_trip_drops_raw_html():
    """What a trainer submits through Draftail is rebuilt from allowed features only."""
    widget = STREAM.child_blocks["paragraph"].field.widget
    converter = widget.converter
    hostile = (
        '<p onclick="x()">Bonjour <b>gras</b></p>'
        '<script>alert(1)</script><iframe src="//x"></iframe>'
    )
    stored = converter.to_database_format(converter.from_database_format(hostile))
    assert "Bonjour" in stored and "<b>gras</b>" in stored
    assert (
        "<script" not in stored and "<iframe" not in stored and "onclick" not in stored
    )


def test_message_template_works_without_javascript():
    block = STREAM.child_blocks["message_template"]
    html = block.render(block.to_python(block.meta.preview_value))
    # Selectable text in a labelled textarea; the copy button waits for JS.
    assert "<textarea" in html and "<label" in html
    assert "js-copy" in html and " hidden>" in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.youtube.com/watch?v=abcdef123",
            "https://www.youtube-nocookie.com/embed/abcdef123",
        ),
        (
            "https://youtu.be/abcdef123",
            "https://www.youtube-nocookie.com/embed/abcdef123",
        ),
        ("https://vimeo.com/123456", "https://player.vimeo.com/video/123456?dnt=1"),
        ("https://example.org/video.mp4", None),
        ("javascript:alert(1)", None),
    ],
    ids=["youtube", "youtu.be", "vimeo", "other-host", "javascript"],
)
def test_video_embed_url(url, expected):
    assert video_embed_url(url) == expected


def test_video_block_rejects_unknown_hosts_with_a_clear_message():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(
            block.to_python({"url": "https://example.org/v.mp4", "title": "Vidéo"})
        )
    assert str(VIDEO_URL_ERROR) in str(excinfo.value.block_errors["url"])


def test_image_block_requires_alt_text(image):
    block = STREAM.child_blocks["image"]
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))


def test_walkthrough_screenshot_requires_alt_text(image):
    block = WalkthroughStepBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python(
                {
                    "title": "Étape",
                    "text": "<p>x</p>",
                    "screenshot": image.pk,
                    "screenshot_alt": "",
                }
            )
        )
