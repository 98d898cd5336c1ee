"""Outcomes: a sentence saying the event adopted, signed, agreed, launched or decided something
(data/cues.csv `outcome`), with the document it names where it names one (`the Bangkok Digital
Declaration`, `Rencana Kerja Keamanan Siber ASEAN 2024-2026`). A forecast (`expected to agree`,
`akan ditutup dengan pengesahan`), a headline, or a sentence about another meeting is not an outcome."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .events import future_pattern
from .resources import cues, read_rows
from .sentences import Sentence
from .textutil import phrase_pattern

MIN_OUTCOME_WORDS = 6  # a subheading such as "Final results" is not an outcome sentence
FORECAST_WORDS = 6     # words before the verb in which a future or forecast word makes it a forecast

# How reliable each way of tying an outcome sentence to the event is (codebook: method).
OUTCOME_CONFIDENCE = {"outcome_named_document": 0.9, "outcome_names_event": 0.85, "outcome_meeting_word": 0.7}


@dataclass(frozen=True)
class Outcome:
    """One outcome sentence: the verb that makes it one, how it ties to the event, the document it names."""
    sentence: Sentence
    cue: str
    method: str
    confidence: float
    document: str | None


@lru_cache(maxsize=None)
def _pattern(kind: str) -> re.Pattern[str]:
    return phrase_pattern(cues(kind), ignore_case=True)


@lru_cache(maxsize=1)
def _document_pattern() -> re.Pattern[str]:
    """A named document: capitalised words around a document word (`Bangkok Digital Declaration`,
    `Jakarta Message on Regional Cooperation`, `Deklarasi Bandar Seri Begawan`, `MoU`)."""
    nouns = sorted({w for c in cues("outcome_document") for w in [c.title(), c] if w[:1].isupper()},
                   key=len, reverse=True)
    noun = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    from .dates import month_lookup, weekday_lookup
    when = "|".join(sorted((re.escape(w.title()) for w in list(month_lookup()) + list(weekday_lookup())),
                           key=len, reverse=True))
    cap = rf"(?!(?:{when})\b)[A-Z][\w'’.-]*"   # `... Declaration on Friday`: a day, not the name
    tail = rf"(?:\s+(?:on|of|for|in|to|tentang|untuk|dan|and|the)\s+(?:the\s+)?{cap}|\s+{cap}|\s+\d{{4}}(?:[-–]\d{{4}})?)*"
    return re.compile(rf"(?<![\w-])(?:(?:{cap}\s+){{1,5}}(?:{noun})(?![\w-]){tail}|(?:{noun})(?:\s+{cap}|\s+\d{{4}}(?:[-–]\d{{4}})?)+{tail})")


def named_document(text: str) -> str | None:
    """The first document a sentence names by its proper name, or None."""
    m = _document_pattern().search(text)
    return " ".join(m.group().split()).rstrip(".,;:") if m else None


@lru_cache(maxsize=1)
def _meeting_words() -> re.Pattern[str]:
    words = [r["keyword"] for r in read_rows("event_types") if r["event_type"] != "not_event"]
    return phrase_pattern(words, ignore_case=True)


def _of_another_meeting(document: str) -> bool:
    """A document named after a meeting (`... Statement of the Special ASEAN Summit`): adopted there,
    so it is that meeting's outcome, recalled, not this one's."""
    m = re.search(r"\b(?:of|dari)\s+(?:the\s+)?(.+)$", document)
    return bool(m and _meeting_words().search(m.group(1)))


def is_forecast(text: str, verb_at: int) -> bool:
    """A future or expected outcome (`were expected to agree`, `akan ditutup dengan pengesahan`)."""
    before = " ".join(text[:verb_at].split()[-FORECAST_WORDS:])
    clause = re.split(r"[,;:]", text[:verb_at])[-1]   # `They are scheduled to hold sessions ... to agree`
    return bool(future_pattern().search(before) or _pattern("outcome_forecast").search(clause))


def find_outcome(sentence: Sentence, about_event: str | None, headline: str | None) -> Outcome | None:
    """The outcome a sentence reports, or None. `about_event` is how the sentence speaks of the
    event (`outcome_names_event`, `outcome_meeting_word`) or None when it does not."""
    text = sentence.text
    verb = _pattern("outcome").search(text)
    if (verb is None or about_event is None or text == headline or len(text.split()) < MIN_OUTCOME_WORDS
            or is_forecast(text, verb.start())):
        return None
    document = named_document(text)
    if document and _of_another_meeting(document):
        return None   # `the Joint Statement of the Special ASEAN Plus Three Summit`: another meeting's text
    method = "outcome_named_document" if document else about_event
    return Outcome(sentence, verb.group(), method, OUTCOME_CONFIDENCE[method], document)


def rank_outcomes(rows: list[dict]) -> list[dict]:
    """Number one event's outcome rows 1..n: a named document first, then the surest, then in article
    order (the sort is stable)."""
    order = sorted(rows, key=lambda r: (r["document"] is None, -r["confidence"]))
    return [dict(r, rank=i) for i, r in enumerate(order, start=1)]
