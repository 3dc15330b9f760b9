"""Dialogs: insert link, image and embed."""
