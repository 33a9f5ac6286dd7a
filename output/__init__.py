"""Datasets and reports: the only stage that writes files."""
