"""Pipeline that turns news articles about digital-diplomacy events into evidence-linked tables."""
__version__ = "0.1.0"
