"""Cross-article linking: copies and provenance of reports, and one event per incident."""
