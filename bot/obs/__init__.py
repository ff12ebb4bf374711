"""Operations: the HTTP endpoint (/healthz, /readyz, /metrics), metrics, log set-up,
SIGHUP reload and the `defwatch status` view.

Modules are imported by name (`from bot.obs.metrics import Metrics`); this package
imports nothing on its own so the stages can depend on `bot.obs.metrics` cheaply.
"""
