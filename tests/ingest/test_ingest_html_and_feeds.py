"""HTML pages, RSS/Atom feeds and URL fetching (against a local server, never the network)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.ingest import IngestError, fetch_url, read_inputs
from eventwire.model import Article

PAGE = """<!doctype html>
<html><head>
<title>Drone strike hits fuel depot | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2024-03-02T07:40:00+02:00">
<meta name="author" content="Iryna Test">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Drone strike hits fuel depot</h1>
<p>A drone struck a fuel depot on the edge of Kharkiv overnight, starting a fire that
burned until morning, the regional governor said on Saturday.</p>
<p>Firefighters brought the blaze under control after six hours. No one was hurt,
the governor said, but windows in nearby houses were blown out.</p>
</article>
<footer>Subscribe to our newsletter. Copyright 2024 Example Daily.</footer>
</body></html>
"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Test Desk</title><link>https://news.invalid/</link><description>Test</description>
<item>
  <title>Curfew after riot in market town</title>
  <link>https://news.invalid/riot</link>
  <pubDate>Tue, 14 May 2024 09:30:00 GMT</pubDate>
  <description>&lt;p&gt;Rioters set fire to shops in the market town of Kaduna on Monday
  night.&lt;/p&gt;&lt;p&gt;Police imposed a curfew.&lt;/p&gt;</description>
</item>
<item>
  <title>Empty item</title>
  <link>https://news.invalid/empty</link>
</item>
</channel></rss>
"""


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_inputs([str(path)], published=date(2000, 1, 1), outlet="CLI")
    assert isinstance(article, Article)
    assert article.title == "Drone strike hits fuel depot"
    assert article.published_at == date(2024, 3, 2)  # meta tag beats the CLI default
    assert article.outlet == "Example Daily"
    assert article.byline == "Iryna Test"
    assert "fuel depot on the edge of Kharkiv" in article.text
    assert "World" not in article.text and "Subscribe" not in article.text


def test_feed_items(tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(FEED, encoding="utf-8")
    article, error = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert article.title == "Curfew after riot in market town"
    assert article.url == "https://news.invalid/riot"
    assert article.outlet == "Test Desk"
    assert article.published_at == date(2024, 5, 14)
    assert article.text.startswith("Rioters set fire")
    assert "<p>" not in article.text and "\n\nPolice imposed a curfew." in article.text
    assert str(error) == f"{path}: item 2: no text (no content or summary)"


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {
        "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
        "/feed": (200, "application/rss+xml", FEED.encode()),
        "/photo": (200, "image/jpeg", b"\xff\xd8\xff\xe0"),
        "/big": (200, "text/plain", b"x" * 5000),
        "/redirect-file": (302, "file:///etc/passwd", b""),
    }

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        status, kind, body = self.routes.get(self.path, (404, "text/plain", b"not here"))
        self.send_response(status)
        if status == 302:
            self.send_header("Location", kind)
        else:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_html_page(server: str) -> None:
    [article] = read_inputs([f"{server}/page"])
    assert isinstance(article, Article)
    assert article.title == "Drone strike hits fuel depot"
    assert article.url == f"{server}/page"
    assert article.origin == f"{server}/page"


def test_fetch_feed(server: str) -> None:
    items = list(read_inputs([f"{server}/feed"]))
    assert [a.url for a in items if isinstance(a, Article)] == ["https://news.invalid/riot"]


@pytest.mark.parametrize(
    ("route", "problem"),
    [
        ("/photo", "content type image/jpeg is not a readable report"),
        ("/missing", "server answered HTTP 404 Not Found"),
    ],
)
def test_fetch_refusals(server: str, route: str, problem: str) -> None:
    [error] = read_inputs([server + route])
    assert isinstance(error, IngestError)
    assert str(error) == f"{server}{route}: {problem}"


def test_fetch_size_cap(server: str) -> None:
    with pytest.raises(IngestError, match="larger than the 1000 byte limit"):
        fetch_url(f"{server}/big", max_bytes=1000)


def test_fetch_refuses_redirect_out_of_http(server: str) -> None:
    with pytest.raises(IngestError, match="redirect to a non-http"):
        fetch_url(f"{server}/redirect-file")


def test_fetch_refuses_other_schemes() -> None:
    with pytest.raises(IngestError, match="only http and https URLs are read"):
        fetch_url("file:///etc/passwd")


def test_unreachable_host_is_an_error_item() -> None:
    # Port 9 on localhost (discard) is closed here: a refused connection, no network needed.
    [error] = read_inputs(["http://127.0.0.1:9/report"])
    assert isinstance(error, IngestError)
    assert error.problem.startswith("cannot fetch")


def test_html_in_declared_latin1(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(
        b'<html><head><meta charset="iso-8859-1"></head><body><article><p>Students marched '
        b"through Bogot\xe1 on Tuesday to demand lower fees at public universities, organisers "
        b"said.</p></article></body></html>"
    )
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert "Bogotá" in article.text


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "desk.atom"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title><id>urn:test:desk</id><updated>2024-06-01T00:00:00Z</updated>
  <entry>
    <title>Clash near Anefis</title><id>urn:test:1</id>
    <link href="https://news.invalid/anefis"/>
    <updated>2024-06-01T10:00:00Z</updated><published>2024-05-31T22:00:00Z</published>
    <author><name>Sahel Sample</name></author>
    <content type="html">&lt;p&gt;Soldiers and rebels fought near Anefis.&lt;/p&gt;</content>
  </entry>
</feed>""",
        encoding="utf-8",
    )
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert (article.title, article.url, article.outlet, article.byline) == (
        "Clash near Anefis",
        "https://news.invalid/anefis",
        "Atom Desk",
        "Sahel Sample",
    )
    assert article.published_at == date(2024, 5, 31)
    assert article.text == "Soldiers and rebels fought near Anefis."


def test_private_addresses_can_be_refused(server: str) -> None:
    with pytest.raises(IngestError, match=r"address 127\.0\.0\.1 is not public; refused"):
        fetch_url(f"{server}/page", allow_private=False)


def test_declared_languages_are_kept(tmp_path: Path) -> None:
    page = tmp_path / "fr.html"
    page.write_text(PAGE.replace("<html>", '<html lang="fr-FR">'), encoding="utf-8")
    feed = tmp_path / "desk.xml"
    feed.write_text(
        FEED.replace("<title>Test Desk</title>", "<title>T</title><language>es-CO</language>"),
        encoding="utf-8",
    )
    [html_article] = read_inputs([page])
    feed_article, _ = read_inputs([feed])
    assert (html_article.language, feed_article.language) == ("fr", "es")
