"""Pure domain code: grouping articles into events, their kind, summary, sentences, similarity."""
