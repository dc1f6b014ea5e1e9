"""Sentinel personal data, shared by the sentinel tests of the library and of the commands.

A subject's sensitive fields hold ASCII sentinels (so that no escaping, in JSON, HTML or
CSV, can hide one from a search); the bad subjects carry them in every form a rejected
record can. The "Privacy" guide says what the sentinel tests check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

from threeno.io.converter import CONVERTER

if TYPE_CHECKING:
    from threeno.model.dataset import Dataset

NAME: Final = "SENTINELNAMEQX"
NATIONAL_ID: Final = "SENTINELNIDQX"
PHONE: Final = "SENTINELPHONEQX"
DIGITS: Final = "9081726354"  # a national id of digits only, given as a number in bad input


def with_sentinels(data: Dataset) -> Dataset:
    """Every subject gets a name, a national id and a phone holding a sentinel."""
    subjects = [
        attrs.evolve(
            s, full_name=f"{NAME} {i}", national_id=f"{NATIONAL_ID}{i}", phone=f"{PHONE}{i}"
        )
        for i, s in enumerate(data.subjects)
    ]
    return attrs.evolve(data, subjects=subjects)


def bad_subjects(data: Dataset) -> list[dict[str, Any]]:
    """Subjects that are rejected, each carrying personal data in some form.

    BAD-8 (the record's own name in ``sex``) stays second to last: the converter test of
    the library's sentinel test leaves it and the duplicate out.
    """
    good: dict[str, Any] = CONVERTER.unstructure(data.subjects[0])
    return [
        {**good, "id": "BAD-1", "birth_year": 1000},  # the year is refused; the name is there
        {**good, "id": "BAD-2", "national_id": int(DIGITS)},  # a number, not a text
        {**good, "id": "BAD-3", "full_name": [NAME]},  # a list
        {**good, "id": "BAD-4", "phone": {"number": PHONE}},  # an object
        {**good, "id": "BAD-5", "full_name": ""},  # empty, with a phone beside it
        {**good, "id": "BAD-6", "fullname": NAME},  # a misspelt key holding a name
        {**good, "id": "BAD-7", "registered_on": "2024-02-30", "full_name": NAME + " 2024-02-30"},
        # The record's own name typed in the wrong field: the loader knows it is personal.
        {**good, "id": "BAD-8", "sex": good["full_name"]},
        good,  # a duplicate of the first subject
    ]
