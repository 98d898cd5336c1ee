"""Charts and the map: data shaping and plotly/pydeck figures, the shipped country outlines, the palette."""
