"""The stages, one verb each: poll sources, process entries into events, alert, dispatch."""
