from tests.oidc_provider.fixtures import company_sign_in, oidc_provider  # noqa: F401
