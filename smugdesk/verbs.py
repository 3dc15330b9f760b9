"""The command line's verbs, known without importing the code behind them: the app checks
its arguments against these on every start, and importing the CLI would cost 0.1 s."""

PUBLISH_VERBS = ("account", "publish", "download")
VERBS = (
    "render",
    "export",
    "exporters",
    "list",
    "search",
    "history",
    "check",
    "share",
    *PUBLISH_VERBS,
)
