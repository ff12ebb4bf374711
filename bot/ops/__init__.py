"""Operations: the HTTP endpoint (/healthz, /readyz, /metrics), metrics, probes and log
set-up.

Modules are imported by name (`from bot.ops.metrics import Metrics`); this package
imports nothing on its own so the stages can depend on `bot.ops.metrics` cheaply.
"""
