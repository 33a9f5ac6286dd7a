"""Files → `SourceDocument`s: pages of lines of cells, each with file, page, line and box.

Only this package reads the filesystem, and only it imports pdfplumber.
"""
