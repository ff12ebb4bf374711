"""Articles out to people: config, store, rules, events, outbox, channels and the CLI."""

__version__ = "0.1.0"
