"""Template helpers of the reports: sortable column headers and figures."""

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def sort_header(context, key: str, label: str, *, numeric: bool = False):
    """A ``<th scope="col">`` whose link sorts by ``key``, with ``aria-sort``.

    Clicking the sorted column reverses it; any other column sorts ascending.
    The page number is dropped, so a new order starts on page 1.
    """
    request = context["request"]
    current = context.get("sort", "")
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("_w_filter_fragment", None)
    if current == key:
        state, query["ordering"] = "ascending", f"-{key}"
        hint = _("sorted ascending; select to sort descending")
    elif current == f"-{key}":
        state, query["ordering"] = "descending", key
        hint = _("sorted descending; select to sort ascending")
    else:
        state, query["ordering"] = None, key
        hint = _("select to sort")
    base = context.get("index_url") or request.path
    return format_html(
        '<th scope="col"{sort}{cls}><a href="{url}?{query}">{label}'
        '<span class="w-sr-only"> ({hint})</span></a></th>',
        sort=format_html(' aria-sort="{}"', state) if state else "",
        cls=format_html(' class="{}"', "relais-num") if numeric else "",
        url=base,
        query=query.urlencode(),
        label=label,
        hint=hint,
    )


@register.filter
def percent(value, digits: int = 0):
    """0.734 → "73 %"-style text in the active locale; "—" when empty."""
    if value is None or value == "":
        return "—"
    return _("%(value)s %%") % {
        "value": number_format(float(value) * 100, decimal_pos=digits)
    }


@register.filter
def score(value):
    """A percentage stored as 0–100 (e.g. a quiz score); "—" when empty."""
    if value is None or value == "":
        return "—"
    return _("%(value)s %%") % {"value": number_format(float(value), decimal_pos=0)}
