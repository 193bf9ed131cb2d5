"""A small writer of markup trees (SVG and the HTML around a chart), written out byte for byte the
same on every build: attributes in the order they were given, numbers without float noise, every
text and attribute value escaped exactly once (MarkupSafe, as Jinja's ``|e``).

Why not a library: the charts are a handful of rectangles, lines and texts. A plotting library
(matplotlib, plotly, pygal…) would bring a browser or a renderer, fonts, embedded styles or
scripts, ids and dates that change between builds — or load its scripts from another host.
Forty lines of our own write exactly the markup the tests check."""

from __future__ import annotations

from markupsafe import Markup, escape

# SVG shapes written as empty elements ("<rect …/>"): HTML's parser accepts the slash inside <svg>
EMPTY = frozenset({"rect", "line", "circle", "path", "polyline"})


def num(value: float) -> str:
    """A coordinate or size: "12", "12.5", "33.33" — never "12.000000001"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Element:
    """A tag, its attributes (None: left out) and its children (elements or texts)."""

    def __init__(self, tag: str, attrs: dict[str, object] | None = None, *children: Element | str):
        self.tag = tag
        self.attrs = {k: v for k, v in (attrs or {}).items() if v is not None}
        self.children: list[Element | str] = list(children)

    def add(self, child: Element) -> Element:
        self.children.append(child)
        return child

    def render(self) -> Markup:
        attrs = "".join(f' {name}="{escape(num(v) if isinstance(v, float) else v)}"' for name, v in self.attrs.items())
        if not self.children and self.tag in EMPTY:
            return Markup(f"<{self.tag}{attrs}/>")
        inner = "".join(c.render() if isinstance(c, Element) else str(escape(c)) for c in self.children)
        return Markup(f"<{self.tag}{attrs}>{inner}</{self.tag}>")


def el(tag: str, attrs: dict[str, object] | None = None, *children: Element | str) -> Element:
    return Element(tag, attrs, *children)
