"""A page's own URL parameter (the Timeline's `card`, the Sources page's `article`) kept in step with
its select box: a link opens its choice, the user's choice goes back into the URL. Pure functions;
the pages hold the Streamlit calls."""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence


def choice_from_url(url_value: str | None, last_written: str | None, current: str | None,
                    options: Sequence[str]) -> str | None:
    """What the select box should hold: the URL's value when it is new (a link, not our own write) and
    on offer; else the current choice while on offer; else the first option (None when there is none)."""
    if url_value is not None and url_value != last_written and url_value in options:
        return url_value
    if current in options:
        return current
    return options[0] if options else None


def url_value_for(choice: str | None, options: Sequence[str]) -> str | None:
    """The URL value for a choice: None (left out of the URL) for the default, the first option."""
    return None if not options or choice == options[0] else choice


def write_param(params: MutableMapping, name: str, value: str | None) -> None:
    """Put a page's own parameter into `params` (st.query_params), or take it out for None (the default);
    nothing is written when the URL already says so."""
    if params.get(name) == value:
        return
    if value is None:
        del params[name]
    else:
        params[name] = value
