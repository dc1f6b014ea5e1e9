"""Shrink a screenshot for the docs: grey, 16 levels, optionally halved; the standard library only.

``python scripts/shrink_png.py IN.png OUT.png [--half]`` reads an 8-bit RGB or RGBA PNG
(as Chromium and pdftoppm write them, not interlaced), turns it to grey (ITU-R BT.601
luma), halves it with ``--half`` (each 2 × 2 block averaged), keeps 16 levels of grey,
and writes a 4-bit greyscale PNG compressed at zlib's level 9: a long page of text stays
readable at a tenth of the bytes. The docs' pictures (docs/_static) are made with it.
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    found, at = [], len(_SIGNATURE)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        found.append((data[at + 4 : at + 8], data[at + 8 : at + 8 + length]))
        at += 12 + length
    return found


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_grey(path: Path) -> tuple[int, int, list[bytearray]]:
    """Width, height and rows of grey levels (0-255) of an 8-bit RGB(A) or grey PNG."""
    data = path.read_bytes()
    if not data.startswith(_SIGNATURE):
        sys.exit(f"{path}: not a PNG")
    chunks = _chunks(data)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        sys.exit(f"{path}: only 8-bit grey, RGB or RGBA PNGs without interlacing")
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            line[x] = (line[x] + (0, a, b, (a + b) >> 1, _paeth(a, b, c))[kind]) & 0xFF
        previous = line
        if channels >= 3:
            grey = bytearray(
                (299 * line[i] + 587 * line[i + 1] + 114 * line[i + 2]) // 1000
                for i in range(0, stride, channels)
            )
        else:
            grey = bytearray(line[0::channels])
        rows.append(grey)
    return width, height, rows


def halve(width: int, height: int, rows: list[bytearray]) -> tuple[int, int, list[bytearray]]:
    """Each 2 × 2 block averaged into one pixel."""
    out = []
    for y in range(0, height - 1, 2):
        top, bottom = rows[y], rows[y + 1]
        out.append(
            bytearray(
                (top[x] + top[x + 1] + bottom[x] + bottom[x + 1]) >> 2
                for x in range(0, width - 1, 2)
            )
        )
    return width // 2, height // 2, out


def write_grey16(path: Path, width: int, rows: list[bytearray]) -> None:
    """A 4-bit greyscale PNG: 16 levels, two pixels a byte, compressed at level 9."""
    lines = bytearray()
    for row in rows:
        levels = [value >> 4 for value in row] + [0]
        lines.append(0)
        lines.extend((levels[x] << 4) | levels[x + 1] for x in range(0, width, 2))

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, len(rows), 4, 0, 0, 0, 0)
    path.write_bytes(
        _SIGNATURE
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(lines), 9))
        + chunk(b"IEND", b"")
    )


def main(argv: list[str]) -> int:
    """Shrink ``argv[0]`` into ``argv[1]`` (``--half``: half the width and height)."""
    if len(argv) not in {2, 3} or (len(argv) == 3 and argv[2] != "--half"):
        print(__doc__)
        return 2
    width, height, rows = read_grey(Path(argv[0]))
    if len(argv) == 3:
        width, height, rows = halve(width, height, rows)
    write_grey16(Path(argv[1]), width, rows)
    print(f"{argv[1]}: {width} x {height}, {Path(argv[1]).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
