"""Safe fetching of one report by URL: http(s) only, a timeout, a size cap, text types only."""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from eventwire.ingest.errors import IngestError

TIMEOUT_SECONDS = 20.0
MAX_BYTES = 5 * 1024 * 1024
ALLOWED_SCHEMES = ("http", "https")
# Content types we can read; anything else (images, PDFs, archives) is refused unread.
TEXT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/csv",
    "application/json",
    "application/x-ndjson",
    "application/jsonl",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
_USER_AGENT = "eventwire/0.1 (+news event extraction)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes


def _check_address(url: str, allow_private: bool) -> None:
    """Refuse non-http(s) URLs and, unless allowed, hosts on private or local networks."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.hostname:
        raise IngestError(url, "only http and https URLs are read")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise IngestError(url, f"cannot fetch (host not found: {exc.strerror})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise IngestError(url, f"address {address} is not public; refused")


class _CheckingRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect must not lead out of http(s) (file://, ftp://) nor, when private
    # addresses are refused, into a local network.
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        target = urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
        if urlsplit(target).scheme.lower() not in ALLOWED_SCHEMES:
            raise IngestError(req.full_url, f"redirect to a non-http(s) address refused: {target}")
        _check_address(target, self.allow_private)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def is_url(text: str) -> bool:
    """True for strings that name an http(s) URL."""
    return urlsplit(text).scheme.lower() in ALLOWED_SCHEMES and "://" in text


def fetch_url(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = True,
) -> Fetched:
    """Download one page; IngestError names the URL and what went wrong.

    Services that fetch URLs given by others should pass ``allow_private=False``, so
    that a URL cannot reach hosts on the server's own network.

    >>> fetch_url("ftp://example.org/x")
    Traceback (most recent call last):
    ...
    eventwire.ingest.errors.IngestError: ftp://example.org/x: only http and https URLs are read
    """
    _check_address(url, allow_private)
    opener = urllib.request.build_opener(_CheckingRedirects(allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in TEXT_TYPES:
                raise IngestError(url, f"content type {content_type} is not a readable report")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise IngestError(url, f"page is larger than the {max_bytes} byte limit")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise IngestError(url, f"page is larger than the {max_bytes} byte limit")
            return Fetched(url=response.geturl(), content_type=content_type, data=data)
    except urllib.error.HTTPError as exc:
        raise IngestError(url, f"server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise IngestError(url, f"cannot fetch ({exc.reason})") from None
    except TimeoutError:
        raise IngestError(url, f"no answer within {timeout:g} seconds") from None
    except OSError as exc:
        raise IngestError(url, f"cannot fetch ({exc})") from None
