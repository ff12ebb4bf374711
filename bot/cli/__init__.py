"""The `defwatch` command line: one module per command family."""
