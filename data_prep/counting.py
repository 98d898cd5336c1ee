"""Which theme evidence sentences count toward the theme figures: within one article and theme each
(normalised) sentence once, and the headline not again when the article's body also supports the
theme (it restates its lead). Decided once, at build time (`evidence.counted`), so the dashboard, the
briefing pack and a downloaded table all count the same sentences without redoing the work."""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=500_000)
def _normalise_str(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def normalise(text: object) -> str:
    """Casefolded text with every run of whitespace or punctuation collapsed to one space ('' for null)."""
    return _normalise_str(text) if isinstance(text, str) else ""


def counted_flags(evidence: pd.DataFrame, articles: pd.DataFrame | None) -> pd.Series:
    """One flag per evidence row (same index): True when the sentence counts. The rule works within an
    article and theme, so the flags of any subset made of whole articles are the subset's own flags."""
    if evidence.empty:
        return pd.Series(dtype=bool, index=evidence.index)
    # plain lists, not the frame's Arrow strings: iterating those costs a microsecond a value
    art, theme = evidence["article_id"].to_numpy(object), evidence["theme"].to_numpy(object)
    key = [normalise(x) for x in evidence["sentence"].to_numpy(object)]
    rows = pd.DataFrame({"a": art, "t": theme, "k": key})
    drop = pd.Series(False, index=rows.index)
    if articles is not None and not articles.empty and "title" in articles.columns:
        arts = articles[articles["article_id"].isin(set(art))].drop_duplicates("article_id")
        titles = {a: normalise(t) for a, t in zip(arts["article_id"].to_numpy(object), arts["title"].to_numpy(object))}
        title_key = pd.Series([titles.get(a, "") for a in art])
        # The headline: the sentence equal to the title, written only once in the article (a second copy
        # would be in the body, and then the sentence counts once like any repeated sentence) ...
        headline = (rows["k"] == title_key) & (title_key != "") & ~rows.duplicated(keep=False)
        if headline.any():
            # ... not counted when the body also supports the theme
            body = ~headline.to_numpy()
            with_body = set(zip(art[body], theme[body]))
            drop = headline & pd.Series([(a, t) in with_body for a, t in zip(art, theme)])
    keep = ~drop & ~(rows[~drop].duplicated().reindex(rows.index, fill_value=True))
    return pd.Series(keep.to_numpy(), index=evidence.index, dtype=bool)
