"""Front matter as the target writes it: YAML with the user's order and comments kept."""

from __future__ import annotations

import io

from ruamel.yaml.comments import CommentedMap

from smugdesk.core.post import round_trip_yaml


def yaml_front_matter(meta: CommentedMap) -> str:
    stream = io.StringIO()
    round_trip_yaml().dump(meta, stream)
    return f"---\n{stream.getvalue()}---\n"
