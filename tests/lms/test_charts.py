"""Server-side SVG charts: labelled, escaped, and paired with a data table."""

import pytest
from django.urls import reverse

from lms.reports.charts import Datum, column_chart, horizontal_bar_chart
from tests.lms.helpers import enrolment_of, finish

pytestmark = pytest.mark.django_db


def test_bar_chart_is_a_labelled_image_and_escapes_text():
    svg = horizontal_bar_chart(
        ident="c1",
        title="Taux <b>",
        description="Équipe A : 50 %",
        data=[Datum("<script>alert(1)</script>", 50, "50 %")],
    )
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Taux &lt;b&gt;</title>' in svg
    assert '<desc id="c1-desc">Équipe A : 50 %</desc>' in svg
    assert "<script>" not in svg


def test_column_chart_handles_all_zero_values():
    svg = column_chart(
        ident="c2", title="Par mois", description="rien", data=[Datum("janv.", 0, "0")]
    )
    assert 'height="0.0"' in svg


def test_team_summary_has_its_three_charts_and_their_tables(
    client, assigned, trainer, members_a, course
):
    finish(enrolment_of(members_a[0], course))
    client.force_login(trainer)

    response = client.get(reverse("reports:team_summary"))

    content = response.content.decode()
    assert content.count('class="relais-chart"') == 3
    assert 'id="relais-rate-chart-desc">Équipe A : 33 % (1 sur 3)' in content
    assert content.count("<details>") == 3
    assert response.context["team_rates"][0].completed == 1
    assert response.context["months"][-1].count == 1
    # Six people assigned, a0 done (current), team A's two others overdue.
    this_month = response.context["compliance_months"][-1]
    assert (this_month.assigned, this_month.current, this_month.overdue) == (6, 1, 2)
    assert "16 % à jour, 33 % en retard" in content  # the chart's description
