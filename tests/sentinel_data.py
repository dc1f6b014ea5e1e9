"""Sentinel personal data, shared by the sentinel tests of the library and of the commands.

A subject's sensitive fields hold ASCII sentinels (so that no escaping, in JSON, HTML or
CSV, can hide one from a search); the bad subjects carry them in every form a rejected
record can. The "Privacy" guide says what the sentinel tests check.
"""

from __future__ import annotations

import unicodedata
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


#: A sentinel name with Vietnamese letters, for the variants of its Unicode form.
NAME_VI: Final = "SENTINELNAMEQX Ánh Đào"
#: A sentinel phone of digits, for the variants of its punctuation and prefix.
PHONE_DIGITS: Final = "0908172635"
#: What an output is searched for once folded (letters and digits, no case, no accents:
#: ``threeno.model._personal.fold``): a sentinel written in any case, spacing or Unicode form.
FOLDED: Final = ("sentinel", "nameqx", "nidqx", "phoneqx")
#: What an output is searched for once spaces, dots, dashes, parentheses and ``+`` are
#: taken out: a sentinel phone in any punctuation, with or without its 0 or +84.
PHONE_PIECES: Final = (DIGITS, PHONE_DIGITS[1:])


def own_data_variants(data: Dataset) -> dict[str, dict[str, Any]]:
    """Subjects whose own personal data is typed, written otherwise, in another field.

    Issue 17, point 6: a name was masked only when typed exactly (not with a trailing
    space, in upper case, in NFD, as a list), a phone only with the same spaces, and an
    id equal to her name was printed beside the masked message. Each variant is keyed by
    what it reproduces; each is rejected, or accepted with a problem between records.
    """
    good: dict[str, Any] = CONVERTER.unstructure(data.subjects[0])
    name: str = good["full_name"]
    vi = {**good, "full_name": NAME_VI}
    phoned = {**good, "phone": PHONE_DIGITS}
    return {
        "name-cased-spaced-in-sex": {**good, "id": "BAD-50", "sex": name.lower() + "  "},
        "name-nfd-in-sex": {
            **vi,
            "id": "BAD-51",
            "sex": unicodedata.normalize("NFD", NAME_VI.lower()),
        },
        "name-fullwidth-in-unit": {
            **vi,
            "id": "BAD-52",
            "unit_code": unicodedata.normalize("NFC", _fullwidth(NAME_VI)),
        },
        "phone-punctuated-in-unit": {**phoned, "id": "BAD-53", "unit_code": "+84 908.172.635"},
        "phone-spaced-in-sex": {
            **good,
            "id": "BAD-54",
            "phone": "0908 172 635",
            "sex": "(+84) 908-172-635",
        },
        "name-as-list-in-sex": {**good, "id": "BAD-55", "full_name": [name], "sex": name},
        "name-as-key-in-ethnicity": {
            **good,
            "id": "BAD-56",
            "full_name": {name: True},
            "ethnicity": name.lower(),
        },
        "id-is-her-name": {**good, "id": name.lower()},
        "id-is-her-name-and-bad": {**good, "id": name, "birth_year": 1000},
        "id-is-her-phone": {**phoned, "id": "S-" + PHONE_DIGITS[1:]},
    }


def _fullwidth(text: str) -> str:
    """ASCII letters and digits as their full-width forms (U+FF01..), which NFKC folds back."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def folded(text: str) -> str:
    """``text`` as the sentinel tests search it: letters and digits only, no case or accents.

    The tests' own fold, independent of the library's (``threeno.model._personal.fold``), so
    that a mistake in one is not repeated in the other: compatibility forms read as their
    letters (NFKD), combining marks dropped, case folded, đ read as d.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in bare.casefold().replace("đ", "d") if c.isalnum())
