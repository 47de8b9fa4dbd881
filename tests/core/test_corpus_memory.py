"""A corpus larger than the memory a run may use: the run streams it (the input, the work in flight and the
output are bounded), checked with an address-space limit (RLIMIT_AS) on the run and its workers."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .corpus_files import articles, write

# Runs the command line under an address-space limit (0: none), then prints the process' peak.
_LIMITED = """
import resource, sys
limit = int(sys.argv[1])
if limit:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from mapviewer.cli import main
code = main(sys.argv[2:])
status = open("/proc/self/status").read()
print("peak", int(status.split("VmPeak:")[1].split()[0]) * 1024, file=sys.stderr)
sys.exit(code)
"""
_MB = 1 << 20
_MARGIN = 160 * _MB      # a run's memory beyond a one-article run's: a few ranges and one large record
_PADDED = 2 * _MB        # each large record: an article whose text ends with 2 MB of line breaks


def _run(limit: int, *args: object) -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-c", _LIMITED, str(limit), "geoparse", *map(str, args)],
                          capture_output=True, text=True, timeout=600)
    return done.returncode, done.stderr


def _peak(err: str) -> int:
    return int(err.rsplit("peak ", 1)[1].split()[0])


@pytest.mark.parametrize("workers", [1, 2])
def test_a_corpus_larger_than_the_memory_limit_streams(tmp_path, workers):
    small = write(tmp_path / "small.jsonl", articles(1))
    code, err = _run(0, "--jsonl", small, "--out", tmp_path / "small.out.jsonl", "--workers", workers)
    assert code == 0, err
    limit = _peak(err) + _MARGIN
    records = []
    for i, line in enumerate(articles(40)):
        record = json.loads(line)
        records.append(json.dumps({"id": i, "text": record["text"] + "\n" * _PADDED}).encode())
    big = tmp_path / "big.jsonl"
    with open(big, "wb") as f:
        while f.tell() < limit + 64 * _MB:
            f.write(b"\n".join(records) + b"\n")
    code, err = _run(limit, "--jsonl", big, "--out", tmp_path / "big.out.jsonl", "--workers", workers)
    assert code == 0, err
    n = (tmp_path / "big.out.jsonl").read_bytes().count(b"\n")
    assert n * len(records[0]) > limit and _peak(err) <= limit
