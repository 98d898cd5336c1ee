"""Streamlit glue for the interface's language: `lang=` in the URL (en by default, left out of the URL),
the session's choice in session_state, and the switch at the top of the sidebar.

apply_language() runs at the top of every run of the app, before any text is made (page titles in the
navigation included): it sets dashboard.i18n's language for this run's thread. The switch is an
ordinary widget, so choosing a language reruns the app with the new value already in session_state:
the whole app, navigation and sidebar included, comes out in it at once. The URL is written by
filter_state.write_query_params with the filters and the page's own parameters, so switching keeps them all.
"""

from __future__ import annotations

import streamlit as st

from dashboard import i18n
from dashboard.i18n import _
from dashboard.state.url_contract import QP_LANG

K_LANG = "ui_lang"   # the language switch's widget key (prefix "ui_": interface, not a filter)


def language_from_url(params) -> str:
    """The language a link asks for (`lang=id`); the default for none or an unknown one."""
    try:
        return i18n.normalise(params.get(QP_LANG))
    except Exception:  # a URL is user input: never let it break the page
        return i18n.DEFAULT_LANGUAGE


def apply_language() -> str:
    """Set this run's language: the session's choice, else (a session's first run, or a page run on its
    own) the URL's. Returns the code."""
    s = st.session_state
    if s.get(K_LANG) not in i18n.LANGUAGES:
        s[K_LANG] = language_from_url(st.query_params)
    return i18n.set_language(s[K_LANG])


def language_switch() -> None:
    """The language switch, first in the sidebar; its choice applies from the next run, which it starts."""
    st.sidebar.selectbox(_("Language"), list(i18n.LANGUAGES), key=K_LANG, format_func=i18n.LANGUAGES.get,
                         help=_("The interface's language. Names, quotes and evidence sentences stay in the "
                                "language of their source."))


def url_value() -> list[str] | None:
    """What the URL carries for the current language: nothing for the default, else [code]."""
    code = i18n.current_language()
    return None if code == i18n.DEFAULT_LANGUAGE else [code]
