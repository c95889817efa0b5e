"""Data tables shipped with eventwire (lexicons, ontology, registry, gazetteer rows)."""
