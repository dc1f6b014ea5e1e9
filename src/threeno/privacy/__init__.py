"""Protecting the people behind the records: redaction, pseudonyms, small-cell suppression.

The records threeno counts describe victims of trafficking and people at risk of it. This
module holds the three pure functions that make data fit to leave an agency:

- :func:`redact` removes every field marked sensitive (``full_name``, ``national_id``,
  ``phone`` of a subject; see ``threeno.model._personal.is_sensitive``);
- :func:`pseudonymise` replaces every record id with a keyed HMAC-SHA256 pseudonym, the
  same in every field that refers to the record, so references still resolve;
- :func:`suppress_table` decides which counts of a published table to hide: every count
  from 1 to ``k - 1`` (primary suppression), and more counts until no hidden one can be
  narrowed to fewer than ``k`` values by a reader who knows every count shown and every
  relation between them (complementary suppression, checked by an exact audit);
  :func:`suppress_cells` does it for one group of cells and its total.

Pseudonymised data is still personal data under Vietnam's decree on personal data
protection (Nghị định 13/2023/NĐ-CP, issued 17 April 2023, in force 1 July 2023), whose
definition of personal data covers information that identifies a person when combined
with other information: whoever holds the key can link pseudonyms back to ids.

The functions are in private modules, one job each: redaction and pseudonyms
(``_pseudonyms``), small-cell suppression (``_suppression``) and the exact audit it
relies on (``_audit``). Everything is imported from here.

Plan clauses: II.3.a, II.3.b (support for victims, whose identity must be protected),
IV.2 (the reports published to the Steering Committee).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping  # noqa: F401 - Sphinx evaluates the classes' annotations here
from typing import Final, TypeVar

from threeno.privacy import _pseudonyms, _suppression
from threeno.privacy._pseudonyms import pseudonymise, redact
from threeno.privacy._suppression import (
    Relation,
    Suppression,
    SuppressionResult,
    TableSuppression,
    suppress_cells,
    suppress_table,
)

__all__ = [
    "COMPLEMENTARY_MARK",
    "DEFAULT_THRESHOLD",
    "HIDDEN_MARK",
    "ID_PREFIXES",
    "MIN_KEY_BYTES",
    "K",
    "Relation",
    "Suppression",
    "SuppressionResult",
    "TableSuppression",
    "pseudonymise",
    "redact",
    "suppress_cells",
    "suppress_table",
]

# The data of the private modules, documented where they are imported from.

#: The fewest bytes a pseudonymisation key may have (128 bits). RFC 2104 (HMAC), section 3,
#: discourages keys shorter than the hash's output: 32 bytes are recommended.
MIN_KEY_BYTES: Final = _pseudonyms.MIN_KEY_BYTES
#: The prefix of a pseudonym, by record type (the same as the synthetic data's ids).
ID_PREFIXES: Final = _pseudonyms.ID_PREFIXES
#: The threshold of :func:`suppress_cells` when none is given: counts 1 to 4 are hidden.
DEFAULT_THRESHOLD: Final = _suppression.DEFAULT_THRESHOLD
#: What a published table shows for every hidden count, small or complementary.
HIDDEN_MARK: Final = _suppression.HIDDEN_MARK
#: The same mark, by its former name (a complementary cell showed it; a small one ``<k``).
COMPLEMENTARY_MARK: Final = _suppression.COMPLEMENTARY_MARK
#: The type of the keys of a table's counts (any hashable value).
K: Final = _suppression.K

# The modules of this package are private: this package is where its classes and
# functions are documented and imported from, so they carry its name (in the API
# reference, a pickled table, a repr).
for _name in __all__:
    _public = globals()[_name]
    if isinstance(_public, type | TypeVar) or inspect.isfunction(_public):
        _public.__module__ = __name__
del _name, _public
