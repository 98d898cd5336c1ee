"""Step 1, load and clean: decode a file's bytes, normalise Unicode and whitespace, undo hard line
wraps, drop site furniture and verbatim repeats. Text in, paragraphs out; no file names involved."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .resources import read_rows

MAX_BYTES = 5_000_000          # a news article is a few KB; anything this big is not one
MIN_WORDS = 40                 # shorter than this after cleaning is not an article
WRAP_MAX_WIDTH = 120           # hard-wrapped text has lines no longer than this ...
WRAP_MIN_LINE = 40             # ... and wrapped lines at least this long
_TERMINAL = tuple('.!?:;"”’)')

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass
class Decoded:
    """Result of decoding a file: text, or the reason it cannot be read as an article."""
    text: str | None
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Cleaned:
    """Clean paragraphs plus what was removed and why (for the build report)."""
    paragraphs: list[str]
    dropped: list[tuple[str, str]]


def decode_bytes(data: bytes) -> Decoded:
    """Decode raw bytes as UTF-8 (BOM allowed), with a recorded fallback to UTF-16 or Windows-1252;
    reject empty, oversized and binary input with a plain reason."""
    if len(data) > MAX_BYTES:
        return Decoded(None, f"too large ({len(data) / 1e6:.1f} MB; limit {MAX_BYTES / 1e6:.0f} MB)")
    if not data.strip():
        return Decoded(None, "empty file")
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
            warnings.append("encoded as UTF-16; converted to UTF-8")
        except UnicodeDecodeError as exc:
            # a cut-off last byte or a lone surrogate: the rest still reads (too many replacements
            # and the check below rejects the file as unreadable)
            text = data.decode("utf-16", errors="replace")
            warnings.append(f"encoded as UTF-16 with invalid bytes (byte {exc.start}); converted to UTF-8 "
                            "with those characters replaced")
    elif b"\x00" in data:
        return Decoded(None, "not text (binary content: NUL bytes)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = data.decode("cp1252", errors="replace")
            warnings.append(f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252")
    controls = len(_CONTROL.findall(text))
    if controls > max(5, len(text) // 100) or text.count("\ufffd") > max(5, len(text) // 100):
        return Decoded(None, "not text (binary or unreadable content)")
    return Decoded(text, None, warnings)


def normalise(text: str) -> str:
    """NFC-normalise, unify line ends, turn exotic spaces into plain ones and drop zero-width marks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", _SPACES.sub(" ", text))
    return _CONTROL.sub("", text)


def _blocks(text: str) -> list[list[str]]:
    """Groups of non-empty lines separated by blank lines, each line with collapsed whitespace."""
    blocks, current = [], []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def is_hard_wrapped(block: list[str]) -> bool:
    """A block is hard-wrapped when it has 3+ lines of near-equal width no wider than a terminal."""
    if len(block) < 3:
        return False
    widest = max(len(line) for line in block)
    return (WRAP_MIN_LINE <= widest <= WRAP_MAX_WIDTH
            and all(len(line) >= 0.6 * widest for line in block[:-1]))


def unwrap(block: list[str]) -> list[str]:
    """Join hard-wrapped lines back into paragraphs, and any line that plainly continues the previous
    one (starts in lower case); lines of web copy, one paragraph each, stay separate."""
    wrapped = is_hard_wrapped(block)
    out: list[str] = []
    for line in block:
        if out and len(out[-1]) >= WRAP_MIN_LINE and not out[-1].endswith(_TERMINAL):
            if wrapped or line[:1].islower():
                out[-1] = f"{out[-1]} {line}"
                continue
        out.append(line)
    return out


def _furniture_rules() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r["pattern"]), r["reason"]) for r in read_rows("furniture")]


def furniture_reason(paragraph: str) -> str | None:
    """Why a paragraph is site furniture (logo, advert label, button, tag list), or None."""
    for pattern, reason in _furniture_rules():
        if pattern.fullmatch(paragraph):
            return reason
    return None


def clean_text(text: str) -> Cleaned:
    """Normalise, unwrap, and drop furniture and paragraphs that repeat an earlier one verbatim."""
    paragraphs: list[str] = []
    dropped: list[tuple[str, str]] = []
    seen: set[str] = set()
    for block in _blocks(normalise(text)):
        if not is_hard_wrapped(block):
            # Furniture is line-based on web copy; in hard-wrapped prose a line is only a fragment.
            kept = []
            for line in block:
                reason = furniture_reason(line)
                (dropped.append((line, reason)) if reason else kept.append(line))
            block = kept
        for para in unwrap(block) if block else []:
            reason = furniture_reason(para)
            if reason:
                dropped.append((para, reason))
            elif para in seen:
                dropped.append((para, "repeats an earlier paragraph"))
            else:
                seen.add(para)
                paragraphs.append(para)
    return Cleaned(paragraphs, dropped)


def word_count(text: str) -> int:
    """Words in a text (whitespace-separated tokens with at least one letter or digit)."""
    return sum(1 for tok in text.split() if any(ch.isalnum() for ch in tok))
