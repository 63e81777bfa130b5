"""The page tree trainers author in: catalogue → course → lesson."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from core.caching import RenderCache, content_version
from core.serving import (
    CachedViewRestrictionsMixin,
    serve_for_visitor,
    serve_with_personal_parts,
)
from courses.blocks import RICH_TEXT_FEATURES, LessonStreamBlock


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


HEX_COLOUR_VALIDATOR = RegexValidator(
    r"^#[0-9a-fA-F]{6}$",
    _("Enter a colour as # followed by six hexadecimal digits, e.g. #0b5cad."),
)
DEFAULT_ACCENT_COLOUR = "#0b5cad"


class LearnerPage(CachedViewRestrictionsMixin, Page):
    """What the catalogue, course and lesson pages share: how they are served.

    Their view restrictions come with the cached route, anonymous visitors
    get a cached page, and templates get ``content_version`` to key their
    fragment caches (see ``core.caching``).
    """

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return serve_with_personal_parts(
                self, request, super().serve, *args, **kwargs
            )
        return serve_for_visitor(self, request, super().serve, *args, **kwargs)

    def skeleton_variant(self, context) -> str:
        """What makes the shared skeleton differ between signed-in visitors.

        Overridden where a page's structure depends on the visitor (a lesson
        shows its body to readers only); everything else about the visitor
        is in ``{% personal %}`` parts.
        """
        return ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["content_version"] = content_version(request)
        return context


class CourseIndexPage(LearnerPage):
    """The course catalogue: lists every live course below it."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the list of courses."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage", "courses.CharterPage"]

    class Meta:
        verbose_name = _("course catalogue")
        verbose_name_plural = _("course catalogues")

    def get_context(self, request, *args, **kwargs):
        # courses.selectors reads these models: imported here to break that cycle.
        from courses.selectors import catalogue_courses

        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template reads it only on a fragment-cache miss, and even
        # building the queryset costs a query (public() looks up restrictions).
        context["courses"] = SimpleLazyObject(
            lambda: list(catalogue_courses(index_page=self))
        )
        return context


class CoursePage(LearnerPage):
    """A self-paced course: its overview, and its lessons as ordered child pages.

    Also holds the course's completion rule (required lessons, optional final
    quiz), the certificate validity and the certificate design. Completion
    settings are read from the original-language page (see
    ``courses.models.enrolment``); design and wording from the page in the
    certificate's language.
    """

    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("One or two sentences for the catalogue."),
    )
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Objective"), max_length=300))],
        verbose_name=_("learning objectives"),
        blank=True,
        help_text=_("What learners will be able to do after the course."),
    )
    audience = models.TextField(
        _("audience"), blank=True, help_text=_("Who the course is for.")
    )
    estimated_minutes = models.PositiveIntegerField(
        _("estimated minutes"),
        default=30,
        help_text=_("Total time to complete the course."),
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.BEGINNER
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    final_quiz = models.ForeignKey(
        "quizzes.Quiz",
        verbose_name=_("final quiz"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Learners must pass this quiz, after the required lessons, to complete "
            "the course. Leave empty for a course without a final quiz."
        ),
    )
    required_charter = models.ForeignKey(
        "courses.CharterPage",
        verbose_name=_("required charter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Learners must also acknowledge the current version of this charter "
            "to complete the course. Leave empty if the course requires none."
        ),
    )
    required_scenario = models.ForeignKey(
        "scenarios.Scenario",
        verbose_name=_("required scenario"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Learners must finish this scenario with at least the minimum score "
            "to complete the course. Leave empty for none."
        ),
    )
    scenario_min_score = models.SmallIntegerField(
        _("minimum scenario score"),
        default=0,
        validators=[MinValueValidator(-1000), MaxValueValidator(1000)],
        help_text=_("The points a finished run of the scenario must reach."),
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate validity (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_(
            "After this many months the certificate expires and the learner must "
            "take the course again to recertify. Leave empty for certificates "
            "that never expire."
        ),
    )
    certificate_wording = models.TextField(
        _("certificate wording"),
        max_length=500,
        blank=True,
        help_text=_(
            "Printed under the learner's name, e.g. “has successfully completed "
            "the course”. Leave empty for the default wording."
        ),
    )
    certificate_signatory_name = models.CharField(
        _("signatory name"),
        max_length=120,
        blank=True,
        help_text=_("The person who signs the certificate, e.g. the head trainer."),
    )
    certificate_signatory_title = models.CharField(
        _("signatory title"),
        max_length=120,
        blank=True,
        help_text=_("The signatory's role, e.g. “Head of training”."),
    )
    certificate_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("certificate logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Printed at the top of the certificate. PNG or SVG work best."),
    )
    certificate_accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT_COLOUR,
        validators=[HEX_COLOUR_VALIDATOR],
        help_text=_("Border and heading colour of the certificate, e.g. #0b5cad."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("estimated_minutes"),
                FieldPanel("audience"),
            ],
            heading=_("Audience and effort"),
        ),
        FieldPanel("objectives"),
        FieldPanel("cover_image"),
        HelpPanel(
            content=_(
                "Lessons are the child pages of this course, in the order shown in "
                "the page explorer. Drag them there to reorder."
            )
        ),
    ]
    completion_panels = [
        HelpPanel(
            content=_(
                "A learner completes the course when every required lesson is "
                "marked complete, the final quiz (if any) is passed and the required "
                "charter (if any) is acknowledged in its current version. "
                "Mark lessons optional on the lessons themselves. The completion "
                "rule and the validity are read from the original-language course; "
                "the certificate design and wording from each translation."
            )
        ),
        FieldPanel("final_quiz"),
        FieldPanel("required_charter"),
        MultiFieldPanel(
            [FieldPanel("required_scenario"), FieldPanel("scenario_min_score")],
            heading=_("Scenario requirement"),
        ),
        FieldPanel("certificate_validity_months"),
        MultiFieldPanel(
            [
                FieldPanel("certificate_wording"),
                FieldPanel("certificate_signatory_name"),
                FieldPanel("certificate_signatory_title"),
                FieldPanel("certificate_logo"),
                FieldPanel("certificate_accent_colour"),
            ],
            heading=_("Certificate design"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.AutocompleteField("summary"),
        index.FilterField("level"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(completion_panels, heading=_("Completion and certificate")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        # courses.selectors reads these models: imported here to break that cycle.
        from courses.selectors import course_learning, course_outline

        context = super().get_context(request, *args, **kwargs)
        cache = RenderCache.for_request(request)
        context["lessons"] = course_outline(
            course=self, site=Site.find_for_request(request), cache=cache
        )
        context["learning"] = course_learning(
            course=self, user=request.user, lessons=context["lessons"], cache=cache
        )
        return context


class LessonPage(LearnerPage):
    """One lesson of a course: a StreamField body read in order with its siblings."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One sentence shown in the course outline."),
    )
    estimated_minutes = models.PositiveIntegerField(_("estimated minutes"), default=10)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))
    is_required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Optional lessons do not count towards course completion."),
    )
    knowledge_check = models.ForeignKey(
        "quizzes.Quiz",
        verbose_name=_("knowledge check"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "An optional practice quiz linked after the lesson. It does not count "
            "towards completion."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("is_required"),
        FieldPanel("body"),
        FieldPanel("knowledge_check"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def skeleton_variant(self, context) -> str:
        learning = context["learning"]
        if not learning.can_read:
            return "visitor"
        return "reader-done" if learning.is_done else "reader"

    def get_context(self, request, *args, **kwargs):
        # courses.selectors reads these models: imported here to break that cycle.
        from courses.selectors import lesson_learning, lesson_navigation

        context = super().get_context(request, *args, **kwargs)
        cache = RenderCache.for_request(request)
        context["navigation"] = lesson_navigation(
            lesson=self, site=Site.find_for_request(request), cache=cache
        )
        context["learning"] = lesson_learning(
            lesson=self,
            user=request.user,
            navigation=context["navigation"],
            is_preview=getattr(request, "is_preview", False),
            cache=cache,
        )
        return context
