"""Adding a blog by its address: the API is found from the blog's own pages (the real
WordPress, with pretty and plain permalinks, and the real Micropub server), and signing in
tells the writer what to do when WordPress wants an application password."""

from __future__ import annotations

import contextlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from micropub_server import TOKEN

from smugdesk.publish import discovery
from smugdesk.publish.discovery import AppPasswordNeededError, DiscoveryError, discover
from smugdesk.publish.remote import make_publisher

THEME = "smugdesk-home"
FUNCTIONS = """<?php
// A theme that prints WordPress's own <head> (wp_head: the REST <link>, the RSD EditURI),
// and, when asked, leaves out the REST Link header so only the page names the API.
if (get_option('smugdesk_no_link_header')) {
    remove_action('template_redirect', 'rest_output_link_header', 11);
}
"""
INDEX = """<!DOCTYPE html><html><head><meta charset="utf-8"><?php wp_head(); ?></head>
<body><h1><?php bloginfo('name'); ?></h1></body></html>
"""


@pytest.fixture
def themed(wordpress):
    """The shared WordPress with a theme that prints its <head>, plain permalinks and no REST
    Link header; everything put back afterwards for the other tests."""
    folder = wordpress.folder / "wp-content" / "themes" / THEME
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "style.css").write_text(f"/*\nTheme Name: {THEME}\n*/\n", encoding="utf-8")
    (folder / "functions.php").write_text(FUNCTIONS, encoding="utf-8")
    (folder / "index.php").write_text(INDEX, encoding="utf-8")
    before = wordpress.php(
        "echo get_option('permalink_structure'), '|', get_option('template'), '|', "
        "get_option('stylesheet');"
    ).split("|")
    wordpress.php(
        f"switch_theme('{THEME}'); update_option('permalink_structure', '');"
        "update_option('smugdesk_no_link_header', 1); echo 'ok';"
    )
    yield wordpress
    permalinks, template, stylesheet = before
    wordpress.php(
        f"update_option('permalink_structure', '{permalinks}');"
        f"update_option('template', '{template}'); update_option('stylesheet', '{stylesheet}');"
        "delete_option('smugdesk_no_link_header'); echo 'ok';"
    )


def test_rest_root_from_the_link_header_and_rsd_beside_xmlrpc(wordpress):
    """The fixture's WordPress has no theme: its home page is empty, so the REST root can
    only come from the Link header, the name from the REST index, and XML-RPC from the RSD
    WordPress keeps at xmlrpc.php?rsd."""
    found = discover(wordpress.url)
    assert found.rest_root == wordpress.url + "wp-json/"
    assert "REST API: the Link header" in found.evidence
    assert found.title == "Ward Notes"
    assert found.xmlrpc == wordpress.url + "xmlrpc.php"
    assert {"WordPress", "MetaWeblog"} <= set(found.rsd_apis)
    assert found.kinds() == ["wordpress", "metaweblog"]
    account = found.account("Ward", found.best(), wordpress.user)
    assert (account.kind, account.url) == ("wordpress", wordpress.url)
    assert "WordPress blog" in found.summary() and "application password" in found.summary()


def test_link_elements_in_the_page_with_plain_permalinks(themed):
    """With plain permalinks and no Link header, the page's <link rel="https://api.w.org/">
    names the root at ?rest_route=/, and its EditURI names the RSD."""
    found = discover(themed.url)
    assert found.rest_root == themed.url + "index.php?rest_route=/"
    assert found.evidence == ("REST API: a <link> in the page", "RSD: a <link> in the page")
    assert found.xmlrpc == themed.url + "xmlrpc.php"
    assert found.title.startswith("Ward Notes")
    # The account made from it publishes through ?rest_route= and signs in.
    account = found.account("Ward", "wordpress", themed.user)
    assert account.url == themed.url
    said = make_publisher(account, themed.app_password, timeout=20).verify()
    assert said.endswith("signed in as editor")


def test_sign_in_with_an_application_password(wordpress):
    found = discover(wordpress.url)
    said = discovery.wordpress_sign_in(found, wordpress.user, wordpress.app_password)
    assert said == "Ward Notes, signed in as editor"


def test_usual_password_over_rest_says_what_to_do(wordpress):
    """WordPress refuses the account's usual password over REST (401 rest_not_logged_in /
    incorrect_password): the message names Users → Profile with its link and XML-RPC, and
    the same password does sign in over XML-RPC."""
    found = discover(wordpress.url)
    with pytest.raises(AppPasswordNeededError) as refused:
        discovery.wordpress_sign_in(found, wordpress.user, wordpress.password)
    message = str(refused.value)
    assert "application password" in message and "Users → Profile" in message
    assert refused.value.profile == wordpress.url + "wp-admin/profile.php"
    assert refused.value.profile in message and "XML-RPC" in message
    xmlrpc = found.account("Ward (XML-RPC)", "metaweblog", wordpress.user)
    assert make_publisher(xmlrpc, wordpress.password, timeout=20).verify().endswith("editor")


@contextlib.contextmanager
def stand_in(handler_class):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _home_page(micropub_site):
    class HomePage(BaseHTTPRequestHandler):
        """A stand-in for a blog's home page only (django-indieweb serves no home page):
        it names the real Micropub server's endpoints, one in the Link header, the rest in
        the page, the way an IndieWeb site does."""

        def do_GET(self):
            base = micropub_site.base
            body = (
                "<!doctype html><html><head><title>Notes &amp; Photos</title>"
                f'<link rel="authorization_endpoint" href="{base}/indieweb/auth/">'
                f'<link rel="token_endpoint" href="{base}/indieweb/token/">'
                "</head><body>hello</body></html>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Link", f'<{micropub_site.endpoint}>; rel="micropub"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return HomePage


def test_micropub_from_the_home_page(micropub_site):
    with stand_in(_home_page(micropub_site)) as home:
        found = discover(home + "/")
    assert found.title == "Notes & Photos"
    assert found.micropub == micropub_site.endpoint
    assert found.authorization_endpoint == micropub_site.base + "/indieweb/auth/"
    assert found.token_endpoint == micropub_site.base + "/indieweb/token/"
    assert found.kinds() == ["micropub"]
    assert "Micropub" in found.summary() and "IndieAuth" in found.summary()
    # The endpoint is on another port than the page: the writer is told where the token goes.
    assert found.notes == (
        f"The blog's Micropub is on another site, {micropub_site.base}: the password or "
        "token for it will be sent there.",
    )
    account = found.account("Notes", "micropub")
    assert make_publisher(account, TOKEN, timeout=20).verify().startswith("127.0.0.1")


def test_redirect_to_another_site_is_followed_and_reported(wordpress):
    """Discovery carries no credentials, so it may follow a redirect to another origin; the
    final address is what the account is made for, and the writer is told."""

    class Moved(BaseHTTPRequestHandler):
        """A stand-in for an old address that moved to the blog (a redirect to another
        origin, which the real WordPress does not send)."""

        def do_GET(self):
            self.send_response(301)
            self.send_header("Location", wordpress.url)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    with stand_in(Moved) as old:
        found = discover(old + "/")
    assert found.address == wordpress.url
    assert found.api_address("wordpress") == wordpress.url
    assert found.notes == (f"{old}/ sent smugdesk on to {wordpress.url}.",)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("javascript:alert(1)", "not a web address"),
        ("https://user:pw@example.org/", "user name or password"),
        ("http://127.0.0.1:1/", "could not be read"),
    ],
)
def test_bad_addresses_give_one_line(typed, said):
    with pytest.raises(DiscoveryError) as error:
        discover(typed, deadline=5)
    assert said in str(error.value) and "\n" not in str(error.value)


def test_a_page_that_is_not_there(micropub_site):
    with pytest.raises(DiscoveryError) as error:
        discover(micropub_site.base + "/nothing-here/")
    assert "answered 404 (" in str(error.value) and "\n" not in str(error.value)


def test_a_page_naming_no_api(micropub_site):
    """A real page that is no blog (the IndieAuth server's metadata): nothing named, and no
    RSD where WordPress would keep one."""
    with pytest.raises(DiscoveryError, match="names no blogging API"):
        discover(micropub_site.base + "/indieweb/auth/metadata/")


def test_link_header_forms():
    pairs = discovery.link_header(
        '<https://a.example/wp-json/>; rel="https://api.w.org/", '
        '</micropub>; rel=micropub, <https://t.example/>; title=x; rel="token_endpoint me"'
    )
    assert pairs == [
        ("https://api.w.org/", "https://a.example/wp-json/"),
        ("micropub", "/micropub"),
        ("token_endpoint", "https://t.example/"),
        ("me", "https://t.example/"),
    ]


@pytest.mark.parametrize(
    ("root", "site"),
    [
        ("https://b.example/wp-json/", "https://b.example/"),
        ("https://b.example/blog/wp-json/", "https://b.example/blog/"),
        ("https://b.example/?rest_route=/", "https://b.example/"),
        ("https://b.example/blog/index.php?rest_route=/", "https://b.example/blog/"),
    ],
)
def test_rest_site_from_the_root(root, site):
    assert discovery.rest_site(root) == site


def _serving(pages: dict[str, tuple[str, bytes]]):
    class Pages(BaseHTTPRequestHandler):
        """A stand-in site with hostile pages no real blog serves on purpose."""

        def do_GET(self):
            kind, body = pages.get(self.path, ("text/plain", b""))
            if self.path not in pages:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            if body == b"endless":
                self.end_headers()
                chunk = b"<p>" + b"x" * 65536
                try:
                    for _ in range(100):  # 6.5 MB, far past the cap
                        self.wfile.write(chunk)
                except OSError:
                    pass  # the reader stopped, as it should
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Pages


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rsd [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rsd><service><engineName>&c;</engineName><apis>
<api name="MetaWeblog" apiLink="http://127.0.0.1:9/xmlrpc.php"/></apis></service></rsd>"""


def test_an_rsd_declaring_entities_is_refused():
    page = b'<link rel="EditURI" type="application/rsd+xml" href="/rsd">'
    pages = {"/": ("text/html", page), "/rsd": ("application/rsd+xml", LAUGHS)}
    with stand_in(_serving(pages)) as site, pytest.raises(DiscoveryError, match="no blogging"):
        discover(site + "/")


def test_an_endless_page_is_cut_at_the_cap():
    endless = _serving({"/": ("text/html", b"endless")})
    with stand_in(endless) as site, pytest.raises(DiscoveryError, match="larger than 2 MB"):
        discover(site + "/")


def test_links_to_other_schemes_are_ignored():
    page = (
        b'<link rel="micropub" href="javascript:alert(1)">'
        b'<link rel="https://api.w.org/" href="file:///etc/passwd">'
    )
    with (
        stand_in(_serving({"/": ("text/html", page)})) as site,
        pytest.raises(DiscoveryError, match="no blogging"),
    ):
        discover(site + "/")


def test_an_api_on_another_site_is_named_before_any_password_goes():
    """The RSD sends XML-RPC to another site: offered as the fallback, it carries a note."""
    rsd = (
        b'<?xml version="1.0"?><rsd><service><engineName>WordPress</engineName><apis>'
        b'<api name="MetaWeblog" apiLink="http://127.0.0.1:9/xmlrpc.php"/></apis></service></rsd>'
    )
    page = b'<link rel="https://api.w.org/" href="/wp-json/"><link rel="EditURI" href="/rsd">'
    pages = {"/": ("text/html", page), "/rsd": ("application/rsd+xml", rsd)}
    with stand_in(_serving(pages)) as site:
        found = discover(site + "/")
    assert found.kinds() == ["wordpress", "metaweblog"]
    assert found.notes == (
        "The blog's XML-RPC is on another site, http://127.0.0.1:9: the password or token "
        "for it will be sent there.",
    )
