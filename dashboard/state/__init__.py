"""What the user has chosen and what a page reads: the filters and their URL contract, page parameters,
the sidebar widgets and the cached page data."""
