"""Text from the data, made safe for the place it is shown: the one set of escaping helpers the app uses.

Everything an article, a file name, a web address, the build's theme catalogue or an analyst's typing
puts on screen is data, never markup. Each helper is for one kind of place:

- `md(value)`: Streamlit Markdown (st.markdown/st.caption/st.info/…, headings, expander and tab labels,
  radio options, metric labels, progress text). Whitespace is collapsed to one line and every character
  that can start Markdown, HTML, maths, a Streamlit directive (`:red[…]`, `:material/…:`), an emoji
  shortcode or an autolink is backslash-escaped, so the reader sees the text as written.
- `md_code(value)`: the same places, as an inline code span (the page header's filter chips).
- `html_line(value)`: inside an `unsafe_allow_html` block: HTML-escaped (quotes too, so it fits an
  attribute) and on one line (a blank line would end the HTML block and let Markdown in). The block
  itself must start with a block tag (<div>, <ul>, <p>): `html_block(inner)` wraps one.
- `html_text(value)`: HTML-escaped with its line breaks turned into <br> and paragraphs, still one line.
- `http_url(value)`: a data address that may become a link: http(s) only, else None.
- `plot_text(value)` / `plot_texts(values)`: plotly text (titles, ticks, legends, hover), which
  understands a subset of HTML (<b>, <br>, <a href>): `&`, `<` and `>` become entities plotly shows as written.

Widget options of st.selectbox and st.multiselect are plain text in Streamlit: their format_func output
needs no escaping (escaping would show the backslashes). Tables (st.dataframe) show cells as plain text;
a LinkColumn's value must pass `http_url` (or be one of the app's own relative links). The pydeck map's
tooltip template is HTML, but Streamlit escapes each value it fills in: those stay plain.

Pure functions, no Streamlit.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

# ASCII punctuation that can start inline markup anywhere in a line: emphasis and code (* _ ` ~),
# links and images ([ ]), HTML, entities and autolinks (< > &), tables (|), maths ($), Streamlit
# directives, emoji shortcodes and URL schemes such as `http:` (:), e-mail autolinks (@), the escape itself (\).
_INLINE = re.compile(r"([\\`*_~\[\]<>&|$:@])")
_WWW = re.compile(r"(?i)(?<![\w.])(www)\.")   # a `www.` autolink
# What starts a block only at the start of a line: headings, quotes, list items, setext underlines
# and thematic breaks (# > - + =), ordered lists (`1.` and `1)`).
_LINE_START = re.compile(r"^([#>+=-])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_SAFE_SCHEMES = ("http", "https")


def one_line(value) -> str:
    """`value` as text on one line: every run of whitespace (line breaks included) one space; None is ""."""
    return "" if value is None else " ".join(str(value).split())


def md(value) -> str:
    """Text for Streamlit Markdown: one line, every Markdown/HTML/maths/directive character escaped, so
    it reads exactly as written (`[click](javascript:…)`, `<img …>`, `$x$`, `:red[x]` stay text)."""
    text = _WWW.sub(r"\1\\.", _INLINE.sub(r"\\\1", one_line(value)))
    text = _LINE_START.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", text)


def md_code(value) -> str:
    """Text as a Markdown inline code span (shown as written, in a monospace chip), on one line. The
    fence is longer than any run of backticks in the text, so none can close it early."""
    text = one_line(value)
    if not text:
        return ""
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def html_line(value) -> str:
    """Text for an HTML block (unsafe_allow_html): escaped, quotes too (safe in an attribute), one line."""
    return html.escape(one_line(value), quote=True)


def html_block(inner: str) -> str:
    """Built HTML (its data already escaped) as one HTML block for st.markdown(unsafe_allow_html=True):
    wrapped in a <div> and on one line. Markdown leaves an HTML block alone only when it starts with a
    block tag such as <div> and until a blank line; HTML that starts inline (<mark>, <a>, <b>) is a
    paragraph, where Markdown still reads the text between the tags (`[x](javascript:…)` becomes a link)."""
    return "<div>" + newlines_to_html(inner) + "</div>"


def html_text(value) -> str:
    """Multi-line text for an HTML block: escaped, paragraphs (blank lines) as </p><p>, other line breaks
    (\\n, \\r\\n, \\r) as <br>; the result holds no line break, so the HTML block cannot end inside it.
    Meant to sit inside a <p>…</p>."""
    text = "" if value is None else str(value)
    return newlines_to_html(html.escape(text, quote=True))


def newlines_to_html(escaped: str) -> str:
    """Line breaks of already-escaped HTML as </p><p> (a blank line) and <br> (any other), so the text has
    none left: CommonMark ends an HTML block at a blank line (\\n, \\r\\n and \\r all end a line)."""
    text = escaped.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\n\n", "</p><p>").replace("\n", "<br>")


def http_url(value) -> str | None:
    """A web address from the data when it may become a link: scheme http or https, a host, no spaces
    or control characters; None for anything else (`javascript:`, `data:`, `file:`, relative, empty)."""
    if value is None or not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]+)", url)
    if not m or m.group(1).lower() not in _SAFE_SCHEMES:
        return None
    host = m.group(2).rsplit("@", 1)[-1]
    return url if host and not host.startswith(":") else None


def plot_text(value) -> str:
    """Text for plotly (titles, axis ticks, legends, bar text, hover): `&`, `<` and `>` as entities, which
    plotly shows as the characters, so no tag (<b>, <br>, <a href>) in the data is ever drawn as one."""
    text = "" if value is None else str(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plot_texts(values: Iterable) -> list[str]:
    """plot_text of each value (a column or list of category labels)."""
    return [plot_text(v) for v in values]
