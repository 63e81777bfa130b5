"""Question files into the bank: upload (kept for the preview), then confirm.

``question_import_upload`` reads the file once to refuse a bad one before
anything is kept, and stores it with a ``QuestionBankImport`` row.
``question_import_confirm`` reads the stored file again (never a client copy
of the parse), creates the new questions, reuses those the bank already
holds, optionally adds them all to a new or existing quiz (as a draft
revision), and writes the audit log. It locks the row first: a double click
or a second tab imports once.
"""

import datetime
import io
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Locale

from quizzes.interchange.base import (
    FILE_TOO_LARGE,
    InterchangeError,
    ParsedImage,
    ParsedQuestion,
)
from quizzes.interchange.reading import (
    PLUGINFILE,
    ImportPreview,
    image_tags,
    max_bytes,
    max_megabytes,
    read_file,
)
from quizzes.models import Question, QuestionBankImport, Quiz, QuizQuestion

from .imports import question_create_from_data

ACTION_QUESTION_IMPORT = "quizzes.question_import"
IMPORT_NOTHING = _("The file holds no question that can be imported.")


@transaction.atomic
def question_import_upload(
    *, user, upload: UploadedFile, locale: Locale
) -> tuple[QuestionBankImport, ImportPreview]:
    """Keep an uploaded file for its preview; InterchangeError if unreadable.

    Nothing is kept for a file that cannot be read.
    """
    if upload.size is not None and upload.size > max_bytes():
        raise InterchangeError(FILE_TOO_LARGE % {"limit": max_megabytes()})
    content = upload.read(max_bytes() + 1)
    preview = read_file(filename=upload.name, content=content, locale=locale)
    record = QuestionBankImport(
        user=user,
        locale=locale,
        filename=upload.name[:255],
        format_code=preview.format.code,
    )
    record.source.save(
        f"{record.token}{preview.format.extension}", ContentFile(content), save=False
    )
    record.full_clean()
    record.save()
    return record, preview


def question_import_preview(*, record: QuestionBankImport) -> ImportPreview:
    """The stored file read again, as the confirmation will read it."""
    with record.source.open("rb") as source:
        content = source.read()
    return read_file(filename=record.filename, content=content, locale=record.locale)


def _image_embed(image: ParsedImage, *, user) -> str:
    """A Wagtail image of a file's picture, as a rich-text embed tag."""
    model = get_image_model()
    saved = model(
        title=(image.alt or image.name)[:255],
        uploaded_by_user=user,
        file=ImageFile(io.BytesIO(image.content), name=image.name or "image.png"),
    )
    saved.save()
    return (
        f'<embed alt="{escape(image.alt)}" embedtype="image" format="fullwidth" '
        f'id="{saved.pk}"/>'
    )


def _with_images(item: ParsedQuestion, *, user) -> dict:
    """The item's data with its file images saved and embedded."""
    data = dict(item.data)
    files = {image.name: image for image in item.images}
    prompt = data["prompt"]
    for tag, attributes in image_tags(prompt):
        name = attributes.get("src", "")[len(PLUGINFILE) :]
        image = files.get(unquote(name))
        if image is not None:
            embed = _image_embed(image, user=user)
            # An embed is a block: close the paragraph around it.
            prompt = prompt.replace(tag, f"</p>{embed}<p>")
    data["prompt"] = prompt.replace("<p></p>", "")
    return data


def _add_to_quiz(quiz: Quiz, questions: list[Question], *, user) -> Quiz:
    """A draft revision of ``quiz`` with the questions it lacks appended."""
    draft = quiz.get_latest_revision_as_object()
    rows = list(draft.quiz_questions.all())
    present = {row.question_id for row in rows}
    rows += [
        QuizQuestion(question=question, sort_order=len(rows) + index)
        for index, question in enumerate(q for q in questions if q.pk not in present)
    ]
    draft.quiz_questions = rows
    draft.save_revision(user=user, log_action=True)
    return quiz


def _new_quiz(title: str, questions: list[Question], *, locale, user) -> Quiz:
    quiz = Quiz(title=title, locale=locale, live=False)
    quiz.quiz_questions = [
        QuizQuestion(question=question, sort_order=index)
        for index, question in enumerate(questions)
    ]
    quiz.full_clean()
    quiz.save()
    log(instance=quiz, action="wagtail.create", user=user)
    quiz.save_revision(user=user)
    return quiz


@transaction.atomic
def question_import_confirm(
    *,
    record: QuestionBankImport,
    user,
    quiz: Quiz | None = None,
    new_quiz_title: str = "",
    now: datetime.datetime | None = None,
) -> QuestionBankImport:
    """Import a previewed file; returns the record with ``result`` filled.

    Idempotent: once confirmed, the record is returned as it is. Raises
    ValidationError when nothing can be imported or a new quiz has no title,
    InterchangeError when the stored file no longer reads.
    """
    record = QuestionBankImport.objects.select_for_update().get(pk=record.pk)
    if record.confirmed_at is not None:
        return record
    preview = question_import_preview(record=record)
    if not preview.importable:
        raise ValidationError(IMPORT_NOTHING)
    created, matched, questions = [], [], []
    existing = Question.objects.in_bulk(
        [item.existing_id for item in preview.importable if item.existing_id]
    )
    made: dict[str, Question] = {}  # the same question twice in one file
    for item in preview.importable:
        identity = item.idnumber or item.content_hash
        if item.existing_id in existing:
            question = existing[item.existing_id]
            matched.append(question.pk)
        elif identity in made:
            question = made[identity]
        else:
            question = question_create_from_data(
                data=_with_images(item, user=user),
                locale=record.locale,
                user=user,
                bank={
                    "name": item.name[:255],
                    "category": item.category[:255],
                    "idnumber": item.idnumber[:100],
                    "content_hash": item.content_hash,
                },
            )
            made[identity] = question
            created.append(question.pk)
        if question not in questions:
            questions.append(question)
    if quiz is not None:
        _add_to_quiz(quiz, questions, user=user)
    elif new_quiz_title.strip():
        quiz = _new_quiz(
            new_quiz_title.strip(), questions, locale=record.locale, user=user
        )
    record.confirmed_at = now or timezone.now()
    record.result = {
        "created": created,
        "matched": matched,
        "refused": len(preview.refused),
        "quiz": quiz.pk if quiz is not None else None,
    }
    record.save(update_fields=["confirmed_at", "result"])
    log(
        instance=record,
        action=ACTION_QUESTION_IMPORT,
        user=user,
        data={
            "filename": record.filename,
            "format": record.format_code,
            **record.result,
        },
    )
    return record
