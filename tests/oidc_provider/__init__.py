"""A tiny OpenID Connect provider for the sign-in tests and the demo.

A Django project of its own (django-oauth-toolkit with OIDC on), started as a
subprocess by ``serve.py``; ``tests/lms/accounts/conftest.py`` starts one per
test session and ``make demo`` one on 127.0.0.1:8001.
"""
