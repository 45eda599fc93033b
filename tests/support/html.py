"""One HTML reader for the tests: every start tag with its attributes, the classes of the <div>s around it,
and the text of the first <h1>. Tests pick what they need from it (links, meta, forms, scripts)."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


@dataclass(frozen=True)
class Element:
    """A start tag: its name, its attributes ('' for one without a value) and the classes of the <div>s it is inside."""

    tag: str
    attrs: dict[str, str]
    within: frozenset[str]

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class Html(HTMLParser):
    """The elements of one page, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[Element] = []
        self.h1 = ""
        self._divs: list[frozenset[str]] = []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append(Element(tag, attributes, frozenset().union(*self._divs)))
        if tag == "div":
            self._divs.append(frozenset(attributes.get("class", "").split()))
        self._in_h1 = self._in_h1 or (tag == "h1" and not self.h1)

    def handle_endtag(self, tag):
        if tag == "div" and self._divs:
            self._divs.pop()
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data

    def tags(self, *names: str) -> list[Element]:
        """The elements with one of these tag names."""
        return [e for e in self.elements if e.tag in names]

    @property
    def lang(self) -> str | None:
        return next((e.attrs.get("lang") for e in self.tags("html")), None)

    @property
    def canonical(self) -> str | None:
        return next((e.attrs.get("href") for e in self.tags("link") if e.attrs.get("rel") == "canonical"), None)

    @property
    def meta(self) -> dict[str, str]:
        """<meta> content by property or name."""
        return {e.attrs.get("property") or e.attrs["name"]: e.attrs.get("content", "")
                for e in self.tags("meta") if e.attrs.get("property") or e.attrs.get("name")}


def read_html(source: Path | str) -> Html:
    """Parse a page (a path, or the HTML itself)."""
    parser = Html()
    parser.feed(source.read_text(encoding="utf-8") if isinstance(source, Path) else source)
    parser.close()
    return parser
