"""The editor's blocks for a scenario's situations and their choices."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

ALT_TEXT_REQUIRED = _("Describe the image for people who cannot see it.")
KEY_HELP = _(
    "A short name that choices use to lead here, e.g. “reply-politely”. Keep it "
    "once learners have played: their runs remember it."
)

key_validator = RegexValidator(
    r"^[-a-z0-9_]+$",
    _("Use lower-case letters, digits, hyphens and underscores only."),
)


class ScenarioChoiceBlock(blocks.StructBlock):
    """One choice at a situation: where it leads, what follows at once, its points."""

    text = blocks.CharBlock(label=_("choice"), max_length=255)
    leads_to = blocks.CharBlock(
        label=_("leads to (situation key)"),
        max_length=60,
        validators=[key_validator],
        help_text=_("The key of the situation this choice leads to."),
    )
    consequence = blocks.TextBlock(
        label=_("immediate consequence"),
        required=False,
        help_text=_("Shown to the learner right after they choose."),
    )
    points = blocks.IntegerBlock(
        label=_("points"), default=0, min_value=-10, max_value=10
    )

    class Meta:
        icon = "arrow-right"
        label = _("Choice")


class SituationBlock(blocks.StructBlock):
    """A situation: what happens and who speaks; choices, or an ending's debrief."""

    key = blocks.CharBlock(
        label=_("key"), max_length=60, validators=[key_validator], help_text=KEY_HELP
    )
    label = blocks.CharBlock(
        label=_("short title"),
        max_length=80,
        help_text=_("Names the situation in the map and in reports."),
    )
    speaker = blocks.CharBlock(
        label=_("who is speaking"), max_length=120, required=False
    )
    text = blocks.TextBlock(label=_("situation"))
    image = ImageChooserBlock(label=_("image"), required=False)
    image_alt = blocks.CharBlock(
        label=_("image alternative text"), max_length=255, required=False
    )
    is_ending = blocks.BooleanBlock(
        label=_("ending"),
        required=False,
        help_text=_("An ending offers no choice: the learner reads the debrief."),
    )
    debrief = blocks.TextBlock(
        label=_("debrief"),
        required=False,
        help_text=_("For endings: what this ending teaches."),
    )
    choices = blocks.ListBlock(
        ScenarioChoiceBlock(), label=_("choices"), min_num=0, collapsed=False
    )

    class Meta:
        icon = "doc-full"
        label = _("Situation")

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("image_alt") or "").strip():
            raise StructBlockValidationError(
                block_errors={"image_alt": ValidationError(ALT_TEXT_REQUIRED)}
            )
        return value
