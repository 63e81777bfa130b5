"""django-filter pieces that read ids with ``core.ids.parse_id``.

A ``ModelChoiceFilter`` hands its raw value to ``queryset.get(pk=...)``:
"١٢" is read as 12 by ``int()``, and a 30-digit number overflows the bigint
column (a 500). ``IdModelChoiceFilter`` turns anything that is not a plain
ASCII id in range into the form's ordinary "invalid choice" error before any
query, so the listing shows the filter error instead.
"""

import django_filters
from django.core.exceptions import ValidationError
from django_filters.fields import ModelChoiceField

from core.ids import parse_id


class IdModelChoiceField(ModelChoiceField):
    """django-filter's model choice field, refusing values that are not ids."""

    def to_python(self, value):
        if value in self.empty_values or (
            self.null_label is not None and value == self.null_value
        ):
            return super().to_python(value)
        if parse_id(value) is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class IdModelChoiceFilter(django_filters.ModelChoiceFilter):
    """``ModelChoiceFilter`` whose field accepts only ids (see the module doc)."""

    field_class = IdModelChoiceField
