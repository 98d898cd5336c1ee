"""The codebook's column tables are generated from the schema (data/schema.csv): each sits between
`<!-- schema:NAME -->` and `<!-- /schema:NAME -->` in docs/CODEBOOK.md, and everything else stays prose."""
from __future__ import annotations

import re
from pathlib import Path

from .schema import TABLES, markdown_table

CODEBOOK = Path(__file__).resolve().parent.parent / "docs" / "CODEBOOK.md"
BLOCK_RE = re.compile(r"(<!-- schema:(?P<name>\w+) -->\n)(?P<body>.*?)(<!-- /schema:(?P=name) -->)", re.S)
MARKER_RE = re.compile(r"^<!-- /?schema:\w+ -->\n", re.M)


def render(text: str) -> str:
    """The codebook text with every known table's block regenerated from the schema."""
    def fill(m: re.Match) -> str:
        name = m.group("name")
        body = markdown_table(name) if name in TABLES else m.group("body")
        return m.group(1) + body + m.group(4)
    return BLOCK_RE.sub(fill, text)


def drifted(text: str) -> list[str]:
    """Tables whose block differs from the schema, has no block, or is not in the schema, as short notes."""
    blocks = {m.group("name"): m.group("body") for m in BLOCK_RE.finditer(text)}
    notes = [f"{n} (no block)" for n in TABLES if n not in blocks]
    notes += [f"{n} (not in the schema)" for n in blocks if n not in TABLES]
    notes += [n for n, body in blocks.items() if n in TABLES and body != markdown_table(n)]
    return notes


def update(path: Path = CODEBOOK) -> bool:
    """Rewrite the codebook's blocks in place; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    new = render(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def without_markers(text: str) -> str:
    """The codebook without its block markers, for showing it (Streamlit prints HTML comments as text)."""
    return MARKER_RE.sub("", text)
