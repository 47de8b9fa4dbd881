"""Corpora for the corpus tests: slices of the development corpora, bad lines, very large inputs."""

from __future__ import annotations

import json
from pathlib import Path

from ..conftest import EVAL


def articles(n: int) -> list[bytes]:
    """``n`` lines of {id, text}: news articles from the development corpora when they are beside the repo,
    otherwise short made-up ones."""
    lines: list[bytes] = []
    for name in ("gwn.jsonl", "trnews.jsonl"):
        if (EVAL / name).exists():
            for line in (EVAL / name).read_bytes().splitlines():
                record = json.loads(line)
                lines.append(json.dumps({"id": f"{name}:{record['id']}", "text": record["text"]}).encode())
    towns = ["Paris", "Lyon", "Kyiv", "Nairobi", "Lima", "Oslo", "Hanoi", "Quito", "Accra", "Perth"]
    while len(lines) < n:
        i = len(lines)
        text = f"Talks in {towns[i % 10]} went on; ministers flew to {towns[(i * 7 + 3) % 10]} on Monday."
        lines.append(json.dumps({"id": f"made:{i}", "text": text}).encode())
    return lines[:n]


def write(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path
