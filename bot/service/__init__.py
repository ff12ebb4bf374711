"""The composition root: App wires the stages; the run loop, reload and worker liveness."""
