"""Step 4, countries: who took part, in what role. A country counts only where a sentence says it
attended, co-chaired or hosted (the nearest such cue governs it), or where a person who spoke at the
event holds an official post of that country. A country merely mentioned (a trade war, a former
posting, a regulation abroad) is kept as a mention, not a participant."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .countries import find_asean_groups, find_countries, asean_members_on
from .events import cue_pattern, is_reference
from .people import PersonMention
from .sentences import Sentence

ROLE_OF_CUE = {"participation": "participant", "co_chair": "co_chair", "host": "host"}
ROLE_RANK = {"host": 0, "co_chair": 1, "participant": 2, "speaker_country": 3}
# A country right after one of these is a place or a destination, not a delegation.
_LOCATIVE = re.compile(r"(?:\b(?:di|ke|untuk|in|to|at|against|towards)\s+(?:the\s+)?)$", re.IGNORECASE)
# Two countries joined by a dash (`Amerika Serikat-China`, `US–China`) name a relation between them
# (a trade war, bilateral ties), not two delegations; only a co-chairing pair is written that way.
_PAIR_JOIN = re.compile(r"\s*[-–—]\s*")


@dataclass(frozen=True)
class CountryFact:
    """A country's part in the event, with the sentence that shows it."""
    iso3: str
    role: str
    sentence: Sentence
    method: str = "role_cue"   # the rule that made it a participant (see codebook: method)
    confidence: float = 0.8


def _cues(sentence: Sentence) -> list[tuple[int, str]]:
    spans = []
    for kind in ROLE_OF_CUE:
        spans += [(m.start(), kind) for m in cue_pattern(kind).finditer(sentence.text)]
    return sorted(spans)


def _governing_role(cues: list[tuple[int, str]], pos: int) -> str:
    before = [c for c in cues if c[0] < pos]
    kind = before[-1][1] if before else min(cues, key=lambda c: c[0] - pos)[1]
    return ROLE_OF_CUE[kind]


def countries_in_sentence(sentence: Sentence, event_date: date) -> list[CountryFact]:
    """Countries that a cue sentence says took part (group phrases such as `10 negara ASEAN` expand
    to ASEAN's members on the event date)."""
    if is_reference(sentence) or cue_pattern("comparison").search(sentence.text):
        return []  # another event, or countries cited as examples or for comparison
    cues = _cues(sentence)
    if not cues:
        return []
    text = sentence.text
    facts = []
    mentions = find_countries(text)
    paired = {x.start for a, b in zip(mentions, mentions[1:])
              if _PAIR_JOIN.fullmatch(text[a.end:b.start]) for x in (a, b)}
    for m in mentions:
        if _LOCATIVE.search(text[max(0, m.start - 20):m.start]):
            continue
        role = _governing_role(cues, m.start)
        if m.start in paired and role != "co_chair":
            continue
        facts.append(CountryFact(m.iso3, role, sentence))
    for g in find_asean_groups(text):
        role = _governing_role(cues, g.start)
        facts += [CountryFact(iso3, role, sentence) for iso3 in asean_members_on(event_date)]
    return facts


def countries_of_people(people: list[PersonMention]) -> list[CountryFact]:
    """Countries represented by officials who spoke at or led the event."""
    facts = []
    for p in people:
        if p.iso3 and p.official:
            role = "co_chair" if cue_pattern("co_chair").search(p.sentence.text) else "speaker_country"
            facts.append(CountryFact(p.iso3, role, p.sentence))
    return facts


def best_role(facts: list[CountryFact]) -> dict[str, CountryFact]:
    """One fact per country: its strongest role (host > co-chair > participant > speaker), first
    evidence sentence for that role."""
    out: dict[str, CountryFact] = {}
    for f in facts:
        cur = out.get(f.iso3)
        if cur is None or ROLE_RANK[f.role] < ROLE_RANK[cur.role]:
            out[f.iso3] = f
    return out
