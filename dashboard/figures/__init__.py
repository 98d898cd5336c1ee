"""Charts and the map: data shaping and plotly/pydeck figures, the shipped country outlines, the palette."""
import plotly.io as pio

# Every figure uses plotly's white template. Set once as the default rather than per figure: naming a
# template in update_layout validates and copies it each time (about 11 ms a figure, most of a page run).
pio.templates.default = "plotly_white"
