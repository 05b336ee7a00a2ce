"""Input formats: HTML pages, Markdown, crawled records (JSON/JSONL/CSV/Parquet) and published dates.

``io.py`` finds and reads the inputs; the modules here turn each format into the
text the pipeline reads and the metadata it starts from.
"""
