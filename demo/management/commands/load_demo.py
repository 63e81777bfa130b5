"""Build the demo catalogue, the bilingual demo course and the demo users."""

from django.conf import settings
from django.core.management.base import BaseCommand

from demo import content_en, content_fr
from demo.loader import DEMO_PASSWORD, DEMO_USERS, load_demo


class Command(BaseCommand):
    help = "Create or refresh the demo (idempotent); demo users outside production."

    def handle(self, *args, **options):
        with_users = getattr(settings, "RELAIS_CREATE_DEMO_USERS", False)
        built = load_demo(
            contents={"fr": content_fr.COURSE, "en": content_en.COURSE},
            quizzes={
                lang: {"final": module.FINAL_QUIZ, "checks": module.KNOWLEDGE_CHECKS}
                for lang, module in (("fr", content_fr), ("en", content_en))
            },
            with_users=with_users,
        )
        course = built["courses"]["fr"]
        self.stdout.write(self.style.SUCCESS(f"Demo course ready: {course.title}"))
        if with_users:
            self.stdout.write(
                "Demo logins (development only), password: " + DEMO_PASSWORD
            )
            for spec in DEMO_USERS:
                self.stdout.write(f"  {spec.role:<8} {spec.username}")
            self.stdout.write(
                "Site: http://127.0.0.1:8000/  Admin: http://127.0.0.1:8000/admin/"
            )
        else:
            self.stdout.write("Demo users are not created with these settings.")
