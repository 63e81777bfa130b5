"""StreamField blocks for lessons about using social networks at work.

Every block renders accessible markup from its own template in
``templates/blocks/``. Rich text is limited to a small feature set and there
is deliberately no raw-HTML block: trainers cannot inject markup.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

VIDEO_URL_ERROR = _(
    "Use a YouTube or Vimeo address, e.g. https://www.youtube.com/watch?v=… "
    "or https://vimeo.com/123456."
)
_YOUTUBE = re.compile(
    r"^https://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?v=|embed/|shorts/)|youtu\.be/)"
    r"(?P<id>[A-Za-z0-9_-]{6,20})"
)
_VIMEO = re.compile(
    r"^https://(?:www\.|player\.)?vimeo\.com/(?:video/)?(?P<id>\d{3,12})"
)


def video_embed_url(url: str) -> str | None:
    """Return the privacy-friendly embed address for a YouTube or Vimeo URL."""
    if match := _YOUTUBE.match(url):
        return f"https://www.youtube-nocookie.com/embed/{match['id']}"
    if match := _VIMEO.match(url):
        return f"https://player.vimeo.com/video/{match['id']}?dnt=1"
    return None


class HeadingBlock(blocks.StructBlock):
    """A section heading; lessons start at h2 because the page title is the h1."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
        help_text=_("Use Heading 3 only under a Heading 2."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A section heading")
        preview_value = {
            "text": "Régler ses paramètres de confidentialité",
            "level": "h2",
        }


class ImageBlock(blocks.StructBlock):
    """An image with mandatory alternative text and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = _("An image with alternative text and caption")


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video, embedded in privacy-enhanced mode.

    The embed address is computed locally (no oEmbed call at render time), so
    pages render without reaching the video host. A transcript keeps the
    content available to people who cannot watch it.
    """

    url = blocks.URLBlock(label=_("Video address"), help_text=VIDEO_URL_ERROR)
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("Announced by screen readers.")
    )
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        description = _("A YouTube or Vimeo video with a transcript")
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Démonstration",
            "transcript": "Transcription de la vidéo.",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and not video_embed_url(value["url"]):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(VIDEO_URL_ERROR)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value.get("url") or "")
        return context


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: a tip, a warning or a key idea to remember."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("tip", _("Tip")),
            ("warning", _("Warning")),
            ("key_idea", _("Key idea")),
        ],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        description = _("A tip, warning or key idea")
        preview_value = {
            "kind": "tip",
            "title": "Astuce",
            "text": "<p>Vérifiez vos réglages une fois par trimestre.</p>",
        }


class DoDontBlock(blocks.StructBlock):
    """Two side-by-side lists: what to do and what to avoid."""

    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    dos = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Do"))
    donts = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Don't"))

    class Meta:
        icon = "list-ul"
        template = "blocks/do_dont_block.html"
        description = _("What to do and what to avoid")
        preview_value = {
            "title": "Sur LinkedIn",
            "dos": ["Personnaliser chaque invitation"],
            "donts": ["Envoyer un argumentaire de vente dès la connexion"],
        }


class ChecklistBlock(blocks.StructBlock):
    """A list of items the learner can tick off for themselves.

    The ticks are plain checkboxes kept in the browser; they are a reading
    aid, not progress, so nothing is sent to the server.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Items"))

    class Meta:
        icon = "tasks"
        template = "blocks/checklist_block.html"
        description = _("A list to tick off")
        preview_value = {
            "title": "Avant de publier",
            "items": ["Relire le message", "Vérifier le public visé"],
        }


class WalkthroughStepBlock(blocks.StructBlock):
    """One step of a walkthrough: a title, instructions and an optional screenshot."""

    title = blocks.CharBlock(label=_("Step title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Instructions"), features=RICH_TEXT_FEATURES)
    screenshot = ImageChooserBlock(label=_("Screenshot"), required=False)
    screenshot_alt = blocks.CharBlock(
        label=_("Screenshot alternative text"),
        max_length=250,
        required=False,
        help_text=_("Required when a screenshot is chosen."),
    )

    class Meta:
        icon = "arrow-right"
        template = "blocks/walkthrough_step_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("screenshot") and not value.get("screenshot_alt"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "screenshot_alt": ValidationError(
                        _("Describe the screenshot for people who cannot see it.")
                    )
                }
            )
        return value


class WalkthroughBlock(blocks.StructBlock):
    """A numbered step-by-step guide, e.g. adjusting privacy settings on a platform."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    platform = blocks.CharBlock(
        label=_("Platform"), max_length=60, required=False, help_text=_("e.g. LinkedIn")
    )
    steps = blocks.ListBlock(WalkthroughStepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "blocks/walkthrough_block.html"
        description = _("Step-by-step instructions")
        preview_value = {
            "title": "Limiter qui voit vos publications",
            "platform": "Facebook",
            "steps": [
                {
                    "title": "Ouvrir les paramètres",
                    "text": "<p>Menu, puis Paramètres.</p>",
                },
                {"title": "Choisir le public", "text": "<p>Sélectionnez « Amis ».</p>"},
            ],
        }


class MessageTemplateBlock(blocks.StructBlock):
    """A ready-to-send message the learner can copy and adapt.

    The text sits in a read-only textarea, so it can be selected and copied
    without JavaScript; a copy button is added when JavaScript is available.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    context = blocks.CharBlock(
        label=_("When to use it"), max_length=300, required=False
    )
    message = blocks.TextBlock(label=_("Message"))

    class Meta:
        icon = "mail"
        template = "blocks/message_template_block.html"
        description = _("A message to copy, e.g. a polite refusal")
        preview_value = {
            "title": "Refuser poliment une demande d'amitié",
            "context": "Un client vous ajoute sur votre profil personnel.",
            "message": "Bonjour,\nMerci de votre demande. Je réserve Facebook à ma "
            "famille ; retrouvons-nous sur LinkedIn.",
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with its attribution."""

    quote = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(
        label=_("Attribution"), max_length=200, required=False
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("A quotation")
        preview_value = {
            "quote": "Mieux vaut peu, mais souvent.",
            "attribution": "Charte",
        }


class ReflectBlock(blocks.StructBlock):
    """A question for the learner to think about before reading on."""

    prompt = blocks.TextBlock(label=_("Question to reflect on"))
    hint = blocks.TextBlock(label=_("Hint"), required=False)

    class Meta:
        icon = "help"
        template = "blocks/reflect_block.html"
        description = _("A question to think about")
        preview_value = {
            "prompt": "Qui voit vraiment vos photos de vacances ?",
            "hint": "Pensez aux amis de vos amis.",
        }


class ScenarioBlock(blocks.StructBlock):
    """A lesson's knowledge check: a branching scenario the reader plays.

    Links to the scenario's play page, in the reader's language when it has
    a live translation.
    """

    scenario = SnippetChooserBlock("scenarios.Scenario", label=_("Scenario"))
    introduction = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        help_text=_("Why the reader should play it, in a sentence or two."),
    )

    class Meta:
        icon = "resubmit"
        template = "blocks/scenario_block.html"
        label = _("Scenario (knowledge check)")
        description = _("A “what would you do?” scenario to check understanding.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        scenario = value.get("scenario")
        if scenario is not None:
            translated = scenario.get_translation_or_none(Locale.get_active())
            if translated is not None and translated.live:
                scenario = translated
        context["scenario"] = scenario
        return context


class LessonStreamBlock(blocks.StreamBlock):
    """Everything a lesson body may contain; shared by every lesson page."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Rich text"),
        preview_value="<p>Les médias sociaux peuvent servir votre travail.</p>",
    )
    heading = HeadingBlock(label=_("Heading"))
    image = ImageBlock(label=_("Image"))
    video = VideoBlock(label=_("Video"))
    callout = CalloutBlock(label=_("Callout"))
    do_dont = DoDontBlock(label=_("Do and don't"))
    checklist = ChecklistBlock(label=_("Checklist"))
    walkthrough = WalkthroughBlock(label=_("Walkthrough"))
    message_template = MessageTemplateBlock(label=_("Message template"))
    quote = QuoteBlock(label=_("Quotation"))
    reflect = ReflectBlock(label=_("Reflect"))
    scenario = ScenarioBlock(label=_("Scenario (knowledge check)"))


__all__ = ["LessonStreamBlock"]
