"""Entries: one validated Markdown file each, typed by kind (article, cooperative, document)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from pydantic import BaseModel

from ..common import urls
from ..common.vietnamese import shorten, slugify
from .frontmatter import Parsed
from .models import Article, Cooperative, Document

Data = TypeVar("Data", Article, Cooperative, Document)


@dataclass(eq=False)
class Entry(Generic[Data]):
    data: Data
    path: str  # as shown to editors: content/tin-tuc/x.md
    src_uri: str  # relative to the content folder: tin-tuc/x.md
    body: str
    parsed: Parsed = field(repr=False)

    kind: ClassVar[str]
    label: ClassVar[str]  # what readers call this kind ("Tin bài")
    model: ClassVar[type[BaseModel]]

    @property
    def id(self) -> str:
        return self.data.id

    @cached_property  # entries never change once read; lists ask for URLs many times
    def slug(self) -> str:
        return self.data.slug or slugify(Path(self.src_uri).stem)

    @property
    def section(self) -> str:
        return self.src_uri.split("/", 1)[0]

    @cached_property
    def url(self) -> str:
        return urls.entry(self.section, self.slug)

    @property
    def title(self) -> str:
        return self.data.title

    @property
    def headline(self) -> str:
        """How the entry is named in lists and feeds."""
        return self.title

    @property
    def summary(self) -> str:
        return self.data.summary

    @property
    def draft(self) -> bool:
        return self.data.draft

    @property
    def tags(self) -> list[str]:
        return self.data.tags

    @property
    def published(self) -> datetime:
        return self.data.published

    @property
    def updated(self) -> datetime:
        """The last important change (articles and profiles may say so with `updated:`)."""
        return getattr(self.data, "updated", None) or self.published

    def line(self, *loc: str | int) -> int:
        return self.parsed.line(loc)


@dataclass(eq=False)
class ArticleEntry(Entry[Article]):
    kind: ClassVar[str] = "article"
    label: ClassVar[str] = "Tin bài"
    model: ClassVar[type[BaseModel]] = Article


@dataclass(eq=False)
class CooperativeEntry(Entry[Cooperative]):
    kind: ClassVar[str] = "cooperative"
    label: ClassVar[str] = "Hợp tác xã"
    model: ClassVar[type[BaseModel]] = Cooperative


@dataclass(eq=False)
class DocumentEntry(Entry[Document]):
    kind: ClassVar[str] = "document"
    label: ClassVar[str] = "Văn bản"
    model: ClassVar[type[BaseModel]] = Document

    @property
    def headline(self) -> str:
        """ "Kế hoạch 145/KH-LMHTXVN: Triển khai Hướng dẫn số 164-HD/BTGTW…" — type, number, short title."""
        d = self.data
        name = f"{d.type} {d.number}" if d.number else f"{d.type} (dự thảo)"
        return f"{name}: {shorten(d.summary, 90)}"


AnyEntry = ArticleEntry | CooperativeEntry | DocumentEntry
ENTRY_TYPES: dict[str, type[AnyEntry]] = {"article": ArticleEntry, "cooperative": CooperativeEntry, "document": DocumentEntry}


def newest_first(entries):
    """Entries sorted by publication date, newest first (the id breaks ties, for stable output)."""
    return sorted(entries, key=lambda e: (e.published, e.id), reverse=True)
