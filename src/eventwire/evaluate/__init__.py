"""Scorers: read a gold data set, run a stage, compute the field's metrics."""
