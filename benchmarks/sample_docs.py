"""Realistic blog documents of a chosen length, generated (no copied text)."""

from __future__ import annotations

import random

_WORDS = [
    "patients",
    "clinic",
    "video",
    "nurses",
    "hospital",
    "update",
    "community",
    "research",
    "trust",
    "story",
    "care",
    "team",
    "family",
    "question",
    "answer",
    "share",
    "channel",
    "article",
    "interview",
    "doctor",
    "health",
    "network",
    "online",
    "audience",
    "campaign",
    "listen",
    "explain",
    "learn",
    "time",
    "week",
    "morning",
    "plain",
    "honest",
    "simple",
]


def _sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(_WORDS) for _ in range(words)]
    if rng.random() < 0.3:
        picked[2] = f"*{picked[2]}*"
    if rng.random() < 0.2:
        picked[4] = f"[{picked[4]}](https://example.org/{picked[4]})"
    return " ".join(picked).capitalize() + "."


def document(target_words: int, seed: int = 7) -> str:
    """A post of about ``target_words`` words: headings, paragraphs, lists, quotes, code,
    a table, footnotes and video URLs on their own lines."""
    rng = random.Random(seed)
    parts = ["---", "title: Benchmark post", "date: 2026-11-24", "tags: [bench]", "---", ""]
    words = 0
    section = 0
    while words < target_words:
        section += 1
        parts.append(f"## Section {section}\n")
        for _ in range(4):
            sentences = [_sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(3, 6))]
            parts.append(" ".join(sentences) + "\n")
            words += sum(len(s.split()) for s in sentences)
        parts.append("\n".join(f"- {_sentence(rng, 6)}" for _ in range(3)) + "\n")
        parts.append(f"> {_sentence(rng, 14)}\n")
        if section % 3 == 0:
            parts.append("```python\ndef views(n):\n    return n * 2\n```\n")
            parts.append("| Month | Views |\n|---|---:|\n| May | 120 |\n| June | 340 |\n")
            parts.append(f"https://www.youtube.com/watch?v=abcdefghi{section % 10:02d}\n")
            parts.append(f"A claim worth a source.[^{section}]\n\n[^{section}]: A footnote.\n")
        words += 30
    return "\n".join(parts)
