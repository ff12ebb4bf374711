"""Source kinds: RSS/Atom, HTML listings, news sitemaps, search feeds."""
