"""Seed the benchmark site and describe what to measure.

Builds the demo catalogue, a course whose lesson holds the peer's 1,513-word
text (../shared/peer/lesson_content.py) as heading and paragraph blocks, a
logged-in enrolled learner and a 20-question quiz of mixed types. Counts each
page's queries on a warm request in-process, and writes a JSON file the
benchmark driver reads: the targets (path, cookie, POST body) and query counts.

Usage: seed_pages.py OUT.json   (DJANGO_SETTINGS_MODULE and DATABASE_URL set)
"""

import importlib.util
import json
import os
import re
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
PEER = Path(os.environ.get("PEER_DIR", ROOT.parent / "shared" / "peer"))
HOST = "127.0.0.1"  # the Host gunicorn sees; bench settings allow it


def lesson_content():
    spec = importlib.util.spec_from_file_location(
        "lesson_content", PEER / "lesson_content.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lesson_body(module) -> list[dict]:
    """The peer's text (4 headings, 8 paragraphs) as heading and paragraph blocks."""
    blocks = []
    for kind, text in module.blocks():
        if kind == "heading":
            blocks.append({"type": "heading", "value": {"text": text, "level": "h2"}})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{text}</p>"})
    return blocks


def client_with_cookie(cookie: str):
    """A test Client sending ``cookie`` ("name=value; name=value")."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    for part in filter(None, cookie.split("; ")):
        name, value = part.split("=", 1)
        client.cookies[name] = value
    return client


def current_sequence(client, path: str) -> int:
    """The attempt's sequence, as its page shows it to the learner."""
    html = client.get(path).content.decode()
    return int(re.search(r'name="sequence" value="(\d+)"', html)[1])


def save_body(save: dict, *, sequence: int, answer: str) -> str:
    slot = save["slot"]
    return f"sequence={sequence}&slots={slot}&q{slot}={answer}&action=save"


def post_save(client, save: dict, *, answer: str):
    """One answer save, as the benchmark sends it: the current sequence, JSON back."""
    body = save_body(
        save, sequence=current_sequence(client, save["path"]), answer=answer
    )
    return client.generic(
        "POST",
        save["path"],
        body,
        content_type="application/x-www-form-urlencoded",
        headers={"X-CSRFToken": save["csrf"], "Accept": "application/json"},
    )


def count_queries(name: str, target: dict) -> int:
    """Queries of a warm request (the third), as in the peer's method."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if name == "answer_save":
        save = target["saves"][0]
        client = client_with_cookie(save["cookie"])
        post_save(client, save, answer="true")
        post_save(client, save, answer="false")
        body = save_body(
            save, sequence=current_sequence(client, save["path"]), answer="true"
        )
        with CaptureQueriesContext(connection) as ctx:
            response = client.generic(
                "POST",
                save["path"],
                body,
                content_type="application/x-www-form-urlencoded",
                headers={"X-CSRFToken": save["csrf"], "Accept": "application/json"},
            )
    else:
        client = client_with_cookie(target.get("cookie", ""))
        for _ in range(3):
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(target["path"])
    if response.status_code != 200:
        sys.exit(f"{name}: in-process request gave {response.status_code}")
    return len(ctx.captured_queries)


def scale_targets(*, catalogue, lessons, learners, body, learner, cookie, markers):
    """The course and lesson targets on a generated course (bench/scale.sh)."""
    from bench.seed_scale import seed_scale_course, seed_scale_learners
    from courses.selectors import course_lessons
    from courses.services import enrol, lesson_complete

    course, first = seed_scale_course(catalogue=catalogue, lessons=lessons, body=body)
    enrolment = enrol(learner=learner, course=course)
    for done in course_lessons(course=course)[1 : 1 + lessons // 2]:
        lesson_complete(enrolment=enrolment, lesson=done)
    seed_scale_learners(course=course, learners=learners - 1)
    return {
        "course": {"path": course.url, "cookie": cookie, "markers": [course.title]},
        "lesson": {"path": first.url, "cookie": cookie, "markers": markers},
    }


def main(out_path: str) -> None:
    django.setup()
    from django.conf import settings
    from django.test import Client

    from bench.seed_quiz import seed_quiz_targets
    from courses.models import LessonPage
    from courses.services import enrol
    from demo import content_en, content_fr
    from demo.loader import load_demo
    from tests.factories import UserFactory

    built = load_demo(
        contents={"fr": content_fr.COURSE, "en": content_en.COURSE}, with_users=False
    )
    course = built["courses"]["fr"]
    module = lesson_content()
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    lesson.body = lesson_body(module)
    lesson.save_revision().publish()
    learner = UserFactory(username="bench-learner")
    enrol(learner=learner, course=course)

    client = Client(HTTP_HOST=HOST)
    client.force_login(learner)
    # A learner's browser holds the CSRF cookie from its first page on (the
    # login form sets it), and sends it with the session cookie.
    client.get(lesson.url)
    cookie = "; ".join(
        f"{name}={client.cookies[name].value}"
        for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    )
    targets = {
        "catalogue": {"path": built["catalogues"]["fr"].url, "markers": [course.title]},
        "course": {"path": course.url, "cookie": cookie, "markers": [course.title]},
        "lesson": {"path": lesson.url, "cookie": cookie, "markers": module.markers()},
    }
    scale_lessons = int(os.environ.get("SCALE_LESSONS") or 0)
    scale_learners = int(os.environ.get("SCALE_LEARNERS") or 0)
    if scale_lessons or scale_learners:
        targets.update(
            scale_targets(
                catalogue=built["catalogues"]["fr"],
                lessons=scale_lessons or 10,
                learners=scale_learners or 1000,
                body=lesson_body(module),
                learner=learner,
                cookie=cookie,
                markers=module.markers(),
            )
        )
    else:
        targets.update(
            seed_quiz_targets(
                course=course, learner=learner, client=client, cookie=cookie
            )
        )
    queries = {name: count_queries(name, target) for name, target in targets.items()}
    Path(out_path).write_text(
        json.dumps({"targets": targets, "queries": queries}, indent=2)
    )


if __name__ == "__main__":
    main(sys.argv[1])
