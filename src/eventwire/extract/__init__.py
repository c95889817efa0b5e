"""Extract: from a parsed article to event and statement mentions."""
