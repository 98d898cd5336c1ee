"""How much each theme was talked about, in figures that can be quoted: events touching the theme, their
share of the filtered events, and evidence sentences counted once per article. Pure pandas (no
Streamlit), so the Overview, the Themes page and the briefing pack all quote the same numbers."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.i18n import N_
from data_prep import counted_flags, normalise  # noqa: F401 - normalise: one rule for both

# Each measure and its unit as a reader should quote it (axis titles and captions use these words).
# The texts here are English msgids (N_): shown with _(MEASURES[m]) etc., in the reader's language.
MEASURES: dict[str, str] = {
    "n_events": N_("events touching the theme"),
    "share_events": N_("share of events touching the theme"),
    "n_sentences": N_("evidence sentences (each counted once per article)"),
}
# Short names for a measure picker.
MEASURE_NAMES: dict[str, str] = {
    "n_events": N_("Events"),
    "share_events": N_("Share of events"),
    "n_sentences": N_("Sentences"),
}
DEFAULT_MEASURE = "n_events"

MEASURE_COLUMNS = ["theme", "theme_label", "n_events", "share_events", "n_sentences", "n_articles"]

HOW_MADE = N_("""\
**How these figures are made**

- **Theme cues.** Each theme has a list of cue words and phrases, in Indonesian and English
  (`data_prep/data/theme_cues.csv`). A cue also matches the other words of its family
  (`melindungi` finds `perlindungan`; `protect*` is a prefix). A sentence supports a theme when it
  holds one *strong* cue, or *weak* cues from two different groups (`pemerintah` + `YouTube`).
  Where a longer cue contains a shorter one, the longer wins (`perdagangan orang`, trafficking, is
  not `perdagangan`, trade). One sentence may support several themes.
- **Names are not evidence.** A cue inside the proper name of an organisation, ministry or office
  does not count: `Trade` in `Department of Foreign Affairs and Trade`, `Economy` in `Ministry of
  Economy, Trade and Industry`, `Ekonomi` in `Menteri Ekonomi Digital`. A name is read as capitalised
  words opened by a word such as Ministry, Department, Council, Kementerian or Menteri
  (`data_prep/data/name_heads.csv`).
- **Events touching a theme.** An event touches a theme when at least one sentence in any of its
  articles supports it. This is the default measure: an event with 1 such sentence and one with 50
  count the same, once each.
- **Sentences, once per article.** Within one article a sentence counts once per theme: a repeated
  paragraph counts once, and the headline does not count when the article's body also supports that
  theme (a headline restates its lead). The same sentence in two articles counts twice (two reports).
- **Shares.** The share of events is out of the events that pass the current filters, not out of all
  events. On the per-event bars, a theme's share is out of that event's counted theme sentences
  (its n).
""")

# One sentence of HOW_MADE, for the source line of exported charts and slides.
SHORT_NOTE = N_("Counted: events with ≥1 theme sentence; sentences once per article (repeats and a headline "
                "restating the body excluded); cues inside organisation names excluded.")

def counted_evidence(evidence: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The evidence rows that count: within one article and theme, each (normalised) sentence once, and
    the headline dropped when the article's body also supports that theme (it restates its lead). The
    build decides this once (`evidence.counted`, data_prep.counting); a frame without that column (an
    older build, a hand-made table) is counted here by the same rule."""
    if evidence.empty:
        return evidence.copy()
    if "counted" in evidence.columns and evidence["counted"].notna().all():
        flags = evidence["counted"].astype(bool)
    else:
        flags = counted_flags(evidence, articles)
    return evidence[flags.to_numpy()].reset_index(drop=True)


def theme_measures(events: pd.DataFrame, evidence: pd.DataFrame, articles: pd.DataFrame,
                   theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per theme with counted evidence among `events`: n_events, share_events (of the events
    given), n_sentences (counted once per article) and n_articles, in catalogue order of theme_labels."""
    labels = dict(theme_labels or {})
    event_ids = set(events["event_id"]) if not events.empty else set()
    if evidence.empty or not event_ids:
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("theme", "theme_label") else
                                           float if c == "share_events" else int) for c in MEASURE_COLUMNS})
    ev = counted_evidence(evidence[evidence["event_id"].isin(event_ids)], articles)
    if ev.empty:
        return theme_measures(events, ev, articles, labels)
    d = ev.groupby("theme").agg(n_events=("event_id", "nunique"), n_sentences=("sentence", "size"),
                                n_articles=("article_id", "nunique")).reset_index()
    d["share_events"] = d["n_events"] / len(event_ids)
    d["theme_label"] = d["theme"].map(lambda t: labels.get(t, t))
    order = {t: i for i, t in enumerate(list(labels) + sorted(set(d["theme"]) - set(labels)))}
    d = d.sort_values("theme", key=lambda s: s.map(order), kind="stable")
    return d[MEASURE_COLUMNS].reset_index(drop=True)
