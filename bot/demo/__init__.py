"""`defwatch demo`: the built-in corpus served on loopback, polled once, alerts printed."""
