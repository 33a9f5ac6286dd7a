"""Raw record text → clean, typed values: text, dates, officers and assessments.

Each normaliser is a pure function that keeps the raw string beside what it made of it.
"""
