"""The verbs of the domain; each write owns its transaction."""
