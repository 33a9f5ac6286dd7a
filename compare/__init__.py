"""Comparisons: quarter-to-quarter diffs and decision-to-tracker wording drift."""
