"""The store opened in the background from the app's start (gazetteer.opening): whoever waits gets the one
store; a cancelled wait stops a first-run build
at once (its processes end, no file is left) and the next wait starts the opening again."""

from __future__ import annotations

import os

import pytest

from mapviewer.errors import Cancelled
from mapviewer.gazetteer.lifecycle import data_version
from mapviewer.gazetteer.opening import StoreOpening

from ..processes import builds, still_running
from .small_store import write_small_store


def test_waiters_get_the_one_store_opened_in_the_background(tmp_path):
    path = tmp_path / "store.sqlite"
    write_small_store(path, version=data_version())
    opening = StoreOpening(path)
    opening.start()
    store = opening.wait(lambda message, fraction: None, lambda: False)
    assert store.path == path and opening.store is store
    assert store.word_frequency("the") == 7.73
    assert opening.wait(lambda message, fraction: None, lambda: False) is store


@pytest.mark.slow
def test_a_cancelled_wait_stops_the_build_and_the_next_wait_opens_again(tmp_path):
    path = tmp_path / "store.sqlite"
    opening = StoreOpening(path)
    said: list[str] = []
    seen: set[int] = set()

    def cancelled() -> bool:        # once the build is under way, with its processes
        seen.update(builds(os.getpid()))
        return "reading admin-1 regions" in said and bool(seen)

    with pytest.raises(Cancelled):
        opening.wait(lambda message, fraction: said.append(message), cancelled)
    assert seen and still_running(seen) == []
    assert opening.store is None
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == []

    write_small_store(path, version=data_version())     # as a build would leave it: the next wait opens it
    assert opening.wait(lambda message, fraction: None, lambda: False).path == path
