"""Shared by every feature: models, times, people, mail, background tasks, base templates."""
