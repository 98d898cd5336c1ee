"""The interface's language: gettext message catalogs read with Babel, and the locale's forms of dates,
numbers and country names from CLDR. Pure Python, no Streamlit: the dashboard, the briefing CLI and the
tests share it.

The current language lives in a ContextVar. Streamlit runs each session's script in its own thread, and
the app sets the language at the top of every run (dashboard.state.language_state), so two sessions in
two languages never see each other's; the CLI and tests use `with language("id"):`.

Strings are marked for extraction (`make i18n` runs `pybabel extract` with the keywords `_`, `N_` and
`ngettext:1,2`) and translated in dashboard/locale/<lang>/LC_MESSAGES/messages.po. The .po is read once
per process and compiled in memory, so there is no compile step and no stale .mo. An entry that is empty
or fuzzy falls back to the English msgid. docs/TRANSLATING.md says how to mark and translate a page.
"""

from __future__ import annotations

import contextvars
import re
import gettext
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pandas as pd
import pycountry
from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

LANGUAGES: dict[str, str] = {"en": "English", "id": "Bahasa Indonesia"}  # code -> its name in itself
DEFAULT_LANGUAGE = "en"   # the msgids are English: English needs no catalog
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"

# Date patterns (CLDR/LDML), day first in both languages: English keeps the app's "10 Sep 2019" form
# (CLDR's English "long" is US-style "September 10, 2019"), Indonesian is CLDR's own "10 September 2019".
DATE_PATTERNS = {"long": "d MMMM y", "medium": "d MMM y", "month": "MMM y", "day_month": "d MMM", "iso": "yyyy-MM-dd"}

_current: contextvars.ContextVar[str] = contextvars.ContextVar("dashboard_language", default=DEFAULT_LANGUAGE)
_catalogs: dict[str, gettext.NullTranslations] = {}
_catalogs_lock = threading.Lock()


def normalise(code: object) -> str:
    """A language code as the app knows it ('ID', ' id ' -> 'id'); anything else (a URL is user input),
    the default."""
    code = str(code or "").strip().lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def set_language(code: object) -> str:
    """Make `code` this thread's (this session run's) language; an unknown code sets the default. Returns
    the code set. Called at the top of every app run, before any text is made."""
    code = normalise(code)
    _current.set(code)
    return code


def current_language() -> str:
    """The language text is being made in now ('en' or 'id')."""
    return _current.get()


@contextmanager
def language(code: object) -> Iterator[str]:
    """`with language("id"):` — text made inside is Indonesian; the previous language comes back after
    (for tests and the briefing CLI)."""
    token = _current.set(normalise(code))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def catalog_path(code: str) -> Path:
    """Where a language's message catalog (.po) lives."""
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations(code: str | None = None) -> gettext.NullTranslations:
    """The language's translations, read from its .po with Babel and compiled in memory on first use
    (cached per process; `reload_catalogs()` forgets them). English, or a language without a catalog,
    gets NullTranslations: every msgid as written. Fuzzy and empty entries are left out, so they read in
    English."""
    code = normalise(code or current_language())
    with _catalogs_lock:
        found = _catalogs.get(code)
        if found is None:
            found = _load(code)
            _catalogs[code] = found
        return found


def _load(code: str) -> gettext.NullTranslations:
    path = catalog_path(code)
    if code == DEFAULT_LANGUAGE or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as fp:
        catalog = read_po(fp, locale=code, domain=DOMAIN)
    buf = BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)   # drops fuzzy and untranslated entries
    buf.seek(0)
    return Translations(fp=buf, domain=DOMAIN)


def reload_catalogs() -> None:
    """Forget the loaded catalogs (after editing a .po in a running process; tests)."""
    with _catalogs_lock:
        _catalogs.clear()


def _(message: str) -> str:
    """`message` (an English msgid, a literal so extraction finds it) in the current language. '' stays ''
    (gettext would answer the catalog's header)."""
    return translations().gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the current language (Indonesian has one form)."""
    return translations().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a module-level constant for extraction and returns it unchanged: the constant stays the
    English msgid, and the code translates it where it is shown, with `_(CONSTANT)`."""
    return message


def locale() -> Locale:
    """The current language's CLDR locale."""
    return Locale.parse(current_language())


def format_date(d, lang: str | None = None, format: str = "long") -> str:  # noqa: A002 (Babel's own name)
    """A date in the language's words, day first: 'long' '10 September 2019' (both), 'medium' '10 Sep 2019'
    / '10 Sep 2019', 'month' 'Sep 2019', 'day_month' '10 Sep', 'iso' '2019-09-10'; any other value is taken
    as an LDML pattern. Month names from CLDR (Babel) so August reads 'Agu' in Indonesian. '' for a
    missing date."""
    if d is None or pd.isna(d):   # None, NaN, NaT (a datetime, but no date)
        return ""
    if isinstance(d, pd.Timestamp):
        d = d.date()
    elif isinstance(d, datetime):
        d = d.date()
    return _babel_format_date(d, DATE_PATTERNS.get(format, format), locale=normalise(lang or current_language()))


def format_number(n, lang: str | None = None, decimals: int | None = None) -> str:
    """A number with the language's separators: 1234 -> '1,234' (en) or '1.234' (id); 0.5 -> '0.5' / '0,5'.
    `decimals` fixes the digits after the point."""
    code = normalise(lang or current_language())
    if decimals is not None:
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
        return format_decimal(n, format=pattern, locale=code)
    return format_decimal(n, locale=code)


def country_name(iso3: str, fallback: str | None = None, lang: str | None = None) -> str:
    """A country's short name from CLDR in the language ('PHL' -> 'Philippines' / 'Filipina', 'NZL' ->
    'New Zealand' / 'Selandia Baru'); CLDR keys territories by ISO alpha-2, found with pycountry (as
    data_prep.countries does). `fallback` is the data's own name: in English, the tables' language, it is
    shown as it is (so English pages name countries exactly as the tables do); in another language it
    stands in for a code CLDR or ISO does not know (else the code)."""
    code = normalise(lang or current_language())
    if code == DEFAULT_LANGUAGE and fallback:
        return fallback
    return _country_names(code).get(str(iso3).upper(), fallback or str(iso3))


_country_cache: dict[str, dict[str, str]] = {}


def _country_names(code: str) -> dict[str, str]:
    names = _country_cache.get(code)
    if names is None:
        territories = Locale.parse(code).territories
        names = {c.alpha_3: re.sub(r"\s*\(.*\)$", "", territories[c.alpha_2])   # 'Myanmar (Burma)' -> 'Myanmar',
                 for c in pycountry.countries if c.alpha_2 in territories}           # as data_prep.countries
        _country_cache[code] = names
    return names


def language_name(code: object, lang: str | None = None) -> str | None:
    """A language (an ISO 639-1 code, as the articles' `language` column holds) named from CLDR in the
    interface's language: 'id' -> 'Indonesian' / 'Indonesia', 'en' -> 'English' / 'Inggris'; the code for
    one CLDR does not know; None for none (so a quote can say what language it is in)."""
    if code is None or (not isinstance(code, str) and pd.isna(code)) or not str(code).strip():
        return None
    code = str(code).strip().lower()
    return Locale.parse(normalise(lang or current_language())).languages.get(code, code)
