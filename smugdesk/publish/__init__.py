"""Exporters and publishers: built-ins register through entry points like any third party."""
