"""Sign-in: company sign-in (OpenID Connect), password reset, login throttling."""
