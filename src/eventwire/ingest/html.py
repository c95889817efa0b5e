"""HTML pages and fragments to report text and metadata."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import trafilatura

# Only the page's own publication date: no guessing from the text or from today's date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "figure", "figcaption", "tr", "table", "pre",
}  # fmt: skip
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")
_HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I
)
# Below this, what trafilatura found is navigation or a caption, not a report.
_MIN_WORDS = 8
_SKIP_TAGS = {"script", "style", "noscript", "template"}


def extract_page(html: str | bytes, url: str | None = None) -> dict[str, Any] | None:
    """Main text and metadata of a web page, or None when no main text is found.

    Keys: text (paragraphs separated by blank lines), title, author, date (ISO string
    or None), sitename, url.
    """
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None or len((doc.text or "").split()) < _MIN_WORDS:
        return None
    paragraphs = [line.strip() for line in doc.text.split("\n") if line.strip()]
    return {
        "text": "\n\n".join(paragraphs),
        "title": doc.title or "",
        "author": doc.author or None,
        "date": doc.date or None,
        "sitename": doc.sitename or None,
        "url": doc.url or url,
    }


def primary_language(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lower case: "en-GB" -> "en".

    >>> primary_language("en-GB"), primary_language(None)
    ('en', None)
    """
    if not tag:
        return None
    found = _LANGUAGE_TAG.match(tag.strip())
    return found.group(1).lower() if found else None


def page_language(html: str | bytes) -> str | None:
    """The language a page declares on its ``<html lang=...>`` element, if any."""
    head = html[:4096] if isinstance(html, str) else html[:4096].decode("ascii", "replace")
    found = _HTML_LANG.search(head)
    return primary_language(found.group(1)) if found else None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\n", " "))


def fragment_text(fragment: str) -> str:
    """Text of a small HTML fragment (a feed item's content), block tags as paragraphs.

    >>> fragment_text("<p>Gunmen <b>attacked</b> a market.</p><p>Two died.</p>").split()
    ['Gunmen', 'attacked', 'a', 'market.', 'Two', 'died.']
    """
    if "<" not in fragment:
        return fragment
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return "".join(collector.parts)
