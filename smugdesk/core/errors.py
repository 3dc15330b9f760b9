"""Errors that cross layers. Their message is written for the person using the app."""


class SmugdeskError(Exception):
    """Base of every error the UI shows and the CLI prints as one line."""


class PostReadError(SmugdeskError):
    """A file could not be read as a post (missing, binary, too large, not UTF-8)."""


class FrontMatterError(SmugdeskError):
    """The front matter of a post is broken."""


class SaveError(SmugdeskError):
    """A post could not be written; the file on disk is unchanged."""


class ConflictError(SaveError):
    """The file changed on disk since it was read; saving would overwrite someone's work."""
