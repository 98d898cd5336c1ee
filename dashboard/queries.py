"""Pure look-ups the pages share: an event's card, who attended what, and article text with the
extracted facts marked in place.

Translated (docs/TRANSLATING.md): every word of ours through dashboard.i18n, made when the function runs
(callers cache by language: context.derived), country names from CLDR in the interface's language; the
data's own values (names, titles, sentences, reasons) are never translated."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

from dashboard import i18n, safe_text
from dashboard.figures import palette
from dashboard.i18n import N_, _, ngettext
from dashboard.labels import (ROLE_LABELS, clean, date_span, dated_name, empty_text, fmt_date, name_with_acronym,
                              new_mark, origin_label, role_label)
from dashboard.review import NO_YEAR
from dashboard.theme_measures import counted_evidence
from data_prep import all_countries, split_sentences
from data_prep.intake import RENAMED, SAVED

# Everything from an article, a file name or an address goes into the page escaped (dashboard.safe_text).
_one_line = safe_text.html_line      # text for one line of an HTML block: escaped, whitespace collapsed
_web_address = safe_text.http_url   # an article's own address when it is an http(s) one, else None


def yes_no(v) -> str:
    """A flag as 'yes' or 'no' (a missing flag is 'no': the codebook's flags are never unknown): a code, the
    same in every language (yes_no_label() is its reading)."""
    return "yes" if not pd.isna(v) and bool(v) else "no"


def yes_no_label(v) -> str:
    """A flag as a reader sees it: 'yes' / 'ya', 'no' / 'tidak'."""
    return _("yes") if yes_no(v) == "yes" else _("no")


# The codebook's event types (events.event_type; data_prep/data/event_types.csv), as a reader sees them: msgids,
# translated by event_type_label(). A type not listed reads as written, its underscores made spaces.
EVENT_TYPE_LABELS = {
    "conference": N_("conference"), "seminar": N_("seminar"), "ministerial_meeting": N_("ministerial meeting"),
    "meeting": N_("meeting"), "bilateral_meeting": N_("bilateral meeting"), "dialogue": N_("dialogue"),
    "forum": N_("forum"), "launch": N_("launch"), "signing": N_("signing"), "summit": N_("summit"),
    "symposium": N_("symposium"), "training": N_("training"), "workshop": N_("workshop"), "event": N_("event"),
}


def event_type_label(code) -> str:
    """An events.event_type as a reader sees it, in the current language (`ministerial_meeting` ->
    'ministerial meeting' / 'pertemuan tingkat menteri'); a missing type reads 'event' ('acara')."""
    code = clean(code) or "event"
    known = EVENT_TYPE_LABELS.get(code)
    return _(known) if known else code.replace("_", " ")


def _no_outlet() -> str:
    """The outlet of an article that names none ('outlet not stated')."""
    return _("outlet not stated")


def source_label(article: Mapping) -> str:
    """'Antara · 2019-09-10 · Title' for an articles row; parts the article does not state are left out
    (its id stands in when none is known), so a link never reads 'not stated · not stated'."""
    d = article.get("published_date")
    parts = [clean(article.get("outlet")), None if d is None or pd.isna(d) else fmt_date(d), clean(article.get("title"))]
    parts = [p for p in parts if p]
    return " · ".join(parts) if parts else _("article {id}").format(id=clean(article.get("article_id")) or "").strip()


def sentence_span(text: str, sentence: str) -> tuple[int, int] | None:
    """Offsets of a sentence inside an article's text (whitespace-insensitive), or None if absent."""
    sentence = " ".join(str(sentence or "").split())
    if not sentence or not text:
        return None
    i = text.find(sentence)
    if i >= 0:
        return i, i + len(sentence)
    pattern = r"\s+".join(re.escape(w) for w in sentence.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


@dataclass
class Evidence:
    """One supporting sentence on the card: the facts it supports, its article and a link to read it there."""

    sentence: str
    facts: list[str]
    article_id: str
    source: str              # 'Antara · 2019-09-10 · Title'
    link: str                # the Sources page with this article open and the sentence highlighted
    url: str | None = None   # the article's own web address, when it is an http(s) one (safe_text.http_url)
    language: str | None = None   # the article's language (ISO 639-1): the quote is in it, never translated


@dataclass
class EventCard:
    """Everything the event card shows, gathered from the (filtered or full) tables."""

    event_id: str
    name: str
    dates: str
    place: str
    host: str
    event_type: str
    tagline: str | None      # the event's stated theme (events.tagline)
    outcomes: str | None     # outcome sentences as a "- " list, as the outcomes table gives them (unescaped)
    evidence: str | None
    countries: pd.DataFrame = field(default_factory=pd.DataFrame)   # country, iso3, role, ASEAN, articles
    attendees: pd.DataFrame = field(default_factory=pd.DataFrame)   # name, title, organization, country, articles
    themes: pd.DataFrame = field(default_factory=pd.DataFrame)      # theme, theme_label, share, n_evidence, articles
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)     # article_id, outlet, title, published_date, url
    n_articles: int = 0
    country_evidence: list[Evidence] = field(default_factory=list)
    attendee_evidence: list[Evidence] = field(default_factory=list)
    event_evidence: list[Evidence] = field(default_factory=list)
    outcome_sentences: list[str] = field(default_factory=list)  # the same outcomes, one sentence each


def _support(n: int, total: int) -> str:
    return _("{n} of {total}").format(n=i18n.format_number(n), total=i18n.format_number(total))


def _evidence_list(rows: pd.DataFrame, fact: str, texts: Mapping[str, str], articles: pd.DataFrame,
                   link: Callable[[str, tuple[int, int] | None], str]) -> list[Evidence]:
    """Rows carrying (evidence, article_id) grouped by sentence: each sentence once, with every fact it supports."""
    out: dict[tuple[str, str], Evidence] = {}
    by_id = articles.drop_duplicates("article_id").set_index("article_id")
    for r in rows.itertuples(index=False):
        sentence, aid = clean(getattr(r, "evidence")), clean(getattr(r, "article_id"))
        if not sentence or not aid:
            continue
        if (sentence, aid) not in out:
            art = {**(by_id.loc[aid].to_dict() if aid in by_id.index else {}), "article_id": aid}
            span = sentence_span(texts.get(aid, ""), sentence)
            out[(sentence, aid)] = Evidence(sentence, [], aid, source_label(art), link(aid, span),
                                            safe_text.http_url(clean(art.get("url"))), clean(art.get("language")))
        value = str(getattr(r, fact))
        if value not in out[(sentence, aid)].facts:
            out[(sentence, aid)].facts.append(value)
    return list(out.values())


def event_card(tables: dict[str, pd.DataFrame], event_id: str, theme_labels: dict[str, str] | None = None,
               link: Callable[[str, tuple[int, int] | None], str] | None = None) -> EventCard | None:
    """The card for one event, or None when the event is not in tables['events']. `link(article_id, span)`
    makes the address that opens an article with a sentence highlighted (default: no link)."""
    link = link or (lambda article_id, span: "")
    ev = tables["events"]
    rows = ev[ev["event_id"] == event_id]
    if rows.empty:
        return None
    r = rows.iloc[0]
    arts = tables["articles"]
    src = arts[arts["event_id"] == event_id]
    n_articles = int(src["article_id"].nunique())
    own = set(src["article_id"]) | {r["article_id"]}   # only the event's articles are read below
    arts = arts[arts["article_id"].isin(own)]
    txt = tables.get("articles_text", pd.DataFrame(columns=["article_id", "text"]))
    txt = txt[txt["article_id"].isin(own)]
    texts = dict(zip(txt["article_id"], txt["text"].astype(str)))
    p = tables["participants"][tables["participants"]["event_id"] == event_id]
    host_iso = clean(r["host_iso3"])
    a = tables["attendees"][tables["attendees"]["event_id"] == event_id].copy()
    everyone = tables["participants"]
    named = everyone[everyone["iso3"].isin(set(p["iso3"]) | set(a["iso3"].dropna()) | {host_iso})]
    # country names in the interface's language (CLDR; in English the data's own, which are CLDR's)
    names = {i: i18n.country_name(i, n) for i, n in zip(named["iso3"], named["country"])}
    p = p.assign(country=[names.get(i, n) for i, n in zip(p["iso3"], p["country"])])

    m = tables.get("country_mentions", pd.DataFrame(columns=["event_id", "article_id", "iso3", "is_participant"]))
    m = m[(m["event_id"] == event_id) & m["is_participant"].fillna(False).astype(bool)]
    said = m.groupby("iso3")["article_id"].nunique()
    countries = p.assign(
        ASEAN=p["is_asean"].map(yes_no_label),
        articles=[_support(max(int(said.get(i, 0)), 1), n_articles) for i in p["iso3"]],
        order=p["role"].map({r: i for i, r in enumerate(ROLE_LABELS)}).fillna(len(ROLE_LABELS)),
        analyst=p.get("origin", pd.Series("", index=p.index)).map(origin_label),
    ).sort_values(["order", "country"]).assign(role=lambda d: d["role"].map(role_label))[
        ["country", "iso3", "role", "ASEAN", "articles", "analyst"]].reset_index(drop=True)

    a["country"] = [names.get(i) or i18n.country_name(i, all_countries().get(i, i)) if clean(i) else empty_text()
                    for i in a["iso3"]]
    # where each person is named in each of the event's articles (their support, and the sentences below)
    named_in = {(n, aid): spans for n in dict.fromkeys(a["name"]) for aid in src["article_id"]
                if (spans := _find_all(texts.get(aid, ""), str(n)))}
    a["articles"] = [_support(max(sum(1 for aid in src["article_id"] if (n, aid) in named_in), 1), n_articles)
                     for n in a["name"]]
    a["analyst"] = a.get("origin", pd.Series("", index=a.index)).map(origin_label)
    attendees = a[["name", "title", "organization", "country", "articles", "analyst"]].reset_index(drop=True)

    labels = theme_labels or {}
    e = counted_evidence(tables["evidence"][tables["evidence"]["event_id"] == event_id], arts)
    per = e.groupby("theme").agg(n_evidence=("sentence", "size"), n_art=("article_id", "nunique")).reset_index()
    per["share"] = per["n_evidence"] / max(int(per["n_evidence"].sum()), 1)
    per = per.sort_values(["n_evidence", "theme"], ascending=[False, True])
    themes = per.assign(theme_label=per["theme"].map(lambda c: labels.get(c, c)),
                        articles=[_support(int(n), n_articles) for n in per["n_art"]])[
        ["theme", "theme_label", "share", "n_evidence", "articles"]].reset_index(drop=True)

    o = tables["outcomes"]
    sents = o.loc[o["event_id"] == event_id, "sentence"].dropna().astype(str)
    outcome_sentences = list(dict.fromkeys(sents))
    outcomes = "\n".join(f"- {s}" for s in outcome_sentences) or None
    # every article that supports a fact gives its sentence, not only the one the fact was read from
    # (its first mention there), beyond the one each fact was read from
    at, shown_iso3 = _SentenceFinder(texts), set(p["iso3"])
    read_from = set(zip(p["iso3"], p["article_id"])) | set(zip(a["name"], a["article_id"]))
    first = m.dropna(subset=["char_start"]).sort_values("char_start").drop_duplicates(["iso3", "article_id"])
    more_countries = [{"country": names.get(i, i), "evidence": at(aid, int(start)), "article_id": aid}
                      for i, aid, start in zip(first["iso3"], first["article_id"], first["char_start"])
                      if i in shown_iso3 and (i, aid) not in read_from]
    more_people = [{"name": n, "evidence": at(aid, spans[0][0]), "article_id": aid}
                   for (n, aid), spans in named_in.items() if (n, aid) not in read_from]
    event_row = pd.DataFrame([
        {"fact": _("the event"), "evidence": r["evidence"], "article_id": r["article_id"]},
        {"fact": _("its date"), "evidence": r.get("date_evidence"), "article_id": r["article_id"]}])
    return EventCard(
        event_id=event_id, name=name_with_acronym(r["name"], r["acronym"]),
        dates=date_span(r["start_date"], r["end_date"]),
        place=", ".join(x for x in (clean(r["venue"]), clean(r["city"])) if x) or empty_text(),
        host=f"{names.get(host_iso, host_iso)} ({host_iso})" if host_iso else empty_text(),
        event_type=event_type_label(r["event_type"]),
        tagline=clean(r["tagline"]), outcomes=outcomes, evidence=clean(r["evidence"]),
        countries=countries, attendees=attendees, themes=themes,
        sources=src.assign(read=[link(x, None) or None for x in src["article_id"]],  # the app's own links
                           url=[safe_text.http_url(clean(u)) for u in src["url"]])[
            ["article_id", "outlet", "title", "author", "published_date", "read", "url"]].reset_index(drop=True),
        n_articles=n_articles,
        country_evidence=_evidence_list(_with_rows(p.sort_values(["role", "country"]), more_countries), "country",
                                        texts, arts, link),
        attendee_evidence=_evidence_list(_with_rows(a, more_people), "name", texts, arts, link),
        event_evidence=_evidence_list(event_row, "fact", texts, arts, link),
        outcome_sentences=outcome_sentences,
    )


class _SentenceFinder:
    """The sentence of an article that holds a character offset (each article split once)."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = texts
        self._split: dict[str, list] = {}

    def __call__(self, article_id: str, offset: int) -> str | None:
        if article_id not in self._split:
            self._split[article_id] = split_sentences(self._texts.get(article_id, ""))
        return next((x.text for x in self._split[article_id] if x.start <= offset < x.end), None)


def _with_rows(facts: pd.DataFrame, more: list[dict]) -> pd.DataFrame:
    """The facts' own rows first (the sentence each was read from), then one more row per supporting article."""
    return pd.concat([facts, pd.DataFrame(more, columns=list(more[0]) if more else [])], ignore_index=True) \
        if more else facts


def _dated_names(events: pd.DataFrame) -> dict[str, str]:
    """event_id -> 'Name (YYYY-MM-DD)', made once per event rather than once per row."""
    return {e: dated_name(n, d) for e, n, d in zip(events["event_id"], events["event_name"], events["start_date"])}


def people_summary(attendees: pd.DataFrame, events: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """One row per person: name, titles, organisations, country, n_events, events (by date). Gathered in
    one pass over plain rows (a pandas group per person took seconds at 10,000 people)."""
    cols = ["name", "titles", "organizations", "country", "n_events", "events"]
    if attendees.empty:
        return pd.DataFrame(columns=cols)
    names = {i: i18n.country_name(i, n) for i, n in zip(participants["iso3"], participants["country"])}
    ev = events[["event_id", "name", "start_date"]].rename(columns={"name": "event_name"})
    a = attendees.merge(ev, on="event_id", how="inner").sort_values(["name", "start_date"], kind="stable")
    dated = _dated_names(ev)
    people: dict[str, dict[str, dict]] = {}
    for name, title, org, iso3, event_id, event_name, start in zip(
            a["name"], a["title"], a["organization"], a["iso3"], a["event_id"], a["event_name"], a["start_date"]):
        p = people.setdefault(name, {"titles": {}, "organizations": {}, "country": {}, "ids": {}, "events": {}})
        for column, value in (("titles", title), ("organizations", org), ("country", names.get(iso3, iso3) if clean(iso3) else None)):
            if clean(value):
                p[column][str(value)] = None
        p["ids"][event_id] = None
        p["events"][dated[event_id]] = None
    rows = [{"name": name, "titles": "; ".join(p["titles"]), "organizations": "; ".join(p["organizations"]),
             "country": "; ".join(p["country"]), "n_events": len(p["ids"]), "events": "; ".join(p["events"])}
            for name, p in people.items()]
    return pd.DataFrame(rows, columns=cols).sort_values(["n_events", "name"], ascending=[False, True]).reset_index(drop=True)


def country_summary(participants: pd.DataFrame, events: pd.DataFrame, attendees: pd.DataFrame) -> pd.DataFrame:
    """One row per country: country, iso3, ASEAN, n_events, roles, events, people named."""
    cols = ["country", "iso3", "ASEAN", "n_events", "roles", "events", "people"]
    if participants.empty:
        return pd.DataFrame(columns=cols)
    ev = events[["event_id", "name", "start_date"]].rename(columns={"name": "event_name"})
    p = participants.merge(ev, on="event_id", how="inner").sort_values("start_date")
    dated = _dated_names(ev)
    people_of = {iso: names for iso, names in attendees.groupby("iso3", sort=False)["name"]}
    rows = []
    for iso, g in p.groupby("iso3", sort=False):
        people = people_of.get(iso, pd.Series(dtype=object))
        rows.append({
            "country": i18n.country_name(iso, g["country"].iloc[0]), "iso3": iso,
            "ASEAN": yes_no_label(g["is_asean"].any()), "n_events": g["event_id"].nunique(),
            "roles": "; ".join(dict.fromkeys(role_label(x) for x in g["role"].astype(str))),
            "events": "; ".join(dict.fromkeys(dated[e] for e in g["event_id"])),
            "people": "; ".join(dict.fromkeys(people.astype(str))),
        })
    d = pd.DataFrame(rows, columns=cols)
    member = d["ASEAN"].eq(_("yes"))   # members first, in any language
    return (d.assign(_member=member).sort_values(["_member", "n_events", "country"], ascending=[False, False, True])
            .drop(columns="_member").reset_index(drop=True))


def outlet_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet: articles and events it reported, most articles first (missing outlet named)."""
    a = articles.assign(outlet=articles["outlet"].fillna(_no_outlet()))
    return (a.groupby("outlet").agg(articles=("article_id", "nunique"), events=("event_id", "nunique"))
            .reset_index().sort_values(["articles", "outlet"], ascending=[False, True]).reset_index(drop=True))


def organisation_table(attendees: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per organisation named for an attendee: its people and the events they attended."""
    orgs = attendees.dropna(subset=["organization"])
    if orgs.empty:
        return pd.DataFrame(columns=["organization", "people", "events"])
    names = dict(zip(events["event_id"], events["name"]))
    return (orgs.assign(event=orgs["event_id"].map(names))
            .groupby("organization").agg(people=("name", lambda s: "; ".join(dict.fromkeys(s))),
                                         events=("event", lambda s: "; ".join(dict.fromkeys(s.dropna()))))
            .reset_index())


@dataclass
class EvidenceGroup:
    """One event's sentences for a theme, in article order, each with its cues and source."""

    heading: str                                  # 'RCDD · 10 Sep 2019'
    items: list[tuple[str, list[Span], str, str]]  # (sentence, cue spans, 'Antara, 2019-09-10 · article a01', link)


def theme_evidence_groups(evidence: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame, theme: str,
                          link: Callable[[str, tuple[int, int] | None], str] | None = None) -> list[EvidenceGroup]:
    """A theme's evidence sentences grouped by event (by date), each sentence once per article with every
    cue it matched marked, its source, and a link that opens the article with the sentence highlighted."""
    link = link or (lambda article_id, span: "")
    ev = evidence[evidence["theme"] == theme]
    columns = ["article_id", "outlet", "published_date"] + (["language"] if "language" in articles.columns else [])
    arts = articles.loc[articles["article_id"].isin(ev["article_id"].unique()),   # only the rows needed
                        columns].drop_duplicates("article_id")
    evs = events.loc[events["event_id"].isin(ev["event_id"].unique()),
                     ["event_id", "name", "start_date"]].rename(columns={"name": "event"})
    rows = (ev.merge(evs, on="event_id", how="left").merge(arts, on="article_id", how="left")
            .sort_values(["start_date", "article_id", "char_start"]))
    # plain dicts, not nested groupbys: a page of 20 events' sentences in milliseconds
    by_event: dict[tuple, dict[tuple, list[dict]]] = {}
    for r in rows.to_dict("records"):
        event, start = (None if pd.isna(r[c]) else r[c] for c in ("event", "start_date"))   # one key for NaN
        by_event.setdefault((event, start), {}).setdefault((r["sentence"], r["article_id"]), []).append(r)
    groups = []
    for (event, start), sentences in by_event.items():
        items = []
        for (sentence, article_id), grp in sentences.items():
            first = grp[0]
            source = _("{outlet}, {date} · article {article}").format(
                outlet=clean(first["outlet"]) or _no_outlet(), date=fmt_date(first["published_date"]),
                article=article_id)
            language = i18n.language_name(first.get("language"))   # the sentence stays in it, untranslated
            if language:
                source += " · " + _("in {language}").format(language=language)
            s, e = first.get("char_start"), first.get("char_end")
            span = (int(s), int(e)) if pd.notna(s) and pd.notna(e) else None
            items.append((str(sentence), cue_spans(str(sentence), [g["cue"] for g in grp], theme), source,
                          link(str(article_id), span)))
        groups.append(EvidenceGroup(f"{event} · {date_span(start, start)}", items))
    return groups


# ---------------------------------------------------------------------------------------------
# Highlighting facts in article text
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """A highlighted stretch of text: [start, end) offsets, a kind (theme code, 'person', 'country'), a tooltip."""

    start: int
    end: int
    kind: str
    label: str


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle or len(needle) < 3:
        return []
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text, re.IGNORECASE)]


def article_spans(article_id: str, text: str, tables: dict[str, pd.DataFrame],
                  theme_labels: dict[str, str] | None = None) -> list[Span]:
    """Spans of the facts extracted from one article: theme cues at their offsets, people's names and
    countries where they occur (offsets from the tables when given, else every exact mention)."""
    labels = theme_labels or {}
    spans: list[Span] = []
    ev = tables["evidence"][tables["evidence"]["article_id"] == article_id]
    for r in ev.itertuples(index=False):
        s, e = r.char_start, r.char_end
        label = _("theme: {theme} (cue “{cue}”)").format(theme=labels.get(r.theme, r.theme), cue=r.cue)
        if pd.notna(s) and pd.notna(e) and 0 <= int(s) < int(e) <= len(text):
            s, e = int(s), int(e)
            inner = _find_all(text[s:e], str(r.cue)) if clean(r.cue) else []
            if inner and (e - s) > len(str(r.cue)):  # offsets cover the sentence: mark the cue inside it
                s, e = s + inner[0][0], s + inner[0][1]
            spans.append(Span(s, e, str(r.theme), label))
        else:  # offsets missing: fall back to the cue's first mention inside its sentence
            base = text.find(str(r.sentence)) if clean(r.sentence) else -1
            for a, b in _find_all(text[max(base, 0):], str(r.cue))[:1]:
                spans.append(Span(a + max(base, 0), b + max(base, 0), str(r.theme),
                                  _("theme: {theme}").format(theme=labels.get(r.theme, r.theme))))
    mentions = tables.get("country_mentions")
    sources = [("person", "attendees", "name")]
    if mentions is not None and not mentions.empty:
        m = mentions[mentions["article_id"] == article_id]
        for r in m.itertuples(index=False):
            if pd.notna(r.char_start) and pd.notna(r.char_end) and 0 <= int(r.char_start) < int(r.char_end) <= len(text):
                part = bool(r.is_participant) if not pd.isna(r.is_participant) else False
                said = (_("participant: {country} ({iso3})") if part
                        else _("mentioned in passing: {country} ({iso3})"))
                spans.append(Span(int(r.char_start), int(r.char_end), "country" if part else "mention",
                                  said.format(country=i18n.country_name(r.iso3, r.country), iso3=r.iso3)))
    else:
        sources.append(("country", "participants", "country"))
    arts = tables["articles"]
    event_ids = set(arts.loc[arts["article_id"] == article_id, "event_id"].dropna())
    for kind, table, col in sources:  # names of the event's people/countries, wherever this article mentions them
        t = tables[table]
        t = t[(t["article_id"] == article_id) | t["event_id"].isin(event_ids)]
        said = _("person: {name}") if kind == "person" else _("country: {name}")
        # a country's name as the reader's language writes it (the text is searched for the data's own)
        shown = ({str(n): i18n.country_name(i, str(n)) for n, i in zip(t["country"], t["iso3"]) if pd.notna(n)}
                 if kind == "country" and "iso3" in t.columns else {})
        if {"char_start", "char_end"} <= set(t.columns):
            for r in t.itertuples(index=False):
                if pd.notna(r.char_start) and pd.notna(r.char_end):
                    value = str(getattr(r, col))
                    spans.append(Span(int(r.char_start), int(r.char_end), kind,
                                      said.format(name=shown.get(value, value))))
            continue
        for value in dict.fromkeys(t[col].dropna().astype(str)):
            for a, b in _find_all(text, value):
                spans.append(Span(a, b, kind, said.format(name=shown.get(value, value))))
    return spans


def cue_spans(sentence: str, cues: list[str], theme: str) -> list[Span]:
    """Spans of each cue's mentions inside one sentence (case-insensitive), for the evidence lists."""
    said = _("cue “{cue}”")
    return [Span(a, b, theme, said.format(cue=c)) for c in dict.fromkeys(cues) for a, b in _find_all(sentence, str(c))]


def _style(kind: str) -> str:
    if kind == "quote":
        return f"background:{palette.HIGHLIGHT_QUOTE};outline:2px solid {palette.ORANGE}"
    if kind == "mention":
        return "background:transparent;border-bottom:2px dotted #767676"
    if kind == "person":
        return f"background:{palette.HIGHLIGHT_PEOPLE};border-bottom:2px solid {palette.ORANGE}"
    if kind == "country":
        return f"background:{palette.HIGHLIGHT_COUNTRIES};border-bottom:2px solid {palette.BLUE}"
    c = palette.theme_color(kind)
    return f"background:{palette.tint(c)};border-bottom:3px solid {c}"


def highlight_html(text: str, spans: list[Span], quote: tuple[int, int] | None = None) -> str:
    """HTML of the text (escaped) with non-overlapping <mark> elements; where spans overlap, the earlier
    (then longer) one wins. `quote` (offsets of a linked sentence) is marked as a whole, its facts inside
    it left plain. Paragraph breaks are kept."""
    if quote is not None and 0 <= quote[0] < quote[1] <= len(text):
        spans = [sp for sp in spans if sp.end <= quote[0] or sp.start >= quote[1]]
        spans.append(Span(quote[0], quote[1], "quote", _("the sentence you followed a link to")))
    chosen: list[Span] = []
    last_end = 0
    for sp in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if sp.start >= last_end and sp.end > sp.start:
            chosen.append(sp)
            last_end = sp.end
    parts: list[str] = []
    pos = 0
    for sp in chosen:
        parts.append(html.escape(text[pos:sp.start]))
        parts.append(f'<mark title="{html.escape(sp.label)}" style="{_style(sp.kind)};padding:0 2px;border-radius:2px">'
                     f"{html.escape(text[sp.start:sp.end])}</mark>")
        pos = sp.end
    parts.append(html.escape(text[pos:]))
    body = safe_text.newlines_to_html("".join(parts))  # no line break left: the HTML block holds
    return f'<div style="line-height:1.7;font-size:1.02rem"><p>{body}</p></div>'


def legend_html(theme_labels: dict[str, str], themes_present: list[str], quote: bool = False) -> str:
    """A one-line key for the highlight colours (with the linked sentence's when one is marked)."""
    def key(kind: str, label: str) -> str:
        return f'<mark style="{_style(kind)};padding:0 4px">{_one_line(label)}</mark>'

    items = [key("person", _("person")), key("country", _("participating country")),
             key("mention", _("country mentioned in passing"))]
    items += [key(t, theme_labels.get(t, t)) for t in themes_present]
    if quote:
        items.insert(0, key("quote", _("linked sentence")))
    return safe_text.html_block(" ".join(items))  # a <div>: Markdown must not read between the <mark>s


# ---------------------------------------------------------------------------------------------
# The Sources page's reader: this session's uploads, rejected articles, the event's card
# ---------------------------------------------------------------------------------------------
# Article text, titles and reasons are untrusted: they go into the page as one HTML block, escaped and
# with no blank line (Markdown leaves an HTML block alone, so `*`, `$`, `#` or `[..](..)` in an article
# show as written and never become markup, maths or links).

NEW_COLUMN = N_("new in this session")   # the column's name (a code); its header reads _(NEW_COLUMN)


def new_article_ids(uploads: list[Mapping] | None, articles: pd.DataFrame) -> set[str]:
    """The article ids of the files an upload of this session added to the seeds folder: rows of
    maintenance.upload_outcomes saved (under their name or another), not those already present or skipped.
    A row names its file in the seeds folder; its article is the articles row of that source_file, else
    the file's stem (the article id)."""
    files = {str(r.get("file in seeds")) for r in uploads or ()
             if r.get("upload") in (SAVED, RENAMED) and clean(r.get("file in seeds"))}
    if not files:
        return set()
    ids = set(articles["article_id"].astype(str))
    by_file = set(articles.loc[articles["source_file"].astype(str).isin(files), "article_id"].astype(str)) \
        if "source_file" in articles.columns else set()
    return by_file | {stem for stem in (PurePath(f).stem for f in files) if stem in ids}


def with_new_column(articles: pd.DataFrame, new_ids: set[str]) -> pd.DataFrame:
    """The articles table with a first column NEW_COLUMN (True for this session's uploads), when there
    are any; unchanged otherwise (no column of False after every page load)."""
    if not new_ids:
        return articles
    out = articles.copy()
    out.insert(0, NEW_COLUMN, out["article_id"].astype(str).isin(new_ids))
    return out


def article_choice_label(article_id: str, article: Mapping, is_new: bool = False) -> str:
    """A reader picker's label: 'a01 · Antara · 2019-09-10 · Title', led by labels.NEW_MARK for an
    article uploaded in this session."""
    return (new_mark() if is_new else "") + f"{article_id} · {source_label({**article, 'article_id': article_id})}"


def reader_header_html(article: Mapping) -> str:
    """The reader's head: the title in bold, then outlet · byline · date · its own address, escaped."""
    url = _web_address(article.get("url"))
    parts = [_one_line(clean(article.get("outlet")) or _no_outlet()),
             _one_line(clean(article.get("author")) or _("no byline")), fmt_date(article.get("published_date"))]
    if url:
        original = _one_line(_("original"))
        parts.append(f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{original} ↗</a>')
    title = _one_line(clean(article.get("title")) or _("Untitled"))
    return f"<div><b>{title}</b><br>" + " · ".join(parts) + "</div>"


def reader_caption_html(article: Mapping, event_name: str | None, card_link: str | None) -> str:
    """The reader's caption: the event the article reports, linked to its card on the Timeline (same tab),
    then language, words and file, every value escaped."""
    event_id = clean(article.get("event_id"))
    if event_id is None:
        event = _one_line(_("no event"))
    else:
        name = _one_line(event_name or event_id)
        tip = html.escape(_("Open this event’s card on the Timeline"))
        event = (f'<a href="{html.escape(card_link)}" target="_self" title="{tip}">{name}</a>' if card_link else name)
    n_words = article.get("n_words")
    words = (ngettext("{n} word", "{n} words", int(n_words)).format(n=i18n.format_number(int(n_words)))
             if n_words is not None and not pd.isna(n_words) else _("words not stated"))
    file = clean(article.get("source_file")) or clean(article.get("article_id")) or empty_text()
    line = _("Reports: {event} · language {language} · {words} · file {file}").format(
        event=event, language=_one_line(clean(article.get("language")) or empty_text()), words=_one_line(words),
        file=_one_line(file))
    return f"<div>{line}</div>"


def app_link_html(href: str, text: str) -> str:
    """A link to another page of the app (filters.page_url), opened in the same tab like the card's links."""
    return f'<div><a href="{html.escape(href)}" target="_self">{_one_line(text)}</a></div>'


def linked_sentence_html(sentence: str) -> str:
    """The sentence a link pointed at, quoted and escaped, above the text where it is marked."""
    label, where = _one_line(_("Linked sentence:")), _one_line(_("(marked in yellow below)"))
    return f"<div><b>{label}</b> “{_one_line(sentence)}” {where}</div>"


def rejected_reason_html(reason) -> str:
    """A rejected article's reason, set apart in an amber box (escaped: it may quote the article)."""
    label, said = _one_line(_("Rejected:")), _one_line(clean(reason) or _("no reason recorded"))
    return (f'<div style="border-left:4px solid {palette.ORANGE};background:#fff4e5;padding:0.5rem 0.8rem;'
            f'border-radius:4px"><b>{label}</b> {said}</div>')


def waits_for_its_date(reason) -> bool:
    """Whether a rejected article names a meeting but gives no year: an analyst setting its date makes it
    an event (dashboard.review.NO_YEAR, the build's wording)."""
    return NO_YEAR in str(clean(reason) or "")


def rejected_articles(articles: pd.DataFrame, texts: pd.DataFrame) -> pd.DataFrame:
    """The rejected rows of `articles`, by article id, with `has_text`: whether the build kept their
    cleaned text (articles_text) so they can be read."""
    rej = articles[articles["status"] != "included"].sort_values("article_id")
    texts = texts[texts["article_id"].isin(set(rej["article_id"]))]   # not every article's text
    kept = set(texts.loc[texts["text"].fillna("").astype(str).str.strip() != "", "article_id"].astype(str))
    return rej.assign(has_text=rej["article_id"].astype(str).isin(kept)).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# The Data page's corrections log
# ---------------------------------------------------------------------------------------------

CORRECTION_COLUMNS = ["status", "detail", "action", "event_id", "target", "value", "note", "who", "when",
                      "evidence", "article_id", "title", "organization", "event_article"]


def corrections_log(corrections: pd.DataFrame) -> pd.DataFrame:
    """Every analyst correction the build read, stale ones first (each group in file order), status and
    detail leading; columns the table lacks are left out, others it adds follow."""
    cols = [c for c in CORRECTION_COLUMNS if c in corrections.columns]
    out = corrections[cols + [c for c in corrections.columns if c not in cols]]
    if "status" in out.columns:
        stale = out["status"].fillna("").astype(str).str.strip().str.lower().eq("stale")
        out = pd.concat([out[stale], out[~stale]])
    return out.reset_index(drop=True)
