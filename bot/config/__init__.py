"""Configuration: the typed Config loaded from defwatch.yaml, units, YAML reading."""
