"""councilpapers: English councils' committee papers → a clean dataset.

The importable pieces live in the stage packages (`ingest`, `parsers`, `normalise`, `output`,
`compare`); this package holds only what they share: the version and the error types.
"""

__version__ = "0.1.0"

#: Written into every output row. Bump the minor part whenever a parser change alters rows.
PARSER_VERSION = f"councilpapers {__version__}"
