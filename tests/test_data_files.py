"""Every language-data row says where it came from (the `source` column), so a reviewer can tell a
general cue from one lifted out of a single article."""
from __future__ import annotations

import csv

import pytest

from data_prep.resources import DATA_DIR

FILES = sorted(DATA_DIR.glob("*.csv"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_row_names_its_source(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows, f"{path.name} is empty"
    assert "source" in rows[0], f"{path.name} has no source column"
    unsourced = [i + 2 for i, r in enumerate(rows) if not (r["source"] or "").strip()]
    assert not unsourced, f"{path.name}: rows without a source on lines {unsourced[:10]}"


def test_every_method_a_rule_can_emit_is_documented_in_the_codebook():
    from data_prep import events, outcomes, participants, people, themes
    from data_prep.build import HOST_CONFIDENCE  # `data_prep.build` is the build function since __init__ exports it

    codebook = (DATA_DIR.parent.parent / "docs" / "CODEBOOK.md").read_text(encoding="utf-8")
    methods = (set(events.METHOD_CONFIDENCE) | set(participants.CONFIDENCE) | set(people.CONFIDENCE)
               | set(themes.CONFIDENCE) | set(outcomes.OUTCOME_CONFIDENCE)
               | {f"host_from_{how}" for how in HOST_CONFIDENCE}
               | {"joint_subject_host_cue"})
    undocumented = sorted(m for m in methods if f"`{m}`" not in codebook)
    assert not undocumented, f"methods missing from docs/CODEBOOK.md: {undocumented}"
