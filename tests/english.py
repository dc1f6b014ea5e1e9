"""A check for English left in Vietnamese text, shared by the tests of every output.

A Vietnamese output may quote identifiers of the data dictionary (field names such as
``decided_on``, codes such as ``so_ket``, file names, ``LoadLimits.depth``) and values
as the data write them; any other English word is a sentence left untranslated.
"""

from __future__ import annotations

import re

#: English words that have no place in a Vietnamese sentence (Vietnamese shares none of
#: them: its words of these letters carry diacritics, "thể", "nó", "đã"...).
ENGLISH: frozenset[str] = frozenset(
    """the of and is not must line file files record records unknown known values value
    field fields missing expected rejected accepted read problems problem notes note
    between or with key keys type types before after empty text number whole date dates
    cells cell column columns duplicate first valid invalid limit nested levels deep
    longer than ignored skipped write written was were has have which that it its for
    from by same only needs need""".split()  # noqa: SIM905 - a list of words reads as text
)


def english_words(text: str) -> set[str]:
    """The words of ``text`` that are English, leaving out placeholders and identifiers.

    Placeholders (``{value!r}``), quoted values, paths, identifiers (``LoadLimits.depth``,
    ``meets_standard``, ``report_ids``), commands and options (```threeno validate```,
    ``--allow-out-of-scope``) and the path of a field after "trường" (a key as the data
    wrote it) are not sentences.
    """
    text = re.sub(r"trường [^\s:]+", " ", text)  # a field's path, as the data name it
    text = re.sub(r"`[^`]*`", " ", text)  # a command, as typed
    text = re.sub(r"--[\w-]+", " ", text)  # an option, such as --allow-out-of-scope
    text = re.sub(r"\{[^{}]*\}", " ", text)
    text = re.sub(r"'[^']*'|\"[^\"]*\"", " ", text)
    tokens = [t for t in text.split() if not re.search(r"[_./\[\]]", t)]
    words = {w.casefold() for t in tokens for w in re.findall(r"[^\W\d_]+", t)}
    return words & ENGLISH
