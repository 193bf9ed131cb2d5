"""Entries: one validated Markdown file each, typed by kind (article, cooperative, document).

Each kind decides, once, what is particular to it: how it is named (title, headline in lists,
the kicker above it, a document's label when it has no number), how a new permanent id is made,
which of its fields point at registries and other entries, which files it uses, and which
agencies and provinces it belongs to. Later stages ask the entry; they do not test its type."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from pydantic import BaseModel

from ..common import urls
from ..common.vietnamese import shorten, slugify
from .frontmatter import Parsed
from .models import Article, Cooperative, Document, Image

if TYPE_CHECKING:
    from .registries import Registries

Data = TypeVar("Data", Article, Cooperative, Document)

NO_NUMBER = "(chưa có số)"  # a document whose number is still blank (a draft): said the same everywhere


def id_words(text: str, limit: int = 8) -> str:
    """The first words of a title or file name, as they go into a permanent id."""
    return "-".join(slugify(text).split("-")[:limit]) or "moi"


@dataclass(frozen=True)
class FileRef:
    """A file an entry points at: where it is written and what it must be."""

    field: str  # "cover.src", "photos.0.src", "attachments.1.src", "body"
    line: int
    src: str  # as written, relative to the Markdown file
    image: bool
    alt: str | None  # the alt text an image has (None: none)


@dataclass(frozen=True)
class RefField:
    """A field inside a list of the front matter that holds ids ("signers.0.agency")."""

    table: str  # what the ids point at: "agency", "document"…
    field: str
    at: tuple  # the location whose line a problem names: ("signers", 0)
    value: str | list[str] | None


BODY_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)|<img\b(?P<attrs>[^>]*)>", re.I)
_ATTR = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


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
    id_prefix: ClassVar[str]
    # Top-level front-matter fields that hold ids → the table they point into (checked on the raw
    # front matter, so that an entry with a bad date still has its unknown agency reported).
    ref_fields: ClassVar[dict[str, str]]
    body_top: ClassVar[int] = 1  # the level of the page heading the body sits under (a document's: "Nội dung", an h2)
    schema_type: ClassVar[str]  # what schema.org calls it (its JSON-LD, and what a shared link needs)
    pictured: ClassVar[bool] = True  # shown with a picture (a document is shown by its number, never by a picture)

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
        """How the entry is named on its own page (each kind says)."""
        raise NotImplementedError

    @property
    def headline(self) -> str:
        """How the entry is named in lists, feeds and search results."""
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

    @property
    def date_field(self) -> str:
        """The field the publication date is written in."""
        return "date"

    def line(self, *loc: str | int) -> int:
        return self.parsed.line(loc)

    # what the entry is -------------------------------------------------------------------------
    def kicker(self, registries: Registries) -> str:
        """What is named above the title, on a card and a social card: an article's column, else the kind."""
        return self.label

    @classmethod
    def new_id(cls, words: str, when: datetime) -> str:
        """A new permanent id in this kind's shape, from a title's (or file name's) first words."""
        return f"{cls.id_prefix}-{when:%Y-%m-%d}-{words}"

    def agencies(self) -> list[str]:
        """The agencies the entry belongs to (who published it, issued it, supports it)."""
        return []

    def provinces(self, registries: Registries | None = None) -> list[str]:
        """The provinces the entry belongs to (a document: its own and, given the registries, its issuers')."""
        return []

    @property
    def column(self) -> str | None:
        """The column an article is published in (other kinds have none)."""
        return None

    @property
    def campaign(self) -> str | None:
        return None

    def mentioned(self) -> list[str]:
        """Ids of the cooperatives and documents an entry says it is about."""
        return []

    def cover(self) -> Image | None:
        """The picture that stands for the entry in lists (an article's cover, a cooperative's first photo)."""
        return None

    def origin(self) -> tuple[str, list[str]]:
        """Where a reader is told the entry comes from: ("agency", ids) or ("province", ids)."""
        return "agency", self.agencies()

    @property
    def undated_year(self) -> int | None:
        """The year of an entry known only by its year (a draft document without a day), else None."""
        return None

    def picture(self, images: list[str]) -> str | None:
        """Of the entry's images (site paths: cover or photos first, then the body's), the one its social
        card shows."""
        return images[0] if images and self.pictured else None

    def byline(self, registries: Registries) -> list[str]:
        """Who speaks: the names feeds give as the authors."""
        return [registries.agencies[a].name for a in self.agencies()]

    def category(self, registries: Registries) -> tuple[str, str] | None:
        """The first category of a feed item, (term, label): an article's column, a document's type."""
        return None

    def enclosed(self) -> list[str]:
        """The files a feed item encloses, as written: the cover picture (a document: its PDFs)."""
        return [cover.src] if (cover := self.cover()) else []

    @property
    def card_lines(self) -> tuple[str | None, str]:
        """What a social card prints: a line above the title (a document's type and number), and the title."""
        return None, self.title

    def spellings(self) -> list[str]:
        """How an editor may name the entry instead of writing its id."""
        return [self.title]

    @property
    def identity(self) -> str | None:
        """What makes two entries the same thing besides their id (a document: issuer, year, number)."""
        return None

    def nested_refs(self) -> Iterator[RefField]:
        """Ids held inside lists of the front matter (the top-level ones are ``ref_fields``, checked
        on the raw front matter so that an invalid entry still has them checked)."""
        return iter(())

    def own_files(self) -> list[FileRef]:
        """Files of the front matter (cover, photos, attachments)."""
        return []

    def files(self) -> list[FileRef]:
        """Every file the entry uses: its own, then the body's local images."""
        return self.own_files() + self.body_images()

    def body_images(self) -> list[FileRef]:
        """Images of the body (Markdown ![alt](src) and <img>), local ones only."""
        found = []
        for match in BODY_IMAGE.finditer(self.body):
            if match["attrs"] is not None:
                attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(match["attrs"])}
                src, alt = attrs.get("src", ""), attrs.get("alt")
            else:
                src, alt = match["src"], match["alt"]
            if not src or re.match(r"^([a-z]+:|//|#)", src, re.I):
                continue  # another host (the sanitiser and the browser deal with it) or an anchor
            line = self.parsed.body_line + self.body.count("\n", 0, match.start())
            found.append(FileRef("body", line, src, True, alt.strip() if alt and alt.strip() else None))
        return found


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
        return [FileRef(f"photos.{i}.src", self.line("photos", i, "src"), p.src, True, p.alt) for i, p in enumerate(self.data.photos)]


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
            yield RefField("agency", f"signers.{i}.agency", ("signers", i), signer.agency)
        for i, cite in enumerate(d.cites):
            yield RefField("agency", f"cites.{i}.issuer", ("cites", i), cite.issuer)
        for i, completion in enumerate(d.completes):
            yield RefField("document", f"completes.{i}.document", ("completes", i, "document"), completion.document)
        for i, task in enumerate(d.tasks):
            yield RefField("agency", f"tasks.{i}.lead", ("tasks", i, "lead"), task.lead)
            yield RefField("agency", f"tasks.{i}.partners", ("tasks", i, "partners"), task.partners)

    def own_files(self) -> list[FileRef]:
        return [FileRef(f"attachments.{i}.src", self.line("attachments", i, "src"), a.src, False, "") for i, a in enumerate(self.data.attachments)]


AnyEntry = ArticleEntry | CooperativeEntry | DocumentEntry
ENTRY_TYPES: dict[str, type[AnyEntry]] = {"article": ArticleEntry, "cooperative": CooperativeEntry, "document": DocumentEntry}


def newest_first(entries):
    """Entries sorted by publication date, newest first (the id breaks ties, for stable output)."""
    return sorted(entries, key=lambda e: (e.published, e.id), reverse=True)
