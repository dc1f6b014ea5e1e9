"""Plan texts in the generated documentation are text, whatever they hold (issue 17, point 2).

``threeno docs`` writes Markdown (MyST) pages from a plan's texts, and Sphinx builds them.
Before, a single backtick in a plan text turned the escaping off, so an agency's name
could put raw HTML (``<img onerror=...>``) in the built page, and a fence of backticks
could open an ``{eval-rst}`` block whose ``literalinclude`` showed a file of the machine
that builds the docs. Here a plan full of hostile texts (the bundled 2024 plan with its
names, titles, texts and notes replaced) is built with Sphinx, with the extensions of
docs/conf.py, and the HTML is searched.
"""

from __future__ import annotations

import ast
import itertools
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from threeno.plans import load_plan
from threeno.reporting.docs import _code, _fence, _text, write_pages

ROOT = Path(__file__).resolve().parents[2]
PLAN_FILE = ROOT / "src" / "threeno" / "plans" / "lai-chau-2024.toml"
#: What the secret file holds: it must not appear anywhere in the built site.
PRIVATE_TEXT = "threeno-secret-7f3a91 the build machine's own file"
#: The plan's keys whose texts are replaced (each a one-line string in the file).
KEYS = ("name_vi", "name_en", "title_vi", "title_en", "text_vi", "text_en", "note")


def _hostile(secret: Path) -> list[str]:
    """Texts that would be markup if they were not escaped: HTML, roles, fences, blocks."""
    return [
        "Công an <img src=x onerror=alert(1)> <script>alert(2)</script>",
        "a ` b <img src=y onerror=alert(3)>",  # one backtick turned escaping off
        f"```{{eval-rst}}\n.. literalinclude:: {secret}\n```",
        f":::{{eval-rst}}\n.. literalinclude:: {secret}\n:::",
        f"```{{include}} {secret}\n```",
        f"{{download}}`{secret}` and {{download}}`secret.txt`",
        f"{{eval-rst}}`x` ``{{literalinclude}} {secret}``",
        "# Heading\n> quote\n- item\n1. first\n| a | b |\n|---|---|",
        "$x^2$ and {{ subst }} and [link](javascript:alert(5)) and <http://evil.example>",
        "&lt;script&gt; and &amp; and \\ and *emph* and _under_ and ~~strike~~",
        "(target)=\n% comment\n+++ break\n: definition\n~~~\nfenced\n~~~",
        ".. raw:: html\n\n   <img src=z onerror=alert(6)>",
        "<b>bold</b> <a href=javascript:alert(7)>a link</a> <iframe src=x></iframe>",
    ]


def _hostile_plan(folder: Path, texts: list[str]) -> Path:
    """The 2024 plan's file with every text of :data:`KEYS` replaced, in turn, by ``texts``.

    The plan loader refuses a line break (a control character) in a plan's text, so a
    multi-line fence cannot reach the pages from a plan file; each text's line breaks
    become spaces here, and its one-line markup is what the pages must escape (the
    escaping of line breaks themselves is tested on ``docs._text`` directly).
    """
    source = PLAN_FILE.read_text(encoding="utf-8")
    turn = itertools.cycle(text.replace("\n", " ") for text in texts)
    pattern = re.compile(rf'^({"|".join(KEYS)}) = ".*"$', re.MULTILINE)
    # A JSON string is a TOML basic string: \" \\ \n and \uXXXX escapes.
    hostile = pattern.sub(
        lambda m: f"{m[1]} = {json.dumps(next(turn), ensure_ascii=False)}", source
    )
    path = folder / "hostile.toml"
    path.write_text(hostile, encoding="utf-8")
    return path


def _docs_settings() -> dict[str, list[str]]:
    """``extensions`` and ``myst_enable_extensions`` of docs/conf.py, read, not run."""
    tree = ast.parse((ROOT / "docs" / "conf.py").read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in {"extensions", "myst_enable_extensions"}:
                found[name] = ast.literal_eval(node.value)
    return found


class _Text(HTMLParser):
    """The text of a page as a reader sees it (no tags, no scripts' or styles' text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002 - HTMLParser's signature
        if tag in {"script", "style"}:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


# Sphinx's smart quotes turn "--" and "..." into dashes and an ellipsis: typography, not
# markup; the visible text is compared with them undone.
_TYPOGRAPHY = str.maketrans(
    {"–": "--", "—": "---", "…": "...", "“": '"', "”": '"', "‘": "'", "’": "'"}
)


def _visible(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return " ".join("".join(parser.parts).translate(_TYPOGRAPHY).split())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The generated pages of the hostile plan, built by Sphinx into HTML."""
    base = tmp_path_factory.mktemp("docs")
    secret = base / "secret.txt"
    secret.write_text(PRIVATE_TEXT + "\n", encoding="utf-8")
    texts = _hostile(secret)
    plan = load_plan(str(_hostile_plan(base, texts)))
    source = base / "source"
    write_pages(plan, source)
    (source / "secret.txt").write_text(PRIVATE_TEXT + "\n", encoding="utf-8")
    settings = _docs_settings()
    conf = [
        f"extensions = {[e for e in settings['extensions'] if e.startswith('myst')]!r}",
        f"myst_enable_extensions = {settings['myst_enable_extensions']!r}",
        'source_suffix = {".md": "markdown"}',
        'exclude_patterns = ["secret.txt"]',
    ]
    (source / "conf.py").write_text("\n".join(conf) + "\n", encoding="utf-8")
    out = base / "html"
    subprocess.run(  # noqa: S603 - our own interpreter, our own arguments
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(source), str(out)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out, texts


class TestBuiltSite:
    """The HTML Sphinx builds from the hostile plan's pages."""

    def test_uses_the_docs_extensions(self) -> None:
        """The test's conf.py takes MyST's extensions from docs/conf.py: colon fences too."""
        settings = _docs_settings()
        assert "myst_parser" in settings["extensions"]
        assert "colon_fence" in settings["myst_enable_extensions"]

    def test_no_markup_from_the_plan(self, site: tuple[Path, list[str]]) -> None:
        """No image, script, frame, bold or javascript: link made from a plan's text."""
        out, _ = site
        pages = sorted(out.glob("*.html"))
        assert {p.name for p in pages} >= {"duties.html", "indicators.html", "index.html"}
        for page in pages:
            built = page.read_text(encoding="utf-8").lower()
            for tag in ("<img", "<script>alert", "<iframe", "<b>bold", 'href="javascript:'):
                assert tag not in built, (page.name, tag)

    def test_no_file_of_the_build_machine(self, site: tuple[Path, list[str]]) -> None:
        """Neither an included file nor a download: the secret is in no file of the site."""
        out, _ = site
        for path in out.rglob("*"):
            if path.is_file():
                assert PRIVATE_TEXT.encode() not in path.read_bytes(), path
        assert not (out / "_downloads").exists()

    def test_texts_shown_as_written(self, site: tuple[Path, list[str]]) -> None:
        """Each hostile text is on a page, as text: its characters, its spaces collapsed."""
        out, texts = site
        shown = " ".join(_visible(p.read_text(encoding="utf-8")) for p in out.glob("*.html"))
        for text in texts:
            assert " ".join(text.split()) in shown, text


class TestEscaping:
    """The escapes of ``_text``, ``_code`` and ``_fence``, character by character."""

    @pytest.mark.parametrize(
        ("text", "markdown"),
        [
            ("a ` b", "a \\` b"),
            ("<img src=x>", "\\<img src=x\\>"),
            ("{eval-rst}`x`", "\\{eval-rst\\}\\`x\\`"),
            ("a | b", "a \\| b"),
            ("*x* _y_ ~z~ $m$ &amp; \\", "\\*x\\* \\_y\\_ \\~z\\~ \\$m\\$ \\&amp; \\\\"),
            ("# title", "\\# title"),
            ("- item", "\\- item"),
            (":::{note}", "\\:::\\{note\\}"),
            ("1. first", "1\\. first"),
            ("12) twelfth", "12\\) twelfth"),
            ("(label)=", "\\(label)="),
            ("% comment", "\\% comment"),
            ("one\ntwo\u2028three", "one two three"),
            ("nul\x00esc\x1b", "nul\ufffdesc\ufffd"),
            ("Công an thành phố (2024), 03/03.", "Công an thành phố (2024), 03/03."),
        ],
    )
    def test_text(self, text: str, markdown: str) -> None:
        """Each character that could open markup is escaped; other text is left alone."""
        assert _text(text) == markdown

    def test_code(self) -> None:
        """An id is code; a text that is not an id is escaped text, not a code span."""
        assert _code("cong-an-tp") == "`cong-an-tp`"
        assert _code("a`b") == "a\\`b"

    def test_fence(self) -> None:
        """A fence longer than any run of backticks inside: ```` holds ```."""
        assert list(_fence("x ``` y", "text")) == ["````text", "x ``` y", "````"]


def test_visible_text_of_a_page() -> None:
    """The helper reads text as a browser shows it: entities decoded, tags left out."""
    assert _visible("<p>a &lt;b&gt; <em>c</em></p><script>d</script>") == "a <b> c"
