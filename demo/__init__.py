"""The demo: catalogue, the bilingual demo course, demo users and teams with a history.

The top of the layers: it builds everything through the apps' own services
(quizzes ← courses ← lms.teams), and nothing imports it but its management
command, the tests and the bench scripts (tests/test_import_direction.py).

* ``demo.loader``: pages, quizzes, the trainers' group and demo users; its
  ``load_demo`` runs the whole demo (``manage.py load_demo``).
* ``demo.content_fr`` / ``demo.content_en``: the course's text and quizzes.
* ``demo.progress``: a learner who finished the course and one halfway.
* ``demo.teams``: two teams of 30 learners with months of history, replayed
  through the services at past moments (``now=``).
"""
