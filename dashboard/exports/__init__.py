"""Files for briefings: chart images (kaleido), table downloads, the briefing pack (plan, PPTX, PDF),
their provenance line, and the Streamlit download controls."""
