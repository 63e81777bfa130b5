"""Forms of local accounts: a password reset mailed in the person's language."""

from django.contrib.auth.forms import PasswordResetForm
from django.urls import reverse
from django.utils import translation

from core.emails import absolute_url, send_templated_email
from core.people import person_language


class PersonalPasswordResetForm(PasswordResetForm):
    """Django's reset form; each message goes out in its reader's language.

    Django's form finds the active accounts with a usable password for the
    address (and answers the same when there are none); this only changes
    how each message is written and sent (``core.emails``).
    """

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        language = person_language(user)
        with translation.override(language):
            path = reverse(
                "password_reset_confirm",
                kwargs={"uidb64": context["uid"], "token": context["token"]},
            )
        send_templated_email(
            template="emails/password_reset",
            user=user,
            language=language,
            context={"reset_url": absolute_url(path)},
        )
