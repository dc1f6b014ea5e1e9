"""Messages about the languages threeno writes.

Part of :data:`threeno.messages.TEMPLATES` (each code once across the parts); the wording
is Vietnamese first, then English, as ``str.format`` templates with the forms the
package's docstring lists.
"""

from __future__ import annotations

from typing import Final

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # -- languages -------------------------------------------------------------------
    "unknown_language": (
        "không có ngôn ngữ {lang}: threeno viết tiếng Việt ('vi') và tiếng Anh ('en')",
        "unknown language {lang}: threeno writes 'vi' (Vietnamese) and 'en' (English)",
    ),
}
