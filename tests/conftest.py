"""Shared fixtures. Qt runs offscreen; QtWebEngine (Chromium) needs --no-sandbox as root."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "afp-2024-12-16-trump-putin-ukraine-war.txt"
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any connection to a host other than this machine fails the test."""
    real_connect = socket.socket.connect

    def guarded(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1")) \
                and sock.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError(f"test tried to reach the network: {address}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def no_proxy_settings(monkeypatch):
    """No proxy from the environment the tests run in (it would carry the requests to this machine's test
    servers elsewhere): a test that wants one sets it."""
    for name in ("http_proxy", "https_proxy", "no_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture(scope="session")
def store():
    """The real gazetteer store (built into the user's cache on first use)."""
    from mapviewer.gazetteer import GazetteerStore

    return GazetteerStore.open()


@pytest.fixture(scope="session")
def gazetteer(store):
    from mapviewer.gazetteer import OfflineGazetteer

    return OfflineGazetteer(store)


@pytest.fixture(scope="session")
def geoparser(store):
    from mapviewer.pipeline import Geoparser

    return Geoparser(store)


@pytest.fixture(scope="session")
def seed_analysis(geoparser):
    from mapviewer.documents import read_document

    return geoparser.analyse(read_document(SEED))
