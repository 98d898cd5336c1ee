"""Step 6, themes: every sentence that supports a theme of the codebook, with the cue that shows it.
Cues live in data/theme_cues.csv (Indonesian and English). A sentence qualifies on one strong cue,
or on weak cues from two different groups (`Twitter` + `pemerintah`), so a bare platform name or a
bare `WNI` is not enough on its own."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import read_rows
from .sentences import Sentence
from .textutil import phrase_pattern


@dataclass(frozen=True)
class ThemeHit:
    """One sentence supporting one theme, and the cue (with offsets) that first showed it."""
    theme: str
    sentence: Sentence
    cue: str
    cue_start: int
    cue_end: int
    method: str = "strong_cue"   # strong_cue, or weak_cues (two weak cues from different groups)
    confidence: float = 0.8


@lru_cache(maxsize=1)
def theme_codes() -> tuple[str, ...]:
    """Theme codes in codebook order (data/themes.csv)."""
    return tuple(r["code"] for r in read_rows("themes"))


@lru_cache(maxsize=1)
def _matchers() -> dict[str, list[tuple[re.Pattern[str], str, str, str]]]:
    out: dict[str, list[tuple[re.Pattern[str], str, str, str]]] = {code: [] for code in theme_codes()}
    for r in read_rows("theme_cues"):
        if r["theme"] not in out:
            raise ValueError(f"theme_cues.csv: unknown theme {r['theme']!r} (not in themes.csv)")
        out[r["theme"]].append((phrase_pattern([r["cue"]], ignore_case=True), r["cue"], r["strength"], r["group"]))
    return out


def find_themes(sentence: Sentence) -> list[ThemeHit]:
    """The themes one sentence supports, each with its first strong cue (or first weak one)."""
    hits = []
    for theme, matchers in _matchers().items():
        strong, weak, groups = [], [], set()
        for pattern, cue, strength, group in matchers:
            m = pattern.search(sentence.text)
            if not m:
                continue
            (strong if strength == "strong" else weak).append(m)
            if strength == "weak":
                groups.add(group)
        if strong or len(groups) >= 2:
            m = min(strong or weak, key=lambda m: m.start())
            hits.append(ThemeHit(theme, sentence, m.group(), sentence.start + m.start(), sentence.start + m.end()))
    return hits
