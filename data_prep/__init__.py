"""Pipeline that turns news articles about digital-diplomacy events into evidence-linked tables.

The public API, all the dashboard and scripts need: `build` (the one way to build a folder of tables;
`current_build` resolves the folder to its current build once, so a load never mixes two builds;
`BuildBusy` when another process is building it),
`describe_contributions` and `earlier_articles` (what newly added articles contributed to a build),
`add_articles` (save new articles into a seeds folder), `list_inputs`, the limits every input meets
(`ARTICLE_SUFFIXES`, `TEXT_SUFFIXES`, `MAX_BYTES`, `refusal`), and the tables' contract (`TABLES`, `DATE_COLUMNS`,
`without_markers` for the codebook's text), and analysts' corrections (`Correction`, `record`, `prepare`, `read_corrections`, `default_corrections_path`,
`all_countries` and `split_sentences` for choosing what to add and its evidence sentence), and which
theme sentences count toward the figures (`counted_flags`, `normalise`), and search over a build's sentences
(`search`, `count_hits`, `Hit`, the index file `SEARCH_INDEX` a build writes beside its tables)."""
__version__ = "0.1.0"

from .build import build, list_inputs  # noqa: E402
from .publish import BuildBusy  # noqa: E402
from .publish import current as current_build  # noqa: E402
from .contributions import describe_contributions, earlier_articles  # noqa: E402
from .intake import ARTICLE_SUFFIXES, TEXT_SUFFIXES, SavedFile, add_articles, refusal  # noqa: E402
from .codebook import without_markers  # noqa: E402
from .load import MAX_BYTES  # noqa: E402
from .schema import DATE_COLUMNS, TABLES  # noqa: E402
from .corrections import ACTIONS, SET_FIELDS, Correction, read_corrections, record  # noqa: E402
from .corrections import default_path as default_corrections_path  # noqa: E402
from .correction_input import is_country_code, prepare  # noqa: E402
from .countries import all_countries  # noqa: E402
from .sentences import Sentence, split_sentences  # noqa: E402
from .counting import counted_flags, normalise  # noqa: E402
from .search_index import Hit, count_hits, search  # noqa: E402
from .search_index import INDEX_FILE as SEARCH_INDEX  # noqa: E402

__all__ = ["build", "BuildBusy", "current_build", "add_articles", "describe_contributions", "earlier_articles", "SavedFile", "list_inputs", "refusal", "ARTICLE_SUFFIXES", "TEXT_SUFFIXES", "MAX_BYTES", "TABLES", "DATE_COLUMNS",
           "without_markers", "ACTIONS", "SET_FIELDS", "Correction", "read_corrections", "record",
           "default_corrections_path", "prepare", "is_country_code", "all_countries", "Sentence", "split_sentences",
           "counted_flags", "normalise", "search", "count_hits", "Hit", "SEARCH_INDEX", "__version__"]
