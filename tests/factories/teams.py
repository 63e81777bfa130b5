import factory

from lms.teams.models import Team
from lms.teams.services import team_manager_add, team_member_add


class TeamFactory(factory.django.DjangoModelFactory):
    """A team; pass members=[...] and managers=[...] to fill it (through services)."""

    name = factory.Sequence(lambda n: f"Équipe {n}")
    description = ""

    class Meta:
        model = Team
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    @factory.post_generation
    def managers(obj, create, extracted, **kwargs):
        if create and extracted:
            for manager in extracted:
                team_manager_add(team=obj, manager=manager)

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if create and extracted:
            for learner in extracted:
                team_member_add(team=obj, learner=learner)
