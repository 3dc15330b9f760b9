"""smugdesk: an offline blog editor."""

__version__ = "0.1.0"
