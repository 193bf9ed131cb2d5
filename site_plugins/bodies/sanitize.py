"""Body HTML through a maintained sanitiser (nh3, the Rust crate ammonia) with a news allow-list.

No scripts, styles, event handlers, forms, or `javascript:`/`data:` URLs; iframes only from the
hosts a site allows in mkdocs.yml (`iframe_hosts:`, none by default: no page then loads
anything from another host). What the sanitiser removes is reported, so the editor learns
that part of the text will not be published."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3
from lxml import html as lxml_html
from markupsafe import escape

from ..common.messages import problem
from ..common.problems import Problem

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "picture", "pre", "q", "s", "small", "source", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "rel"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "type", "media", "sizes"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type", "reversed"},
    "time": {"datetime"},
    "iframe": {"src", "width", "height", "title", "allow", "allowfullscreen", "loading"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_ATTRIBUTES = {"href", "src", "cite", "srcset", "action", "formaction", "poster", "background"}
SCHEMES = {"http", "https", "mailto", "tel"}
DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "object", "embed", "svg", "math"}


@dataclass(frozen=True)
class Sanitizer:
    iframe_hosts: frozenset[str] = frozenset()

    def _filter(self, tag: str, attribute: str, value: str) -> str | None:
        if attribute == "id" and value.startswith("__"):
            return None  # Material's own elements are found by ids like __config
        if tag == "iframe" and attribute == "src":
            parts = urlsplit(value)
            return value if parts.scheme == "https" and parts.hostname in self.iframe_hosts else None
        return value

    def _cleaner(self) -> nh3.Cleaner:
        tags = TAGS | ({"iframe"} if self.iframe_hosts else set())
        return nh3.Cleaner(
            tags=tags,
            clean_content_tags=DROPPED_WITH_CONTENT - tags,
            attributes={k: v for k, v in ATTRIBUTES.items() if k in tags or k == "*"},
            attribute_filter=self._filter,
            url_schemes=SCHEMES,
            link_rel=None,
            strip_comments=True,
        )

    def clean(self, fragment: str) -> str:
        return _cleaner_for(self).clean(fragment)

    def check(self, fragment: str) -> tuple[str, list[str]]:
        """The cleaned fragment, and what was removed ("<script>", "onerror on <img>", "href=javascript:… on <a>")."""
        cleaned = self.clean(fragment)
        if cleaned == fragment:
            return cleaned, []
        removed = _inventory(fragment) - _inventory(cleaned)
        return cleaned, sorted(removed)


_CLEANERS: dict[Sanitizer, nh3.Cleaner] = {}


def _cleaner_for(sanitizer: Sanitizer) -> nh3.Cleaner:
    if sanitizer not in _CLEANERS:
        _CLEANERS[sanitizer] = sanitizer._cleaner()
    return _CLEANERS[sanitizer]


def _inventory(fragment: str) -> Counter:
    """Tags and attributes of a fragment, as the words an editor reads in a warning."""
    found: Counter = Counter()
    if not fragment.strip():
        return found
    for element in lxml_html.fragment_fromstring(fragment, create_parent="div").iterdescendants():
        tag = element.tag if isinstance(element.tag, str) else "comment"
        if tag == "comment":
            continue
        found[f"<{tag}>"] += 1
        for name, value in element.attrib.items():
            shown = value if len(value) <= 40 else value[:37] + "…"
            found[f"{name}={shown} on <{tag}>" if name in URL_ATTRIBUTES else f"{name} on <{tag}>"] += 1
    return found


def body_warning(path: str, removed: list[str]) -> Problem:
    shown = ", ".join(removed[:12]) + (f" (+{len(removed) - 12})" if len(removed) > 12 else "")
    return Problem(path, 0, "body", *problem("body.removed", removed=shown), warning=True)


def text_html(text: str) -> str:
    """A plain text (a summary, a notice) where HTML is expected — a feed item's content: one
    paragraph, escaped once with the function Jinja's ``|e`` uses on pages, never markup."""
    return f"<p>{escape(text)}</p>" if text else ""
