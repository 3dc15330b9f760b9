"""A stand-in Micropub server (there is no real one to install here): an in-memory blog on
127.0.0.1 that speaks enough of the W3C spec for the tests: q=config, q=source, JSON create
and update, a media endpoint, bearer tokens."""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "token-for-tests"


class Blog:
    def __init__(self) -> None:
        self.posts: dict[str, dict] = {}  # url -> properties
        self.media: dict[str, bytes] = {}
        self.creates = 0


def start() -> tuple[ThreadingHTTPServer, str, Blog]:
    blog = Blog()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _send(self, status: int, body=None, headers=None):
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self._send(401, {"error": "unauthorized", "error_description": "bad token"})
                return False
            return True

        def do_GET(self):
            if not self._authorised():
                return
            query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
            if query.get("q") == "config":
                return self._send(200, {"media-endpoint": f"{base}media"})
            if query.get("q") == "source" and "url" in query:
                found = blog.posts.get(query["url"])
                if found is None:
                    return self._send(404, {"error": "not_found"})
                return self._send(200, {"type": ["h-entry"], "properties": found})
            if query.get("q") == "source":
                items = [{"properties": {"url": [url]}} for url in reversed(blog.posts)]
                return self._send(200, {"items": items[: int(query.get("limit", 20))]})
            return self._send(400, {"error": "invalid_request"})

        def do_POST(self):
            if not self._authorised():
                return
            data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if self.path.startswith("/media"):
                url = f"{base}files/{len(blog.media) + 1}.png"
                blog.media[url] = data
                return self._send(201, headers={"Location": url})
            body = json.loads(data)
            if body.get("action") == "update":
                properties = blog.posts.get(body["url"])
                if properties is None:
                    return self._send(404, {"error": "not_found"})
                properties.update(body.get("replace", {}))
                properties["updated"] = [f"rev-{len(properties.get('updated', [])) + 1}"]
                return self._send(204)
            properties = body["properties"]
            slug = (properties.get("mp-slug") or [f"post-{len(blog.posts) + 1}"])[0]
            url = f"{base}posts/{slug}"
            blog.posts[url] = properties
            blog.creates += 1
            return self._send(201, headers={"Location": url})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base + "micropub", blog
