"""Blueprints: thin views that validate a form, call a service, redirect or render."""
