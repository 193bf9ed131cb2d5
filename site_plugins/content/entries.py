"""Entries: one validated Markdown file each, typed by kind (article, cooperative, document, event).

Each kind decides, once, what is particular to it: how it is named (title, headline in lists,
the kicker above it, a document's label when it has no number), how a new permanent id is made,
which of its fields point at registries and other entries, which files it uses, and which
agencies and provinces it belongs to. Later stages ask the entry; they do not test its type."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from pydantic import BaseModel

from ..common.vietnamese import short_date, shorten, slugify
from .entry import NO_NUMBER, Entry, FileRef, RefField
from .models import Article, Cooperative, Document, Event, Image

if TYPE_CHECKING:
    from .registries import Registries


@dataclass(eq=False)
class ArticleEntry(Entry[Article]):
    kind: ClassVar[str] = "article"
    label: ClassVar[str] = "Tin bài"
    model: ClassVar[type[BaseModel]] = Article
    schema_type: ClassVar[str] = "NewsArticle"
    id_prefix: ClassVar[str] = "tin"
    ref_fields: ClassVar[dict[str, str]] = {"column": "column", "agency": "agency", "provinces": "province", "tags": "tag",
                                            "cooperatives": "cooperative", "documents": "document", "campaign": "campaign"}  # fmt: skip

    @property
    def title(self) -> str:
        return self.data.title

    def kicker(self, registries: Registries) -> str:
        return registries.columns[self.data.column].title

    def byline(self, registries: Registries) -> list[str]:
        return list(self.data.authors) or super().byline(registries)

    def category(self, registries: Registries) -> tuple[str, str] | None:
        return self.data.column, registries.columns[self.data.column].title

    def agencies(self) -> list[str]:
        return [self.data.agency]

    def provinces(self, registries: Registries | None = None) -> list[str]:
        return list(self.data.provinces)

    @property
    def column(self) -> str | None:
        return self.data.column

    @property
    def campaign(self) -> str | None:
        return self.data.campaign

    def mentioned(self) -> list[str]:
        return [*self.data.cooperatives, *self.data.documents]

    def cover(self) -> Image | None:
        return self.data.cover

    def own_files(self) -> list[FileRef]:
        cover = self.data.cover
        return [FileRef("cover.src", self.line("cover", "src"), cover.src, True, cover.alt)] if cover else []


@dataclass(eq=False)
class CooperativeEntry(Entry[Cooperative]):
    kind: ClassVar[str] = "cooperative"
    label: ClassVar[str] = "Hợp tác xã"
    model: ClassVar[type[BaseModel]] = Cooperative
    schema_type: ClassVar[str] = "Organization"
    id_prefix: ClassVar[str] = "htx"
    ref_fields: ClassVar[dict[str, str]] = {"province": "province", "sectors": "sector", "agency": "agency", "tags": "tag"}

    @property
    def title(self) -> str:
        return self.data.name

    @classmethod
    def new_id(cls, words: str, when: datetime) -> str:
        return f"{cls.id_prefix}-{words}"  # a cooperative is known by its name, not by a date

    def agencies(self) -> list[str]:
        return [self.data.agency] if self.data.agency else []

    def provinces(self, registries: Registries | None = None) -> list[str]:
        return [self.data.province]

    def cover(self) -> Image | None:
        return self.data.photos[0] if self.data.photos else None

    def origin(self) -> tuple[str, list[str]]:
        return "province", [self.data.province]

    def own_files(self) -> list[FileRef]:
        return [FileRef(f"photos.{i + 1}.src", self.line("photos", i, "src"), p.src, True, p.alt) for i, p in enumerate(self.data.photos)]


@dataclass(eq=False)
class DocumentEntry(Entry[Document]):
    kind: ClassVar[str] = "document"
    label: ClassVar[str] = "Văn bản"
    model: ClassVar[type[BaseModel]] = Document
    schema_type: ClassVar[str] = "Legislation"
    pictured: ClassVar[bool] = False
    id_prefix: ClassVar[str] = "vb"
    ref_fields: ClassVar[dict[str, str]] = {"issuers": "agency", "provinces": "province", "tags": "tag", "replaced_by": "document"}
    body_top: ClassVar[int] = 2

    @property
    def number(self) -> str:
        """The number and symbol as printed, or the label of a document that has none yet."""
        return self.data.number or NO_NUMBER

    @property
    def title(self) -> str:
        """ "Kế hoạch 145/KH-LMHTXVN" — type and number."""
        return f"{self.data.type} {self.number}"

    @property
    def headline(self) -> str:
        """ "Kế hoạch 145/KH-LMHTXVN: Triển khai Hướng dẫn số 164-HD/BTGTW…" — type, number, short title."""
        return f"{self.title}: {shorten(self.data.summary, 90)}"

    @property
    def date_field(self) -> str:
        return "date" if self.data.date else "issued"

    @property
    def undated_year(self) -> int | None:
        return self.data.issued_year if self.data.issued is None and self.data.date is None else None

    @property
    def card_lines(self) -> tuple[str | None, str]:
        return self.title, self.summary

    def category(self, registries: Registries) -> tuple[str, str] | None:
        return slugify(self.data.type), self.data.type

    def enclosed(self) -> list[str]:
        return [a.src for a in self.data.attachments]

    @classmethod
    def id_for_number(cls, type_code: str, number: str | None, issuers: str, place: str | None, year: int | None) -> str:
        """The id of an imported document, from what identifies it: "kh-145-lmhtxvn-2021"; a draft
        without a number: "kh-ubnd-ninh-thuan-2021-du-thao"."""
        if number:
            return slugify(f"{type_code} {number} {issuers} {place or ''} {year or ''}")
        return slugify(f"{type_code} {issuers} {place or ''} {year or ''} du-thao")

    def agencies(self) -> list[str]:
        return list(self.data.issuers)

    def spellings(self) -> list[str]:
        return [self.data.number or "", self.title]

    @property
    def identity(self) -> str | None:
        d = self.data
        return f"{d.issuers[0]} {d.issued_year} {d.number}" if d.number else None

    def provinces(self, registries: Registries | None = None) -> list[str]:
        own = list(self.data.provinces)
        if registries is None:
            return own
        return own + [p for p in (registries.agencies[a].province for a in self.data.issuers) if p]

    def nested_refs(self) -> Iterator[RefField]:
        d = self.data
        for i, signer in enumerate(d.signers):
            yield RefField("agency", f"signers.{i + 1}.agency", ("signers", i), signer.agency)
        for i, cite in enumerate(d.cites):
            yield RefField("agency", f"cites.{i + 1}.issuer", ("cites", i), cite.issuer)
        for i, completion in enumerate(d.completes):
            yield RefField("document", f"completes.{i + 1}.document", ("completes", i, "document"), completion.document)
        for i, task in enumerate(d.tasks):
            yield RefField("agency", f"tasks.{i + 1}.lead", ("tasks", i, "lead"), task.lead)
            yield RefField("agency", f"tasks.{i + 1}.partners", ("tasks", i, "partners"), task.partners)

    def own_files(self) -> list[FileRef]:
        return [FileRef(f"attachments.{i + 1}.src", self.line("attachments", i, "src"), a.src, False, "") for i, a in enumerate(self.data.attachments)]


@dataclass(eq=False)
class EventEntry(Entry[Event]):
    """An event: its page, its place in the calendars (su-kien/, and each organiser's, province's,
    campaign's and kind's .ics) and in its organisers' feeds."""

    kind: ClassVar[str] = "event"
    label: ClassVar[str] = "Sự kiện"
    model: ClassVar[type[BaseModel]] = Event
    schema_type: ClassVar[str] = "Event"
    id_prefix: ClassVar[str] = "sk"
    ref_fields: ClassVar[dict[str, str]] = {"organisers": "agency", "province": "province", "campaign": "campaign", "documents": "document",
                                            "articles": "article"}  # fmt: skip

    @property
    def title(self) -> str:
        return self.data.title

    def kicker(self, registries: Registries) -> str:
        return self.data.kind.capitalize()  # "Tập huấn"

    def category(self, registries: Registries) -> tuple[str, str] | None:
        return slugify(self.data.kind), self.data.kind.capitalize()

    @property
    def card_lines(self) -> tuple[str | None, str]:
        """A social card names the day it takes place above the title."""
        return short_date(self.data.begins), self.title

    def agencies(self) -> list[str]:
        return list(self.data.organisers)

    def provinces(self, registries: Registries | None = None) -> list[str]:
        """Where it takes place; when no province is written, its organisers' (given the registries)."""
        if self.data.province:
            return [self.data.province]
        if registries is None:
            return []
        return list(dict.fromkeys(p for p in (registries.agencies[a].province for a in self.data.organisers) if p))

    @property
    def campaign(self) -> str | None:
        return self.data.campaign

    def cover(self) -> Image | None:
        return self.data.cover

    def own_files(self) -> list[FileRef]:
        cover = self.data.cover
        return [FileRef("cover.src", self.line("cover", "src"), cover.src, True, cover.alt)] if cover else []


AnyEntry = ArticleEntry | CooperativeEntry | DocumentEntry | EventEntry
ENTRY_TYPES: dict[str, type[AnyEntry]] = {"article": ArticleEntry, "cooperative": CooperativeEntry, "document": DocumentEntry, "event": EventEntry}


def newest_first(entries):
    """Entries sorted by publication date, newest first (the id breaks ties, for stable output)."""
    return sorted(entries, key=lambda e: (e.published, e.id), reverse=True)
