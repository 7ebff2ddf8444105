"""The jsonschema validator ``check`` uses, and the format checks it shares with the compiled one.

Dates must be real dates (no 31 November) and date-times RFC 3339; both are checked here
without jsonschema's optional format packages, so results never depend on what else
happens to be installed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from jsonschema import FormatChecker
from jsonschema.validators import validator_for

from auditforms.results.fast_schema import compile_schema
from auditforms.rules.values import as_date
from auditforms.schema_patterns import python_dialect

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\Z")


def format_checker() -> FormatChecker:
    """Real dates only (no 31 November), and RFC 3339 date-times, without optional packages."""
    checker = FormatChecker(formats=())
    checker.checks("date")(_is_date)
    checker.checks("date-time")(_is_date_time)
    return checker


def _is_date(value: object) -> bool:
    return not isinstance(value, str) or as_date(value) is not None


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def make_validator(schema: Mapping[str, Any]) -> Any:
    """The validator ``check`` uses (and the benchmark times): built once, dates checked."""
    cls = validator_for(schema)
    return cls(python_dialect(schema), format_checker=format_checker())


#: format name -> test, for the compiled validity check.
FORMAT_TESTS = {"date": _is_date, "date-time": _is_date_time}


def fast_validity(schema: Mapping[str, Any]) -> Callable[[Any], bool] | None:
    """A quick "valid?" for the common case, a valid audit; jsonschema then only explains failures.

    jsonschema-rs (a dependency, as for definitions) answers in microseconds; where its wheel is
    missing, the pure-Python compiled check of :mod:`auditforms.results.fast_schema` does.
    Property tests hold both to jsonschema's verdicts.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - platforms without its wheel
        return compile_schema(schema, FORMAT_TESTS)
    try:
        validator = jsonschema_rs.Draft202012Validator(dict(schema), validate_formats=True)
    except (ValueError, jsonschema_rs.ValidationError):  # pragma: no cover - a schema it refuses
        return compile_schema(schema, FORMAT_TESTS)
    is_valid: Callable[[Any], bool] = validator.is_valid
    return is_valid
