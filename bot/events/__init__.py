"""Pure domain code: grouping articles into events, their kind, summary, sentences, similarity;
years = how a text writes a year and counts back (bot/rules/dated.py reads them too)."""
