"""The grading screen's form: one radio group per rubric criterion, and feedback."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

CHOOSE_A_LEVEL = _("Choose a level for this criterion.")
LEVEL_LABEL = _("%(label)s (%(points)s of %(top)s points)")


def _points(value) -> str:
    text = format(Decimal(str(value)).normalize(), "f")
    return "0" if text in ("-0", "") else text


class EssayGradeForm(forms.Form):
    """A level per criterion (radio buttons), feedback, and the screen's sequence.

    ``rubric`` is the served question's rubric (``EssayQuestion.rubric``);
    each criterion's field is named ``level-<criterion id>``.
    """

    feedback = forms.CharField(
        label=_("Feedback to the learner"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The learner reads this with their result."),
    )
    sequence = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, rubric: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        for item in rubric:
            top = max(Decimal(level["points"]) for level in item["levels"])
            self.fields[f"level-{item['id']}"] = forms.ChoiceField(
                label=item["criterion"],
                widget=forms.RadioSelect,
                error_messages={"required": CHOOSE_A_LEVEL},
                choices=[
                    (
                        str(index),
                        LEVEL_LABEL
                        % {
                            "label": level["label"],
                            "points": _points(level["points"]),
                            "top": _points(top),
                        },
                    )
                    for index, level in enumerate(item["levels"])
                ],
            )

    def level_fields(self) -> list:
        return [self[f"level-{item['id']}"] for item in self.rubric]

    def levels(self) -> dict[str, str]:
        """``{criterion id: level index}`` from the cleaned data."""
        return {
            item["id"]: self.cleaned_data[f"level-{item['id']}"] for item in self.rubric
        }
