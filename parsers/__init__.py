"""`SourceDocument` → raw records. Pure functions: no I/O, no globals, no DataFrames."""
