"""Pipeline that turns news articles about digital-diplomacy events into evidence-linked tables.

The public API, all the dashboard and scripts need: `build` (the one way to build a folder of tables),
`add_articles` (save new articles into a seeds folder), `list_inputs`, and the limits every input
meets (`TEXT_SUFFIXES`, `MAX_BYTES`, `refusal`)."""
__version__ = "0.1.0"

from .build import build, list_inputs  # noqa: E402
from .intake import TEXT_SUFFIXES, add_articles, refusal  # noqa: E402
from .load import MAX_BYTES  # noqa: E402

__all__ = ["build", "add_articles", "list_inputs", "refusal", "TEXT_SUFFIXES", "MAX_BYTES", "__version__"]
