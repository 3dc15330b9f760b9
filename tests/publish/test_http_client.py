"""The one HTTP client under every publisher, attacked: redirects that would carry the
password elsewhere, an https blog that sends the client to http, a server that drips its
answer or never ends it, answers of the wrong shape (stand-ins, tests/fault_servers.py) and
hostile XML-RPC. Each attack must end in one line a person can read, with nothing sent to
anyone but the account's own site."""

from __future__ import annotations

import ssl
import time
import urllib.parse
import xmlrpc.client

import pytest
from fault_servers import (
    Answer,
    FaultProxy,
    Rule,
    ScriptedServer,
    drip,
    endless,
    json_answer,
    self_signed,
)

from smugdesk.core.accounts import Account
from smugdesk.publish import http
from smugdesk.publish.remote import (
    Payload,
    PublishError,
    PublishTimeoutError,
    make_publisher,
)

SECRET = "correct horse battery staple"


def one_line(error: BaseException) -> str:
    text = str(error)
    assert "\n" not in text and "Traceback" not in text and len(text) < 500, text
    return text


@pytest.fixture
def elsewhere():
    """Stand-in for another origin: it must never hear from the client."""
    with ScriptedServer(lambda seen: json_answer('{"name": "elsewhere"}')) as server:
        yield server


def redirecting_to(target: str, status: int = 302) -> ScriptedServer:
    """Stand-in for a blog that sends every request on to ``target``."""
    return ScriptedServer(lambda seen: Answer(status, {"Location": target + seen.path.lstrip("/")}))


@pytest.mark.parametrize("kind", ["wordpress", "metaweblog"])
@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_to_another_origin_is_reported_not_followed(kind, status, elsewhere):
    with redirecting_to(elsewhere.url, status) as blog:
        publisher = make_publisher(Account("Moved", kind, blog.url, "editor"), SECRET, 5)
        with pytest.raises(PublishError) as caught:
            publisher.verify()
        said = one_line(caught.value)
        assert "redirected" in said and elsewhere.url.rstrip("/") in said
        assert "update the account's address?" in said or "redirected the request" in said
        assert blog.seen, "the blog itself was asked"
    assert elsewhere.seen == [], "nothing (no Authorization, no XML-RPC password) went elsewhere"


def test_a_redirect_on_the_same_origin_is_followed(elsewhere):
    def blog_answer(seen):
        if seen.path.startswith("/old"):
            return Answer(301, {"Location": "/new/"})
        return json_answer('{"ok": true}')

    with ScriptedServer(blog_answer) as blog:
        client = http.Client(blog.url, {"Authorization": "Basic x"})
        assert client.request("GET", blog.url + "old/").json_object() == {"ok": True}
        assert [s.headers.get("authorization") for s in blog.seen] == ["Basic x", "Basic x"]


def test_a_request_for_another_origin_is_refused_before_sending(elsewhere):
    client = http.Client("http://127.0.0.1:9/", {"Authorization": "Basic x"})
    with pytest.raises(PublishError, match="not on the account's site"):
        client.request("GET", elsewhere.url)
    assert elsewhere.seen == []


@pytest.fixture
def trusted_tls(tmp_path, monkeypatch):
    """A certificate for https stand-ins on 127.0.0.1, trusted by the client for this test."""
    cert, key = self_signed(tmp_path)
    monkeypatch.setattr(http, "ssl_context", lambda: ssl.create_default_context(cafile=cert))
    http.reset_transport()
    yield cert, key
    http.reset_transport()


@pytest.mark.parametrize("kind", ["wordpress", "metaweblog"])
def test_an_https_blog_never_downgrades_to_http(kind, trusted_tls, elsewhere):
    """Stand-in: an https blog (127.0.0.1, own certificate) redirecting to a plain-http
    listener on the same host."""
    plain = f"http://127.0.0.1:{elsewhere.port}/"
    with ScriptedServer(
        lambda seen: Answer(307, {"Location": plain + seen.path.lstrip("/")}), tls=trusted_tls
    ) as blog:
        assert blog.url.startswith("https://")
        publisher = make_publisher(Account("Secure", kind, blog.url, "editor"), SECRET, 5)
        with pytest.raises(PublishError) as caught:
            publisher.verify()
        assert "from https to plain http" in one_line(caught.value)
        assert blog.seen
    assert elsewhere.seen == []


def test_the_https_stand_in_is_reachable(trusted_tls):
    """The downgrade test above proves something only if https itself works here."""
    with ScriptedServer(lambda seen: json_answer("{}"), tls=trusted_tls) as blog:
        assert http.Client(blog.url).request("GET", blog.url).json_object() == {}


def test_a_server_dripping_its_answer_ends_at_the_deadline():
    """Stand-in: a byte every 0.1 s for 6 s; each read is quick, the whole is not."""
    answer = Answer(200, {"Content-Type": "application/json"}, drip(b" ", 0.1, 60))
    with ScriptedServer(lambda seen: answer) as blog:
        publisher = make_publisher(Account("Slow", "wordpress", blog.url, "editor"), SECRET, 1.0)
        started = time.monotonic()
        with pytest.raises(PublishTimeoutError) as caught:
            publisher.verify()
        took = time.monotonic() - started
    one_line(caught.value)
    assert took < 2.0, f"the deadline is per request, not per read: took {took:.1f} s"


def test_a_server_that_stays_silent_ends_at_the_deadline():
    """Stand-in: a server that takes the request and never says a word."""
    with ScriptedServer(lambda seen: "hold") as blog:
        client = http.Client(blog.url, deadline=0.5)
        started = time.monotonic()
        with pytest.raises(PublishTimeoutError):
            client.request("POST", blog.url, data=b"x")
        assert time.monotonic() - started < 1.5


def test_an_endless_answer_is_cut_at_the_cap():
    """Stand-in: a body that never ends (no Content-Length)."""
    with ScriptedServer(lambda seen: Answer(200, {}, endless())) as blog:
        publisher = make_publisher(Account("Big", "wordpress", blog.url, "editor"), SECRET, 20)
        started = time.monotonic()
        with pytest.raises(PublishError) as caught:
            publisher.verify()
    assert "larger than 20 MB" in one_line(caught.value)
    assert time.monotonic() - started < 10


def test_an_answer_longer_than_the_cap_is_refused():
    """Stand-in: an answer with an honest length above the (lowered) cap."""
    with ScriptedServer(lambda seen: Answer(200, {}, b"x" * 5000)) as blog:
        client = http.Client(blog.url, max_bytes=1000)
        with pytest.raises(PublishError, match="larger than"):
            client.request("GET", blog.url)


# -- answers of the wrong shape, for every call the WordPress publisher makes -------------

SHAPES = {
    "list": "[1, 2]",
    "null": "null",
    "html": "<!DOCTYPE html><html><body><h1>Database error</h1></body></html>",
    "number": "42",
}


def rest_route(route: str, method: str = "GET"):
    """A FaultProxy path test for one REST route, as ``/wp-json/<route>`` or
    ``?rest_route=<route>`` (plain permalinks)."""

    def matches(path: str) -> bool:
        parts = urllib.parse.urlsplit(path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        return route in (query.get("rest_route", ""), parts.path.removeprefix("/wp-json"))

    return matches


@pytest.fixture(scope="module")
def existing(wordpress):
    """A post and an image already on the real WordPress."""
    post = wordpress.php(
        "echo wp_insert_post(['post_title' => 'Shape target', 'post_status' => 'publish', "
        "'post_name' => 'shape-target']);"
    ).strip()
    media = wordpress.php(
        "echo wp_insert_attachment(['post_title' => 'shape image', 'post_mime_type' => "
        "'image/png', 'post_status' => 'inherit'], 'shape.png');"
    ).strip()
    return post, media


def rest_calls(post_id: str, media_id: str):
    """Call → (method, route the fault is put on, the call)."""
    payload = Payload(title="Shapes", html="<p>x</p>", slug="shapes", tags=["shape-tag"])
    return {
        "verify": ("GET", "/wp/v2/users/me", lambda p: p.verify()),
        "tag lookup": ("GET", "/wp/v2/tags", lambda p: p.create(payload)),
        "create": ("POST", "/wp/v2/posts", lambda p: p.create(payload)),
        "update": ("POST", f"/wp/v2/posts/{post_id}", lambda p: p.update(post_id, payload)),
        "get": ("GET", f"/wp/v2/posts/{post_id}", lambda p: p.get(post_id)),
        "find": ("GET", "/wp/v2/posts", lambda p: p.find("shape-target", "Shape target")),
        "recent": ("GET", "/wp/v2/posts", lambda p: p.recent(5)),
        "by_url": ("GET", "/wp/v2/posts", lambda p: p.by_url("http://x/shape-target/")),
        "upload": ("POST", "/wp/v2/media", lambda p: p.upload("a.png", b"\x89PNG", "image/png")),
        "media_exists": ("GET", f"/wp/v2/media/{media_id}", lambda p: p.media_exists(media_id)),
    }


CALLS = list(rest_calls("1", "1"))


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("call", CALLS)
def test_wordpress_answers_of_the_wrong_shape_are_one_line(
    wordpress, rest_account, existing, call, shape
):
    method, route, run = rest_calls(*existing)[call]
    with FaultProxy(wordpress.url) as proxy:
        proxy.add(
            Rule(
                "answer",
                method=method,
                path=rest_route(route),
                times=None,
                answer=json_answer(SHAPES[shape]),
            )
        )
        account = Account("Shapes", "wordpress", proxy.url, wordpress.user)
        publisher = make_publisher(account, wordpress.app_password, 10)
        with pytest.raises(PublishError) as caught:
            run(publisher)
        assert proxy.rules[0].used >= 1, "the fault was not reached"
    one_line(caught.value)


def xmlrpc_answer(value) -> Answer:
    body = xmlrpc.client.dumps((value,), methodresponse=True, allow_none=True)
    return Answer(200, {"Content-Type": "text/xml"}, body.encode())


XMLRPC_SHAPES = {"number": 42, "string": "oops", "list": [1, 2], "struct": {"a": 1}}
XMLRPC_CALLS = {
    # method → (the call, the shapes that are wrong for it)
    "blogger.getUsersBlogs": (lambda p, i: p.verify(), ("number", "string", "struct", "list")),
    "metaWeblog.getPost": (lambda p, i: p.get(i), ("number", "string", "list")),
    "metaWeblog.getRecentPosts": (lambda p, i: p.recent(5), ("number", "string", "struct")),
    "metaWeblog.newMediaObject": (
        lambda p, i: p.upload("a.png", b"\x89PNG", "image/png"),
        ("number", "string", "list", "struct"),
    ),
    "metaWeblog.newPost": (
        lambda p, i: p.create(Payload(title="Shapes", html="x")),
        ("list", "struct"),
    ),
}


@pytest.mark.parametrize("method", list(XMLRPC_CALLS))
def test_xmlrpc_answers_of_the_wrong_shape_are_one_line(
    wordpress, xmlrpc_account, existing, method
):
    run, shapes = XMLRPC_CALLS[method]
    for shape in shapes:
        with FaultProxy(wordpress.url) as proxy:
            proxy.add(
                Rule(
                    "answer",
                    body=f"<methodName>{method}</methodName>".encode(),
                    times=None,
                    answer=xmlrpc_answer(XMLRPC_SHAPES[shape]),
                )
            )
            account = Account("Shapes", "metaweblog", proxy.url, wordpress.user)
            publisher = make_publisher(account, wordpress.password, 10)
            with pytest.raises(PublishError) as caught:
                run(publisher, existing[0])
            assert proxy.rules[0].used >= 1, "the fault was not reached"
        one_line(caught.value)


# -- hostile XML-RPC answers ---------------------------------------------------------------

BLOGS = (
    "<methodResponse><params><param><value><array><data><value><struct>"
    "<member><name>blogid</name><value><string>1</string></value></member>"
    "<member><name>blogName</name><value><string>{name}</string></value></member>"
    "</struct></value></data></array></value></param></params></methodResponse>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + "]>"
    + BLOGS.format(name="&lol9;")
)


def hostile_blog(xml: str) -> ScriptedServer:
    """Stand-in for a hostile XML-RPC server: every answer is ``xml``."""
    return ScriptedServer(lambda seen: Answer(200, {"Content-Type": "text/xml"}, xml.encode()))


@pytest.mark.parametrize(
    "xml",
    [
        LAUGHS,
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY name "Expanded by an entity">]>'
        + BLOGS.format(name="&name;"),
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file://{path}">]>'
        + BLOGS.format(name="&secret;"),
    ],
    ids=["billion-laughs", "internal-entity", "external-entity"],
)
def test_xmlrpc_answers_with_entities_are_refused(tmp_path, xml):
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text("the writer's private file", encoding="utf-8")
    with hostile_blog(xml.replace("{path}", str(secret_file))) as blog:
        publisher = make_publisher(Account("Hostile", "metaweblog", blog.url, "me"), SECRET, 5)
        started = time.monotonic()
        with pytest.raises(PublishError) as caught:
            publisher.verify()
    said = one_line(caught.value)
    assert "DTD or entities" in said
    assert "private file" not in said and "Expanded" not in said and "lollol" not in said
    assert time.monotonic() - started < 2


def test_a_plain_xmlrpc_answer_still_works():
    with hostile_blog('<?xml version="1.0"?>' + BLOGS.format(name="Plain blog")) as blog:
        publisher = make_publisher(Account("Plain", "metaweblog", blog.url, "me"), SECRET, 5)
        assert publisher.verify() == "Plain blog, signed in as me"


def test_a_dropped_read_is_asked_again_but_a_post_is_never_resent():
    """Stand-in: the first request of each kind is dropped after it arrived."""
    dropped: set[str] = set()

    def once_dropped(seen):
        if seen.method not in dropped:
            dropped.add(seen.method)
            return "drop"
        return json_answer("{}")

    with ScriptedServer(once_dropped) as blog:
        client = http.Client(blog.url)
        assert client.request("GET", blog.url).json_object() == {}
        with pytest.raises(PublishError, match="dropped before it answered"):
            client.request("POST", blog.url, data=b"metaWeblog.newPost")
        assert blog.count(method="POST") == 1
        assert blog.count(method="GET") == 2
