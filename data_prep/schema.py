"""Column order of every output table: the codebook (CODEBOOK.md) as code, shared by the pipeline,
the dashboard and the tests."""

TABLES: dict[str, list[str]] = {
    "articles": [
        "article_id", "outlet", "title", "author", "published_date", "language", "n_words",
        "event_id", "status", "reason", "source_file", "sha256", "url",
    ],
    "events": [
        "event_id", "name", "acronym", "start_date", "end_date", "city", "venue", "host_iso3",
        "event_type", "n_countries", "n_attendees", "n_sources", "tagline", "evidence", "date_evidence",
        "article_id", "method", "confidence",
    ],
    "participants": ["event_id", "iso3", "country", "role", "is_asean", "evidence", "article_id",
                     "method", "confidence"],
    "attendees": ["event_id", "name", "title", "organization", "iso3", "evidence", "article_id",
                  "method", "confidence"],
    "evidence": ["event_id", "article_id", "theme", "sentence", "cue", "char_start", "char_end",
                 "cue_start", "cue_end", "method", "confidence"],
    "themes": ["event_id", "theme", "n_evidence", "share"],
    # Added tables (see docs/CODEBOOK.md): outcomes, every country mention, the cleaned texts.
    "outcomes": ["event_id", "article_id", "sentence", "cue", "char_start", "char_end", "method", "confidence"],
    "country_mentions": ["event_id", "article_id", "iso3", "country", "surface", "char_start", "char_end",
                         "is_participant"],
    "articles_text": ["article_id", "text"],
}

DATE_COLUMNS = {"articles": ["published_date"], "events": ["start_date", "end_date"]}
