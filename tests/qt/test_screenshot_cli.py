"""`mapviewer FILE --screenshot OUT.png` tells the real error at once and fails when it cannot write."""

from __future__ import annotations

import time

from ..core.test_security_cli import mapviewer


def test_a_failing_article_ends_the_run_with_its_reason(tmp_path):
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    started = time.monotonic()
    run = mapviewer(["binary.txt", "--screenshot", "s.png"], tmp_path, QT_QPA_PLATFORM="offscreen")
    assert run.returncode == 1 and "binary file" in run.stderr
    assert time.monotonic() - started < 60 and not (tmp_path / "s.png").exists()


def test_an_unwritable_screenshot_fails(tmp_path):
    (tmp_path / "a.txt").write_text("Talks in Paris went on.", encoding="utf-8")
    run = mapviewer(["a.txt", "--screenshot", "no-such-folder/s.png"], tmp_path, QT_QPA_PLATFORM="offscreen")
    assert run.returncode == 1 and "cannot write the screenshot" in run.stderr and "saved" not in run.stderr
