"""One article through steps 1-6: clean text, metadata, the event it reports, its countries, people,
themes and outcomes. Pure: bytes in, an ArticleResult out; no other article is consulted."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from .countries import CountryMention, find_countries
from .dates import context_year
from .events import (EventCandidate, cue_pattern, dated_before, extract_event, find_event_names, is_opinion,
                     is_reference)
from .load import MIN_WORDS, clean_text, decode_bytes, normalise, word_count
from .metadata import Metadata, extract_metadata
from .outcomes import Outcome, find_outcome
from .participants import CountryFact, countries_in_sentence, countries_of_people
from .people import PersonMention, find_people, speaker_words, speech_pattern
from .resources import cues, read_rows
from .sentences import Sentence, split_sentences
from .textutil import phrase_pattern
from .themes import ThemeHit, find_themes
from .webpage import is_web_page, page_to_article


@dataclass
class ArticleResult:
    """Everything extracted from one input file, or why it was rejected."""
    article_id: str
    source_file: str
    sha256: str
    status: str = "included"
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""
    metadata: Metadata = field(default_factory=Metadata)
    n_words: int = 0
    event: EventCandidate | None = None
    people: list[PersonMention] = field(default_factory=list)
    country_facts: list[CountryFact] = field(default_factory=list)
    mentions: list[CountryMention] = field(default_factory=list)
    themes: list[ThemeHit] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    openers: list[PersonMention] = field(default_factory=list)

    def reject(self, reason: str) -> "ArticleResult":
        self.status, self.reason = "rejected", reason
        return self


def _attended(person: PersonMention, event: EventCandidate) -> bool:
    """A person took part when their sentence has them speak, attend, chair or open, or names the
    event; not when the sentence is about another event and names them only in that part."""
    s = person.sentence
    if is_reference(s):
        # "X said the forum follows up on ..." - X speaks here; the other event comes after the name.
        cue = cue_pattern("reference").search(s.text) or cue_pattern("cancel").search(s.text)
        name_at = s.text.find(person.name)
        if name_at < 0 or cue.start() < name_at:
            return False
        if not speech_pattern().search(s.text, name_at, cue.start()):
            return False  # `Chinh met Widodo the previous afternoon`: they did something else, elsewhere
    if speech_pattern().search(s.text) or any(cue_pattern(k).search(s.text) for k in
                                               ("participation", "co_chair", "host", "chair", "vice_chair", "opening")):
        return True
    names = [m.name for m in event.mentions] + ([event.acronym] if event.acronym else [])
    return any(n in s.text for n in names)


def _about_event(sentence: Sentence, event: EventCandidate) -> str | None:
    """How the sentence speaks of the event itself: by its name or acronym, or by a meeting word or
    its delegates; None when it does not."""
    text = sentence.text
    if event.acronym and event.acronym in text or any(m.name in text for m in event.mentions):
        return "outcome_names_event"
    return "outcome_meeting_word" if _event_words().search(text) else None


@lru_cache(maxsize=1)
def _event_words() -> re.Pattern[str]:
    """Meeting words (data/event_types.csv) and words for its delegates (cues.csv `participation`)."""
    meeting = [r["keyword"] for r in read_rows("event_types") if r["event_type"] != "not_event"]
    return phrase_pattern(meeting + list(cues("participation")), ignore_case=True)


def surname_speakers(sentence: Sentence, named: list[PersonMention]) -> list[PersonMention]:
    """A person named in full earlier and now by one of their names alone as a speaker (`Lim said`,
    `kata Santoso`, `Menurut Budi,`): the earlier full mention, tied to this sentence, when that name
    belongs to one person only and the sentence is not about another event."""
    if is_reference(sentence):
        return []
    out = []
    for word in speaker_words(sentence.text):
        owners = {p.name: p for p in named if len(p.name.split()) > 1 and word in p.name.split()}
        if len(owners) == 1:
            (p,) = owners.values()
            out.append(replace(p, sentence=sentence, method="surname_reference", confidence=0.6))
    return out


def _no_event_reason(sentences: list[Sentence], published) -> str:
    """Why no event came out: no meeting named at all, or a meeting named with no date whose year is
    known (the maintainer can then add the article's publication line)."""
    names = [m.name for m in find_event_names(sentences) if not m.background]
    if names and published is None:
        return (f"no event found: it names '{names[0]}' but gives no date with a year "
                "(no publication date line and no full date in the text)")
    return "no event found (no named meeting, conference or seminar with a date)"


def process_article(article_id: str, source_file: str, data: bytes, published: date | None = None) -> ArticleResult:
    """Run steps 1-6 on one file's bytes; `published` (an analyst's correction) replaces the date the
    text gives, so a report whose year sits only outside its text dates its event."""
    # Load inputs
    result = ArticleResult(article_id, source_file, hashlib.sha256(data).hexdigest())
    decoded = decode_bytes(data)
    result.warnings += decoded.warnings
    if decoded.text is None:
        return result.reject(decoded.reason or "unreadable")

    # A saved web page: its main text and metadata, as a plain-text article
    if is_web_page(source_file):
        page = page_to_article(decoded.text)
        if page is None:
            return result.reject("a web page with no article text (only menus, scripts or links)")
        decoded = replace(decoded, text=page)

    # Process data: clean text and metadata
    cleaned = clean_text(decoded.text)
    header = [line.strip() for line in normalise(decoded.text).split("\n") if line.strip()]
    meta = extract_metadata(cleaned.paragraphs, header)
    if published is not None:
        meta.published_date = published
    body = [p for i, p in enumerate(cleaned.paragraphs) if i not in meta.metadata_paragraphs]
    result.dropped = cleaned.dropped + [(p, "metadata line") for i, p in enumerate(cleaned.paragraphs)
                                        if i in meta.metadata_paragraphs]
    result.text, result.metadata = "\n\n".join(body), meta
    result.n_words = word_count(result.text)
    if result.n_words < MIN_WORDS:
        return result.reject(f"too short to be an article ({result.n_words} words after cleaning)")

    # Process data: the event, then facts tied to it
    if is_opinion(meta.title):
        return result.reject(f"an opinion piece, not an event report (headline '{meta.title}')")
    sentences = split_sentences(result.text)
    event = extract_event(result.text, sentences, meta.title, meta.published_date,
                          context_year(result.text, meta.published_date))
    if event is None:
        return result.reject(_no_event_reason(sentences, meta.published_date))
    result.event = event
    named: list[PersonMention] = []
    for s in sentences:
        found = find_people(s, result.text)
        named += found
        people = [p for p in found if _attended(p, event)] + surname_speakers(s, named)
        result.people += people
        if cue_pattern("opening").search(s.text):
            result.openers += [p for p in people if p.official]
        result.country_facts += countries_in_sentence(s, event.start_date)
        result.themes += find_themes(s)
        earlier = is_reference(s) or dated_before(s, event.start_date)
        outcome = find_outcome(s, None if earlier else _about_event(s, event), meta.title)
        if outcome:
            result.outcomes.append(outcome)
    result.country_facts += countries_of_people(result.people)
    result.mentions = find_countries(result.text)
    return result


