"""A body's HTML read back (feeds, the search index): parsed as one fragment, without the heading
permalinks ("¶") MkDocs adds to every heading."""

from __future__ import annotations

import re

from lxml import html as lxml_html

PERMALINK = ".//a[contains(concat(' ', @class, ' '), ' headerlink ')]"
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "div", "blockquote", "figcaption", "br", "dt", "dd", "pre"}


def parse(fragment: str) -> lxml_html.HtmlElement | None:
    """The fragment under one <div>, its heading permalinks removed; None when it is empty."""
    if not fragment.strip():
        return None
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    for anchor in root.xpath(PERMALINK):
        anchor.drop_tree()
    return root


def plain_text(body_html: str) -> str:
    """The readable text of a body ("…</h2><p>…" are two words apart, not one)."""
    root = parse(body_html)
    if root is None:
        return ""
    for element in root.iter():
        if element.tag in BLOCKS:
            element.tail = " " + (element.tail or "")
    return re.sub(r"\s+", " ", root.text_content()).strip()
