"""The errors threeno raises on bad input.

Every error the library raises because of what it was given — a record, a plan file,
a period string, a command-line argument — is a :class:`ThreenoError`, so an embedding
tool can catch one class and show the message to a data clerk. Messages name the
record and the field (``crime_reports[17].decided_on: before received_on``) and never
quote a sensitive value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from threeno.lang import Lang  # threeno.lang imports this module

__all__ = [
    "DatasetError",
    "LanguageError",
    "OutputError",
    "PeriodError",
    "PlanError",
    "RulesError",
    "ThreenoError",
    "UnitError",
    "ValidationError",
]


class ThreenoError(Exception):
    """Base class of every error threeno raises on bad input.

    Beside its English message (``str(error)``, for developers and logs), an error may
    carry a stable, machine-readable ``code`` and the ``params`` of its wording in
    :data:`threeno.messages.TEMPLATES`; :meth:`text` then writes it in Vietnamese or
    English. An error without a code (``code is None``) has only its English message.

    Args:
        args: the message, as for any exception.
        code: the message's code in :data:`threeno.messages.TEMPLATES`, if it has one.
        params: the values its wording names (never a person's data).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``code``, ``params`` and :meth:`text`.
    """

    def __init__(
        self, *args: object, code: str | None = None, params: Mapping[str, object] | None = None
    ) -> None:
        """Keep the code and params beside the message."""
        super().__init__(*args)
        self.code = code
        self.params: Mapping[str, object] = dict(params or {})

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang`` (``"vi"`` or ``"en"``); the English message if no code."""
        from threeno.lang import check_lang  # noqa: PLC0415 - messages imports this module
        from threeno.messages import Notice  # noqa: PLC0415

        checked = check_lang(lang)
        if self.code is None:
            return str(self)
        return Notice(self.code, self.params).text(checked)


class ValidationError(ThreenoError, ValueError):
    """A value breaks an invariant of the model.

    The message names the class, the field and what is wrong, in words a data clerk
    understands. Sensitive values are never quoted.

    Args:
        message: what is wrong (in English).
        cls_name: the record type, e.g. ``"CrimeReport"``.
        field: the field (or dotted field path) at fault.
        code: the message's code in :data:`threeno.messages.TEMPLATES`, if it has one.
        params: the values its wording names.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``code`` and ``params``; :meth:`text` keeps the class
       and field in front of the message in either language.
    """

    def __init__(
        self,
        message: str,
        *,
        cls_name: str = "",
        field: str = "",
        code: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        """Keep the class and field beside the message for programs that inspect them."""
        self.cls_name = cls_name
        self.field = field
        super().__init__(f"{self._prefix}{message}", code=code, params=params)

    @property
    def _prefix(self) -> str:
        return f"{self.cls_name}.{self.field}: " if self.cls_name and self.field else ""

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang``, after the class and field (``Subject.sex: ...``)."""
        if self.code is None:
            return super().text(lang)
        return self._prefix + super().text(lang)


class LanguageError(ThreenoError, ValueError):
    """A label, explanation or report was asked for in a language threeno has no words for.

    threeno writes Vietnamese (``"vi"``) and English (``"en"``).

    .. versionadded:: 0.1.0
    """


class UnitError(ThreenoError, LookupError):
    """An administrative unit code is unknown, or not valid on the date asked.

    .. versionadded:: 0.1.0
    """


class PeriodError(ThreenoError, ValueError):
    """A reporting period cannot be built or parsed.

    .. versionadded:: 0.1.0
    """


class RulesError(ThreenoError, ValueError):
    """A rule was asked something its legal source does not answer.

    .. versionadded:: 0.1.0
    """


class PlanError(ThreenoError, ValueError):
    """A plan file is invalid; ``problems`` lists every problem with its TOML path.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        message: str,
        problems: tuple[str, ...] = (),
        *,
        code: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        """Keep every problem, so a plan author fixes them all in one go."""
        self.problems = problems
        text = message if not problems else message + "\n" + "\n".join(f"  {p}" for p in problems)
        super().__init__(text, code=code, params=params)


class DatasetError(ThreenoError, ValueError):
    """A dataset could not be loaded (or, with ``strict=True``, had rejected records).

    .. versionadded:: 0.1.0
    """


class OutputError(ThreenoError, ValueError):
    """An output cannot be written: it would replace an input, or its folder is unusable.

    Raised before anything is written when the target is one of the command's inputs or
    lies inside an input folder, and when the file cannot be created or renamed into
    place (the operating system's reason is given); the target is then left as it was
    (:mod:`threeno.io._atomic`).

    .. versionadded:: 0.1.0
    """
