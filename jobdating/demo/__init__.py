"""The demo event: French names, Artois sectors, skewed wishes."""
