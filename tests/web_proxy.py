"""A forward proxy on 127.0.0.1, in a thread, for the tests of fetches through a proxy: a plain request by
its absolute address is relayed with http.client, a CONNECT tunnel byte for byte. It records each request
line with the Proxy-Authorization it came with, and, given credentials, answers 407 to a request without them."""

from __future__ import annotations

import base64
import http.client
import select
import socket
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit, urlunsplit

from .web_server import LocalServer

# Headers for one connection only, which a proxy does not pass on (RFC 9110, 7.6.1).
_HOP_BY_HOP = {"connection", "proxy-connection", "keep-alive", "proxy-authorization", "proxy-authenticate", "te",
               "trailer", "transfer-encoding", "upgrade", "content-length"}


def _relay(a: socket.socket, b: socket.socket) -> None:
    """Bytes both ways between ``a`` and ``b`` until either side closes."""
    while True:
        ready, _, _ = select.select([a, b], [], [], 10)
        if not ready:
            return
        for source in ready:
            data = source.recv(65536)
            if not data:
                return
            (b if source is a else a).sendall(data)


class ForwardProxy(LocalServer):
    """``with ForwardProxy() as proxy: proxy.address``; ``proxy.requests`` lists (request line, authorization)."""

    def __init__(self, credentials: str | None = None):
        self.requests: list[tuple[str, str | None]] = []
        expected = "Basic " + base64.b64encode(credentials.encode()).decode() if credentials else None
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _allowed(self) -> bool:
                authorization = self.headers.get("Proxy-Authorization")
                proxy.requests.append((f"{self.command} {self.path}", authorization))
                if expected and authorization != expected:
                    self.send_response(407)
                    self.send_header("Proxy-Authenticate", 'Basic realm="test"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return False
                return True

            def do_GET(self) -> None:
                if not self._allowed():
                    return
                target = urlsplit(self.path)
                upstream = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=10)
                upstream.request("GET", urlunsplit(("", "", target.path or "/", target.query, "")), headers={
                    k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP})
                answer = upstream.getresponse()
                body = answer.read()
                upstream.close()
                self.send_response(answer.status, answer.reason)
                for name, value in answer.getheaders():
                    if name.lower() not in _HOP_BY_HOP:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_CONNECT(self) -> None:
                if not self._allowed():
                    return
                host, _, port = self.path.rpartition(":")
                with socket.create_connection((host, int(port)), timeout=10) as upstream:
                    self.send_response(200, "Connection established")
                    self.end_headers()
                    _relay(self.connection, upstream)
                self.close_connection = True

            def log_message(self, format: str, *args: object) -> None:
                pass

        super().__init__(Handler)

    @property
    def address(self) -> str:
        return self.origin
