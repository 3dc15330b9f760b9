"""A plug-in whose import fails."""

raise RuntimeError("cannot find its configuration file")
