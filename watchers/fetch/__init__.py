"""Polite HTTP: the fetcher, address guard, robots.txt, decompression, charsets."""
