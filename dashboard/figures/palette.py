"""One colour-blind-safe palette (Okabe & Ito, 2008) for every chart, map and highlight in the app.

Each theme code has one fixed colour everywhere; colours are strong enough to read on a projector.
"""

from __future__ import annotations

# The eight Okabe–Ito colours.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#7F7F7F"

OKABE_ITO: list[str] = [ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE, BLACK]

THEME_COLORS: dict[str, str] = {
    "peace_messaging": BLUE,
    "economy": ORANGE,
    "citizen_protection": BLUISH_GREEN,
    "digital_divide": REDDISH_PURPLE,
    "platform_governance": VERMILLION,
    "capacity_building": SKY_BLUE,
}

# Colours for categories without a fixed colour (new theme codes, event types), in order.
_FALLBACK: list[str] = [BLACK, GREY, YELLOW, "#4D4D4D", "#BDBDBD"]

# Event types and country groups use neutrals (and yellow), so the six theme colours never mean
# anything else; the timeline also separates event types by lane and marker shape.
EVENT_TYPE_COLORS: dict[str, str] = {
    "conference": BLACK,
    "seminar": YELLOW,
    "ministerial_meeting": GREY,
    "meeting": "#BDBDBD",
    "workshop": "#4D4D4D",
    "forum": YELLOW,
}
EVENT_TYPE_SYMBOLS: dict[str, str] = {
    "conference": "circle", "seminar": "diamond", "ministerial_meeting": "square", "meeting": "triangle-up",
    "workshop": "hexagon", "forum": "star",
}
ASEAN_MEMBER = "#4D4D4D"
OTHER_COUNTRY = "#A6A6A6"
NOT_STATED = "#DADADA"

# Sequential scale (white to Okabe–Ito blue) for counts: heatmaps and the map.
SEQUENTIAL: list[list[float | str]] = [[0.0, "#F2F7FB"], [0.35, SKY_BLUE], [1.0, "#00446B"]]

# Light tints of the theme colours for text highlights (readable dark text on top).
HIGHLIGHT_PEOPLE = "#FCE3B0"     # light orange
HIGHLIGHT_COUNTRIES = "#CDE8F7"  # light sky blue
HIGHLIGHT_QUOTE = "#FFF3A3"      # light yellow: the sentence a link pointed to


def _stable_fallback(key: str) -> str:
    """A deterministic colour for a key with no fixed colour (same key, same colour every run)."""
    return _FALLBACK[sum(key.encode()) % len(_FALLBACK)]


def theme_color(code: str) -> str:
    """The one colour of a theme code (a deterministic fallback for codes added later)."""
    return THEME_COLORS.get(code) or _stable_fallback(code)


def event_type_color(event_type: str) -> str:
    """The colour of an event type."""
    return EVENT_TYPE_COLORS.get(event_type) or _stable_fallback(event_type)


def event_type_symbol(event_type: str) -> str:
    """The marker shape of an event type on the timeline."""
    return EVENT_TYPE_SYMBOLS.get(event_type, "circle")


def tint(hex_color: str, amount: float = 0.72) -> str:
    """Mix a colour with white (amount 0 = unchanged, 1 = white), for backgrounds behind text."""
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#{:02X}{:02X}{:02X}".format(*mix)
