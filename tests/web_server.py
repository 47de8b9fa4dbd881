"""A real HTTP server on 127.0.0.1, in a thread, for the tests of File › Open URL: each route answers as a
web server can (pages, redirects, loops, stalls, wrong types, huge and compressed answers, errors)."""

from __future__ import annotations

import gzip
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self


@dataclass
class Route:
    """What the server sends for one path: status, headers and body (``body`` may be a generator of pieces),
    or ``stall``: accept the request and send nothing until the server stops."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Callable[[], Iterator[bytes]] = b""
    stall: bool = False


def page(html: str, charset: str = "utf-8") -> Route:
    """A page in ``charset`` (a lone surrogate sent as the invalid bytes a careless server would send)."""
    errors = "surrogatepass" if charset.startswith("utf") else "strict"
    return Route(headers={"Content-Type": f"text/html; charset={charset}"}, body=html.encode(charset, errors))


def redirect(to: str, status: int = 302) -> Route:
    return Route(status, {"Location": to})


def gzipped(data: bytes, content_type: str = "text/html") -> Route:
    return Route(headers={"Content-Type": content_type, "Content-Encoding": "gzip"}, body=gzip.compress(data, 9))


class LocalServer:
    """A threaded HTTP server on a free port of 127.0.0.1 (given ``tls``, a server context: https), serving
    ``handler`` while its with-block runs."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], tls: ssl.SSLContext | None = None):
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self.scheme = "https" if tls else "http"
        if tls:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class WebServer(LocalServer):
    """``with WebServer(routes) as server: server.url("/page")``; ``server.requests`` lists the paths asked.
    Given ``tls`` (a server context), it speaks https."""

    def __init__(self, routes: dict[str, Route], tls: ssl.SSLContext | None = None):
        self.routes = routes
        self.requests: list[str] = []
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                route = server.routes.get(self.path, Route(404, {"Content-Type": "text/plain"}, b"no such page"))
                if route.stall:
                    server.stop.wait(30)
                    return
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if isinstance(route.body, bytes):
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                pieces = [route.body] if isinstance(route.body, bytes) else route.body()
                try:
                    for piece in pieces:
                        if server.stop.is_set():
                            return
                        self.wfile.write(piece)
                except (BrokenPipeError, ConnectionResetError):    # the client stopped reading: as it should
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        super().__init__(Handler, tls)

    def url(self, path: str) -> str:
        return f"{self.origin}{path}"

    def __exit__(self, *exc: object) -> None:
        self.stop.set()             # stalled answers end first
        super().__exit__(*exc)

